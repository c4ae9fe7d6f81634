"""The «Hồ sơ» page (Decree 30 Art. 29–31, Appendix VI III.4–III.6): the user's files and, by
role, the archive's queues on the left; the open file on the right — its metadata, its
documents in DocOrdinal order, the steps the server allows this user now (``CaseFile.actions``),
export and the printed index; the archive's printed forms come from ``case_file_forms``.

Documents join a file by dragging them from a list onto the file (or its table), or through
«Đưa vào hồ sơ…» (``MainWindow.file_documents``). Every call is ``Workspace.records``' in a
worker; a refusal is the server's message, shown as it is (an accepted file is frozen). A
document put into one's own open file while offline shows «chờ gửi» until sent."""

from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import today_in_vietnam
from base.records import CaseFileAction, CaseFileState, KeepBack
from base.workflow import Role
from client.case_file_records import CaseFile, CaseFileDetail, CaseFileFilter, CaseFilePage
from services.workspace import Workspace

from ..errors import describe, show_error
from ..models import dropped_document_ids
from ..workers import run_task
from .case_file_dialogs import CloseFileDialog, NewFileDialog, ReasonDialog, RightsDialog
from .case_file_filters import ExtraFilters, MoreFiltersDialog
from .case_file_forms import CaseFileFormsMixin
from .case_file_history import fill_history

__all__ = ["CaseFilesView", "DocumentDropTable", "case_file_state_label", "KEEP_BACK_QUEUE"]

KEEP_BACK_QUEUE = "keep_back"
"""The leader's queue of keep-back requests (files of the organisation, filtered here)."""
RED, AMBER, GREEN, GREY = "#c62828", "#b26a00", "#2e7d32", "#616161"


def case_file_state_label(state: str) -> str:
    labels: dict[str, str] = {
        CaseFileState.OPEN: QCoreApplication.translate("CaseFilesView", "Đang lập"),
        CaseFileState.CLOSED: QCoreApplication.translate("CaseFilesView", "Đã kết thúc"),
        CaseFileState.SUBMITTED: QCoreApplication.translate("CaseFilesView", "Chờ tiếp nhận"),
        CaseFileState.RETURNED: QCoreApplication.translate("CaseFilesView", "Bị trả lại"),
        CaseFileState.ARCHIVED: QCoreApplication.translate("CaseFilesView", "Đã vào lưu trữ"),
    }
    return labels.get(state, state)


def queue_names() -> dict[str, str]:
    return {
        "mine": QCoreApplication.translate("CaseFilesView", "Hồ sơ của tôi"),
        "due": QCoreApplication.translate("CaseFilesView", "Sắp đến hạn nộp lưu"),
        "awaiting": QCoreApplication.translate("CaseFilesView", "Chờ tiếp nhận"),
        "returned": QCoreApplication.translate("CaseFilesView", "Đã trả lại"),
        "archive": QCoreApplication.translate("CaseFilesView", "Kho lưu trữ cơ quan"),
        "past_retention": QCoreApplication.translate("CaseFilesView", "Hết thời hạn bảo quản"),
        KEEP_BACK_QUEUE: QCoreApplication.translate("CaseFilesView", "Đề nghị giữ lại"),
        "all": QCoreApplication.translate("CaseFilesView", "Mọi hồ sơ được xem"),
    }


def queues_for(role: str) -> list[str]:
    """The queues a role works from, its main one first."""
    if role == Role.ARCHIVIST:
        return ["awaiting", "due", "archive", "past_retention", "returned", "mine"]
    if role == "leader":
        return ["mine", KEEP_BACK_QUEUE, "due", "archive", "all"]
    return ["mine", "due", "all"]


def _day(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "—"


def _item(text: str, tip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    return item


class DocumentDropTable(QTableWidget):
    """A table that takes documents dragged from a list; ``dropped`` carries (the row's file
    id or 0 for the table itself, the document ids)."""

    dropped = Signal(int, object)

    def __init__(self, rows_are_files: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_are_files = rows_are_files
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_document_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_document_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = dropped_document_ids(event.mimeData())
        if not ids:
            event.ignore()
            return
        event.acceptProposedAction()
        target = 0
        if self.rows_are_files:
            row = self.rowAt(event.position().toPoint().y())
            item = self.item(row, 0) if row >= 0 else None
            if item is None:
                return
            target = int(item.data(Qt.ItemDataRole.UserRole))
        self.dropped.emit(target, ids)


def _table(name: str, headers: list[str], stretch: int, rows_are_files: bool) -> DocumentDropTable:
    table = DocumentDropTable(rows_are_files)
    table.setObjectName(name)
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class CaseFilesView(CaseFileFormsMixin, QWidget):
    """The case files of one queue, and the file opened from it."""

    open_document = Signal(int)
    changed = Signal()
    """A file changed (the window reads its counts again)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseFilesPage")
        self.workspace = workspace
        self.records = workspace.records
        self.user = workspace.user
        self.files: list[CaseFile] = []
        self.detail: CaseFileDetail | None = None
        self.dialog: Any = None
        """The dialog open now (tests and the window reach it)."""
        self.busy = False
        self._generation = 0
        self.last_export: Path | None = None
        self.heading = QLabel()
        self.heading.setObjectName("caseFilesHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.queue = QComboBox()
        self.queue.setObjectName("caseFileQueue")
        self.queue.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit()
        self.search.setObjectName("caseFileSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.reload)
        self.code = QLineEdit()
        self.code.setObjectName("caseFileCode")
        self.code.setClearButtonEnabled(True)
        self.code.returnPressed.connect(self.reload)
        self.year = QSpinBox()
        self.year.setObjectName("caseFileYear")
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText("—")
        self.retention = QComboBox()
        self.retention.setObjectName("caseFileRetention")
        self.extra = ExtraFilters()
        """«Lọc thêm…»: Rights, Language, the documents' period (the archive's search)."""
        self.more_button = QPushButton()
        self.more_button.setObjectName("caseFileMoreFilters")
        self.more_button.clicked.connect(self.more_filters)
        self.find_button = QPushButton()
        self.find_button.setObjectName("caseFileFind")
        self.find_button.clicked.connect(self.reload)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newCaseFile")
        self.new_button.clicked.connect(self.new_file)
        self.new_button.setVisible(self.records.may_open_files)
        self.list_button = QPushButton()
        self.list_button.setObjectName("fileListButton")
        self.list_button.clicked.connect(self.file_list_requested)
        self._make_form_buttons()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.file_index_button)
        top.addWidget(self.list_button)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.queue)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.code, 2)
        filters.addWidget(self.year)
        filters.addWidget(self.retention)
        filters.addWidget(self.more_button)
        filters.addWidget(self.find_button)
        self.count = QLabel()
        self.count.setObjectName("caseFileCount")
        self.table = _table("caseFiles", ["", "", ""], 0, rows_are_files=True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._file_chosen)
        self.table.dropped.connect(self._dropped_on_file)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.count)
        left_column.addWidget(self.table, 1)
        left.setMinimumWidth(360)
        self.title = QLabel()
        self.title.setObjectName("caseFileTitle")
        self.title.setWordWrap(True)
        title_font = self.title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title.setFont(title_font)
        self.meta = QLabel()
        self.meta.setObjectName("caseFileMeta")
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel()
        self.banner.setObjectName("caseFileBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.documents = _table("caseFileDocuments", [""] * 6, 3, rows_are_files=False)
        self.documents.doubleClicked.connect(self._open_chosen_document)
        self.documents.dropped.connect(lambda _target, ids: self.add_documents(ids))
        self.documents.itemSelectionChanged.connect(self._show_buttons)
        self.drop_hint = QLabel()
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setStyleSheet(f"color: {GREY}")
        self.drop_hint.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("caseFileNotice")
        self.notice.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, handler in (
            ("remove", self.remove_chosen),
            (CaseFileAction.CLOSE, self.close_file),
            (CaseFileAction.REOPEN, self.reopen),
            (CaseFileAction.TRANSFER, self.transfer),
            (CaseFileAction.REQUEST_KEEP_BACK, self.request_keep_back),
            (CaseFileAction.ACCEPT, self.accept_file),
            (CaseFileAction.RETURN, self.return_file),
            (CaseFileAction.APPROVE_KEEP_BACK, self.approve_keep_back),
            (CaseFileAction.REFUSE_KEEP_BACK, self.refuse_keep_back),
        ):
            button = QPushButton()
            button.setObjectName(f"caseFile_{key}")
            button.clicked.connect(lambda _checked=False, run=handler: run())
            self.buttons[str(key)] = button
            actions.addWidget(button)
        self.rights_button = QPushButton()
        self.rights_button.setObjectName("caseFileRightsButton")
        self.rights_button.clicked.connect(self.change_rights)
        actions.addWidget(self.rights_button)
        actions.addStretch(1)
        self.export_button = QPushButton()
        self.export_button.setObjectName("caseFileExport")
        self.export_button.clicked.connect(lambda: self.export_file())
        self.export_pdf_button = QPushButton()
        self.export_pdf_button.setObjectName("caseFileExportPdf")
        self.export_pdf_button.clicked.connect(lambda: self.export_file(pdf=True))
        self.index_button = QPushButton()
        self.index_button.setObjectName("caseFileIndex")
        self.index_button.clicked.connect(lambda: self.print_index())
        for button in (
            self.export_button,
            self.export_pdf_button,
            self.index_button,
            self.transfer_list_button,
            self.handover_record_button,
        ):
            actions.addWidget(button)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.title)
        right_column.addWidget(self.meta)
        right_column.addWidget(self.banner)
        self.history = QListWidget()
        self.history.setObjectName("caseFileHistory")
        self.history.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseFileTabs")
        self.tabs.addTab(self.documents, "")
        self.tabs.addTab(self.history, "")
        right_column.addWidget(self.tabs, 1)
        right_column.addWidget(self.drop_hint)
        right_column.addLayout(actions)
        right_column.addWidget(self.notice)
        self.split = QSplitter()
        self.split.setObjectName("caseFileSplit")
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setCollapsible(1, False)
        self.split.setSizes([480, 720])
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(filters)
        column.addWidget(self.split, 1)
        self._archive_filters = (self.code, self.year, self.retention, self.more_button)
        self.archive_mode = False
        self.retranslate()
        self._show_filters()
        self.queue.currentIndexChanged.connect(lambda _i: self._queue_changed())
        self._show_detail(None)

    file_list_requested = Signal()
    """«Danh mục hồ sơ»: the window shows the file list editor."""

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Hồ sơ"))
        current = self.queue.currentData()
        self.queue.blockSignals(True)
        self.queue.clear()
        names = queue_names()
        for key in queues_for(self.user.role):
            self.queue.addItem(names[key], key)
        index = self.queue.findData(current)
        self.queue.setCurrentIndex(max(index, 0))
        self.queue.blockSignals(False)
        self.search.setPlaceholderText(self.tr("Tìm theo tiêu đề hồ sơ…"))
        self.code.setPlaceholderText(self.tr("Mã hồ sơ"))
        self.year.setToolTip(self.tr("Năm"))
        self.year.setPrefix(self.tr("Năm "))
        chosen = self.retention.currentData()
        self.retention.blockSignals(True)
        self.retention.clear()
        self.retention.addItem(self.tr("Mọi thời hạn"), None)
        self.retention.addItem(self.tr("Vĩnh viễn"), 0)
        for years in (70, 50, 20, 10, 5, 2):
            self.retention.addItem(self.tr("%1 năm").replace("%1", str(years)), years)
        self.retention.setCurrentIndex(max(self.retention.findData(chosen), 0))
        self.retention.blockSignals(False)
        self.find_button.setText(self.tr("Tìm"))
        count = self.extra.count
        self.more_button.setText(
            self.tr("Lọc thêm (%1)…").replace("%1", str(count)) if count else self.tr("Lọc thêm…")
        )
        self.more_button.setToolTip(self.tr("Chế độ sử dụng, ngôn ngữ, thời gian của tài liệu"))
        self.new_button.setText(self.tr("Lập hồ sơ…"))
        self.list_button.setText(self.tr("Danh mục hồ sơ"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Hồ sơ (tiêu đề, mã)"), self.tr("Trạng thái"), self.tr("Hạn nộp lưu")]
        )
        self.documents.setHorizontalHeaderLabels(
            [
                self.tr("STT"),
                self.tr("Số, ký hiệu"),
                self.tr("Ngày"),
                self.tr("Trích yếu"),
                self.tr("Số trang"),
                self.tr("Ghi chú"),
            ]
        )
        self.drop_hint.setText(
            self.tr(
                "Kéo văn bản từ danh sách thả vào đây, hoặc chọn văn bản rồi dùng "
                "«Đưa vào hồ sơ…». Nhấp đúp để mở văn bản."
            )
        )
        labels = {
            "remove": self.tr("Bỏ khỏi hồ sơ"),
            CaseFileAction.CLOSE: self.tr("Kết thúc hồ sơ…"),
            CaseFileAction.REOPEN: self.tr("Mở lại…"),
            CaseFileAction.TRANSFER: self.tr("Nộp lưu"),
            CaseFileAction.REQUEST_KEEP_BACK: self.tr("Đề nghị giữ lại…"),
            CaseFileAction.ACCEPT: self.tr("Tiếp nhận"),
            CaseFileAction.RETURN: self.tr("Trả lại…"),
            CaseFileAction.APPROVE_KEEP_BACK: self.tr("Duyệt giữ lại"),
            CaseFileAction.REFUSE_KEEP_BACK: self.tr("Không duyệt giữ lại…"),
        }
        for key, button in self.buttons.items():
            button.setText(labels[key])
        self.export_button.setText(self.tr("Xuất hồ sơ (ZIP)…"))
        self.export_pdf_button.setText(self.tr("Xuất PDF…"))
        self.index_button.setText(self.tr("In mục lục văn bản…"))
        self.rights_button.setText(self.tr("Chế độ sử dụng…"))
        self.tabs.setTabText(0, self.tr("Văn bản trong hồ sơ"))
        self.tabs.setTabText(1, self.tr("Lịch sử hồ sơ"))
        self._form_texts()
        self._fill_files()
        self._show_detail(self.detail)

    # -- the list ------------------------------------------------------------------------
    def show_queue(self, queue: str) -> None:
        """Go to a queue ("mine", "due", "awaiting"…) and read it."""
        index = self.queue.findData(queue)
        if index >= 0 and index != self.queue.currentIndex():
            self.queue.setCurrentIndex(index)  # reads it
        else:
            self.reload()

    def current_queue(self) -> str:
        return str(self.queue.currentData() or "mine")

    def _queue_changed(self) -> None:
        self._show_filters()
        self.reload()

    def _show_filters(self) -> None:
        """The archive's metadata filters (code, year, retention) where a search needs them."""
        self.archive_mode = self.current_queue() in ("archive", "past_retention", "all")
        for widget in self._archive_filters:
            widget.setVisible(self.archive_mode)
        self._show_form_buttons()

    def where(self) -> CaseFileFilter:
        queue = self.current_queue()
        archive = self.archive_mode
        retention = self.retention.currentData() if archive else None
        code = self.code.text().strip() if archive else ""
        year = self.year.value() if archive and self.year.value() else None
        extra = self.extra if archive else ExtraFilters()
        return CaseFileFilter(
            queue="all" if queue == KEEP_BACK_QUEUE else queue,
            q=self.search.text().strip(),
            code=code,
            year=year,
            retention_years=retention or None,
            permanent=True if retention == 0 else None,
            rights=extra.rights,
            language=extra.language or None,
            period_from=extra.period_from,
            period_to=extra.period_to,
        )

    def more_filters(self) -> None:
        """«Lọc thêm…»: the dialog, then the search again with what it says."""
        self.dialog = MoreFiltersDialog(self.extra, self)

        def chosen() -> None:
            if self.dialog.outcome is not None:
                self.extra = self.dialog.outcome
                self.retranslate()
                self.reload()

        self.dialog.accepted.connect(chosen)
        self.dialog.open()

    def reload(self, then: Callable[[], object] | None = None) -> None:
        where, queue = self.where(), self.current_queue()
        self._generation += 1
        generation = self._generation

        def load() -> CaseFilePage:
            return self.records.files.page(where, limit=500)

        def shown(page: CaseFilePage) -> None:
            if generation != self._generation:
                return  # another queue or search was asked for meanwhile: its answer shows
            files = list(page.items)
            if queue == KEEP_BACK_QUEUE:
                files = [f for f in files if f.keep_back == KeepBack.REQUESTED]
            self.files = files
            self._fill_files()
            shown_now = self.detail.file if self.detail else None
            fresh = [f for f in files if shown_now is not None and f.id == shown_now.id]
            if fresh and (fresh[0].state, fresh[0].updated_at) != (
                shown_now.state,  # type: ignore[union-attr]
                shown_now.updated_at,  # type: ignore[union-attr]
            ):  # changed meanwhile (the archive's answer…): read it again
                self.open_file(fresh[0].id)
            if then is not None:
                then()

        run_task(load, on_done=shown, on_error=self._failed, owner=self)

    def _fill_files(self) -> None:
        chosen = self.detail.file.id if self.detail else None
        today = today_in_vietnam()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.files))
        for row, found in enumerate(self.files):
            days = found.due_in(today)
            due = _day(found.due_date)
            if found.due_warning(today) and days is not None:
                due += " · " + (
                    self.tr("quá hạn %1 ngày").replace("%1", str(-days))
                    if days < 0
                    else self.tr("còn %1 ngày").replace("%1", str(days))
                )
            cells = (f"{found.title}\n{found.code}", case_file_state_label(found.state), due)
            for column, text in enumerate(cells):
                item = _item(text, f"{found.title}\n{found.code} · {found.maintenance}")
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, found.id)
                if column == 2 and found.due_warning(today):
                    item.setForeground(QBrush(QColor(RED)))
                self.table.setItem(row, column, item)
            if found.id == chosen:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.count.setText(
            self.tr("%1 hồ sơ").replace("%1", str(len(self.files)))
            if self.files
            else self.tr("Không có hồ sơ nào trong mục này.")
        )

    def _file_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            item = self.table.item(rows[0].row(), 0)
            if item is not None:
                self.open_file(int(item.data(Qt.ItemDataRole.UserRole)))

    # -- one file ------------------------------------------------------------------------
    def open_file(self, case_file_id: int, then: Callable[[], object] | None = None) -> None:
        def shown(detail: CaseFileDetail) -> None:
            self._show_detail(detail)
            if then is not None:
                then()

        run_task(
            self.records.files.get, case_file_id, on_done=shown, on_error=self._failed, owner=self
        )

    def _show_detail(self, detail: CaseFileDetail | None) -> None:
        self.detail = detail
        found = detail.file if detail else None
        self.title.setText(
            found.title if found else self.tr("Chọn một hồ sơ ở danh sách bên trái.")
        )
        self.meta.setText(self._meta_html(found) if found else "")
        self._banner(found)
        documents = detail.documents if detail else ()
        self.documents.setRowCount(len(documents))
        for row, document in enumerate(documents):
            note = self.tr("chờ gửi") if document.pending else ""
            cells = (
                str(document.ordinal) if document.ordinal else "…",
                document.number or "—",
                _day(document.date),
                document.subject,
                str(document.page_amount or ""),
                note,
            )
            for column, text in enumerate(cells):
                item = _item(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, document.document_id)
                if document.pending:
                    item.setForeground(QBrush(QColor(AMBER)))
                self.documents.setItem(row, column, item)
        fill_history(self.history, detail)
        self._show_buttons()

    def _meta_html(self, found: CaseFile) -> str:
        rows = [
            (self.tr("Mã hồ sơ"), found.code),
            (self.tr("Thời hạn bảo quản"), found.maintenance),
            (self.tr("Trạng thái"), case_file_state_label(found.state)),
            (self.tr("Người lập hồ sơ"), found.creator or "—"),
            (
                self.tr("Thời gian"),
                f"{_day(found.start_date)} – {_day(found.end_date)}",
            ),
            (
                self.tr("Số văn bản, số trang"),
                f"{found.doc_total if found.doc_total is not None else '—'} · "
                f"{found.page_total if found.page_total is not None else '—'}",
            ),
            (self.tr("Hạn nộp lưu"), _day(found.due_date)),
            (self.tr("Chế độ sử dụng"), found.rights_label or found.rights),
        ]
        cells = "".join(
            f"<tr><td style='color:{GREY};padding-right:12px'>{_escape(k)}</td>"
            f"<td>{_escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table>{cells}</table>"

    def _banner(self, found: CaseFile | None) -> None:
        text, colour = "", GREY
        today = today_in_vietnam()
        if found is None:
            pass
        elif found.state == CaseFileState.ARCHIVED:
            text, colour = (
                self.tr(
                    "Hồ sơ đã được Lưu trữ cơ quan tiếp nhận: không thay đổi, di chuyển hay "
                    "xoá được."
                ),
                GREEN,
            )
        elif found.state == CaseFileState.RETURNED and found.returned_reason:
            text, colour = (
                self.tr("Lưu trữ cơ quan trả lại hồ sơ: %1").replace("%1", found.returned_reason),
                RED,
            )
        elif found.due_warning(today):
            days = found.due_in(today) or 0
            text, colour = (
                self.tr("Hồ sơ đã quá hạn nộp lưu %1 ngày.").replace("%1", str(-days))
                if days < 0
                else self.tr("Hồ sơ đến hạn nộp lưu ngày %1 (còn %2 ngày).")
                .replace("%1", _day(found.due_date))
                .replace("%2", str(days)),
                AMBER,
            )
        elif found.keep_back == KeepBack.REQUESTED:
            text, colour = (
                self.tr("Đề nghị giữ lại đến %1 chờ lãnh đạo duyệt: %2")
                .replace("%1", _day(found.keep_back_until))
                .replace("%2", found.keep_back_reason),
                AMBER,
            )
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"#caseFileBanner {{ color: {colour}; border: 1px solid {colour}; "
            "border-radius: 4px; padding: 4px; }"
        )
        self.banner.setVisible(bool(text))

    def _mine_and_open(self) -> bool:
        found = self.detail.file if self.detail else None
        return (
            found is not None
            and found.creator_id == self.user.id
            and found.state == CaseFileState.OPEN
        )

    def _show_buttons(self) -> None:
        found = self.detail.file if self.detail else None
        allowed = set(found.actions) if found else set()
        for key, button in self.buttons.items():
            if key == "remove":
                button.setVisible(self._mine_and_open())
                button.setEnabled(bool(self.documents.selectionModel().selectedRows()))
            else:
                button.setVisible(key in allowed)
                button.setEnabled(not self.busy)
        for button in (self.export_button, self.export_pdf_button, self.index_button):
            button.setEnabled(found is not None and not self.busy)
        self.drop_hint.setVisible(self._mine_and_open())
        archive_keeps = (
            found is not None
            and found.state == CaseFileState.ARCHIVED
            and self.user.role == Role.ARCHIVIST
        )  # the archive manages who reads an archived file (III.6.c)
        self.rights_button.setVisible(self._mine_and_open() or archive_keeps)
        self.rights_button.setEnabled(not self.busy)
        self._show_form_buttons()

    def _open_chosen_document(self) -> None:
        rows = self.documents.selectionModel().selectedRows()
        if rows:
            item = self.documents.item(rows[0].row(), 0)
            if item is not None:
                self.open_document.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    # -- changes -------------------------------------------------------------------------
    def _failed(self, exc: Exception) -> None:
        self.busy = False
        title, message = describe(exc)
        self.notice.setText(message)
        self.notice.setStyleSheet(f"color: {RED}")
        self._show_buttons()
        show_error(self, exc)

    def _said(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(f"color: {GREEN}")

    def _run(self, fn: Callable[..., Any], *args: Any, done: str) -> None:
        """A change in a worker; the file shown anew, the list and the window's counts after."""
        self.busy = True
        self._show_buttons()

        def finished(result: Any) -> None:
            self.busy = False
            detail = getattr(result, "detail", result)
            if isinstance(detail, CaseFileDetail):
                self._show_detail(detail)
            queued = bool(getattr(result, "queued", False))
            self._said(self.tr("Ngoại tuyến — đã lưu, chờ gửi khi có mạng") if queued else done)
            self.reload()
            self.changed.emit()

        run_task(fn, *args, on_done=finished, on_error=self._failed, owner=self)

    def new_file(self) -> None:
        """Lập hồ sơ: the year's issued list is read first (its planned files to choose from)."""
        year = today_in_vietnam().year

        def load() -> Any:
            issued = [s for s in self.records.lists.all(year) if s.state == "issued"]
            return self.records.lists.get(issued[0].id) if issued else None

        def ask(file_list: Any) -> None:
            self.dialog = NewFileDialog(file_list, self)
            self.dialog.accepted.connect(self._new_chosen)
            self.dialog.open()

        run_task(load, on_done=ask, on_error=self._failed, owner=self)

    def _new_chosen(self) -> None:
        chosen = self.dialog.outcome if self.dialog else None
        if chosen is None:
            return
        files, start = self.records.files, self.dialog.start_day
        opener: Callable[[], CaseFileDetail] = (
            (lambda: files.open_planned(chosen, start))
            if isinstance(chosen, int)
            else (lambda: files.open_free(chosen))
        )

        def opened(detail: CaseFileDetail) -> None:
            self._show_detail(detail)
            self._said(self.tr("Đã lập hồ sơ %1").replace("%1", detail.file.code))
            self.show_queue("mine")
            self.changed.emit()

        run_task(opener, on_done=opened, on_error=self._failed, owner=self)

    def add_documents(self, ids: Sequence[int], case_file_id: int | None = None) -> None:
        """Put documents into a file (the one shown unless ``case_file_id``); the server
        refuses what may not be (another's file, a closed or accepted one)."""
        target = case_file_id or (self.detail.file.id if self.detail else None)
        if target is None or not ids:
            return
        files = self.records.files
        wanted = list(ids)

        def add() -> Any:
            outcome = None
            for document_id in wanted:
                outcome = files.add_document(target, document_id)
            return outcome

        text = self.tr("Đã đưa %1 văn bản vào hồ sơ").replace("%1", str(len(wanted)))
        if self.detail is None or self.detail.file.id != target:
            self.open_file(target, then=lambda: self._run(add, done=text))
            return
        self._run(add, done=text)

    def _dropped_on_file(self, case_file_id: int, ids: list[int]) -> None:
        self.add_documents(ids, case_file_id)

    def remove_chosen(self) -> None:
        rows = self.documents.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return
        item = self.documents.item(rows[0].row(), 0)
        if item is not None:
            self.remove_document(int(item.data(Qt.ItemDataRole.UserRole)))

    def remove_document(self, document_id: int) -> None:
        if self.detail is None:
            return
        self._run(
            self.records.files.remove_document,
            self.detail.file.id,
            document_id,
            done=self.tr("Đã bỏ văn bản khỏi hồ sơ"),
        )

    def close_file(self) -> None:
        if self.detail is None:
            return
        self.dialog = CloseFileDialog(self.detail, self)
        file_id = self.detail.file.id

        def closing() -> None:
            if self.dialog.outcome is not None:
                self._run(
                    self.records.files.close,
                    file_id,
                    self.dialog.outcome,
                    done=self.tr("Đã kết thúc hồ sơ"),
                )

        self.dialog.accepted.connect(closing)
        self.dialog.open()

    def change_rights(self) -> None:
        """Chế độ sử dụng: the creator's open file, or the archive's archived one."""
        if self.detail is None:
            return
        found = self.detail.file
        self.dialog = RightsDialog(found, self)

        def chosen() -> None:
            rights = self.dialog.outcome
            if rights is not None and rights != found.rights:
                files = self.records.files
                self._run(
                    lambda: files.edit(found.id, rights=rights.value),
                    done=self.tr("Đã đổi chế độ sử dụng hồ sơ"),
                )

        self.dialog.accepted.connect(chosen)
        self.dialog.open()

    def _with_reason(
        self,
        title: str,
        prompt: str,
        run: Callable[[int, str, dt.date | None], Any],
        done: str,
        until: dt.date | None = None,
    ) -> None:
        if self.detail is None:
            return
        file_id = self.detail.file.id
        self.dialog = ReasonDialog(title, prompt, until, self)

        def chosen() -> None:
            if self.dialog.outcome is not None:
                reason, day = self.dialog.outcome
                self._run(run, file_id, reason, day, done=done)

        self.dialog.accepted.connect(chosen)
        self.dialog.open()

    def reopen(self) -> None:
        files = self.records.files
        self._with_reason(
            self.tr("Mở lại hồ sơ"),
            self.tr("Lý do mở lại (ghi vào lịch sử hồ sơ và nhật ký hệ thống):"),
            lambda file_id, reason, _day: files.reopen(file_id, reason),
            self.tr("Đã mở lại hồ sơ"),
        )

    def return_file(self) -> None:
        files = self.records.files
        self._with_reason(
            self.tr("Trả lại hồ sơ"),
            self.tr("Lý do trả lại (người lập hồ sơ sẽ thấy):"),
            lambda file_id, reason, _day: files.send_back(file_id, reason),
            self.tr("Đã trả lại hồ sơ"),
        )

    def refuse_keep_back(self) -> None:
        files = self.records.files
        self._with_reason(
            self.tr("Không duyệt giữ lại"),
            self.tr("Lý do không duyệt:"),
            lambda file_id, reason, _day: files.refuse_keep_back(file_id, reason),
            self.tr("Đã không duyệt đề nghị giữ lại"),
        )

    def request_keep_back(self) -> None:
        found = self.detail.file if self.detail else None
        if found is None:
            return
        base = found.due_date or today_in_vietnam()
        files = self.records.files
        self._with_reason(
            self.tr("Đề nghị giữ lại hồ sơ"),
            self.tr(
                "Giữ hồ sơ tại đơn vị quá hạn nộp lưu cần lãnh đạo duyệt; tối đa 2 năm sau hạn."
            ),
            lambda file_id, reason, day: files.request_keep_back(file_id, day or base, reason),
            self.tr("Đã gửi đề nghị giữ lại"),
            until=base + dt.timedelta(days=365),
        )

    def transfer(self) -> None:
        if self.detail is not None:
            self._run(
                self.records.files.transfer,
                self.detail.file.id,
                done=self.tr("Đã nộp lưu hồ sơ: chờ Lưu trữ cơ quan tiếp nhận"),
            )

    def accept_file(self) -> None:
        if self.detail is not None:
            self._run(
                self.records.files.accept,
                self.detail.file.id,
                done=self.tr("Đã tiếp nhận hồ sơ vào Lưu trữ cơ quan"),
            )

    def approve_keep_back(self) -> None:
        if self.detail is not None:
            self._run(
                self.records.files.approve_keep_back,
                self.detail.file.id,
                done=self.tr("Đã duyệt giữ lại hồ sơ"),
            )

    # -- export and print ----------------------------------------------------------------
    def export_file(self, path: Path | None = None, pdf: bool = False) -> None:
        """The file as the server exports it (III.4.g): the ZIP (PDF, XML, SHA256SUMS), or
        only its PDF."""
        if self.detail is None:
            return
        found = self.detail.file
        if path is None:
            suffix = ".pdf" if pdf else ".zip"
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Xuất hồ sơ"),
                str(Path.home() / f"{found.code}{suffix}"),
                self.tr("PDF (*.pdf)") if pdf else self.tr("Tệp nén ZIP (*.zip)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        forms, target = self.records.forms, path

        def export() -> Path:
            if not pdf:
                return forms.case_file(found.id, target)
            with tempfile.TemporaryDirectory() as folder:
                bundle = forms.case_file(found.id, Path(folder) / "file.zip")
                with zipfile.ZipFile(bundle) as archive:
                    member = next(n for n in archive.namelist() if n.lower().endswith(".pdf"))
                    target.write_bytes(archive.read(member))
            return target

        def done(written: Path) -> None:
            self.last_export = written
            self._said(self.tr("Đã xuất hồ sơ vào %1").replace("%1", str(written)))

        run_task(export, on_done=done, on_error=self._failed, owner=self)

    def print_index(self, printer: Any = None) -> None:
        """Mục lục văn bản (V.5) as the server lays it out, on the printer chosen."""
        if self.detail is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ..printing import PrintJob, print_document

        file_id, code = self.detail.file.id, self.detail.file.code
        forms = self.records.forms
        folder = Path(tempfile.mkdtemp(prefix="vanthu-index-"))

        def fetch() -> Path:
            return forms.document_index(file_id, folder / f"muc-luc-{file_id}.pdf")

        def print_on(chosen: Any, pdf: Path) -> None:
            job = PrintJob(mark="", pdf=pdf)
            run_task(
                print_document,
                chosen,
                job,
                on_done=lambda _r: self._said(
                    self.tr("Đã in mục lục văn bản %1").replace("%1", code)
                ),
                on_error=self._failed,
                owner=self,
            )

        def fetched(pdf: Path) -> None:
            self.last_export = pdf
            if printer is not None:
                print_on(printer, pdf)
                return
            chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
            chosen.setDocName(self.tr("Mục lục văn bản %1").replace("%1", code))
            dialog = QPrintDialog(chosen, self)
            dialog.accepted.connect(lambda: print_on(chosen, pdf))
            dialog.finished.connect(dialog.deleteLater)
            self.dialog = dialog
            dialog.show()

        run_task(fetch, on_done=fetched, on_error=self._failed, owner=self)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
