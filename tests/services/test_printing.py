"""What a printed page carries besides the document (III.6.i, III.6.k): pure, no Qt."""

from __future__ import annotations

import datetime as dt

from client.records import AssignmentEntry, Document, TraceEntry, Version
from services.printing import Vocabulary, info_sheet, numbered_mark, print_mark

AT = dt.datetime(2026, 3, 5, 8, 7)


def test_the_mark_says_who_printed_which_version_and_when() -> None:
    mark = print_mark("Trần Văn An", AT, 3)
    assert mark == "In từ Văn thư số bởi Trần Văn An lúc 08:07 05/03/2026 — phiên bản 3"
    assert numbered_mark(mark, 2, 5).endswith("— phiên bản 3 — trang 2/5")
    english = print_mark("Tran Van An", AT, 3, "en")
    assert english == "Printed from Văn thư số by Tran Van An at 08:07 05/03/2026 — version 3"
    assert "phiên bản" not in print_mark("Trần Văn An", AT, 0)  # a document with no file yet


def test_the_sheet_holds_the_metadata_handlers_and_timeline() -> None:
    document = Document(
        id=7,
        direction="incoming",
        doc_type="Công văn",
        number_symbol="12/UBND-VP",
        subject="Về việc tổng kết năm",
        organ_name="UBND huyện Can Lộc",
        issued_date=dt.date(2026, 1, 9),
        status="assigned",
        urgency=1,
        current_version=2,
        versions=(Version(1, "a" * 64, 1, "cv.pdf"), Version(2, "b" * 64, 1, "cv-ky.pdf")),
        trace=(
            TraceEntry(
                AT.replace(tzinfo=dt.UTC),
                1,
                "Lê Thị Hoa",
                "clerk",
                "present",
                "received",
                "presented",
                "Kính trình",
            ),
        ),
        assignments=(AssignmentEntry(4, "Hoàng Thị Mai", "lead", "active", dt.date(2026, 3, 20)),),
    )
    words = Vocabulary(status=lambda s: s.upper(), step=lambda s: f"<{s}>", role=lambda r: r)
    sheet = info_sheet(document, "UBND tỉnh Hà Tĩnh", words)
    rows = dict(sheet.rows)
    assert sheet.heading == "Công văn 12/UBND-VP" and sheet.organisation == "UBND tỉnh Hà Tĩnh"
    assert rows["Số, ký hiệu"] == "12/UBND-VP" and rows["Trích yếu"] == "Về việc tổng kết năm"
    assert rows["Ngày ban hành"] == "09/01/2026" and rows["Trạng thái"] == "ASSIGNED"
    assert rows["Phiên bản hiện hành"] == "2 (cv-ky.pdf)" and "Độ khẩn" in rows
    assert "Độ mật" not in rows and "Số đến" not in rows  # nothing to say: left out
    assert sheet.handlers == ("<lead>: Hoàng Thị Mai — <active>, hạn 20/03/2026",)
    [step] = sheet.timeline
    assert step.step == "<present>" and step.who == "Lê Thị Hoa (clerk)"
    assert step.change == "RECEIVED → PRESENTED" and step.comment == "Kính trình"
    english = info_sheet(document, "", words, "en")
    assert english.title == "DOCUMENT INFORMATION SHEET" and dict(english.rows)["Subject"]
