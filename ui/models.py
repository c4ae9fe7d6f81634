"""Qt table model over the local cache, loading rows lazily page by page.

``canFetchMore``/``fetchMore`` pull the next keyset page, so a million
cached documents scroll without ever being loaded at once.  Every page is
read by a worker, never on the GUI thread: a slow disk or a busy cache
leaves the window responsive, and an answer to an older query is dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from base.deadlines import DeadlineState, deadline_state, today_in_vietnam
from client.cache import ListPage
from client.cache.query import DocumentQuery, DocumentRow

from .labels import secrecy_label, status_label, urgency_label
from .workers import run_task

__all__ = ["DocumentTableModel"]

logger = logging.getLogger(__name__)

PageSource = Callable[[DocumentQuery, tuple[Any, ...] | None], ListPage]

URGENT = QColor("#c62828")
OVERDUE = QColor("#fdecea")
DUE_SOON = QColor("#fff4d6")
PENDING = QColor("#1565c0")
FINISHED = frozenset({"done", "issued"})


class DocumentTableModel(QAbstractTableModel):
    PAGE = 200
    loaded = Signal()
    """A page arrived (the first page of a new query, or one more page)."""
    failed = Signal(object)

    def __init__(self, search: PageSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = search
        """Reads one page of a query; called in a worker (``Workspace.search`` in the window)."""
        self.query = DocumentQuery(limit=self.PAGE)
        self.rows: list[DocumentRow] = []
        self._next: tuple[Any, ...] | None = None
        self._exhausted = True
        self._generation = 0
        self.loading = False
        self.today = today_in_vietnam()
        self.pending: set[int] = set()
        """Documents with a step waiting in the outbox (shown "chờ gửi")."""

    def set_pending(self, ids: set[int]) -> None:
        if ids != self.pending:
            self.pending = ids
            self.today = today_in_vietnam()
            self.refresh_labels()

    def headers(self) -> list[str]:
        return [
            self.tr("Số/ký hiệu"),
            self.tr("Ngày"),
            self.tr("Loại"),
            self.tr("Trích yếu"),
            self.tr("Cơ quan ban hành"),
            self.tr("Độ khẩn"),
            self.tr("Độ mật"),
            self.tr("Hạn xử lý"),
            self.tr("Trạng thái"),
        ]

    def set_query(self, query: DocumentQuery) -> None:
        """Load the first page of ``query`` in a worker; the rows shown now stay until it arrives."""
        self.query = query
        self._generation += 1
        self._request(None, replace=True)

    def _request(self, after: tuple[Any, ...] | None, replace: bool) -> None:
        generation, query = self._generation, self.query
        self.loading = True
        run_task(
            self.search,
            query,
            after,
            on_done=lambda page: self._arrived(generation, page, replace),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _arrived(self, generation: int, page: ListPage, replace: bool) -> None:
        if generation != self._generation:
            return  # the user changed the query meanwhile; a newer answer is on its way
        self.loading = False
        self._next, self._exhausted = page.next, page.next is None
        if replace:
            self.beginResetModel()
            self.rows = list(page.rows)
            self.endResetModel()
        elif page.rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self.loaded.emit()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.loading = False
            self.failed.emit(exc)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted or self.loading:
            return
        self._request(self._next, replace=False)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def refresh_labels(self) -> None:
        """After a language switch: headers and translated cells are drawn again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1)
            )

    def row_at(self, index: int) -> DocumentRow:
        return self.rows[index]

    def deadline(self, row: DocumentRow) -> DeadlineState:
        """Overdue or due soon, in working days and Vietnam time (``base.deadlines``)."""
        due = dt.date.fromisoformat(row.due_date) if row.due_date else None
        return deadline_state(due, self.today, row.status in FINISHED)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.urgency > 0:
            return QBrush(URGENT)
        if role == Qt.ItemDataRole.ForegroundRole and column == 8 and row.id in self.pending:
            return QBrush(PENDING)
        if role == Qt.ItemDataRole.BackgroundRole:
            state = self.deadline(row)
            if state is DeadlineState.OVERDUE:
                return QBrush(OVERDUE)
            if state is DeadlineState.DUE_SOON and column == 7:
                return QBrush(DUE_SOON)
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and row.due_date:
            return {
                DeadlineState.OVERDUE: self.tr("Quá hạn"),
                DeadlineState.DUE_SOON: self.tr("Sắp đến hạn"),
            }.get(self.deadline(row))
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return row.subject
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _date(value: str | None) -> str:
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""

    def _display(self, row: DocumentRow, column: int) -> str:
        match column:
            case 0:
                return row.number_symbol or "—"
            case 1:
                return self._date(row.date)
            case 2:
                return row.doc_type
            case 3:
                return row.subject
            case 4:
                return row.organ_name
            case 5:
                return urgency_label(row.urgency)
            case 6:
                return secrecy_label(row.secrecy)
            case 7:
                return self._date(row.due_date)
            case _:
                status = status_label(row.status)
                return f"{status} · {self.tr('chờ gửi')}" if row.id in self.pending else status
