"""Qt table model over the local cache, loading rows lazily page by page.

``canFetchMore``/``fetchMore`` pull the next keyset page, so a million
cached documents scroll without ever being loaded at once.  Every page is
read by a worker, never on the GUI thread: a slow disk or a busy cache
leaves the window responsive, and an answer to an older query is dropped.

Columns have stable keys (``COLUMNS``; the cells are ``client.cache.query.cell_text``, the
same text a list export writes), and a row is coloured by the deadline the user answers for
(``client.cache.queues.deadline_state``), the same rule the "Sắp đến hạn" and "Quá hạn"
queues use; ``LEGEND`` and ``legend_widget`` explain the colours under the list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from base.deadlines import DUE_SOON_DAYS, DeadlineState, due_soon_until, today_in_vietnam
from client.cache import ListPage
from client.cache.query import (
    COLUMN_KEYS,
    CellNames,
    DocumentQuery,
    DocumentRow,
    cell_text,
    shown_due,
)
from client.cache.queues import deadline_state

from .labels import part_label, secrecy_label, status_label, urgency_label
from .workers import run_task

__all__ = [
    "DocumentTableModel",
    "COLUMNS",
    "LEGEND",
    "legend_widget",
    "DOCUMENT_IDS_MIME",
    "document_ids_mime",
    "dropped_document_ids",
]

logger = logging.getLogger(__name__)

DOCUMENT_IDS_MIME = "application/x-vanthu-document-ids"
"""Documents dragged from a list: their ids, comma-separated (a case file takes them)."""


def document_ids_mime(ids: Iterable[int]) -> QMimeData:
    data = QMimeData()
    data.setData(DOCUMENT_IDS_MIME, ",".join(str(i) for i in ids).encode("ascii"))
    return data


def dropped_document_ids(data: QMimeData | None) -> list[int]:
    """The document ids a drag carries (none: not documents from a list)."""
    if data is None or not data.hasFormat(DOCUMENT_IDS_MIME):
        return []
    text = bytes(data.data(DOCUMENT_IDS_MIME).data()).decode("ascii", "replace")
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


PageSource = Callable[[DocumentQuery, tuple[Any, ...] | None], ListPage]

CONTEXT = "DocumentTableModel"
URGENT = QColor("#c62828")
OVERDUE = QColor("#fdecea")
DUE_SOON = QColor("#fff4d6")
PENDING = QColor("#1565c0")


def _n(marked: object) -> str:
    """A source text marked for translation (``QT_TRANSLATE_NOOP``), translated when shown."""
    return str(marked)


COLUMNS: tuple[tuple[str, str], ...] = tuple(
    zip(
        COLUMN_KEYS,
        (
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Số/ký hiệu")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Ngày")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Loại")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Trích yếu")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Cơ quan ban hành")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Độ khẩn")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Độ mật")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Hạn xử lý")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Trạng thái")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Phần việc")),
            _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Số đến")),
        ),
        strict=True,
    )
)
"""Column key → header (Vietnamese source, translated when shown), in the default order."""
_INDEX = {key: i for i, (key, _header) in enumerate(COLUMNS)}

LEGEND: list[tuple[str, QColor, str]] = [
    (DeadlineState.OVERDUE.value, OVERDUE, _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Quá hạn"))),
    (
        DeadlineState.DUE_SOON.value,
        DUE_SOON,
        _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Sắp đến hạn")),
    ),
    ("pending", PENDING, _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Chờ gửi"))),
    ("urgent", URGENT, _n(QT_TRANSLATE_NOOP("DocumentTableModel", "Khẩn trở lên"))),
]
"""What the list's colours mean: (state, colour, label). Overdue colours the whole row and
due soon the deadline cell, both by the user's own deadline; a step waiting to be sent
colours the status text, urgency the urgency text."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _names() -> CellNames:
    """Cells named in the UI language (the export's are Vietnamese, ``cell_text``'s default)."""
    return CellNames(
        status=status_label, urgency=urgency_label, secrecy=secrecy_label, part=part_label
    )


def legend_widget(parent: QWidget | None = None) -> QWidget:
    """A row of swatches with what each colour of the list means (``LEGEND``)."""
    row = QWidget(parent)
    row.setObjectName("listLegend")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(2, 2, 2, 2)
    layout.setSpacing(6)
    for state, colour, label in LEGEND:
        swatch = QFrame()
        swatch.setObjectName(f"legend_{state}")
        swatch.setFixedSize(14, 14)
        swatch.setStyleSheet(f"background: {colour.name()}; border: 1px solid #9e9e9e;")
        text = QLabel(_tr(label))
        text.setObjectName(f"legendText_{state}")
        layout.addWidget(swatch)
        layout.addWidget(text)
        layout.addSpacing(10)
    layout.addStretch(1)
    return row


class DocumentTableModel(QAbstractTableModel):
    PAGE = 200
    COLUMNS = COLUMNS
    HIDDEN_BY_DEFAULT = frozenset({_INDEX["arrival_number"]})
    """Column numbers a new list hides (the user may show them)."""
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
        self.soon_days = DUE_SOON_DAYS
        """Working days that count as "due soon" when the query names no user's scope."""
        self.pending: set[int] = set()
        """Documents with a step waiting in the outbox (shown "chờ gửi")."""
        self._cell_names = _names()

    # -- columns -------------------------------------------------------------------------
    @staticmethod
    def column_key(column: int) -> str:
        return COLUMNS[column][0]

    @staticmethod
    def column_index(key: str) -> int:
        """The column of a key (``COLUMNS``); ``KeyError`` for an unknown key."""
        return _INDEX[key]

    def headers(self) -> list[str]:
        return [_tr(header) for _key, header in COLUMNS]

    # -- loading -------------------------------------------------------------------------
    def set_pending(self, ids: set[int]) -> None:
        if ids != self.pending:
            self.pending = ids
            self.today = today_in_vietnam()
            self.refresh_labels()

    def set_query(self, query: DocumentQuery) -> None:
        """Load the first page of ``query`` in a worker; the rows shown now stay until it arrives."""
        self.query = query
        self._generation += 1
        self._request(None, replace=True)

    def show_rows(self, rows: Iterable[DocumentRow]) -> None:
        """Show these rows as the whole list (a server search's answer): no further pages."""
        self._generation += 1
        self.loading = False
        self._next, self._exhausted = None, True
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()
        self.loaded.emit()

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
        self.today = today_in_vietnam()
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
        return 0 if parent.isValid() else len(COLUMNS)

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
            return _tr(COLUMNS[section][1])
        return None

    def refresh_labels(self) -> None:
        """After a language switch: headers and translated cells are drawn again."""
        self._cell_names = _names()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1)
            )

    def row_at(self, index: int) -> DocumentRow:
        return self.rows[index]

    # -- deadlines -----------------------------------------------------------------------
    def deadline(self, row: DocumentRow) -> DeadlineState:
        """Overdue or due soon by the deadline the user answers for: the queues' rule."""
        scope = self.query.scope
        days = scope.soon_days if scope is not None else self.soon_days
        return deadline_state(row, self.today, due_soon_until(self.today, days))

    def _due_tooltip(self, row: DocumentRow) -> str | None:
        state = {
            DeadlineState.OVERDUE: QCoreApplication.translate("DocumentTableModel", "Quá hạn"),
            DeadlineState.DUE_SOON: QCoreApplication.translate("DocumentTableModel", "Sắp đến hạn"),
        }.get(self.deadline(row))
        lines = [state] if state else []
        if row.my_due and row.due_date and row.my_due != row.due_date:
            lines.append(
                QCoreApplication.translate("DocumentTableModel", "Hạn của bạn: %1").replace(
                    "%1", cell_text(row, "due")
                )
            )
            theirs = cell_text(replace(row, my_due=None), "due")
            lines.append(
                QCoreApplication.translate("DocumentTableModel", "Hạn của văn bản: %1").replace(
                    "%1", theirs
                )
            )
        elif not row.my_due:
            lines.append(
                QCoreApplication.translate(
                    "DocumentTableModel", "Hạn của văn bản (bạn không xử lý theo hạn này)"
                )
            )
        return "\n".join(lines) or None

    # -- cells ---------------------------------------------------------------------------
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            text = cell_text(row, key, self._cell_names)
            if key == "status" and row.id in self.pending:
                return f"{text} · {QCoreApplication.translate('DocumentTableModel', 'chờ gửi')}"
            return text
        if role == Qt.ItemDataRole.ForegroundRole and key == "urgency" and row.urgency > 0:
            return QBrush(URGENT)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status" and row.id in self.pending:
            return QBrush(PENDING)
        if role == Qt.ItemDataRole.BackgroundRole:
            state = self.deadline(row)
            if state is DeadlineState.OVERDUE:
                return QBrush(OVERDUE)
            if state is DeadlineState.DUE_SOON and key == "due":
                return QBrush(DUE_SOON)
        if role == Qt.ItemDataRole.ToolTipRole and key == "due" and shown_due(row):
            return self._due_tooltip(row)
        if role == Qt.ItemDataRole.ToolTipRole and key == "subject":
            return row.subject
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    # -- dragging documents (onto a case file) ------------------------------------------
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        found = super().flags(index)
        return found | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else found

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged rows' document ids (a case file's page takes them)."""
        ids = sorted({self.rows[i.row()].id for i in indexes if i.isValid()})
        return document_ids_mime(ids)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
