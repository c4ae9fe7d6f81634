"""Uploads: the watched folder and the live queue (state, progress, reason, retry).

A file that failed is coloured, with its reason readable in full below the table; a file
that became a document opens it (double-click or "Mở văn bản": ``open_document``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.workspace import Workspace
from sync.profiles import get_profile
from sync.queue import FileState, QueueEntry

if TYPE_CHECKING:
    from sync.engine import EngineEvent, WatchEngine

from ..errors import show_error
from ..labels import file_state_label, number, reason_label
from ..workers import run_task

__all__ = ["UploadsView"]

logger = logging.getLogger(__name__)

DONE = (FileState.UPLOADED, FileState.DUPLICATE)
FAILED_TEXT = QColor("#a61b1b")
FAILED_BACKGROUND = QColor("#fde8e8")
REASON_WIDTH = 300
"""The reason column's width at first; it is elided there, shown in full below the table."""
ENTRY_ID = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class QueueSnapshot:
    counts: dict[FileState, int]
    entries: list[QueueEntry]


class _Bridge(QObject):
    """Engine callbacks arrive on engine threads; a queued signal brings them to the GUI."""

    arrived = Signal(object)


class UploadsView(QWidget):
    finished_file = Signal(str, bool)
    open_document = Signal(int)
    """A done row's document id: the user asked to open the document the file became."""
    folder_changed = Signal(str)
    """The user chose or typed another watched folder."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.engine: WatchEngine | None = None
        self.starting = False
        self.progress: dict[int, str] = {}
        self.entries: list[QueueEntry] = []
        self.states: tuple[FileState, ...] | None = None
        """The files listed: an upload queue of the navigation (waiting, failed) or all."""
        self.bridge = _Bridge()
        self.bridge.arrived.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self.folder = QLineEdit()
        self.folder.setObjectName("watchFolder")
        self.folder.setPlaceholderText(self.tr("Thư mục nhận bản quét"))
        self.folder.editingFinished.connect(lambda: self.folder_changed.emit(self.folder_text()))
        choose = QPushButton(self.tr("Chọn thư mục…"))
        choose.clicked.connect(self.choose_folder)
        self.toggle = QPushButton(self.tr("Bắt đầu theo dõi"))
        self.toggle.setObjectName("toggleWatch")
        self.toggle.clicked.connect(self.toggle_watch)
        open_button = QPushButton(self.tr("Mở thư mục"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder_text()))
        )
        retry = QPushButton(self.tr("Thử lại tệp lỗi"))
        retry.clicked.connect(self.retry_failed)
        top = QHBoxLayout()
        for widget in (self.folder, choose, self.toggle, open_button, retry):
            top.addWidget(widget, 1 if widget is self.folder else 0)
        self.notice = self._notice()
        self.summary = QLabel()
        self.table = self._table()
        self.open_button = QPushButton(self.tr("Mở văn bản"))
        self.open_button.setObjectName("openUploaded")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        self.detail = QLabel()
        self.detail.setObjectName("uploadDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(2 * self.detail.fontMetrics().lineSpacing() + 4)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        below = QHBoxLayout()
        below.addWidget(self.detail, 1)
        below.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)

    def _notice(self) -> QFrame:
        """What to do when the watch cannot start (no folder, a folder that is gone)."""
        frame = QFrame()
        frame.setObjectName("uploadNotice")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet("#uploadNotice { background: #fff4d6; border: 1px solid #e0b84c; }")
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(24)
        )
        self.notice_text = QLabel()
        self.notice_text.setWordWrap(True)
        choose = QPushButton(self.tr("Chọn thư mục…"))
        choose.setObjectName("noticeChooseFolder")
        choose.clicked.connect(self.choose_folder)
        row = QHBoxLayout(frame)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.notice_text, 1)
        row.addWidget(choose, 0, Qt.AlignmentFlag.AlignTop)
        frame.hide()
        return frame

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setObjectName("uploadQueue")
        table.setHorizontalHeaderLabels(
            [self.tr("Tệp"), self.tr("Trạng thái"), self.tr("Tiến độ"), self.tr("Lý do")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the file name first
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        table.setColumnWidth(3, REASON_WIDTH)
        table.itemSelectionChanged.connect(self._selected)
        table.cellDoubleClicked.connect(lambda _row, _column: self.open_selected())
        return table

    def folder_text(self) -> str:
        return self.folder.text().strip()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục nhận bản quét"), self.folder_text()
        )
        if folder:
            self.folder.setText(folder)
            self.notice.hide()
            self.folder_changed.emit(folder)

    def _tell(self, text: str) -> None:
        self.notice_text.setText(text)
        self.notice.show()

    def toggle_watch(self) -> None:
        if self.engine is not None:
            self.stop()
            return
        if self.starting:
            return
        if not self.folder_text():
            self._tell(
                self.tr(
                    "Chưa có thư mục theo dõi. Hãy chọn thư mục mà máy quét lưu bản quét vào, "
                    "rồi bấm “Bắt đầu theo dõi”: mỗi tệp PDF hay ảnh xuất hiện trong đó sẽ "
                    "được tải lên máy chủ."
                )
            )
            self.folder.setFocus()
            return
        folder = Path(self.folder_text())
        if not folder.is_dir():
            self._tell(
                self.tr(
                    "Không tìm thấy thư mục “%1”. Kiểm tra ổ mạng hoặc chọn thư mục khác."
                ).replace("%1", str(folder))
            )
            return
        self.notice.hide()
        self.starting = True
        self.toggle.setEnabled(False)
        profile = get_profile(None)

        def start() -> WatchEngine:  # the first scan of a large folder: off the GUI thread
            return self.workspace.watch(folder, profile, self.bridge.arrived.emit)

        run_task(start, on_done=self._started, on_error=self._start_failed, owner=self)

    def _started(self, engine: WatchEngine) -> None:
        self.engine, self.starting = engine, False
        self.toggle.setEnabled(True)
        self.toggle.setText(self.tr("Dừng theo dõi"))
        self.timer.start()
        self.refresh()

    def _start_failed(self, exc: Exception) -> None:
        self.starting = False
        self.toggle.setEnabled(True)
        show_error(self, exc)

    def stop(self) -> None:
        """Stop watching; the engine's threads are joined in a worker, never on the GUI thread."""
        engine, self.engine = self.engine, None
        self.timer.stop()
        self.toggle.setText(self.tr("Bắt đầu theo dõi"))
        if engine is not None:
            run_task(engine.stop, owner=self)

    def _on_event(self, event: EngineEvent) -> None:
        if event.state is FileState.UPLOADING and event.total_bytes:
            self.progress[event.entry_id] = f"{100 * event.done_bytes // event.total_bytes}%"
        if event.state in (FileState.UPLOADED, FileState.FAILED, FileState.DUPLICATE):
            self.progress[event.entry_id] = "100%" if event.state is not FileState.FAILED else ""
            self.finished_file.emit(event.name, event.state is not FileState.FAILED)

    def show_states(self, states: tuple[FileState, ...] | None) -> None:
        """List only the files in ``states`` (an upload queue of the navigation: waiting,
        failed), or every file (None); read from the queue on disk while not watching."""
        self.states = states
        self.refresh()

    def refresh(self) -> None:
        states = self.states
        if self.engine is None:  # not watching now: the queue as the last watch left it
            run_task(
                lambda: QueueSnapshot(*self.workspace.upload_queue(states)),
                on_done=self._show,
                owner=self,
            )
            return
        engine = self.engine
        run_task(
            lambda: QueueSnapshot(engine.queue.counts(), engine.queue.entries(300, states)),
            on_done=self._show,
            owner=self,
        )

    def _show(self, snapshot: QueueSnapshot) -> None:
        counts, entries = snapshot.counts, snapshot.entries
        done = sum(counts.get(s, 0) for s in DONE)
        failed = counts.get(FileState.FAILED, 0)
        self.summary.setText(
            self.tr("Đã tải lên: %1 — Lỗi: %2 — Đang chờ: %3")
            .replace("%1", number(done))
            .replace("%2", number(failed))
            .replace("%3", number(sum(counts.values()) - done - failed))
        )
        selected = self.selected()
        self.entries = entries
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            self._fill_row(row, entry)
            if selected is not None and entry.id == selected.id:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self._selected()

    def _fill_row(self, row: int, entry: QueueEntry) -> None:
        reason = reason_label(entry.reason, entry.detail) if entry.reason else ""
        progress = self.progress.get(entry.id, "100%" if entry.state in DONE else "")
        values = (entry.name, file_state_label(entry.state), progress, reason)
        tips = (entry.path, "", "", reason)
        style = self.style()
        items = []
        for column, (value, tip) in enumerate(zip(values, tips, strict=True)):
            item = QTableWidgetItem(value)
            item.setData(ENTRY_ID, entry.id)
            if tip:
                item.setToolTip(tip)
            if entry.state is FileState.FAILED:
                item.setForeground(QBrush(FAILED_TEXT))
                item.setBackground(QBrush(FAILED_BACKGROUND))
            self.table.setItem(row, column, item)
            items.append(item)
        icon = {
            FileState.FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
            FileState.UPLOADED: QStyle.StandardPixmap.SP_DialogApplyButton,
            FileState.DUPLICATE: QStyle.StandardPixmap.SP_MessageBoxInformation,
        }.get(entry.state)
        if icon is not None:
            items[1].setIcon(style.standardIcon(icon))
        if entry.document_id is not None and entry.state in DONE:
            items[0].setToolTip(f"{entry.path}\n" + self.tr("Nhấp đúp để mở văn bản đã tạo"))

    def selected(self) -> QueueEntry | None:
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.entries):
            return None
        return self.entries[row]

    def _selected(self) -> None:
        entry = self.selected()
        opens = entry is not None and entry.document_id is not None and entry.state in DONE
        self.open_button.setEnabled(opens)
        if entry is None:
            self.detail.clear()
            return
        text = f"<b>{_html(entry.name)}</b> — {_html(file_state_label(entry.state))}"
        if entry.reason:
            text += f"<br>{_html(reason_label(entry.reason, entry.detail))}"
        elif opens:
            text += "<br>" + _html(self.tr("Nhấp đúp hoặc bấm “Mở văn bản” để xem văn bản đã tạo."))
        if entry.state is FileState.FAILED:
            text = f"<span style='color: {FAILED_TEXT.name()}'>{text}</span>"
        self.detail.setText(text)

    def open_selected(self) -> None:
        """Emit ``open_document`` for the selected row, if it became a document."""
        entry = self.selected()
        if entry is not None and entry.document_id is not None and entry.state in DONE:
            self.open_document.emit(entry.document_id)

    def retry_failed(self) -> None:
        if self.engine is not None:
            run_task(
                self.engine.retry_failed, on_error=lambda exc: show_error(self, exc), owner=self
            )


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
