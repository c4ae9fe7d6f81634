"""``Workspace.exchange`` against a real server: packages carried by hand (import, export),
read here without the server (inspect), the organisation's exchange state and connection, and
the steps the exchange opens. One server for the module; every package built here names a
document of its own, so the tests do not see each other's."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest

from base.steps import Step
from base.workflow import Mark, steps_for
from client.cache import CacheStore, cache_path
from client.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from client.records import Document
from edxml import (
    Attachment,
    Business,
    Organ,
    ResponseFor,
    StatusCode,
    TraceHeader,
    envelope_for,
    status_message,
    write_envelope,
    write_status,
)
from edxml.errors import EdxmlError
from edxml.mapping import DocumentFields
from services import workflow
from services.exchange import ExchangeSettingsError, ImportState
from services.session import open_session
from services.workspace import Workspace
from tests.fixtures.outgoing import numbered_outgoing
from tests.fixtures.server import LiveServer

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "edxml"
OURS = "000.00.00.H30"
"""UBND-T's agency code (``server.seed.DEMO_AGENCY_CODES``)."""
NGHE_AN = Organ("000.00.00.H41", "UBND Tỉnh Nghệ An")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("exchange-services")).start()
    yield live
    live.stop()


def desk(server: LiveServer, role: str = "clerk") -> Workspace:
    return Workspace(open_session(server.base_url, *server.credentials(role)))


def package(
    folder: Path,
    *,
    to: str = OURS,
    number: str = "",
    notation: str = "UBND-VP",
    subject: str = "V/v phối hợp kiểm tra đất đai liên tỉnh",
    pdf: bytes | None = None,
) -> Path:
    """An envelope from Nghệ An to ``to`` with one PDF, under an identifier of its own."""
    number = number or str(uuid.uuid4().int % 90000 + 10000)
    folder.mkdir(parents=True, exist_ok=True)
    main = folder / f"{number}.pdf"
    main.write_bytes(pdf or b"%PDF-1.7\n" + os.urandom(512) + b"\n%%EOF\n")
    issued = dt.date(2026, 11, 20)
    fields = DocumentFields(
        doc_type="Công văn",
        code_number=number,
        code_notation=notation,
        issued_date=issued,
        organ_name=NGHE_AN.name,
        subject=subject,
        description="",
        signer_position="Phó Chủ tịch",
        signer_name="Nguyễn Văn Đệ",
        urgency=1,
        due_date=None,
        to_places=("UBND tỉnh Hà Tĩnh",),
        page_amount=1,
        issued_amount=None,
    )
    envelope = envelope_for(
        fields,
        sender=NGHE_AN,
        recipients=[Organ(to)],
        document_id=f"{NGHE_AN.organ_id},{issued:%Y/%m/%d},{number}/{notation}",
        business=Business(reason="Văn bản điện tử mới"),
        attachments=[
            Attachment(
                content_id="cid:1",
                name=main.name,
                path=main,
                size=main.stat().st_size,
                sha256=hashlib.sha256(main.read_bytes()).hexdigest(),
            )
        ],
        trace=[TraceHeader(NGHE_AN.organ_id, dt.datetime(2026, 11, 20, 9, 30))],
    )
    out = folder / f"{number}.edxml"
    write_envelope(envelope, out)
    return out


def test_a_package_for_us_arrives_once_with_its_sender_file_and_steps(
    server: LiveServer, tmp_path: Path
) -> None:
    clerk = desk(server)
    pdf = b"%PDF-1.7\n" + os.urandom(700) + b"\n%%EOF\n"
    ours = package(tmp_path, number="4521", pdf=pdf)
    seen: list[tuple[int, int]] = []
    first, again = clerk.exchange.import_files([ours, ours], lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
    assert first.state is ImportState.APPLIED and first.ok and len(first.document_ids) == 1
    assert first.message_vi == "Văn bản đến mới: 4521/UBND-VP từ UBND Tỉnh Nghệ An"
    assert first.message_en == "New incoming document: 4521/UBND-VP from UBND Tỉnh Nghệ An"
    assert first.identifier == "000.00.00.H41,2026/11/20,4521/UBND-VP"
    assert (first.sender, first.sender_name) == ("000.00.00.H41", "UBND Tỉnh Nghệ An")
    assert again.state is ImportState.DUPLICATE and again.document_ids == first.document_ids
    assert "đã nhận trước đây" in again.message_vi

    doc = clerk.document(first.document_ids[0])  # pulled into the cache by the import
    assert doc is not None and (doc.origin, doc.status) == ("exchange", "arrived")
    assert doc.document_identifier == first.identifier and doc.marks == ()
    assert doc.exchange is not None and doc.exchange.source == "file"
    assert doc.exchange.sender == "000.00.00.H41" and doc.exchange.received_at is not None
    [attachment] = doc.exchange.attachments
    assert attachment.sha256 == hashlib.sha256(pdf).hexdigest() and attachment.size == len(pdf)
    saved = clerk.exchange.attachment(doc, attachment.sha256, tmp_path / "out" / "cv.pdf")
    assert saved.read_bytes() == pdf
    offered = steps_for(
        role="clerk",
        parts=(),
        direction=doc.direction,
        status=doc.status,
        is_author=False,
        marks=doc.marks,
    )
    assert Step.REGISTER in offered and Step.REFUSE in offered

    path = cache_path(server.base_url, server.credentials("clerk")[0])
    clerk.close()  # a restart: the exchange's fields come back from the cache as they were
    store = CacheStore(path)
    try:
        assert store.get(doc.id) == doc
    finally:
        store.close()


def test_the_shared_samples_are_refused_each_with_its_reason_and_one_readdressed_arrives(
    server: LiveServer, tmp_path: Path
) -> None:
    clerk = desk(server)
    samples = sorted(SAMPLES.glob("*.edxml"))
    outcomes = clerk.exchange.import_files(samples)
    assert [o.state for o in outcomes] == [ImportState.REJECTED] * 3 and not any(
        o.ok for o in outcomes
    )
    by_name = {o.path.name: o for o in outcomes}
    assert "gửi cho 28.22.H17, không phải cho đơn vị 000.00.00.H30" in (
        by_name["edoc_new.edxml"].message_vi
    )
    assert "addressed to 28.22.H17" in by_name["edoc_new.edxml"].message_en
    assert "000.00.00.H41" in by_name["edoc_revocation.edxml"].message_vi
    assert "được báo tình trạng" in by_name["status_04_assignment.edxml"].message_vi
    again = clerk.exchange.import_files(samples[:1])  # refused before: still refused
    assert again[0].state is ImportState.REJECTED and again[0].document_ids == ()

    readdressed = tmp_path / "edoc_new.edxml"  # the real package, its To made ours
    readdressed.write_bytes(samples[0].read_bytes().replace(b"28.22.H17", OURS.encode()))
    [arrived] = clerk.exchange.import_files([readdressed])
    assert arrived.state is ImportState.APPLIED, arrived.message_vi
    assert arrived.message_vi.startswith("Văn bản đến mới: 74fass22/VPCP-TTĐT từ UBND xã Hòa Tiến")
    doc = clerk.document(arrived.document_ids[0])
    assert doc is not None and doc.exchange is not None
    assert doc.exchange.signature == "placeholder"  # the sample's signature is test data
    assert "khác cơ quan gửi" in doc.exchange.problems  # kept, not refused


def test_files_that_cannot_be_read_fail_and_broken_packages_are_refused_with_where(
    server: LiveServer, tmp_path: Path
) -> None:
    clerk = desk(server)
    empty = tmp_path / "empty.edxml"
    empty.write_bytes(b"")
    whole = package(tmp_path / "whole").read_bytes()
    cut = tmp_path / "cut.edxml"
    cut.write_bytes(whole[: len(whole) // 2])
    bomb = tmp_path / "entity.edxml"
    bomb.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE edXML [<!ENTITY a "aaaa">]>\n<edXML/>')
    good = package(tmp_path / "good")
    outcomes = clerk.exchange.import_files(
        [tmp_path / "missing.edxml", tmp_path, empty, cut, bomb, good]
    )
    states = [o.state for o in outcomes]
    assert states == ["failed", "failed", "failed", "rejected", "rejected", "applied"]
    assert outcomes[0].message_vi == "Không tìm thấy tệp missing.edxml."
    assert "là một thư mục" in outcomes[1].message_vi and "is a folder" in outcomes[1].message_en
    assert "rỗng" in outcomes[2].message_vi and "empty" in outcomes[2].message_en
    assert "dòng" in outcomes[3].message_vi and "line" in outcomes[3].message_en
    assert outcomes[4].message_vi.startswith("Gói bị từ chối:")

    with pytest.raises(EdxmlError) as unreadable:  # read here: the same reason, with its where
        clerk.exchange.inspect(cut)
    assert unreadable.value.line is not None and "dòng" in unreadable.value.message("vi")


def test_inspect_reads_the_samples_here_and_leaves_nothing_behind(tmp_path: Path) -> None:
    import tempfile

    from services.exchange import inspect_package

    before = set(Path(tempfile.gettempdir()).glob("vanthu-edxml-*"))
    new = inspect_package(SAMPLES / "edoc_new.edxml")
    lines = dict(new.lines)
    assert lines["Mã định danh"] == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    assert lines["Trích yếu"] == "V/v kết nối, liên thông phần mềm quản lý văn bản"
    assert new.data["kind"] == "envelope" and len(new.problems) == 2
    revoked = dict(inspect_package(SAMPLES / "edoc_revocation.edxml", "en").lines)
    assert revoked["Business"].startswith("Revocation")
    status = inspect_package(SAMPLES / "status_04_assignment.edxml")
    assert dict(status.lines)["Trạng thái"] == "04 — Đã phân công xử lý"
    assert status.data["kind"] == "status" and status.data["code"] == "04"
    assert set(Path(tempfile.gettempdir()).glob("vanthu-edxml-*")) == before


def test_export_a_numbered_document_then_issue_it_outside(
    server: LiveServer, tmp_path: Path
) -> None:
    numbered = numbered_outgoing(server, "V/v đề nghị phối hợp quản lý đất đai vùng giáp ranh")
    clerk = desk(server)
    doc = clerk.current_document(numbered["id"])
    assert doc is not None and doc.document_identifier
    exported = clerk.exchange.export(doc, tmp_path / "out" / "goi.edxml")
    assert exported.is_file() and not list(exported.parent.glob("*.part"))
    lines = dict(clerk.exchange.inspect(exported).lines)
    assert lines["Mã định danh"] == doc.document_identifier
    assert lines["Trích yếu"] == "V/v đề nghị phối hợp quản lý đất đai vùng giáp ranh"

    clerk.exchange.export(doc, tmp_path / "goi-nghe-an.edxml", ["000.00.00.H41"])
    handed = clerk.document(doc.id)  # recorded as delivered by hand: the cache follows
    assert handed is not None and Mark.EXTERNAL in handed.marks
    [outside] = [d for d in handed.deliveries if d.via == "axis"]
    assert (outside.agency_code, outside.status) == ("000.00.00.H41", "exported")

    issue = workflow.StepInput(Step.ISSUE, agencies=("000.00.00.H14", " "))
    assert issue.fields()["agencies"] == ["000.00.00.H14"]
    assert "agencies" not in workflow.StepInput(Step.NOTE, agencies=("X",)).fields()
    issued = clerk.take_step(handed, issue).document
    assert issued.status == "issued"
    assert {d.agency_code for d in issued.deliveries if d.via == "axis"} >= {"000.00.00.H14"}
    offered = steps_for(
        role="clerk",
        parts=(),
        direction=issued.direction,
        status=issued.status,
        is_author=False,
        marks=issued.marks,
    )
    assert Step.ASK_TAKE_BACK in offered  # opened by the mark, not by the status alone

    answer = tmp_path / "status-01.edxml"  # the agency's answer, carried by hand
    write_status(
        status_message(
            sender=Organ("000.00.00.H14", "UBND Tỉnh Cao Bằng"),
            to=Organ(OURS),
            answered=ResponseFor(document_id=issued.document_identifier or ""),
            code=StatusCode.ARRIVED,
            description="Đã đến",
            staff=None,
            at=dt.datetime(2026, 11, 21, 8, 0),
        ),
        answer,
    )
    [heard] = clerk.exchange.import_files([answer])
    assert heard.state is ImportState.APPLIED and heard.document_ids == (issued.id,)
    assert heard.message_vi.startswith("Đã nhận trạng thái từ UBND Tỉnh Cao Bằng về văn bản")
    answered = clerk.document(issued.id)
    assert answered is not None and answered.trace[-1].action == "exchange"
    assert answered.revision > issued.revision
    [cao_bang] = [d for d in answered.deliveries if d.agency_code == "000.00.00.H14"]
    assert (cao_bang.status_code, cao_bang.at is not None) == ("01", True)
    # Decided on the document as it was before the answer: an agency's answer is no conflict.
    asked = clerk.take_step(issued, workflow.StepInput(Step.ASK_TAKE_BACK, comment="Sai số liệu"))
    assert asked.document.trace[-1].action == "ask_take_back"


def test_refusing_an_arrived_package_is_a_step_like_the_others(
    server: LiveServer, tmp_path: Path
) -> None:
    clerk = desk(server)
    [arrived] = clerk.exchange.import_files([package(tmp_path)])
    doc = clerk.document(arrived.document_ids[0])
    assert doc is not None
    refused = clerk.take_step(doc, workflow.StepInput(Step.REFUSE, comment="Gửi nhầm đơn vị"))
    assert refused.document.status == "refused" and not refused.queued
    assert clerk.document(doc.id) == refused.document


def test_the_exchange_state_and_connection_for_administrators(server: LiveServer) -> None:
    admin = desk(server, "org_admin")
    assert admin.exchange.may_exchange() and admin.exchange.may_administer()
    status = admin.exchange.status()
    assert (status.organisation, status.agency_code) == ("UBND-T", OURS)
    assert not status.configured and status.rejected >= 0

    secret = "bi-mat-" + uuid.uuid4().hex
    connected = admin.exchange.connect(
        "https://truc.example.gov.vn/", "TINH-HT", secret, enabled=False, poll_seconds=120
    )
    assert connected.configured and connected.secret_set and not connected.enabled
    assert (connected.url, connected.system_id, connected.poll_seconds) == (
        "https://truc.example.gov.vn",
        "TINH-HT",
        120,
    )
    assert secret not in repr(asdict(connected))
    kept = admin.exchange.connect("https://truc.example.gov.vn", "TINH-HT", None, enabled=False)
    assert kept.secret_set  # no secret given: the one set stays
    for url, given in (("ftp://truc", secret), ("https://truc.example.gov.vn", "ngắn")):
        with pytest.raises(ExchangeSettingsError):
            admin.exchange.connect(url, "TINH-HT", given)

    with pytest.raises(InvalidInput) as bad:
        admin.exchange.set_agency_code("không phải mã")
    assert bad.value.message("vi") and bad.value.message("en")
    with pytest.raises(Conflict) as taken:  # Sở Tài chính's
        admin.exchange.set_agency_code("000.03.30.H30")
    assert taken.value.code == "agency_code_taken"
    assert admin.exchange.set_agency_code(f" {OURS} ").agency_code == OURS
    with pytest.raises(NotFound):
        admin.exchange.retry(987654)

    clerk = desk(server)
    assert clerk.exchange.may_exchange() and not clerk.exchange.may_administer()
    assert clerk.exchange.send_pending().errors == ()
    assert clerk.exchange.agencies("Nghệ An") == []  # the axis never told this server any
    with pytest.raises(PermissionDenied):
        clerk.exchange.connect("https://truc.example.gov.vn", "TINH-HT", secret)
    specialist = desk(server, "specialist")
    assert not specialist.exchange.may_exchange()
    with pytest.raises(PermissionDenied):
        specialist.exchange.import_files([SAMPLES / "edoc_new.edxml"])
    with pytest.raises(PermissionDenied):
        specialist.exchange.status()


def test_documents_cached_before_the_exchange_still_read() -> None:
    """A cache written by an older client (no marks, no exchange fields) reads as before."""
    old = {"id": 7, "direction": "incoming", "deliveries": [{"organisation": "STC", "status": "x"}]}
    doc = Document.from_json(old)
    assert doc.marks == () and doc.exchange is None and doc.document_identifier is None
    assert doc.deliveries[0].via == "server" and doc.deliveries[0].at is None
    assert Document.from_json(doc.to_json()) == doc


def test_a_refusal_decided_offline_is_sent_once_the_server_is_back(
    server: LiveServer, tmp_path: Path
) -> None:
    """Last in the module: it stops the server."""
    clerk = desk(server)
    [arrived] = clerk.exchange.import_files([package(tmp_path)])
    doc = clerk.document(arrived.document_ids[0])
    assert doc is not None
    server.stop()
    try:
        waiting = clerk.take_step(
            doc, workflow.StepInput(Step.REFUSE, comment="Không đúng thẩm quyền")
        )
        assert waiting.queued and not clerk.online
        [outcome] = clerk.exchange.import_files([package(tmp_path / "later")])
        assert outcome.state is ImportState.FAILED and "kết nối" in outcome.message_vi
    finally:
        server.start()
    pulled = clerk.sync_now()
    assert [e.state for e in pulled.replayed] == ["done"]
    refused = clerk.document(doc.id)
    assert refused is not None and refused.status == "refused"
    assert refused.trace[-1].comment == "Không đúng thẩm quyền"
