"""Reports as files: the register printed to PDF (Vietnamese text, the heading on every page,
page numbers) and exported to XLSX (headings, numbers as numbers, totals), never half-written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pymupdf
import pytest
from openpyxl import load_workbook

from base.deadlines import today_in_vietnam
from base.errors import VanThuError
from services.reports import ReportKind, ReportTable, build_report, export_report
from services.session import Session, open_session


@pytest.fixture(scope="module")
def clerk(tmp_path_factory) -> Session:  # type: ignore[no-untyped-def]
    from tests.fixtures.server import LiveServer

    server = LiveServer(tmp_path_factory.mktemp("reports"))
    server.demo_data(600, 0, story=True)
    server.start()
    yield open_session(server.base_url, *server.credentials("clerk"))
    server.stop()


def _year() -> tuple[dt.date, dt.date]:
    today = today_in_vietnam()
    return dt.date(today.year, 1, 1), today


def test_the_incoming_register_prints_page_after_page_with_its_heading(clerk, tmp_path) -> None:
    report = build_report(clerk, ReportKind.INCOMING, *_year())
    assert report.title == "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" and len(report.rows) > 100
    path = export_report(report, tmp_path / "so-den.pdf")
    with pymupdf.open(path) as pdf:
        assert pdf.page_count > 2
        first = pdf[0].get_text()
        assert "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" in first and "Tên loại và trích yếu nội" in first
        texts = [page.get_text() for page in pdf]
        for number, text in enumerate(texts, start=1):
            assert "Ngày đến" in text and "(9)" in text  # the heading row on every page
            assert f"{number}/{pdf.page_count}" in text
        # Every arrival number is printed once, in order, none lost at a page break.
        joined = "\n".join(texts)
        for row in report.rows[:: max(1, len(report.rows) // 25)]:
            assert str(row[5])[:40] in joined.replace("\n", " ") or str(row[5])[:20] in joined


def test_the_processing_report_exports_numbers_and_a_total(clerk, tmp_path) -> None:
    report = build_report(clerk, ReportKind.PROCESSING, *_year())
    path = export_report(report, tmp_path / "xu-ly.xlsx")
    sheet = load_workbook(path).active
    assert sheet["B2"].value is None and sheet["A2"].value == "BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN ĐẾN"
    headings = [cell.value for cell in sheet[5]]
    assert headings[:2] == ["Phòng, ban xử lý chính", "Được giao"]
    lines = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=6)]
    economy = next(line for line in lines if line[0] == "Phòng Kinh tế")
    assert economy[1] == sum(economy[2:]) and economy[5] == 1  # the story's overdue one
    total = lines[-1]
    assert total[0] == "Tổng cộng" and total[1] == sum(line[1] for line in lines[:-1])


def test_the_outgoing_register_in_english(clerk, tmp_path) -> None:
    report = build_report(clerk, ReportKind.OUTGOING, *_year(), language="en")
    assert report.title == "OUTGOING DOCUMENTS REGISTER" and report.rows
    sheet = load_workbook(export_report(report, tmp_path / "out.xlsx")).active
    assert sheet["A5"].value == "Number, notation"
    assert sheet.freeze_panes == "A6"


def _tiny() -> ReportTable:
    from services.reports import Column

    return ReportTable(
        ReportKind.PROCESSING,
        "T",
        "Org",
        "P",
        (Column("A", 1), Column("B", 1, True)),
        (("x", 1),),
        ("Σ", 1),
    )


def test_a_report_is_never_left_half_written(tmp_path) -> None:
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(b"the earlier report")
    not_a_folder = tmp_path / "not-a-folder"
    not_a_folder.write_text("a file where the folder should be")
    with pytest.raises(VanThuError) as error:
        export_report(_tiny(), not_a_folder / "r.xlsx")
    assert "Không ghi được báo cáo" in error.value.message_vi
    with pytest.raises(VanThuError) as error:
        export_report(_tiny(), tmp_path / "r.docx")
    assert "PDF hoặc XLSX" in error.value.message_vi
    export_report(_tiny(), target)
    assert target.read_bytes().startswith(b"%PDF") and not list(tmp_path.glob(".*.part"))


def test_an_empty_range_gives_a_form_with_no_rows(clerk, tmp_path: Path) -> None:
    report = build_report(clerk, ReportKind.INCOMING, dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert report.rows == ()
    with pymupdf.open(export_report(report, tmp_path / "empty.pdf")) as pdf:
        assert pdf.page_count == 1 and "Từ ngày 01/01/2020 đến ngày 31/12/2020" in pdf[0].get_text()


@pytest.mark.parametrize(
    "hostile", ['=HYPERLINK("http://x","bấm")', "+1+1", "-2+3", "@SUM(A1)", "=1+1"]
)
def test_every_text_cell_stays_text_in_the_spreadsheet(tmp_path, hostile: str) -> None:
    """An organ, notation or summary typed by anyone must not become a live formula."""
    from services.reports import Column

    report = ReportTable(
        ReportKind.INCOMING,
        hostile,
        "Org",
        "P",
        (Column("Trích yếu", 1), Column("Số", 1, True)),
        ((hostile, 7),),
        None,
    )
    sheet = load_workbook(export_report(report, tmp_path / "so.xlsx")).active
    texts = [c for row in sheet.iter_rows() for c in row if c.value == hostile]
    assert len(texts) == 2 and all(c.data_type == "s" for c in texts)
    assert [c.value for row in sheet.iter_rows() for c in row if c.value == 7]  # still a number
