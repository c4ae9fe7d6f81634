"""What the entry forms (new draft, registration) share: a red line for what is wrong, OK and
Cancel, and sending off the GUI thread once the form is right — the problems are said at once
in the UI language and nothing is sent; a refusal from the server is said in the same line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from base.errors import VanThuError, current_language

from ..errors import describe
from ..workers import run_task

__all__ = ["FormDialog", "level_box", "ok_cancel"]


def ok_cancel(
    dialog: QDialog,
    extra: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.NoButton,
) -> QDialogButtonBox:
    """OK and Cancel (and ``extra``) wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel | extra
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def level_box(label: Callable[[int], str], levels: int) -> QComboBox:
    """A choice of urgency or secrecy, by level."""
    box = QComboBox()
    for level in range(levels):
        box.addItem(label(level), level)
    return box


class FormDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: Any = None
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> None:  # pragma: no cover - each form has its own
        raise NotImplementedError

    def send(
        self, problems: Sequence[tuple[str, str]], action: Callable[..., Any], *args: Any
    ) -> None:
        """Say ``problems`` (Vietnamese, English) and stop, or run ``action(*args)`` in a worker."""
        if problems:
            english = current_language() == "en"
            self.error.setText(" ".join(en if english else vi for vi, en in problems))
            return
        self.error.clear()
        self.buttons.setEnabled(False)
        run_task(action, *args, on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, outcome: Any) -> None:
        self.outcome = outcome
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        title, message = describe(exc)
        self.error.setText(message if isinstance(exc, VanThuError) else f"{title}: {message}")
