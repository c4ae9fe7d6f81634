"""The mouse wheel scrolls pages; it changes a value only in the field the user is in.

A spin box, combo box or slider under the pointer would otherwise take every wheel
turn meant for the page around it (a settings page scrolled by the wheel changed the
scan stability wait from 2.0 s to 0.5 s on its way down). One application-wide event
filter covers every window and dialog, present and future: such a widget takes the
keyboard focus only by a click or Tab (``Qt.FocusPolicy.StrongFocus``), and while it
does not have the focus, a wheel event is passed on to its parents, so the scroll area
around it scrolls instead.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QSlider,
    QWidget,
)

__all__ = ["WheelGuard", "install_wheel_guard", "is_guarded"]

logger = logging.getLogger(__name__)

GUARDED = (QAbstractSpinBox, QComboBox, QSlider)
"""Widgets whose value the wheel changes (scroll bars are sliders too, but not these)."""


def is_guarded(widget: QObject) -> bool:
    return isinstance(widget, GUARDED)


def _protect(widget: QWidget) -> None:
    """No focus from the wheel: a click or Tab gives it (``WheelFocus`` is the default)."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QObject):
    """The application's event filter; see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            _protect(watched)
        elif kind == QEvent.Type.Wheel and isinstance(watched, GUARDED):
            if not watched.hasFocus():
                # Ignored and filtered: Qt offers the same event to the parents (a scroll area).
                event.ignore()
                return True
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (calling again returns the same guard); widgets
    that exist already are protected now, later ones when they are polished."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    for widget in app.allWidgets():
        if isinstance(widget, GUARDED):
            _protect(widget)
    return guard
