"""One document: metadata, versions, the PDF and its signatures in plain Vietnamese; for a
document the exchange carried, how it came (or where it went outside this server)."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QHideEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import today_in_vietnam
from client.records import AccessHistory, Document
from services.signature_details import SignatureDetail, signature_details
from services.workspace import Workspace
from signing.profiles import SigningProfile

from ..errors import describe
from ..labels import audit_label, secrecy_label, status_label, urgency_label
from ..printing import DocumentPrinter
from ..timeline import PROBLEM_COLOUR, delivery_line, part_line, trace_line
from ..workers import Task, run_task
from .draft_file_dialog import DraftFileDialog, choose_pdf
from .exchange_panel import ExchangePanel, TakeBackBanner
from .pdf_view import PdfView
from .signature_panel import SignaturePanel
from .step_dialog import offered_steps

__all__ = ["DocumentView"]

logger = logging.getLogger(__name__)


class DocumentView(QWidget):
    sign_requested = Signal(int)
    back_requested = Signal()
    """The user leaves the document (the button, Esc, Alt+←): back where he came from."""
    step_requested = Signal(int)
    step_chosen = Signal(int, object)
    """(document id, Step): a step named on the page (the answers to a take-back request)."""

    def __init__(
        self,
        workspace: Workspace,
        profile: Callable[[], SigningProfile],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.profile = profile
        """The signing profile whose trust roots judge signatures (the same as ``vanthu verify``)."""
        self.document: Document | None = None
        self.note = ""
        """A lasting remark under the page (e.g. a signed version waiting to be sent)."""
        self.file: Path | None = None
        self._print_when_open = False
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.meta = QFormLayout()
        self.exchange = ExchangePanel(workspace)
        self.exchange.message.connect(self._say)
        meta_box = QWidget()
        meta_column = QVBoxLayout(meta_box)
        meta_column.addLayout(self.meta)
        meta_column.addWidget(self.exchange)
        meta_column.addStretch(1)
        meta_scroll = QScrollArea()  # an exchanged document's block can be long
        meta_scroll.setObjectName("metaScroll")
        meta_scroll.setWidgetResizable(True)
        meta_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        meta_scroll.setWidget(meta_box)
        self.take_back = TakeBackBanner()
        self.take_back.answer.connect(
            lambda step: self.document and self.step_chosen.emit(self.document.id, step)
        )
        self.versions = QListWidget()
        self.signatures = SignaturePanel()
        self.signatures.show_on_page.connect(self._show_signature)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        tabs = QTabWidget()
        tabs.setUsesScrollButtons(False)  # every tab's name whole ("Quá t…" was cut)
        tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        tabs.addTab(meta_scroll, self.tr("Thông tin"))
        tabs.addTab(self.versions, self.tr("Phiên bản"))
        tabs.addTab(self.signatures, self.tr("Chữ ký số"))
        self.accesses = QListWidget()
        self.accesses.setObjectName("accesses")
        self.accesses.setWordWrap(True)
        history = QSplitter(Qt.Orientation.Vertical)  # the steps, then who read it (III.6.l)
        history.addWidget(self.timeline)
        accesses_box = QWidget()
        accesses_column = QVBoxLayout(accesses_box)
        accesses_column.setContentsMargins(0, 4, 0, 0)
        accesses_column.addWidget(QLabel(self.tr("<b>Lịch sử truy cập</b>")))
        accesses_column.addWidget(self.accesses, 1)
        history.addWidget(accesses_box)
        history.setStretchFactor(0, 3)
        history.setStretchFactor(1, 2)
        tabs.addTab(history, self.tr("Quá trình xử lý"))
        self.tabs, self.history_tab = tabs, history
        self.sign_button = QPushButton(self.tr("Ký số"))
        self.sign_button.clicked.connect(
            lambda: self.document and self.sign_requested.emit(self.document.id)
        )
        self.step_button = QPushButton(self.tr("Xử lý…"))
        self.step_button.setObjectName("stepButton")
        self.step_button.setToolTip(self.tr("Trình, giao xử lý, hoàn thành, trình ký, phát hành…"))
        self.step_button.clicked.connect(
            lambda: self.document and self.step_requested.emit(self.document.id)
        )
        self.replace_file_button = QPushButton(self.tr("Thay tệp dự thảo…"))
        self.replace_file_button.setObjectName("replaceFileButton")
        self.replace_file_button.setToolTip(
            self.tr("Tải lên tệp PDF đã sửa thành phiên bản mới của dự thảo, rồi trình ký lại.")
        )
        self.replace_file_button.clicked.connect(self.replace_file)
        self.replace_file_button.hide()
        self.file_dialog: DraftFileDialog | None = None
        self.print_button = QPushButton(self.tr("In…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("In văn bản, có dấu người in ở lề mỗi trang (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_document)
        self.print_sheet = QCheckBox(self.tr("Kèm phiếu thông tin"))
        self.print_sheet.setObjectName("printSheet")
        self.print_sheet.setToolTip(
            self.tr("In thêm phiếu: số, ký hiệu, ngày, cơ quan, trích yếu, người xử lý, các bước")
        )
        self.printing = DocumentPrinter(workspace, self)
        self.printing.message.connect(self._print_message)
        self.printing.printed.connect(self._printed)
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_button, 1)
        print_row.addWidget(self.print_sheet)
        side = QWidget()
        side.setMinimumWidth(340)  # metadata labels and the four tabs stay readable
        column = QVBoxLayout(side)
        self.back_button = QPushButton("← " + self.tr("Quay lại"))
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(self.tr("Về danh sách (Esc, Alt+←)"))
        self.back_button.clicked.connect(self.back_requested)
        back_row = QHBoxLayout()
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        column.addLayout(back_row)
        column.addWidget(self.title)
        column.addWidget(self.take_back)
        column.addWidget(tabs, 1)
        column.addWidget(self.step_button)
        column.addWidget(self.replace_file_button)
        column.addWidget(self.sign_button)
        column.addLayout(print_row)
        self.pdf = PdfView()
        self.status = QLabel()
        split = QSplitter()
        split.addWidget(side)
        split.addWidget(self.pdf)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def _show_timeline(self, document: Document) -> None:
        """Who did what when (the trace), then who handles it now (the assignments)."""
        self.timeline.clear()
        for entry in document.trace:  # what the axis did reads as what happened (ui.timeline)
            self.timeline.addItem(trace_line(entry))
        today = today_in_vietnam()
        for part in document.assignments:  # each kind in its own words (ui.timeline)
            self.timeline.addItem(part_line(part, today))
        for delivery in document.deliveries:  # the sender sees how far each recipient has got
            text, problem = delivery_line(delivery)
            item = QListWidgetItem(text)
            if problem:  # refused, or could not be sent: red, with the reason
                item.setForeground(QBrush(QColor(PROBLEM_COLOUR)))
            self.timeline.addItem(item)
        if not document.trace and not document.assignments:
            self.timeline.addItem(self.tr("Chưa có bước xử lý nào được ghi lại."))

    def show_document(self, document: Document) -> None:
        self.close_file()
        self.document = document
        self.note = ""
        self.replace_file_button.setVisible(self.workspace.may_replace_draft_file(document))
        self.title.setText(  # a package's text is the sender's: never markup here
            f"<h3>{html.escape(document.doc_type)} {html.escape(document.number_symbol)}</h3>"
            f"<p>{html.escape(document.subject)}</p>"
        )
        while self.meta.rowCount():
            self.meta.removeRow(0)
        day = document.issued_date or document.arrival_date
        for label, value in (
            (self.tr("Số/ký hiệu"), document.number_symbol or "—"),
            (self.tr("Ngày"), day.strftime("%d/%m/%Y") if day else ""),
            (self.tr("Cơ quan ban hành"), document.organ_name),
            (self.tr("Người ký"), f"{document.signer_position} {document.signer_name}".strip()),
            (self.tr("Độ khẩn"), urgency_label(document.urgency)),
            (self.tr("Độ mật"), secrecy_label(document.secrecy)),
            (
                self.tr("Hạn xử lý"),
                document.due_date.strftime("%d/%m/%Y") if document.due_date else "",
            ),
            (self.tr("Số đến"), str(document.arrival_number or "")),
            (self.tr("Nơi nhận"), "; ".join(document.to_places or document.recipients)),
            (self.tr("Trạng thái"), status_label(document.status)),
            *(
                [(self.tr("Mã định danh"), _breakable(document.document_identifier))]
                if document.document_identifier
                else []
            ),
        ):
            text = QLabel(value)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            self.meta.addRow(label, text)
        self.versions.clear()
        for version in document.versions:
            self.versions.addItem(
                f"{version.number}. {version.filename} — {version.note} ({version.author})"
            )
        self.exchange.show_document(document)
        self.take_back.show_for(document, offered_steps(document, self.workspace.user))
        self._show_timeline(document)
        self._load_accesses(document)
        self.signatures.clear()
        if document.latest_version is None:
            self.status.setText(self.tr("Văn bản chưa có tệp."))
            self.pdf.show_message(self.tr("Văn bản chưa có tệp."))
            return
        self.status.setText(self.tr("Đang mở tệp…"))
        self.pdf.show_message(self.tr("Đang mở tệp…"))  # never the previous document's pages
        run_task(
            self.workspace.open_file,
            document,
            on_done=lambda path: self._opened(document, path),
            on_error=lambda exc: self._open_failed(document, exc),
            owner=self,
        )

    def close_file(self) -> None:
        """Leaving a document: a secret one's file is deleted from the disk."""
        if self.file is not None:
            self.workspace.close_file(self.file)
            self.file = None

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():  # the user left the document (a minimised window did not)
            self.close_file()
            self.document = None  # nothing reloads a document nobody is looking at
        super().hideEvent(event)

    # -- find and print (the window's Ctrl+F, Esc and Ctrl+P come here) --------------------
    def find(self) -> None:  # type: ignore[override]
        """Ctrl+F: the PDF's find bar, not the list's search."""
        self.pdf.open_find()

    def close_find(self) -> bool:
        """Esc: closes the find bar if it is open (True), else leaves Esc to the window."""
        return self.pdf.close_find()

    def print_document(self) -> None:
        """Ctrl+P or "In…": the print dialog for the file as it is (and the sheet if ticked)."""
        document = self.document
        if document is None:
            return
        if self.file is None and document.latest_version is not None:
            self._print_when_open = True  # Ctrl+P from the list: as soon as the file is here
            self.status.setText(self.tr("Tệp đang mở, hãy chờ một chút rồi in."))
            return
        self._print_when_open = False
        self.printing.ask(
            document, self.file, self.print_sheet.isChecked(), self.pdf.page, self.pdf.pages
        )

    def print_to(self, printer: QPrinter, with_sheet: bool | None = None) -> Task | None:
        """Print the open document on ``printer`` as set up (no dialog), then record it."""
        if self.document is None:
            return None
        sheet = self.print_sheet.isChecked() if with_sheet is None else with_sheet
        job = self.printing.job(self.document, self.file, sheet)
        return self.printing.print_to(printer, job, self.document)

    def _print_message(self, text: str) -> None:
        self.status.setText(text)

    def _printed(self, document_id: int) -> None:
        if self.document is not None and self.document.id == document_id:
            self._load_accesses(self.document)  # "in 1 lần" shows at once

    def refresh(self, document_ids: Iterable[int]) -> None:
        """After signing: show the shown document's newest version (or that a signed one waits to be sent)."""
        if self.document is None or self.document.id not in set(document_ids):
            return
        shown = self.document.id

        def reload() -> tuple[Document | None, bool]:
            return self.workspace.document(shown), shown in self.workspace.pending_versions()

        run_task(reload, on_done=self._reloaded, on_error=self._failed, owner=self)

    def _reloaded(self, result: tuple[Document | None, bool]) -> None:
        document, waiting = result
        if document is None or self.document is None or document.id != self.document.id:
            return
        self.show_document(document)
        if waiting:
            self.note = self.tr("Bản đã ký đang chờ gửi lên máy chủ (ngoại tuyến).")
            self.status.setText(self.note)

    def _load_accesses(self, document: Document) -> None:
        """Who viewed, downloaded or printed it — asked of the server, for those who may see."""
        self.accesses.clear()
        if not self.workspace.online:
            self.accesses.addItem(self.tr("Cần kết nối máy chủ để xem lịch sử truy cập."))
            return
        self.accesses.addItem(self.tr("Đang tải…"))
        run_task(
            self.workspace.access_history,
            document,
            on_done=lambda history: self._show_accesses(document, history),
            on_error=lambda exc: self._accesses_failed(document, exc),
            owner=self,
        )

    def _show_accesses(self, document: Document, history: AccessHistory | None) -> None:
        if self.document is not document:
            return
        self.accesses.clear()
        if history is None:
            self.accesses.addItem(
                self.tr(
                    "Lịch sử truy cập dành cho lãnh đạo, quản trị, người tạo và người xử lý "
                    "văn bản."
                )
            )
            return
        counts = history.counts
        self.accesses.addItem(
            self.tr("Xem %1 lần · tải %2 lần · in %3 lần · %4 người")
            .replace("%1", str(counts.get("view", 0)))
            .replace("%2", str(counts.get("download", 0)))
            .replace("%3", str(counts.get("print", 0)))
            .replace("%4", str(history.readers))
        )
        for event in history.events:
            when = event.when.astimezone().strftime("%d/%m/%Y %H:%M") if event.when else ""
            version = self.tr(" (phiên bản %1)").replace("%1", str(event.version))
            self.accesses.addItem(
                f"{when}  {audit_label(event.kind)}: {event.full_name or event.username}"
                f"{version if event.version else ''}"
            )

    def _accesses_failed(self, document: Document, exc: Exception) -> None:
        if self.document is document:
            self.accesses.clear()
            self.accesses.addItem(": ".join(describe(exc)))

    def _opened(self, document: Document, path: Path) -> None:
        if self.document is not document or not self.isVisible():
            self.workspace.close_file(path)  # another document, or none, is shown meanwhile
            return
        self.file = path
        self.pdf.open(path)
        if self._print_when_open:
            self.print_document()
        run_task(  # the access history gets this view (queued while offline)
            self.workspace.record_access, document, on_error=self._not_recorded, owner=self
        )
        self.status.setText(self.note)
        run_task(
            lambda: signature_details(path, self.profile()),  # ``verify``'s verdicts
            on_done=self._validated,
            on_error=self._failed,
            owner=self,
        )

    def _not_recorded(self, exc: Exception) -> None:
        logger.warning("a view was not recorded: %s", exc)  # never in the user's way

    def _validated(self, details: list[SignatureDetail]) -> None:
        self.signatures.show_signatures(details)

    def _show_signature(self, page: int, box: QRectF) -> None:
        """A signature clicked in the panel: the viewer turns to its page and outlines its stamp."""
        rect = None if box.isEmpty() else (box.left(), box.top(), box.right(), box.bottom())
        self.pdf.go_to_page(page, rect)

    def replace_file(self) -> None:
        """The author's corrected PDF for the draft: pick it, add a note, upload it."""
        document = self.document
        if document is None or not self.workspace.may_replace_draft_file(document):
            return
        chosen = choose_pdf(self)
        if not chosen:
            return
        self.file_dialog = DraftFileDialog(self.workspace, document, chosen, parent=self)
        self.file_dialog.accepted.connect(self._file_replaced)
        self.file_dialog.open()

    def _file_replaced(self) -> None:
        outcome = self.file_dialog.outcome if self.file_dialog else None
        if outcome is None:
            return
        if outcome.queued:
            self.note = self.tr("Tệp dự thảo mới đang chờ gửi lên máy chủ (ngoại tuyến).")
        else:
            if outcome.document is not None:
                self.show_document(outcome.document)
            self.note = self.tr("Đã thay tệp dự thảo: phiên bản %1.").replace(
                "%1", str(outcome.version)
            )
        self.status.setText(self.note)

    def _open_failed(self, document: Document, exc: Exception) -> None:
        """No file to show (withdrawn and destroyed, sealed to this reader, offline…): said where
        the page would be."""
        if self.document is not document:
            return
        title, message = describe(exc)
        self.pdf.show_message(f"{title}: {message}")
        self.status.setText(f"{title}: {message}")

    def _failed(self, exc: Exception) -> None:
        title, message = describe(exc)
        self.status.setText(f"{title}: {message}")

    def _say(self, text: str) -> None:
        self.status.setText(text)


def _breakable(identifier: str) -> str:
    """A document identifier ("000.00.00.H30,2026/12/07,08/UBND-VP") that may wrap after its
    commas in a narrow column (it has no spaces)."""
    return identifier.replace(",", ",\u200b")
