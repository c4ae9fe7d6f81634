"""The list's columns: which the user shows and in which order (Decree 30 Appendix VI
III.6.đ, kept between starts), and which a narrow list sets aside for now — the summary keeps
a readable share and the user's choice is never changed by the window's width."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from ..layout_store import layout_settings
from ..models import DocumentTableModel

__all__ = ["ListColumns", "fit_columns"]

SETTINGS_ORDER = "list/columns"
SETTINGS_HIDDEN = "list/hidden"

COLUMN_WIDTHS = {
    "number_symbol": 115,
    "dated": 85,
    "doc_type": 85,
    "organ": 160,
    "urgency": 90,
    "secrecy": 70,
    "due": 85,
    "status": 105,
    "part": 80,
    "arrival_number": 70,
}
"""The list's columns at their natural width; the summary takes what is left."""
SUMMARY = "subject"
SUMMARY_SHARE = 0.3
"""The part of the list's width the summary keeps: the others narrow first, a little…"""
NARROWEST = 0.9
DROPPED_FIRST = ("secrecy", "doc_type", "part", "dated", "urgency", "organ", "due")
"""…then, on a narrow list, these columns step aside for now (the user's choice is kept)."""


def fit_columns(table: QTableView, width: int, shown: list[str], keys: list[str]) -> set[str]:
    """Widths for the ``shown`` columns on a list ``width`` wide, so the summary stays
    readable; returns the columns set aside for now because the list is too narrow."""
    wanted = max(260, width * SUMMARY_SHARE)
    aside: set[str] = set()

    def fixed() -> int:
        return sum(COLUMN_WIDTHS.get(k, 90) for k in shown if k != SUMMARY and k not in aside)

    for key in DROPPED_FIRST:
        if width - fixed() * NARROWEST >= wanted:
            break
        if key in shown:
            aside.add(key)
    scale = min(1.0, max(NARROWEST, (width - wanted) / max(1, fixed())))
    for column, key in enumerate(keys):
        if key in shown and key != SUMMARY and key not in aside:
            table.setColumnWidth(column, int(COLUMN_WIDTHS.get(key, 90) * scale))
    return aside


class ListColumns(QObject):
    """The header of one list: the user's choice of columns, their order, their widths."""

    changed = Signal()
    """The user moved, showed or hid a column (the page saves the layout soon after)."""

    def __init__(self, table: QTableView, model: DocumentTableModel, parent: QObject) -> None:
        super().__init__(parent)
        self.table, self.model = table, model
        self.hidden: set[str] = set()
        """The columns the user chose not to see (by key)."""
        self.set_aside: set[str] = set()
        """Columns a narrow list does not show for now (the user's choice stays as it was)."""
        header = table.horizontalHeader()
        header.setSectionsMovable(True)  # the user orders the columns
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.menu)
        header.sectionMoved.connect(lambda *_: self.changed.emit())

    def keys(self) -> list[str]:
        return [self.model.column_key(c) for c in range(self.model.columnCount())]

    def menu(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self.table)
        menu.setObjectName("columnsMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        keys = self.keys()
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            key = keys[column]
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setObjectName(f"column_{key}")
            action.setCheckable(True)
            action.setChecked(key not in self.hidden)
            action.setEnabled(key != SUMMARY)  # the summary is what a list is read by
            action.toggled.connect(partial(self.show_column, column))
        menu.addSeparator()
        menu.addAction(self.tr("Khôi phục cột mặc định"), self.reset)
        menu.popup(header.mapToGlobal(position))

    def show_column(self, column: int, shown: bool) -> None:
        """The user shows or hides a column (kept for the next start)."""
        key = self.model.column_key(column)
        if shown:
            self.hidden.discard(key)
        else:
            self.hidden.add(key)
        self.fit()
        self.changed.emit()

    def reset(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.moveSection(header.visualIndex(column), column)
        self.hidden = {self.model.column_key(c) for c in self.model.HIDDEN_BY_DEFAULT}
        self.fit()
        self.changed.emit()

    def fit(self) -> None:
        """Show the user's columns, set aside what a narrow list cannot hold, size the rest."""
        keys = self.keys()
        shown = [k for k in keys if k not in self.hidden]
        aside = fit_columns(self.table, self.table.viewport().width(), shown, keys)
        header = self.table.horizontalHeader()
        for column, key in enumerate(keys):
            hidden = key in self.hidden or key in aside
            if header.isSectionHidden(column) != hidden:
                header.setSectionHidden(column, hidden)
        self.set_aside = aside

    def visible(self) -> list[int]:
        """The user's columns in the order the user put them (what an export writes, whether
        or not a narrow window shows them all now)."""
        header = self.table.horizontalHeader()
        return [
            header.logicalIndex(v)
            for v in range(header.count())
            if self.model.column_key(header.logicalIndex(v)) not in self.hidden
        ]

    def save(self) -> None:
        header = self.table.horizontalHeader()
        order = [self.model.column_key(header.logicalIndex(v)) for v in range(header.count())]
        settings = layout_settings()
        settings.setValue(SETTINGS_ORDER, order)
        settings.setValue(SETTINGS_HIDDEN, sorted(self.hidden) or ["-"])

    def restore(self) -> None:
        settings = layout_settings()
        keys = self.keys()
        header = self.table.horizontalHeader()
        order = settings.value(SETTINGS_ORDER)
        if isinstance(order, list):
            for visual, key in enumerate(k for k in order if k in keys):
                header.moveSection(header.visualIndex(keys.index(key)), visual)
        hidden = settings.value(SETTINGS_HIDDEN)
        self.hidden = (
            {k for k in hidden if k in keys}
            if isinstance(hidden, list)
            else {self.model.column_key(c) for c in self.model.HIDDEN_BY_DEFAULT}
        )
        header.setSectionResizeMode(keys.index(SUMMARY), QHeaderView.ResizeMode.Stretch)
