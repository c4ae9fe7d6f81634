"""The signing service on the real server with a real SoftHSM token: the one path the window
and the command line share (manual placement, offline outbox, validation with the profile)."""

from __future__ import annotations

import pymupdf
import pytest

from client.api import ApiClient
from client.cache.outbox import OutboxState
from services.signing import DocumentSigning, SignOutcome, validate_file
from services.workspace import Workspace
from signing.batch import BatchRequest
from signing.errors import CertificateNotUsable
from signing.placement import Placement
from signing.profiles import Mode
from tests.services.conftest import documents_with_pdf

BOX = pymupdf.Rect(320, 560, 500, 640)


def _server_client(server, role: str = "leader") -> ApiClient:  # type: ignore[no-untyped-def]
    client = ApiClient(server.base_url)
    client.login(*server.credentials(role))
    return client


def test_manual_placement_with_an_expired_certificate_is_refused(
    leader, signing_server, open_signer, profile, letter
) -> None:
    workspace = Workspace(leader)
    [document] = documents_with_pdf(leader, 1)
    expired = open_signer("04")
    signing = DocumentSigning(Mode.APPROVE, profile, placement=Placement(-1, BOX))
    with pytest.raises(CertificateNotUsable):
        workspace.sign_documents([document], expired, signing)
    assert _server_client(signing_server).get_document(document.id).current_version == 1
    with pytest.raises(CertificateNotUsable):  # local files: the same refusal
        from services.signing import sign_files

        sign_files(
            BatchRequest((letter,), Mode.APPROVE, placement=Placement(0, BOX)), expired, profile
        )


def test_manual_placement_puts_the_signature_where_asked(
    leader, signing_server, open_signer, profile, tmp_path
) -> None:
    workspace = Workspace(leader)
    [document] = documents_with_pdf(leader, 1)
    signing = DocumentSigning(Mode.APPROVE, profile, placement=Placement(-1, BOX))
    [result] = workspace.sign_documents([document], open_signer("01"), signing)
    assert result.outcome is SignOutcome.SIGNED, result.message_en
    client = _server_client(signing_server)
    signed = client.get_document(document.id)
    target = client.download(signed.versions[-1].sha256, tmp_path / "signed.pdf")
    with pymupdf.open(target) as doc:
        [widget] = [w for w in doc[-1].widgets() if w.field_name.startswith("Sig_approve")]
        assert abs(widget.rect.x0 - BOX.x0) < 1 and abs(widget.rect.y1 - BOX.y1) < 1
    [report] = validate_file(target, profile)
    assert report.ok and report.trusted


def test_a_placement_off_the_page_is_a_clear_error(leader, open_signer, profile) -> None:
    workspace = Workspace(leader)
    [document] = documents_with_pdf(leader, 1)
    signing = DocumentSigning(
        Mode.APPROVE, profile, placement=Placement(0, pymupdf.Rect(900, 900, 990, 990))
    )
    [result] = workspace.sign_documents([document], open_signer("01"), signing)
    assert result.outcome is SignOutcome.FAILED and "ngoài trang" in result.message_vi
    assert "off page" in result.message_en


def test_signing_offline_queues_and_uploads_once_when_the_server_is_back(
    leader, signing_server, open_signer, profile, tmp_path
) -> None:
    workspace = Workspace(leader)
    first, second = documents_with_pdf(leader, 2)
    for document in (first, second):  # both files are in the cache before the network goes
        workspace.open_file(document)
    signing_server.stop()
    results = workspace.sign_documents(
        [first, second], open_signer("01"), DocumentSigning(Mode.APPROVE, profile)
    )
    assert [r.outcome for r in results] == [SignOutcome.QUEUED, SignOutcome.QUEUED], [
        r.message_en for r in results
    ]
    assert not workspace.online and set(workspace.pending_versions()) == {first.id, second.id}
    signing_server.start()
    clerk = _server_client(signing_server, "clerk")  # meanwhile someone changes the second document
    other = tmp_path / "khác.pdf"
    with pymupdf.open() as doc:
        doc.new_page().insert_text((72, 72), "bản sửa")
        doc.save(other)
    clerk.add_version(
        second.id, clerk.upload_file(other).sha256, "khác.pdf", "bản sửa", base_version=1
    )

    outcome = workspace.sync_now()
    states = {e.action.document_id: e.state for e in outcome.replayed}
    assert states == {first.id: OutboxState.DONE, second.id: OutboxState.CONFLICT}
    assert [e.action.document_id for e in outcome.conflicts] == [second.id]
    assert workspace.pending_versions() == {}
    uploaded = clerk.get_document(first.id)
    assert uploaded.current_version == 2 and uploaded.versions[-1].note.startswith("ký số bởi")
    kept = clerk.get_document(second.id)
    assert kept.current_version == 2 and kept.versions[-1].note == "bản sửa"  # never overwritten
    workspace.sync_now()  # a second pull sends nothing again
    assert clerk.get_document(first.id).current_version == 2
    assert workspace.document(first.id).current_version == 2  # the pull brought the signed version


def test_cached_documents_sign_offline_but_uncached_ones_say_why(
    leader, signing_server, open_signer, profile
) -> None:
    workspace = Workspace(leader)
    [document] = documents_with_pdf(leader, 1)
    signing_server.stop()
    leader.online = False
    [result] = workspace.sign_documents(
        [document], open_signer("01"), DocumentSigning(Mode.APPROVE, profile)
    )
    assert result.outcome is SignOutcome.FAILED and "chưa được tải về" in result.message_vi
    assert workspace.pending_versions() == {}


def test_validation_uses_the_profile_roots(leader, open_signer, profile, letter, tmp_path) -> None:
    from services.signing import sign_files

    [signed] = sign_files(
        BatchRequest((letter,), Mode.APPROVE, out_dir=tmp_path / "out"), open_signer("01"), profile
    )
    assert signed.output is not None
    [with_roots] = validate_file(signed.output, profile)
    [without] = validate_file(signed.output, profile.with_changes(trust_roots=()))
    assert with_roots.trusted and not without.trusted
