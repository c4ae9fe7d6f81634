"""The reports page: only for the roles that may report, the register shown in the window,
saved to PDF and XLSX off the GUI thread; a server problem is a message, not a crash."""

from __future__ import annotations

import pymupdf
from openpyxl import load_workbook

from tests.ui.conftest import screenshot
from tests.ui.test_queues import _window


def test_the_clerk_sees_the_register_and_saves_it(qtbot, server_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(documents=80, pdfs=4, story=True)
    win = _window(qtbot, server, "clerk")
    assert "reports" in win.pages
    win.show_named("reports")
    view = win.reports
    assert win.stack.currentWidget() is view and not view.pdf_button.isEnabled()
    view.show_button.click()
    qtbot.waitUntil(lambda: view.report is not None, timeout=20000)
    assert view.table.rowCount() == len(view.report.rows) > 10
    assert view.table.horizontalHeaderItem(1).text() == "Số đến"
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in view.heading.text()
    screenshot(win, "reports-register")
    view.save_to(tmp_path / "so-den.pdf")
    qtbot.waitUntil(lambda: view.status.text().startswith("Đã lưu"), timeout=20000)
    with pymupdf.open(tmp_path / "so-den.pdf") as pdf:
        assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in pdf[0].get_text()
    view.kind.setCurrentIndex(view.kind.findData("processing"))
    view.show_button.click()
    qtbot.waitUntil(lambda: view.report.kind == "processing", timeout=20000)
    assert view.table.item(view.table.rowCount() - 1, 0).text() == "Tổng cộng"
    view.save_to(tmp_path / "xu-ly.xlsx")
    qtbot.waitUntil(lambda: "xu-ly.xlsx" in view.status.text(), timeout=20000)
    assert load_workbook(tmp_path / "xu-ly.xlsx").active["A5"].value == "Phòng, ban xử lý chính"
    view.save_to(tmp_path / "r.docx")
    qtbot.waitUntil(lambda: "PDF hoặc XLSX" in view.status.text(), timeout=20000)
    server.stop()
    view.show_button.click()
    qtbot.waitUntil(
        lambda: (
            view.show_button.isEnabled()
            and "Đã lưu" not in view.status.text()
            and "Đang" not in view.status.text()
        ),
        timeout=30000,
    )
    assert view.status.text()  # the server is down: said in words


def test_a_specialist_has_no_reports_page(qtbot, server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(documents=20, story=True)
    win = _window(qtbot, server, "specialist")
    assert "reports" not in win.pages and win.reports is None
