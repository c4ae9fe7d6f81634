"""The main window as people use it: the keyboard (Enter, Esc, Alt+←, Ctrl+F), a search that
keeps the user's choice and says what it did not find, the reading pane's next step, chosen
columns and the exported list, saved searches on a second machine, the menu bar, sign-out."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog

from client.cache.query import DocumentQuery
from tests.fixtures.server import LiveServer
from tests.ui.conftest import open_window, screenshot


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server with the demo's story (work at every stage) for the module."""
    live = LiveServer(tmp_path_factory.mktemp("main-window"))
    live.demo_data(30, 4, story=True)
    live.start()
    yield live
    live.stop()


def _loaded(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not win.model.loading, timeout=10000)


def _ids(win) -> list[int]:  # type: ignore[no-untyped-def]
    return [win.model.row_at(r).id for r in range(win.model.rowCount())]


def test_ctrl_f_searches_the_list_on_screen_and_offers_every_document(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, office, "leader")
    win.show_named("to_direct")
    _loaded(qtbot, win)
    waiting = set(_ids(win))
    everything = win.workspace.search(DocumentQuery(direction="incoming", limit=500)).rows
    elsewhere = next(  # QTest types Latin-1 only: "Đ" in a notation would abort it
        r
        for r in everything
        if r.id not in waiting and r.number_symbol and r.number_symbol.isascii()
    )
    win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page() == "to_direct"  # Ctrl+F never jumps to another list
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.search, timeout=5000)
    qtbot.keyClicks(win.search, elsewhere.number_symbol)
    qtbot.waitUntil(
        lambda: "Không có văn bản nào khớp" in win.list_page.count_label.text(), timeout=10000
    )
    label = win.list_page.count_label.text()
    assert "Chờ chỉ đạo" in label and 'href="all"' in label  # says where, offers the rest
    screenshot(win, "list-empty-search")
    win.list_page.count_label.linkActivated.emit("all")
    qtbot.waitUntil(lambda: elsewhere.id in _ids(win), timeout=10000)
    assert win.list_page.scope == "all"


def test_enter_opens_esc_and_alt_left_come_back_to_the_same_row(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, office, "leader")
    win.show_named("incoming")
    _loaded(qtbot, win)
    win.activateWindow()
    win.table.setFocus()
    win.table.selectRow(2)
    chosen = win.model.row_at(2).id
    qtbot.keyClick(win.table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            win.stack.currentWidget() is win.document_view
            and win.document_view.document is not None
            and win.document_view.document.id == chosen
        ),
        timeout=10000,
    )
    win.document_view.setFocus()
    qtbot.keyClick(win.document_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.list_page, timeout=5000)
    assert win.current_page() == "incoming"
    qtbot.waitUntil(lambda: win.list_page.selected_ids() == [chosen], timeout=5000)
    qtbot.keyClick(win.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.document_view, timeout=10000)
    # Alt+Left is the window's menu shortcut: it reaches the window that is active, as a
    # user's key press does (a busy machine's offscreen platform may not have made it so yet)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    qtbot.keyClick(win.document_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.list_page, timeout=5000)
    qtbot.waitUntil(lambda: win.list_page.selected_ids() == [chosen], timeout=5000)
    qtbot.keyClick(win.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.document_view, timeout=10000)
    qtbot.waitUntil(lambda: win.document_view.pdf.rendered is not None, timeout=10000)
    screenshot(win, "document-view")
    win.document_view.back_button.click()  # the visible way back
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.list_page, timeout=5000)


def test_a_search_never_changes_the_document_the_user_chose(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, office, "leader")
    win.show_named("incoming")
    _loaded(qtbot, win)
    win.table.selectRow(5)
    chosen = win.model.row_at(5)
    qtbot.waitUntil(lambda: win.list_page.selected_id == chosen.id, timeout=5000)
    win.search.setText(chosen.number_symbol)
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() < 30, timeout=10000)
    assert win.list_page.selected_ids() == [chosen.id]
    win.search.clear()
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() > 5, timeout=10000)
    qtbot.waitUntil(lambda: win.list_page.selected_ids() == [chosen.id], timeout=5000)


def test_the_reading_pane_shows_the_next_step_first(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, office, "leader")
    win.show_named("to_direct")
    _loaded(qtbot, win)
    win.table.selectRow(0)
    pane = win.list_page.preview
    qtbot.waitUntil(lambda: pane.document is not None and bool(pane.step_buttons), timeout=10000)
    first = pane.step_buttons[0]
    assert first.isDefault() and first.objectName() == "previewStep_assign"
    screenshot(win, "main-window")
    first.click()
    qtbot.waitUntil(
        lambda: win.step_dialog is not None and win.step_dialog.isVisible(), timeout=10000
    )
    dialog = win.step_dialog
    assert dialog.step.currentData() == "assign"
    document_id = pane.document.id
    dialog.lead.setCurrentIndex(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    done = win.list_page.done_box
    qtbot.waitUntil(lambda: done.isVisible(), timeout=15000)
    text = win.list_page.done_text.text()
    assert text.startswith("Đã chỉ đạo: giao") and "Đã giao xử lý" in text  # what, and where
    assert win.list_page.undo_button.isVisible()
    qtbot.waitUntil(lambda: document_id not in _ids(win), timeout=10000)  # left "Chờ chỉ đạo"
    screenshot(win, "step-done")
    win.list_page.undo_button.click()  # recalled: back in the leader's queue
    qtbot.waitUntil(lambda: document_id in _ids(win), timeout=15000)
    assert "Đã hoàn tác" in win.status_label.text()


def test_chosen_columns_are_kept_and_the_list_exports_as_shown(qtbot, office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    win = open_window(qtbot, office, "clerk")
    win.show_named("incoming")
    _loaded(qtbot, win)
    secrecy = next(
        c for c in range(win.model.columnCount()) if win.model.column_key(c) == "secrecy"
    )
    win.list_page.show_column(secrecy, False)
    win.export_list(tmp_path / "ds.xlsx")
    qtbot.waitUntil(lambda: getattr(win, "last_export", None) is not None, timeout=20000)
    sheet = openpyxl.load_workbook(tmp_path / "ds.xlsx").active
    texts = [str(c.value or "") for row in sheet.iter_rows() for c in row]
    assert "Độ mật" not in texts and "Trích yếu" in texts
    assert any(win.model.row_at(0).subject[:30] in t for t in texts)
    win.close()
    again = open_window(qtbot, office, "clerk")
    assert again.table.horizontalHeader().isSectionHidden(secrecy)  # remembered


def test_a_saved_search_is_on_the_users_other_machine(qtbot, office, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, office, "specialist")
    win.show_named("incoming")
    _loaded(qtbot, win)
    win.search.setText("huyen")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Việc các huyện")
        dialog.accept()

    QTimer.singleShot(200, answer)
    win.save_search()
    qtbot.waitUntil(
        lambda: any("Việc các huyện" in win.nav.item(i).text() for i in range(win.nav.count())),
        timeout=10000,
    )
    monkeypatch.setenv("VANTHU_HOME", str(tmp_path / "second-machine"))
    other = open_window(qtbot, office, "specialist")
    qtbot.waitUntil(lambda: bool(other.saved), timeout=10000)
    key = f"saved:{other.saved[0].id}"
    other.show_named(key)
    assert other.search.text() == "huyen" and other.list_page.scope == "incoming"


def test_every_action_is_in_the_menu_bar_with_its_shortcut(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, office, "clerk")
    in_menus = {
        a.objectName()
        for menu in (win.file_menu, win.document_menu, win.find_menu, win.view_menu, win.help_menu)
        for a in menu.actions()
    }
    for name in (
        "register",
        "sync",
        "exportList",
        "print",
        "signOut",
        "open",
        "step",
        "sign",
        "find",
        "back",
    ):
        assert name in in_menus and win.actions_by_name[name].text()
    keys = {n: a.shortcut().toString() for n, a in win.actions_by_name.items()}
    assert keys["find"] == "Ctrl+F" and keys["print"] == "Ctrl+P" and keys["back"] == "Alt+Left"


def test_sign_out_ends_the_session_and_asks_for_a_sign_in(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from client.errors import AuthError
    from ui.app import end_session

    win = open_window(qtbot, office, "specialist")
    client = win.session.client
    with qtbot.waitSignal(win.signed_out, timeout=20000):
        win.actions_by_name["signOut"].trigger()
    assert win.signing_out and not win.isVisible()
    end_session(win)
    with pytest.raises(AuthError):
        client.me()


def test_start_up_does_not_load_signing_uploads_or_reports(office) -> None:  # type: ignore[no-untyped-def]
    """The window opens without pyHanko's signing, the upload engine, the report builders or
    PyMuPDF: they load on first use (start-up is the first thing every user waits for)."""
    username, password = office.credentials("leader")
    script = f"""
import sys
from services.session import open_session
from services.workspace import Workspace
from ui.app import create_application
from ui.settings import UiSettings
from ui.views.main_window import MainWindow
app = create_application("vi")
window = MainWindow(Workspace(open_session({office.base_url!r}, {username!r}, {password!r})), UiSettings())
window.show()
heavy = ("pyhanko.sign", "sync.engine", "services.reports.export", "pymupdf", "openpyxl", "signing.validation")
print(sorted({{m for m in sys.modules for h in heavy if m == h or m.startswith(h + ".")}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
