"""The first window suits the screen, and the summary column stays readable when narrow."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from tests.ui.conftest import screenshot
from ui.views.main_window import default_size, fits_screen


def test_a_laptop_screen_opens_maximised_and_a_large_one_at_a_comfortable_size() -> None:
    assert default_size(QRect(0, 0, 1366, 728)) is None  # 1366×768 minus the taskbar
    assert default_size(QRect(0, 0, 1920, 1040)) == QSize(1600, 884)
    assert default_size(QRect(0, 0, 2560, 1400)) == QSize(1600, 1000)


def test_a_remembered_window_is_kept_only_if_it_still_fits() -> None:
    laptop = QRect(0, 0, 1366, 728)
    assert fits_screen(QRect(10, 10, 1300, 700), laptop)
    assert not fits_screen(QRect(0, 0, 1120, 400), laptop)  # what a new user once got
    assert not fits_screen(QRect(1500, 0, 1300, 700), laptop)  # saved on another monitor


def test_the_summary_keeps_its_share_of_a_narrow_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    for width, height in ((1120, 700), (1366, 768), (1920, 1080)):
        window.resize(width, height)
        qtbot.wait(50)
        viewport = window.table.viewport().width()
        summary = window.table.columnWidth(3)
        assert summary >= min(260, viewport * 0.28), (width, summary, viewport)
    screenshot(window, "main-window-1920")
