"""Settings: tabs by who decides, changes applied only when confirmed, defaults per tab,
a wheel that scrolls the page, texts that fit a laptop screen in both languages."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QScrollArea,
    QWidget,
)

from sync.profiles import get_profile as watch_profile
from tests.ui.conftest import screenshot
from ui.app import create_application
from ui.i18n import apply_language
from ui.labels import number
from ui.settings import UiSettings
from ui.views.settings_view import SettingsView
from ui.wheel_guard import install_wheel_guard

PAGE = (1366 - 190 - 30, 768 - 90)
"""The settings page's room in the main window at 1366×768 (navigation, status bar)."""


def _view(qtbot, admin: bool = False, size: tuple[int, int] = PAGE) -> SettingsView:  # type: ignore[no-untyped-def]
    view = SettingsView(UiSettings(server="https://vanthu.example.gov.vn"), can_manage_trust=admin)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)  # the scroll areas settle their widths
    return view


def _tab_of(view: SettingsView, widget: QWidget) -> str:
    return next(
        view.tabs.tabText(i)
        for i in range(view.tabs.count())
        if view.tabs.widget(i).isAncestorOf(widget)
    )


def test_settings_are_in_tabs_by_who_decides(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot)
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == [
        "Cá nhân",
        "Máy này",
        "Quản trị",
    ]
    for widget in (view.language, view.profile, view.signing):
        assert _tab_of(view, widget) == "Cá nhân"
    for widget in (view.server, view.watch_folder, view.watch.stability, view.cache):
        assert _tab_of(view, widget) == "Máy này"
    assert _tab_of(view, view.trust) == "Quản trị"
    assert view.server.isReadOnly()
    assert view.watch.after.itemText(0) == "Chuyển tệp đã tải lên vào thư mục “done” theo ngày"
    screenshot(view, "settings")
    view.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    screenshot(view, "settings-machine")
    view.tabs.setCurrentIndex(2)
    assert "Chỉ quản trị viên" in view.admin_hint.text()
    assert not view.trust.add_button.isVisible()


def test_changes_wait_for_apply_and_can_be_cancelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot)
    emitted: list[UiSettings] = []
    view.changed.connect(emitted.append)
    assert not view.apply_button.isEnabled() and not view.revert_button.isEnabled()
    view.language.setCurrentIndex(view.language.findData("en"))
    view.watch.stability.setValue(7)
    assert view.apply_button.isEnabled() and view.revert_button.isEnabled()
    assert view.status.text() == "Có thay đổi chưa áp dụng."
    assert emitted == [] and watch_profile(None).stability_seconds == 2.0  # nothing yet

    view.revert_button.click()
    assert view.language.currentData() == "vi" and view.watch.stability.value() == 2.0
    assert not view.apply_button.isEnabled()
    assert emitted == [] and watch_profile(None).stability_seconds == 2.0

    view.watch.stability.setValue(7)
    view.watch_folder.setText("/srv/scans")
    view.apply_button.click()
    assert watch_profile(None).stability_seconds == 7
    [applied] = emitted
    assert applied.language == "vi" and applied.watch_folder == "/srv/scans"
    assert not view.apply_button.isEnabled() and "Đã lưu" in view.status.text()


def test_each_tab_goes_back_to_its_defaults_when_applied(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot)
    view.watch.stability.setValue(7)
    view.watch.parallel.setValue(5)
    view.cache.setValue(5000)
    view.watch_folder.setText("/srv/scans")
    view.save()
    assert watch_profile(None).stability_seconds == 7
    view.tabs.setCurrentIndex(1)
    view.machine_defaults.click()
    assert (view.watch.stability.value(), view.watch.parallel.value(), view.cache.value()) == (
        2.0,
        3,
        2048,
    )
    assert view.watch_folder.text() == "/srv/scans"  # a folder is not a preference
    assert watch_profile(None).stability_seconds == 7  # shown, not saved
    view.apply_button.click()
    assert watch_profile(None).stability_seconds == 2.0 and view.settings.cache_mb == 2048

    view.language.setCurrentIndex(view.language.findData("en"))
    view.signing.tsa_url.setText("http://tsa.example.vn")
    view.save()
    view.personal_defaults.click()
    assert view.language.currentData() == "vi"
    assert view.signing.tsa_url.text() == "http://tsa.ca.gov.vn"
    assert view.is_dirty()


def test_the_wheel_scrolls_the_settings_page_without_changing_a_value(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    install_wheel_guard(qapp)  # as ui.app does for the whole application
    view = _view(qtbot, size=(PAGE[0], 420))
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.tabs.setCurrentIndex(1)
    scroll = view.tabs.currentWidget()
    assert isinstance(scroll, QScrollArea)
    scroll.ensureWidgetVisible(view.watch.stability)
    view.tabs.setFocus()
    bar = scroll.verticalScrollBar()
    start = bar.value()
    window = view.window()
    for field in (view.watch.stability, view.watch.parallel, view.watch.detection):
        at = field.mapTo(window, field.rect().center())
        QTest.wheelEvent(window.windowHandle(), at, QPoint(0, -120))
    assert view.watch.stability.value() == 2.0 and view.watch.parallel.value() == 3
    assert view.watch.detection.currentIndex() == 0
    assert bar.value() > start and not view.is_dirty()


def _cut_texts(view: QWidget) -> list[str]:
    """Visible texts the user sees cut: a one-line text narrower than it needs, or any
    text whose right part is hidden by the page's edge (scroll areas never scroll sideways)."""
    cut = []
    for widget in view.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(
            widget, QLabel | QAbstractButton | QCheckBox | QComboBox
        ):
            continue
        text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
        if not text:
            continue
        shown = widget.visibleRegion().boundingRect()
        narrow = not (isinstance(widget, QLabel) and widget.wordWrap()) and (
            widget.width() < widget.sizeHint().width()
        )
        if narrow or (not shown.isEmpty() and shown.width() < widget.width()):
            cut.append(f"{type(widget).__name__} {text!r}")
    return cut


def test_no_text_is_cut_on_a_laptop_screen_in_either_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    try:
        for language in ("vi", "en"):
            create_application(language)
            view = _view(qtbot, admin=True)
            for tab in range(view.tabs.count()):
                view.tabs.setCurrentIndex(tab)
                qtbot.wait(20)
                assert _cut_texts(view) == [], (language, view.tabs.tabText(tab))
            if language == "en":
                view.tabs.setCurrentIndex(0)
                screenshot(view, "settings-en")
            view.tabs.setCurrentIndex(2)
            screenshot(view, f"settings-admin-{language}")
    finally:
        apply_language("vi")


def test_numbers_are_written_the_way_the_language_writes_them(qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        apply_language("vi")
        assert number(1413) == "1.413" and number(12) == "12"
        apply_language("en")
        assert number(1413) == "1,413" and number(1_234_567) == "1,234,567"
    finally:
        apply_language("vi")
