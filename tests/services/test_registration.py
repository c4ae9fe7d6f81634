"""Registering incoming documents by hand on the real server: a paper letter, a PDF whose
letterhead prefills the form, the ĐẾN stamp, clear refusals, and offline entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from base.deadlines import today_in_vietnam
from base.errors import VanThuError
from base.pdf import BadPdf
from client.cache.query import DocumentQuery
from client.cache.queues import Queue
from server.letters import OfficialLetter
from services.letters import render_letter_pdf
from services.registration import (
    IncomingInput,
    InvalidRegistration,
    prefill_from_pdf,
    register_incoming,
)
from services.session import open_session
from services.workspace import Workspace


def letter(
    path: Path,
    doc_type: str = "CÔNG VĂN",
    subject: str = "V/v bổ sung dự toán kinh phí chuyển đổi số năm 2027",
) -> Path:
    path.write_bytes(
        render_letter_pdf(
            OfficialLetter(
                organ_name="SỞ TÀI CHÍNH TỈNH HÀ TĨNH",
                number_symbol="123/STC-NS",
                place_date="Hà Tĩnh, ngày 02 tháng 12 năm 2026",
                doc_type=doc_type,
                subject=subject,
                body_paragraphs=("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh.",),
                signer_authority="KT. GIÁM ĐỐC",
                signer_position="PHÓ GIÁM ĐỐC",
                signer_name="Võ Đình Khánh",
                recipients=("Như trên", "Lưu: VT"),
                pages=2,
            )
        )
    )
    return path


@pytest.fixture
def clerk(server_factory):  # type: ignore[no-untyped-def]
    server = server_factory()
    return server, open_session(server.base_url, *server.credentials("clerk"))


def test_the_letterhead_prefills_the_form(tmp_path) -> None:
    found = prefill_from_pdf(letter(tmp_path / "cv.pdf"))
    assert found.organ_name == "SỞ TÀI CHÍNH TỈNH HÀ TĨNH"
    assert (found.code_number, found.code_notation) == ("123", "STC-NS")
    assert found.issued_date == dt.date(2026, 12, 2) and found.doc_type == "Công văn"
    assert found.subject == "V/v bổ sung dự toán kinh phí chuyển đổi số năm 2027"
    assert found.page_amount == 2
    decision = prefill_from_pdf(
        letter(tmp_path / "qd.pdf", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác")
    )
    assert decision.doc_type == "Quyết định" and decision.subject == "Về việc thành lập Tổ công tác"


def test_a_paper_letter_and_a_stamped_pdf_take_the_next_numbers(clerk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _server, session = clerk
    paper = register_incoming(
        session,
        IncomingInput(
            organ_name="Văn phòng Chính phủ", subject="Giấy mời họp trực tuyến", doc_type="Giấy mời"
        ),
    )
    assert paper.document is not None and paper.document.status == "received"
    first = paper.document.arrival_number
    assert first and paper.document.arrival_date == today_in_vietnam()
    scanned = register_incoming(
        session,
        IncomingInput(
            organ_name="Sở Tài chính tỉnh Hà Tĩnh",
            subject="V/v bổ sung dự toán",
            code_number="123",
            code_notation="STC-NS",
            issued_date=dt.date(2026, 12, 2),
            file=letter(tmp_path / "cv.pdf"),
            stamp=True,
        ),
    )
    doc = scanned.document
    assert doc is not None and doc.arrival_number == first + 1
    assert doc.current_version == 2 and doc.page_amount == 2  # the stamped file; pages counted
    assert [t.action for t in doc.trace] == ["create", "register"]
    assert session.store.get(doc.id).status == "received"


def test_what_is_wrong_is_said_and_nothing_is_sent(clerk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _server, session = clerk
    future = today_in_vietnam() + dt.timedelta(days=3)
    with pytest.raises(InvalidRegistration) as wrong:
        register_incoming(
            session, IncomingInput(organ_name="", subject="x", issued_date=future, stamp=True)
        )
    text = wrong.value.message_vi
    assert "cơ quan ban hành" in text and "tương lai" in text and "dấu ĐẾN" in text
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes(letter(tmp_path / "whole.pdf").read_bytes()[:900])
    with pytest.raises(BadPdf):
        register_incoming(session, IncomingInput(organ_name="STC", subject="y", file=truncated))
    assert session.client.list_documents().items == ()  # nothing was created


def test_offline_the_entry_waits_then_waits_for_its_number(clerk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server, session = clerk
    workspace = Workspace(session)
    server.stop()
    outcome = register_incoming(
        session, IncomingInput(organ_name="Sở Nội vụ", subject="Công văn gửi khi mất mạng")
    )
    assert outcome.queued and outcome.document is None
    server.start()
    workspace.sync_now()
    page = workspace.search(DocumentQuery(queue=Queue.TO_REGISTER, scope=workspace.queue_scope()))
    assert [r.subject for r in page.rows] == ["Công văn gửi khi mất mạng"]  # a number only online


def test_a_scan_from_the_watched_folder_is_checked_and_registered(clerk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from services.registration import register_arrived

    server, session = clerk
    archivist = open_session(server.base_url, *server.credentials("archivist"))
    scan = letter(tmp_path / "scan_0001.pdf")
    archivist.client.upload_file(
        scan,
        document={
            "direction": "incoming",
            "status": "arrived",  # what the watched folder sends (sync.engine)
            "subject": "scan 0001",
            "filename": "scan_0001.pdf",
        },
        idempotency_key="scan-1",
    )
    workspace = Workspace(session)
    workspace.sync_now()
    waiting = workspace.search(
        DocumentQuery(queue=Queue.TO_REGISTER, scope=workspace.queue_scope())
    ).rows
    [row] = [r for r in waiting if r.subject == "scan 0001"]
    document = session.store.get(row.id)
    found = prefill_from_pdf(workspace.open_file(document))
    entry = IncomingInput(
        organ_name=found.organ_name,
        subject=found.subject,
        code_number=found.code_number,
        code_notation=found.code_notation,
        issued_date=found.issued_date,
        page_amount=found.page_amount,
        stamp=True,
    )
    outcome = register_arrived(session, document, entry)
    doc = outcome.document
    assert doc is not None and doc.status == "received" and doc.arrival_number
    assert doc.subject.startswith("V/v bổ sung dự toán") and doc.code_number == "123"
    assert doc.current_version == 2  # the ĐẾN stamp
    assert [t.action for t in doc.trace][-1] == "register"
    stale = register_arrived  # registering twice is refused by the server (409), said in words
    with pytest.raises(VanThuError):
        stale(session, document, entry)
