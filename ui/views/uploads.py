"""Uploads: the watched folder and the live queue (state, progress, reason, retry)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
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
from ..labels import file_state_label, reason_label
from ..workers import run_task

__all__ = ["UploadsView"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueueSnapshot:
    counts: dict[FileState, int]
    entries: list[QueueEntry]


class _Bridge(QObject):
    """Engine callbacks arrive on engine threads; a queued signal brings them to the GUI."""

    arrived = Signal(object)


class UploadsView(QWidget):
    finished_file = Signal(str, bool)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.engine: WatchEngine | None = None
        self.starting = False
        self.progress: dict[int, str] = {}
        self.bridge = _Bridge()
        self.bridge.arrived.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Thư mục nhận bản quét"))
        choose = QPushButton(self.tr("Chọn thư mục…"))
        choose.clicked.connect(self._choose)
        self.toggle = QPushButton(self.tr("Bắt đầu theo dõi"))
        self.toggle.setObjectName("toggleWatch")
        self.toggle.clicked.connect(self.toggle_watch)
        open_button = QPushButton(self.tr("Mở thư mục"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))
        )
        retry = QPushButton(self.tr("Thử lại tệp lỗi"))
        retry.clicked.connect(self.retry_failed)
        top = QHBoxLayout()
        for widget in (self.folder, choose, self.toggle, open_button, retry):
            top.addWidget(widget, 1 if widget is self.folder else 0)
        self.summary = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("uploadQueue")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tệp"), self.tr("Trạng thái"), self.tr("Tiến độ"), self.tr("Lý do")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục nhận bản quét"))
        if folder:
            self.folder.setText(folder)

    def toggle_watch(self) -> None:
        if self.engine is not None:
            self.stop()
            return
        if self.starting or not self.folder.text().strip():
            return
        folder = Path(self.folder.text().strip())
        self.starting = True
        self.toggle.setEnabled(False)

        def start() -> (
            WatchEngine
        ):  # the first scan of a large folder takes a while: off the GUI thread
            return self.workspace.watch(folder, get_profile(None), self.bridge.arrived.emit)

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

    def refresh(self) -> None:
        if self.engine is None:
            return
        engine = self.engine
        run_task(
            lambda: QueueSnapshot(engine.queue.counts(), engine.queue.entries(300)),
            on_done=self._show,
            owner=self,
        )

    def _show(self, snapshot: QueueSnapshot) -> None:
        counts, entries = snapshot.counts, snapshot.entries
        done = sum(counts.get(s, 0) for s in (FileState.UPLOADED, FileState.DUPLICATE))
        self.summary.setText(
            self.tr("Đã tải lên: %1 — Lỗi: %2 — Đang chờ: %3")
            .replace("%1", str(done))
            .replace("%2", str(counts.get(FileState.FAILED, 0)))
            .replace("%3", str(sum(counts.values()) - done - counts.get(FileState.FAILED, 0)))
        )
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (
                entry.name,
                file_state_label(entry.state),
                self.progress.get(entry.id, ""),
                reason_label(entry.reason, entry.detail),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def retry_failed(self) -> None:
        if self.engine is not None:
            run_task(
                self.engine.retry_failed, on_error=lambda exc: show_error(self, exc), owner=self
            )
