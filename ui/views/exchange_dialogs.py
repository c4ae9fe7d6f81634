"""The exchange's dialogs on the desk (Tệp menu): importing edXML package files (each file's
outcome, the document it became one click away), exporting an outgoing document's package to
a file (where to save it, the recipients it is carried to by hand), and reading a package here
without the server (its summary and what is wrong with it).

Every call runs in a worker; the dialogs open at once and fill in when the answer comes.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from base.errors import current_language
from client.records import Document
from services.exchange import ImportOutcome, ImportState, Inspection
from services.workspace import Workspace

from ..errors import describe
from ..workers import Task, run_task
from .exchange_panel import AMBER, GREEN, GREY, RED
from .step_fields import heading
from .step_pickers import AgencyPicker

__all__ = [
    "ImportDialog",
    "ExportDialog",
    "InspectDialog",
    "PACKAGE_FILTER",
    "default_package_name",
    "exportable",
]

logger = logging.getLogger(__name__)

PACKAGE_FILTER = "edXML (*.edxml *.xml);;* (*)"
_STATE_COLOURS = {
    ImportState.APPLIED: GREEN,
    ImportState.DUPLICATE: GREY,
    ImportState.REJECTED: RED,
    ImportState.FAILED: RED,
}
_EXPORTABLE = frozenset({"numbered", "issued"})


def exportable(document: Document) -> bool:
    """An outgoing document numbered or issued: what the server exports as a package."""
    return document.direction == "outgoing" and document.status in _EXPORTABLE


def default_package_name(document: Document) -> str:
    """ "12-UBND-VP.edxml" from the number and symbol (the document's id without one)."""
    number = f"{document.code_number or ''}-{document.code_notation}".strip("-")
    safe = re.sub(r"[^\w.-]+", "-", number, flags=re.UNICODE).strip("-.")
    return f"{safe or document.id}.edxml"


def _state_label(state: ImportState) -> str:
    return {
        ImportState.APPLIED: QCoreApplication.translate("ExchangeDialogs", "Đã nhận"),
        ImportState.DUPLICATE: QCoreApplication.translate("ExchangeDialogs", "Đã có từ trước"),
        ImportState.REJECTED: QCoreApplication.translate("ExchangeDialogs", "Bị từ chối"),
        ImportState.FAILED: QCoreApplication.translate("ExchangeDialogs", "Không nhập được"),
    }[state]


class ImportDialog(QDialog):
    """Imports the chosen files in a worker (progress, then one row per file: its result,
    sender and the reason), and opens the document an applied package became."""

    open_document = Signal(int)
    imported = Signal()
    """The import finished (the list and the queue counts are read again)."""

    COLUMNS = 4

    def __init__(self, workspace: Workspace, paths: Sequence[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.workspace, self.paths = workspace, list(paths)
        self.outcomes: list[ImportOutcome] = []
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Nhập gói edXML"))
        self.summary = QLabel(self.tr("Đang nhập %1 gói…").replace("%1", str(len(self.paths))))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(self.paths)))
        self.progress.setValue(0)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("importResults")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tệp"), self.tr("Kết quả"), self.tr("Nơi gửi"), self.tr("Chi tiết")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the reason, wrapped
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.open_selected())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = self.buttons.addButton(
            self.tr("Mở văn bản"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setObjectName("openImported")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.progress)
        column.addWidget(self.table, 1)
        column.addWidget(self.buttons)
        self.resize(820, 420)
        self.task = run_task(
            workspace.exchange.import_files,
            self.paths,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progressed,
            owner=self,
        )

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel.set()
        super().reject()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
        self.summary.setText(
            self.tr("Đang nhập gói %1/%2…").replace("%1", str(done)).replace("%2", str(total))
        )

    def _done(self, outcomes: list[ImportOutcome]) -> None:
        self.task = None
        self.outcomes = list(outcomes)
        self.progress.hide()
        language = current_language()
        self.table.setRowCount(len(self.outcomes))
        for row, outcome in enumerate(self.outcomes):
            sender = outcome.sender_name or outcome.sender
            if outcome.sender and outcome.sender != sender:
                sender = f"{sender} ({outcome.sender})"
            cells = (
                outcome.path.name,
                _state_label(outcome.state),
                sender,
                outcome.message(language),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1:
                    item.setForeground(_brush(_STATE_COLOURS[outcome.state]))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        applied = sum(o.state is ImportState.APPLIED for o in self.outcomes)
        self.summary.setText(
            self.tr("Đã nhận %1/%2 gói. Chọn một dòng đã nhận rồi bấm «Mở văn bản».")
            .replace("%1", str(applied))
            .replace("%2", str(len(self.outcomes)))
        )
        first = next(
            (i for i, o in enumerate(self.outcomes) if o.document_ids),
            None,
        )
        if first is not None:
            self.table.selectRow(first)
        self.imported.emit()

    def _failed(self, exc: Exception) -> None:
        self.task = None
        self.progress.hide()
        title, message = describe(exc)
        self.summary.setText(f"{title}: {message}")
        self.summary.setStyleSheet(f"color: {RED}")

    def selected(self) -> ImportOutcome | None:
        rows = self.table.selectionModel().selectedRows()
        return self.outcomes[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        outcome = self.selected()
        self.open_button.setEnabled(bool(outcome and outcome.document_ids))

    def open_selected(self) -> None:
        outcome = self.selected()
        if outcome is not None and outcome.document_ids:
            self.open_document.emit(outcome.document_ids[0])
            self.accept()


def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


class ExportDialog(QDialog):
    """Where to save an outgoing document's package, and (optional) the agencies it is carried
    to by hand — the server then records it as delivered to them."""

    def __init__(
        self,
        workspace: Workspace,
        document: Document,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.workspace, self.document = workspace, document
        self.saved: Path | None = None
        self.setWindowTitle(self.tr("Xuất gói edXML"))
        folder = folder or _documents_folder()
        self.path = QLineEdit(str(folder / default_package_name(document)))
        self.path.setObjectName("exportPath")
        choose = QPushButton(self.tr("Chọn…"))
        choose.setObjectName("exportChoose")
        choose.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(choose)
        self.agencies = AgencyPicker(workspace)
        hint = QLabel(
            self.tr(
                "Không chọn nơi nhận: gói như đã gửi qua trục đến mọi nơi nhận ngoài hệ thống."
                " Có chọn: máy chủ ghi nhận đã chuyển bằng tệp đến các nơi đó."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {GREY}")
        self.error = QLabel()
        self.error.setObjectName("exportError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {RED}")
        form = QFormLayout()
        form.addRow(self.tr("Lưu vào"), where)
        form.addRow(self.tr("Nơi nhận (không bắt buộc)"), self.agencies)
        form.addRow("", hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xuất gói"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(heading([document]))
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu gói edXML"), self.path.text(), PACKAGE_FILTER
        )
        if chosen:
            self.path.setText(chosen)

    def export(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.error.setText(self.tr("Hãy chọn nơi lưu gói."))
            return
        dest = Path(text)
        if not dest.parent.is_dir():
            self.error.setText(self.tr("Không có thư mục %1.").replace("%1", str(dest.parent)))
            return
        self.error.clear()
        self.buttons.setEnabled(False)
        run_task(
            self.workspace.exchange.export,
            self.document,
            dest,
            tuple(self.agencies.codes()),
            on_done=self._exported,
            on_error=self._failed,
            owner=self,
        )

    def _exported(self, path: Path) -> None:
        self.saved = Path(path)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        title, message = describe(exc)
        self.error.setText(f"{title}: {message}")


def _documents_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class InspectDialog(QDialog):
    """A package read on this machine (no server): its summary, line by line, and what is
    wrong with it — or why it cannot be read."""

    def __init__(self, workspace: Workspace, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectDialog")
        self.inspection: Inspection | None = None
        self.setWindowTitle(self.tr("Kiểm tra gói edXML — %1").replace("%1", path.name))
        self.text = QTextBrowser()
        self.text.setObjectName("inspection")
        self.text.setOpenLinks(False)
        self.text.setPlainText(self.tr("Đang đọc gói…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.text, 1)
        column.addWidget(buttons)
        self.resize(760, 560)
        run_task(
            workspace.exchange.inspect,
            path,
            current_language(),
            on_done=self._read,
            on_error=self._failed,
            owner=self,
        )

    def _read(self, inspection: Inspection) -> None:
        self.inspection = inspection
        rows = "".join(
            f"<tr><td style='padding-right:12px; color:{GREY}'>{html.escape(label)}</td>"
            f"<td>{html.escape(value).replace(chr(10), '<br>')}</td></tr>"
            for label, value in inspection.lines
        )
        if inspection.problems:
            title = html.escape(self.tr("Vấn đề của gói"))
            problems = f"<p><b>{title}</b></p><ul>" + "".join(
                f"<li style='color:{AMBER}'>{html.escape(p)}</li>" for p in inspection.problems
            )
            problems += "</ul>"
        else:
            none = html.escape(self.tr("Không thấy vấn đề nào."))
            problems = f"<p style='color:{GREEN}'>{none}</p>"
        self.text.setHtml(f"<table>{rows}</table>{problems}")

    def _failed(self, exc: Exception) -> None:
        title, message = describe(exc)
        self.text.setHtml(
            f"<p style='color:{RED}'><b>{html.escape(title)}</b><br>{html.escape(message)}</p>"
        )
