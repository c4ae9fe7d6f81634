"""Qt table model over the local cache, loading rows lazily page by page.

``canFetchMore``/``fetchMore`` pull the next keyset page, so a million
cached documents scroll without ever being loaded at once.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from client.cache import CacheStore
from client.cache.query import DocumentQuery, DocumentRow, search

from .labels import secrecy_label, status_label, urgency_label

__all__ = ["DocumentTableModel"]

logger = logging.getLogger(__name__)

URGENT = QColor("#c62828")
OVERDUE = QColor("#fdecea")


class DocumentTableModel(QAbstractTableModel):
    PAGE = 200

    def __init__(self, store: CacheStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.query = DocumentQuery(limit=self.PAGE)
        self.rows: list[DocumentRow] = []
        self._next: tuple | None = None
        self._exhausted = True
        self.today = dt.date.today().isoformat()

    def headers(self) -> list[str]:
        return [self.tr("Số/ký hiệu"), self.tr("Ngày"), self.tr("Loại"), self.tr("Trích yếu"),
                self.tr("Cơ quan ban hành"), self.tr("Độ khẩn"), self.tr("Độ mật"), self.tr("Hạn xử lý"),
                self.tr("Trạng thái")]

    def set_query(self, query: DocumentQuery) -> None:
        self.beginResetModel()
        self.query = query
        self._next, self._exhausted = None, False
        self.rows = self._load()
        self.endResetModel()

    def _load(self) -> list[DocumentRow]:
        page = search(self.store, self.query, self._next)
        self._next = page.next
        self._exhausted = page.next is None
        return list(page.rows)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 9

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted:
            return
        more = self._load()
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def refresh_labels(self) -> None:
        """After a language switch: headers and translated cells are drawn again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))

    def row_at(self, index: int) -> DocumentRow:
        return self.rows[index]

    def _overdue(self, row: DocumentRow) -> bool:
        return bool(row.due_date and row.due_date < self.today and row.status not in ("done", "issued"))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.urgency > 0:
            return QBrush(URGENT)
        if role == Qt.ItemDataRole.BackgroundRole and self._overdue(row):
            return QBrush(OVERDUE)
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
                return status_label(row.status)
