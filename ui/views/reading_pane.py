"""The reading pane beside the list: the selected document's first page, what matters of its
metadata and the steps this user may take on it now, the likely one first (as Outlook's
preview pane does for mail: most documents are dealt with without opening them). A document
the exchange carried shows its sender and the package's signature verdict in colour, a
sender's request to take it back as a banner with the two answers, and an outgoing one each
recipient outside this server with its latest status."""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from base.steps import Step
from client.records import Document
from services.workspace import Workspace

from ..labels import secrecy_label, signature_verdict_label, status_label, step_label, urgency_label
from ..timeline import delivery_state
from ..workers import run_task
from .exchange_panel import VERDICT_COLOURS, TakeBackBanner, axis_deliveries, sender_text
from .step_dialog import offered_steps

__all__ = ["ReadingPane", "first_page_image"]

logger = logging.getLogger(__name__)

PREVIEW_WIDTH = 900
"""Pixels the first page is rendered at; the pane scales it down to its width."""
MOST_BUTTONS = 3
"""Next-step buttons shown; the others are in the step dialog and the context menu."""
MOST_RECIPIENTS = 3
"""Recipients outside this server named in the pane; the document view lists them all."""
_RED = "#c62828"

Fact = tuple[str, str, str | None]
"""(label, value, colour or None)."""


def first_page_image(path: Path, width: int = PREVIEW_WIDTH) -> QImage:
    """The first page as an image, rendered off the GUI thread (PyMuPDF loads on first use)."""
    import pymupdf

    with pymupdf.open(path) as pdf:
        if pdf.needs_pass and not pdf.authenticate(""):
            return QImage()
        page = pdf[0]
        zoom = width / max(1.0, page.rect.width)
        pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        image = QImage(
            pixmap.samples, pixmap.width, pixmap.height, pixmap.stride, QImage.Format.Format_RGB888
        )
        return image.copy()  # the samples belong to PyMuPDF's pixmap


class ReadingPane(QWidget):
    open_requested = Signal(int)
    step_requested = Signal(int, object)
    """(document id, the Step chosen) — the window opens the step dialog on it."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.workspace = workspace
        self.document: Document | None = None
        self.steps: tuple[Step, ...] = ()
        self._image = QImage()
        self._generation = 0
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QFormLayout()
        self.meta.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.take_back = TakeBackBanner()
        self.take_back.answer.connect(self._step_chosen)
        self.buttons_row = QGridLayout()  # two a row: long step names never cut
        self.step_buttons: list[QPushButton] = []
        self.open_button = QPushButton()
        self.open_button.setObjectName("previewOpen")
        self.open_button.clicked.connect(
            lambda: self.document and self.open_requested.emit(self.document.id)
        )
        self.page = QLabel()
        self.page.setObjectName("previewPage")
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.page.setMinimumHeight(120)
        self.page.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setObjectName("previewEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.empty)
        column.addWidget(self.title)
        column.addLayout(self.meta)
        column.addWidget(self.take_back)
        column.addLayout(self.buttons_row)
        column.addWidget(self.page, 1)
        self.setMinimumWidth(260)
        self.retranslate()
        self.show_document(None)

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Mở"))
        self.open_button.setToolTip(self.tr("Mở văn bản (Enter)"))
        self.empty.setText(self.tr("Chọn một văn bản trong danh sách để xem trước."))
        if self.document is not None:
            self.show_document(self.document)

    # -- showing -------------------------------------------------------------------------
    def show_document(self, document: Document | None) -> None:
        """Show ``document`` (None: nothing selected); its first page renders in a worker."""
        before = self.document
        changed = (  # another document, or a new version of it: its page is read again
            document is None
            or before is None
            or (document.id, document.current_version) != (before.id, before.current_version)
        )
        self.document = document
        if changed:
            self._generation += 1  # a page on its way for the one before is dropped
        for widget in (self.title, self.open_button, self.page):
            widget.setVisible(document is not None)
        self.empty.setVisible(document is None)
        while self.meta.rowCount():
            self.meta.removeRow(0)
        self._clear_buttons()
        if document is None:
            self.steps = ()
            self.take_back.show_for(None, ())
            return
        heading = document.number_symbol or self.tr("(chưa có số)")
        self.title.setText(f"{heading} — {document.subject}")
        for label, value, colour in self._facts(document):
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            if colour:
                text.setStyleSheet(f"color: {colour}; font-weight: 600")
            self.meta.addRow(label, text)
        self.steps = offered_steps(document, self.workspace.user)
        self.take_back.show_for(document, self.steps)
        for number, step in enumerate(self.steps[:MOST_BUTTONS]):
            button = QPushButton(step_label(step))
            button.setObjectName(f"previewStep_{step.value}")
            button.setDefault(number == 0)
            if number == 0:
                font = button.font()
                font.setBold(True)
                button.setFont(font)
            button.clicked.connect(partial(self._step_chosen, step))
            self.buttons_row.addWidget(button, number // 2, number % 2)
            self.step_buttons.append(button)
        place = len(self.step_buttons)
        self.buttons_row.addWidget(self.open_button, place // 2, place % 2)
        if changed:
            self._image = QImage()
            self.page.setPixmap(QPixmap())
            self._load_page(document)

    def _step_chosen(self, step: Step, _checked: bool = False) -> None:
        if self.document is not None:
            self.step_requested.emit(self.document.id, step)

    def _clear_buttons(self) -> None:
        for button in self.step_buttons:
            self.buttons_row.removeWidget(button)
            button.deleteLater()
        self.step_buttons = []
        self.buttons_row.removeWidget(self.open_button)

    def _facts(self, document: Document) -> list[Fact]:
        mine = [
            a
            for a in document.assignments
            if a.user_id == self.workspace.user.id and a.state == "active"
        ]
        facts: list[Fact] = [
            (self.tr("Cơ quan:"), document.organ_name or "—", None),
            (
                self.tr("Ngày:"),
                _vietnamese_date(document.issued_date or document.arrival_date),
                None,
            ),
            (self.tr("Trạng thái:"), status_label(document.status), None),
        ]
        if document.urgency:
            facts.append((self.tr("Độ khẩn:"), urgency_label(document.urgency), None))
        if document.secrecy:
            facts.append((self.tr("Độ mật:"), secrecy_label(document.secrecy), None))
        if mine:
            facts.append((self.tr("Phần việc:"), step_label(mine[0].kind), None))
            if mine[0].deadline and mine[0].kind != "info":
                facts.append((self.tr("Hạn của tôi:"), _vietnamese_date(mine[0].deadline), None))
        if document.due_date:
            facts.append((self.tr("Hạn văn bản:"), _vietnamese_date(document.due_date), None))
        return facts + self._exchange_facts(document)

    def _exchange_facts(self, document: Document) -> list[Fact]:
        """Who sent it through the exchange and what its package's signature is worth; where
        an outgoing document went outside this server and how far each has got."""
        facts: list[Fact] = []
        info = document.exchange
        if info is not None:
            came = self.tr("qua trục") if info.source == "axis" else self.tr("từ tệp")
            facts.append((self.tr("Liên thông:"), f"{sender_text(document)} · {came}", None))
            facts.append(
                (
                    self.tr("Chữ ký gói:"),
                    signature_verdict_label(info.signature),
                    VERDICT_COLOURS.get(info.signature),
                )
            )
        outside = axis_deliveries(document)
        if outside:
            states = [(d, delivery_state(d)) for d in outside]
            shown = "; ".join(
                f"{d.organisation or d.agency_code}: {words}"
                for d, (words, _problem) in states[:MOST_RECIPIENTS]
            )
            if len(states) > MOST_RECIPIENTS:
                shown += self.tr("; và %1 nơi khác").replace(
                    "%1", str(len(states) - MOST_RECIPIENTS)
                )
            problem = any(p for _d, (_w, p) in states)
            facts.append((self.tr("Ngoài hệ thống:"), shown, _RED if problem else None))
        return facts

    def _load_page(self, document: Document) -> None:
        if not document.current_version:
            self.page.setText(self.tr("Văn bản chưa có tệp."))
            return
        if document.secrecy:  # a secret file is fetched only when opened, and leaves with it
            self.page.setText(self.tr("Văn bản mật: mở văn bản để xem tệp."))
            return
        if not self.isVisible():
            return  # the pane is switched off: nothing fetched for it
        generation = self._generation
        self.page.setText(self.tr("Đang tải trang đầu…"))

        def render() -> QImage:
            if generation != self._generation:
                return QImage()  # the user has moved on: no download for a row left behind
            return first_page_image(self.workspace.open_file(document))

        run_task(
            render,
            on_done=lambda image: self._page_arrived(generation, image),
            on_error=lambda exc: self._page_failed(generation, exc),
            owner=self,
        )

    def _page_arrived(self, generation: int, image: QImage) -> None:
        if generation != self._generation:
            return  # another document was selected meanwhile
        if image.isNull():
            self.page.setText(self.tr("Không xem trước được tệp này: hãy mở văn bản."))
            return
        self._image = image
        self._fit()

    def _page_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            logger.info("preview not shown: %s", exc)
            self.page.setText(self.tr("Không xem trước được tệp này: hãy mở văn bản."))

    def _fit(self) -> None:
        if self._image.isNull():
            return
        width = max(100, self.page.width() - 4)
        scaled = self._image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        self.page.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


def _vietnamese_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"
