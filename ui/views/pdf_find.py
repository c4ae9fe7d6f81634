"""Find in the PDF: the search (PyMuPDF, off the GUI thread) and the find bar above the page.

The search folds Vietnamese the way the document list does (``client.cache.folding.fold``):
"quyet dinh" finds "Quyết định". Each character's box comes from PyMuPDF's raw text, so a
match is highlighted exactly, also across the end of a line (one box per line)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from base.pdf import unlock
from base.progress import CancelToken, is_cancelled
from client.cache.folding import fold

__all__ = ["FindBar", "FindHit", "FindResult", "Rect", "find_text"]

logger = logging.getLogger(__name__)

Rect = tuple[float, float, float, float]
"""(x0, y0, x1, y1) in PyMuPDF page coordinates: points, origin at the top left of the
unrotated page (what ``page.search_for`` and a widget's ``rect`` give)."""


@dataclass(frozen=True)
class FindHit:
    page: int
    rects: tuple[Rect, ...]
    """One box per line the match covers."""


@dataclass(frozen=True)
class FindResult:
    needle: str
    hits: tuple[FindHit, ...]
    searchable: bool
    """False when no page has any text (a scan without a text layer)."""


def _normal(text: str) -> str:
    return " ".join(fold(text).split())


def _page_text(page: Any) -> tuple[str, list[tuple[int, Rect] | None]]:
    """The page's folded text (whitespace collapsed, lines joined by a space) and, for each
    character, its line and box (None for the joins)."""
    chars: list[str] = []
    where: list[tuple[int, Rect] | None] = []
    line_no = 0
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", ()):
            line_no += 1
            for span in line["spans"]:
                for char in span["chars"]:
                    for folded in fold(char["c"]):
                        folded = " " if folded.isspace() else folded
                        if folded == " " and (not chars or chars[-1] == " "):
                            continue
                        chars.append(folded)
                        where.append((line_no, tuple(char["bbox"])))
            if chars and chars[-1] != " ":
                chars.append(" ")
                where.append(None)
    return "".join(chars), where


def _boxes(where: list[tuple[int, Rect] | None]) -> tuple[Rect, ...]:
    """The union of the characters' boxes, one per line."""
    lines: dict[int, Rect] = {}
    for place in where:
        if place is None:
            continue
        line, (x0, y0, x1, y1) = place
        if line in lines:
            a0, b0, a1, b1 = lines[line]
            lines[line] = (min(a0, x0), min(b0, y0), max(a1, x1), max(b1, y1))
        else:
            lines[line] = (x0, y0, x1, y1)
    return tuple(lines.values())


def _page_hits(page: Any, needle: str) -> list[FindHit]:
    text, where = _page_text(page)
    hits = []
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        boxes = _boxes(where[start:end])
        if boxes:
            hits.append(FindHit(page.number, boxes))
        start = text.find(needle, end)
    return hits


def find_text(
    path: str, needle: str, password: str | None = None, cancel: CancelToken | None = None
) -> FindResult:
    """Runs in a worker: every match of ``needle`` in the file, page by page, diacritics and
    case ignored."""
    import pymupdf

    folded = _normal(needle)
    hits: list[FindHit] = []
    searchable = False
    if not folded:
        return FindResult(needle, (), True)
    with pymupdf.open(path) as doc:
        unlock(doc, password)
        for page in doc:
            if is_cancelled(cancel):
                break
            plain = _normal(page.get_text("text"))
            searchable = searchable or bool(plain)
            if folded in plain:  # the exact boxes only for pages that have it
                hits.extend(_page_hits(page, folded))
    return FindResult(needle, tuple(hits), searchable)


class _FindField(QLineEdit):
    """Enter: next match; Shift+Enter: previous; Esc: close the bar."""

    step = Signal(int)
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.step.emit(-1 if back else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """The text to find, "3/12" or why nothing is highlighted, previous/next, close."""

    changed = Signal(str)
    step = Signal(int)
    """+1 for the next match, -1 for the previous one."""
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfFindBar")
        self.field = _FindField()
        self.field.setObjectName("pdfFindField")
        self.field.setPlaceholderText(self.tr("Tìm trong văn bản…"))
        self.field.setToolTip(
            self.tr("Enter: kết quả sau · Shift+Enter: kết quả trước · Esc: đóng")
        )
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.changed)
        self.field.step.connect(self.step)
        self.field.escape.connect(self.closed)
        self.count = QLabel()
        self.count.setObjectName("pdfFindCount")
        self.count.setMinimumWidth(90)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        buttons = []
        for text, tip, slot in (
            ("▲", self.tr("Kết quả trước (Shift+F3)"), lambda: self.step.emit(-1)),
            ("▼", self.tr("Kết quả sau (F3)"), lambda: self.step.emit(1)),
            ("✕", self.tr("Đóng thanh tìm (Esc)"), self.closed.emit),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setFixedWidth(32)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays in the field
            button.clicked.connect(slot)
            layout.addWidget(button)
            buttons.append(button)
        self.previous_button, self.next_button, self.close_button = buttons

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)

    def show_searching(self) -> None:
        self._say(self.tr("Đang tìm…"), found=True)

    def show_position(self, current: int, total: int) -> None:
        locale = QLocale()
        self._say(f"{locale.toString(current)}/{locale.toString(total)}", found=True)

    def show_nothing(self, searchable: bool) -> None:
        if searchable:
            self._say(self.tr("Không tìm thấy"), found=False)
        else:
            self._say(self.tr("Tệp không có lớp chữ (bản quét): không tìm được"), found=False)

    def clear(self) -> None:
        self._say("", found=True)

    def _say(self, text: str, found: bool) -> None:
        self.count.setText(text)
        self.count.setStyleSheet("" if found else "color: #b71c1c; font-weight: bold;")
        self.field.setStyleSheet("" if found else "background: #fde7e7;")
