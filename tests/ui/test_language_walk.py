"""Every page and dialog, walked in English and in Vietnamese: no string of ours is left in the
other language, and Qt's own buttons and dialogs speak the user's language too."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from tests.fixtures.server import LiveServer
from tests.ui.conftest import open_window

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "vanthu_en.ts"
VIETNAMESE_LETTERS = re.compile(
    "[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.IGNORECASE
)
BRAND = "Văn thư số"
"""The product's name, the same in both languages."""
QT_ENGLISH = {
    "OK",
    "Cancel",
    "&Cancel",
    "Close",
    "&Close",
    "Apply",
    "Yes",
    "&Yes",
    "No",
    "&No",
    "Save",
    "&Save",
    "Open",
    "&Open",
    "Look in:",
    "&Look in:",
    "Files of type:",
    "Files of &type:",
    "File &name:",
    "Reset",
    "Restore Defaults",
    "Help",
    "Discard",
    "Abort",
    "Retry",
    "Ignore",
}


def _messages() -> list[tuple[str, str]]:
    """(Vietnamese source, English translation) of every string of ours."""
    pairs = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if source and translation and source != translation:
            pairs.append((source, translation))
    return pairs


def _pattern(text: str) -> re.Pattern[str]:
    """A source string as it may appear on screen: its %1 parts filled, mnemonics dropped."""
    parts = re.split(r"%\d", text.replace("&", ""))
    return re.compile("^" + ".+".join(re.escape(p) for p in parts) + "$", re.DOTALL)


def _chrome(root: QWidget) -> Iterator[tuple[str, str, bool]]:
    """(where, text, is_data_free) of what a widget tree shows as its own words: buttons, tabs,
    group titles, labels, placeholders, headers, menus, combo items. ``is_data_free``: the text
    can never be a document's data (buttons, tabs, titles, headers, menus)."""
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QAbstractButton) and widget.text():
            yield name, widget.text(), True
        if isinstance(widget, QGroupBox) and widget.title():
            yield name, widget.title(), True
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield name, widget.tabText(i), True
        if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
            yield name, re.sub("<[^>]+>", "", widget.text()), False
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            yield name, widget.placeholderText(), True
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield name, widget.itemText(i), False
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            for i in range(model.columnCount() if widget.orientation().value == 1 else 0):
                yield name, str(model.headerData(i, widget.orientation()) or ""), True
        if isinstance(widget, QMenu):
            yield name, widget.title(), True
            for action in widget.actions():
                if action.text():
                    yield name, action.text(), True
        if isinstance(widget, QDialog | root.__class__) and widget.windowTitle():
            yield name, widget.windowTitle(), True


def _vietnamese_left(root: QWidget, pairs: list[tuple[str, str]]) -> list[str]:
    sources = [(s, _pattern(s)) for s, _t in pairs if len(s) > 2]
    found = []
    for where, text, data_free in _chrome(root):
        plain = text.replace("&", "").strip()
        if not plain:
            continue
        if any(pattern.match(plain) for _s, pattern in sources):
            found.append(f"{where}: {plain}")
        elif data_free and VIETNAMESE_LETTERS.search(plain.replace(BRAND, "")) and "★" not in plain:
            found.append(f"{where}: {plain}")
    return found


def _english_left(root: QWidget, pairs: list[tuple[str, str]]) -> list[str]:
    vietnamese = {s.replace("&", "") for s, _t in pairs}
    english = {t.replace("&", "") for _s, t in pairs} - vietnamese
    found = []
    for where, text, _data_free in _chrome(root):
        plain = text.replace("&", "").strip()
        if plain in english or plain in {q.replace("&", "") for q in QT_ENGLISH}:
            found.append(f"{where}: {plain}")
    return found


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("language-walk"))
    live.demo_data(20, 2, story=True)
    live.start()
    yield live
    live.stop()


def _walk(qtbot, win) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Every page of the window (each made on first visit) and the dialogs a role opens."""
    roots: list[QWidget] = [win]
    for key in list(win._nav_keys()):
        win.show_named(key)
        qtbot.wait(50)
        roots.append(win.stack.currentWidget())
    roots.append(win.menuBar())
    for menu in (win.file_menu, win.document_menu, win.find_menu, win.view_menu, win.help_menu):
        roots.append(menu)
    if win.model.rowCount():
        win.open_document(win.model.row_at(0).id)
        qtbot.waitUntil(lambda: win.document_view.document is not None, timeout=10000)
        roots.append(win.document_view)
        win.open_step(win.model.row_at(0).id)
        qtbot.waitUntil(lambda: win.step_dialog is not None, timeout=10000)
        roots.append(win.step_dialog)
        win.step_dialog.reject()
    if win.workspace.may_register():
        win.register_incoming()
        roots.append(win.incoming_dialog)
        win.incoming_dialog.reject()
    if win.workspace.may_draft():
        win.new_draft()
        roots.append(win.draft_dialog)
        win.draft_dialog.reject()
    return roots


@pytest.mark.parametrize("role", ["leader", "clerk", "admin", "archivist"])
def test_nothing_vietnamese_is_left_in_english(qtbot, office, role) -> None:  # type: ignore[no-untyped-def]
    from ui.i18n import apply_language

    try:
        win = open_window(qtbot, office, role, language="en")
        win.show_named(win.pages[0])
        qtbot.waitUntil(lambda: not win.model.loading, timeout=10000)
        pairs = _messages()
        left = sorted(
            {line for root in _walk(qtbot, win) for line in _vietnamese_left(root, pairs)}
        )
        assert left == []
    finally:
        apply_language("vi")


@pytest.mark.parametrize("role", ["leader", "clerk"])
def test_nothing_english_is_left_in_vietnamese(qtbot, office, role) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, office, role)
    win.show_named(win.pages[0])
    qtbot.waitUntil(lambda: not win.model.loading, timeout=10000)
    pairs = _messages()
    left = sorted({line for root in _walk(qtbot, win) for line in _english_left(root, pairs)})
    assert left == []


def test_choosing_english_in_settings_opens_the_window_again_in_english(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from services.session import open_session
    from ui.app import create_application, relaunch, show_main_window
    from ui.i18n import apply_language

    create_application("vi")
    win = show_main_window(open_session(office.base_url, *office.credentials("leader")))
    opened: list[object] = []
    win.relaunch_requested.connect(lambda: opened.append(relaunch(win)))
    try:
        qtbot.waitUntil(lambda: "Trực tuyến" in win.status_label.text(), timeout=20000)
        win.show_named("settings")
        view = win.settings_view
        view.language.setCurrentIndex(view.language.findData("en"))
        view.save()
        qtbot.waitUntil(lambda: bool(opened), timeout=5000)
        new = opened[0]
        qtbot.addWidget(new)
        assert new is not win and new.workspace is win.workspace  # the same sign-in
        qtbot.waitUntil(lambda: "Online" in new.status_label.text(), timeout=20000)
        left = sorted(
            {line for root in _walk(qtbot, new) for line in _vietnamese_left(root, _messages())}
        )
        assert left == []
        qtbot.waitUntil(lambda: not shiboken6.isValid(win), timeout=5000)  # gone, tray and all
    finally:
        apply_language("vi")


@pytest.mark.parametrize("role", ["clerk", "admin"])
def test_every_page_at_a_laptop_and_a_desktop_size(qtbot, office, role) -> None:  # type: ignore[no-untyped-def]
    """The screenshots in docs/screenshots/pages/: every page a role has, at 1366×768 and at
    1920×1080, each laid out without a cut word in its chrome (looked at, kept current)."""
    from tests.ui.conftest import SCREENSHOTS
    from ui.workers import tasks_idle

    win = open_window(qtbot, office, role)
    folder = Path(SCREENSHOTS) / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for width, height in ((1366, 768), (1920, 1080)):
        win.resize(width, height)
        for key in win._nav_keys():
            win.show_named(key)
            # the list and the page's own loads (accounts, audit, exchange…) both answered
            qtbot.waitUntil(lambda: not win.model.loading and tasks_idle(), timeout=10000)
            qtbot.wait(100)
            win.grab().save(str(folder / f"{role}-{key}-{width}.png"))
            assert win.stack.currentWidget().width() > 0
