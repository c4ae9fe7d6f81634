"""New drafts through the service layer on the real server: checked before sending, created
with their file once, queued offline and created once by the next sync."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from base.errors import VanThuError
from base.pdf import BadPdf
from client.records import DocumentFilter
from services.drafts import DraftInput, InvalidDraft, create_draft
from services.session import open_session
from services.workspace import Workspace


def _pdf(path: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Du thao")
    doc.save(path)
    return path


@pytest.fixture
def specialist(server_factory):  # type: ignore[no-untyped-def]
    server = server_factory()
    return server, open_session(server.base_url, *server.credentials("specialist"))


def test_a_draft_with_its_file_is_created_once(specialist, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _server, session = specialist
    draft = DraftInput(
        subject="  Báo cáo kết quả phòng chống thiên tai  ",
        doc_type="Báo cáo",
        code_notation="BC-UBND",
        recipients=("Sở Tài chính", "", "Lưu: VT"),
        file=_pdf(tmp_path / "Dự thảo.pdf"),
    )
    first = create_draft(session, draft, key="draft-1")
    again = create_draft(session, draft, key="draft-1")  # a retry after a lost answer
    assert first.document is not None and again.document is not None
    assert first.document.id == again.document.id
    doc = first.document
    assert doc.status == "draft" and doc.subject == "Báo cáo kết quả phòng chống thiên tai"
    assert doc.recipients == ("Sở Tài chính", "Lưu: VT") and doc.current_version == 1
    assert doc.versions[0].filename == "Dự thảo.pdf"
    assert session.store.get(doc.id) is not None  # in the cache at once


def test_a_draft_is_checked_before_anything_is_sent(specialist, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _server, session = specialist
    with pytest.raises(InvalidDraft) as missing:
        create_draft(session, DraftInput(subject=" ", code_notation="X" * 31))
    assert "trích yếu" in missing.value.message_vi and "30" in missing.value.message_vi
    assert "summary" in missing.value.message_en
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj")
    with pytest.raises(BadPdf):
        create_draft(session, DraftInput(subject="Tệp hỏng", file=broken))
    empty = tmp_path / "rong.pdf"
    empty.write_bytes(b"")
    with pytest.raises(VanThuError):
        create_draft(session, DraftInput(subject="Tệp rỗng", file=empty))
    listed = session.client.list_documents(DocumentFilter(direction="outgoing"), limit=500).items
    assert not any(d.subject in ("Tệp hỏng", "Tệp rỗng") for d in listed)


def test_offline_the_draft_waits_and_is_created_once(specialist, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server, session = specialist
    source = _pdf(tmp_path / "ngoai-tuyen.pdf")
    server.stop()
    outcome = create_draft(session, DraftInput(subject="Dự thảo ngoại tuyến", file=source))
    assert outcome.queued and outcome.document is None
    source.unlink()  # the outbox kept its own copy
    server.start()
    workspace = Workspace(session)
    for _ in range(2):
        workspace.sync_now()
    mine = [
        d
        for d in session.client.list_documents(
            DocumentFilter(direction="outgoing"), limit=500
        ).items
        if d.subject == "Dự thảo ngoại tuyến"
    ]
    assert len(mine) == 1 and mine[0].current_version == 1


def test_offline_a_drafts_new_file_waits_and_becomes_its_next_version_once(
    specialist, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from services.drafts import replace_draft_file

    server, session = specialist
    created = create_draft(
        session, DraftInput(subject="Dự thảo sửa ngoại tuyến", file=_pdf(tmp_path / "a.pdf"))
    )
    assert created.document is not None
    corrected = _pdf(tmp_path / "b.pdf")
    server.stop()
    outcome = replace_draft_file(session, created.document, corrected, "  sửa lỗi chính tả  ")
    assert outcome.queued and outcome.document is None and outcome.version is None
    corrected.unlink()  # the outbox kept its own copy
    server.start()
    workspace = Workspace(session)
    for _ in range(2):
        workspace.sync_now()
    document = session.client.get_document(created.document.id)
    assert document.current_version == 2 and document.versions[-1].note == "sửa lỗi chính tả"
    assert workspace.may_replace_draft_file(document)
    leader = open_session(server.base_url, *server.credentials("leader"))
    assert not Workspace(leader).may_replace_draft_file(document)  # only its author
