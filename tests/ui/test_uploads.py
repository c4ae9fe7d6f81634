"""The uploads panel: it says what to do without a folder, speaks the UI language, shows
whole file names, marks failures with their reason and opens the document a file became."""

from __future__ import annotations

import pymupdf
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from services.session import open_session
from services.workspace import Workspace
from tests.ui.conftest import screenshot
from tests.ui.test_settings_view import _cut_texts
from ui.app import create_application
from ui.i18n import apply_language
from ui.views.uploads import FAILED_BACKGROUND, UploadsView

PAGE = (1366 - 190 - 30, 768 - 90)
"""The panel's room in the main window at 1366×768 (navigation, status bar)."""
LONG_NAME = "Công văn 1234-UBND-VP về triển khai kế hoạch chuyển đổi số năm 2026.pdf"


def _panel(qtbot, server, role: str = "archivist") -> UploadsView:  # type: ignore[no-untyped-def]
    view = UploadsView(Workspace(open_session(server.base_url, *server.credentials(role))))
    qtbot.addWidget(view)
    view.resize(*PAGE)
    view.show()
    qtbot.waitExposed(view)
    return view


def _scan(path) -> None:  # type: ignore[no-untyped-def]
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "scan")
    doc.save(path)


def _rows(view: UploadsView) -> dict[str, int]:
    table = view.table
    return {table.item(r, 0).text(): r for r in range(table.rowCount()) if table.item(r, 0)}


def _state(view: UploadsView, name: str) -> str:
    row = _rows(view).get(name)
    return "" if row is None else view.table.item(row, 1).text()


def test_starting_without_a_folder_says_what_to_do(qtbot, ui_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = _panel(qtbot, ui_server)
    assert not view.notice.isVisible()
    view.toggle.click()
    assert view.engine is None and not view.starting
    assert view.notice.isVisible()
    assert "Chưa có thư mục theo dõi" in view.notice_text.text()
    [choose] = [b for b in view.notice.findChildren(type(view.toggle)) if b.isVisible()]
    assert choose.text() == "Chọn thư mục…"
    qtbot.wait(20)
    assert _cut_texts(view) == []
    screenshot(view, "uploads-no-folder")
    view.folder.setText(str(tmp_path / "gone"))
    view.toggle.click()
    assert view.engine is None
    assert "Không tìm thấy thư mục" in view.notice_text.text() and "gone" in view.notice_text.text()


def test_the_english_ui_shows_english_upload_states_and_reasons(qtbot, ui_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    create_application("en")
    try:
        view = _panel(qtbot, ui_server)
        folder = tmp_path / "scans"
        folder.mkdir()
        _scan(folder / "good.pdf")
        (folder / "empty.pdf").write_bytes(b"")
        view.folder.setText(str(folder))
        view.toggle_watch()
        qtbot.waitUntil(
            lambda: (
                _state(view, "good.pdf") == "Uploaded" and _state(view, "empty.pdf") == "Failed"
            ),
            timeout=60000,
        )
        assert view.table.item(_rows(view)["empty.pdf"], 3).text() == "The file is empty (0 bytes)"
        assert view.summary.text().startswith("Uploaded: 1")
        assert _cut_texts(view) == []
        view.stop()
    finally:
        apply_language("vi")


def test_failures_stand_out_names_fit_and_a_done_row_opens_its_document(
    qtbot, ui_server, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    view = _panel(qtbot, ui_server)
    folder = tmp_path / "scans"
    folder.mkdir()
    _scan(folder / LONG_NAME)
    (folder / "hỏng.pdf").write_bytes(b"%PDF-1.7 not really")
    view.folder.setText(str(folder))
    view.toggle.click()
    qtbot.waitUntil(
        lambda: _state(view, LONG_NAME) == "Đã tải lên" and _state(view, "hỏng.pdf") == "Lỗi",
        timeout=60000,
    )
    table = view.table
    rows = _rows(view)
    good, bad = rows[LONG_NAME], rows["hỏng.pdf"]

    # the whole file name is readable; the reason gets what is left and a tooltip
    name_width = table.fontMetrics().horizontalAdvance(LONG_NAME)
    assert table.columnWidth(0) >= name_width + 8 > table.columnWidth(3)
    reason = table.item(bad, 3)
    assert reason.text() and reason.toolTip() == reason.text()

    # the failed row is coloured, with an icon, and its reason is shown in full when selected
    assert table.item(bad, 0).background().color() == FAILED_BACKGROUND
    assert not table.item(bad, 1).icon().isNull()
    assert table.item(good, 0).background().style() == Qt.BrushStyle.NoBrush
    table.selectRow(bad)
    assert reason.text() in view.detail.text() and not view.open_button.isEnabled()

    # a done row opens the document the file became
    table.selectRow(good)
    assert view.open_button.isEnabled() and view.open_button.text() == "Mở văn bản"
    qtbot.wait(50)
    screenshot(view, "uploads")
    cell = table.visualItemRect(table.item(good, 0)).center()
    with qtbot.waitSignal(view.open_document, timeout=2000) as opened:
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a double-
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # click
    [document_id] = opened.args
    with qtbot.waitSignal(view.open_document, timeout=2000) as again:
        view.open_button.click()
    assert again.args == [document_id]
    document = view.workspace.session.client.get_document(document_id)
    assert document.id == document_id
    view.stop()
