"""The mouse wheel scrolls the page; it changes a value only in the field the user is in."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.wheel_guard import install_wheel_guard


def _long_page(qtbot):  # type: ignore[no-untyped-def]
    """A scrolled form with every kind of wheel-sensitive field in the middle."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    content = QWidget()
    column = QVBoxLayout(content)
    for i in range(15):
        column.addWidget(QLabel(f"dòng {i}"))
    stability = QDoubleSpinBox()
    stability.setRange(0.5, 600)
    stability.setValue(2.0)
    parallel = QSpinBox()
    parallel.setRange(1, 8)
    parallel.setValue(4)
    language = QComboBox()
    language.addItems(["Tiếng Việt", "English", "Français"])
    language.setCurrentIndex(1)
    volume = QSlider(Qt.Orientation.Horizontal)
    volume.setRange(0, 100)
    volume.setValue(50)
    date = QDateEdit()
    fields = [stability, parallel, language, volume, date]
    for field in fields:
        column.addWidget(field)
    for i in range(40):
        column.addWidget(QLabel(f"dòng {i + 15}"))
    area.setWidget(content)
    qtbot.addWidget(area)
    area.resize(400, 300)
    area.show()
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    area.ensureWidgetVisible(language)
    area.setFocus()  # the first field took the focus when the window opened
    return area, fields


def _values(fields) -> list[object]:  # type: ignore[no-untyped-def]
    stability, parallel, language, volume, date = fields
    return [
        stability.value(),
        parallel.value(),
        language.currentIndex(),
        volume.value(),
        date.date(),
    ]


def _wheel(widget: QWidget, notches: int = 1) -> None:
    """Real (spontaneous) wheel turns over ``widget``, as the window system delivers them."""
    window = widget.window()
    at = widget.mapTo(window, widget.rect().center())
    for _ in range(notches):
        QTest.wheelEvent(window.windowHandle(), at, QPoint(0, -120))


def test_the_wheel_over_unfocused_fields_scrolls_the_page_and_changes_nothing(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    install_wheel_guard(qapp)
    area, fields = _long_page(qtbot)
    before = _values(fields)
    bar = area.verticalScrollBar()
    for field in fields:
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus
        area.ensureWidgetVisible(field)
        qtbot.wait(10)
        start = bar.value()
        _wheel(field, 2)
        qtbot.wait(10)
        assert not field.hasFocus()
        assert _values(fields) == before, type(field).__name__
        assert bar.value() > start, f"the page did not scroll over {type(field).__name__}"


def test_a_field_the_user_is_in_still_takes_the_wheel(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    install_wheel_guard(qapp)
    area, fields = _long_page(qtbot)
    stability, _parallel, language = fields[:3]
    area.ensureWidgetVisible(stability)
    stability.setFocus(Qt.FocusReason.MouseFocusReason)  # the user clicked in it
    assert stability.hasFocus()
    _wheel(stability, 3)
    assert stability.value() < 2.0  # scrolled down: the value went down, on purpose
    language.setFocus()
    _wheel(language)
    assert language.currentIndex() == 2


def test_installing_twice_keeps_one_guard_and_protects_fields_made_before(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    early = QSpinBox()
    qtbot.addWidget(early)
    early.ensurePolished()
    early.setFocusPolicy(Qt.FocusPolicy.WheelFocus)  # as a field made before the guard was
    first = install_wheel_guard(qapp)
    assert install_wheel_guard(qapp) is first
    assert early.focusPolicy() == Qt.FocusPolicy.StrongFocus
