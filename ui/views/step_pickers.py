"""The step dialog's pickers: checkable lists (leaders, co-handlers, people informed,
recipient organisations) and the lead handler's combo box, with a search that only narrows
what is shown.

A search never changes a choice: it hides the entries that do not match, and every entry the
user chose (ticked, or the lead handler picked) stays shown whatever is typed, so what will be
sent is always in sight. Matching ignores diacritics ("van phong" finds "Văn phòng").

The agencies outside this server (``AgencyPicker``) are too many to list: the server searches
its copy of the axis's directory (folded, so typing without diacritics finds them), asked in a
worker a moment after the typing stops; the chosen ones are listed apart, each removable.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from base.errors import VanThuError
from client.cache.folding import fold
from client.records import Colleague, Organisation
from services.workspace import Workspace

from ..errors import describe
from ..labels import role_label
from ..workers import run_task

logger = logging.getLogger(__name__)

__all__ = [
    "checkable",
    "checked",
    "tick",
    "tick_named",
    "filter_list",
    "filter_combo",
    "filter_people",
    "person_label",
    "AgencyPicker",
]

_ROW_SPACING = 3
"""Pixels between a list's entries: check boxes never touch their neighbours."""
_ROW_PADDING = 8
"""Pixels an entry is taller than its text: an easy target for a click."""
_VISIBLE_ROWS = 5
SEARCH_PAUSE_MS = 300
"""The agency search asks the server once the typing has paused this long."""
AGENCIES_SHOWN = 50


def checkable(items: Sequence[tuple[str, int | str]]) -> QListWidget:
    """A list of entries the user ticks, each carrying its key (a user id, an org code)."""
    widget = QListWidget()
    widget.setSpacing(_ROW_SPACING)
    widget.setUniformItemSizes(True)
    height = widget.fontMetrics().height() + _ROW_PADDING
    for text, key in items:
        item = QListWidgetItem(text)
        item.setSizeHint(QSize(widget.fontMetrics().horizontalAdvance(text) + 40, height))
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    row = height + 2 * _ROW_SPACING
    rows = min(max(len(items), 2), _VISIBLE_ROWS)  # no empty space under a short list
    widget.setMaximumHeight(row * rows + 2 * _ROW_SPACING + 2 * widget.frameWidth())
    return widget


def checked(widget: QListWidget) -> list:  # type: ignore[type-arg]
    """The keys of the ticked entries, in the list's order."""
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() is Qt.CheckState.Checked
    ]


def tick(widget: QListWidget, keys: Sequence[int | str]) -> None:
    """Tick the entries with these keys (a direction as it stands, names found in a draft)."""
    wanted = set(keys)
    for i in range(widget.count()):
        item = widget.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in wanted:
            item.setCheckState(Qt.CheckState.Checked)


def tick_named(
    widget: QListWidget, organisations: Sequence[Organisation], places: Sequence[str]
) -> None:
    """ISSUE: the recipients the draft names ("Kính gửi: Sở Tài chính") are ticked already."""
    named = {" ".join(fold(p).strip(" .;:-").split()) for p in places}

    def meant(o: Organisation) -> bool:
        """Its code, its full name, or its name without the province ("Sở Tài chính")."""
        name = " ".join(fold(o.name).split())
        return bool({fold(o.code), name, name.split(" tinh ")[0]} & named)

    tick(widget, [o.code for o in organisations if meant(o)])


def _matches(wanted: str, text: str) -> bool:
    return not wanted or wanted in " ".join(fold(text).split())


def filter_list(widget: QListWidget, text: str) -> None:
    """Hide the entries that do not match ``text``; a ticked entry is never hidden."""
    wanted = " ".join(fold(text).split())
    for i in range(widget.count()):
        item = widget.item(i)
        chosen = item.checkState() is Qt.CheckState.Checked
        item.setHidden(not chosen and not _matches(wanted, item.text()))


def filter_combo(combo: QComboBox, text: str) -> None:
    """Hide the combo's entries that do not match ``text`` in its drop-down; the current one
    stays current and shown (a search never picks, nor drops, the lead handler)."""
    wanted = " ".join(fold(text).split())
    view = combo.view()
    if not isinstance(view, QListView):
        return
    for i in range(combo.count()):
        shown = i == combo.currentIndex() or _matches(wanted, combo.itemText(i))
        view.setRowHidden(i, not shown)


def filter_people(lead: QComboBox, lists: Sequence[QListWidget], text: str) -> None:
    """Narrow the people shown to those whose name, department or role match; whoever is
    chosen (the lead handler, anyone ticked) stays chosen and shown, and the lead handler is
    not offered again as a co-handler or reader."""
    filter_combo(lead, text)
    chosen_lead = lead.currentData()
    for widget in lists:
        filter_list(widget, text)
        for i in range(widget.count()):
            item = widget.item(i)
            ticked = item.checkState() is Qt.CheckState.Checked
            if item.data(Qt.ItemDataRole.UserRole) == chosen_lead and not ticked:
                item.setHidden(True)


def person_label(person: Colleague) -> str:
    """ "Name — Department (role)": whom a step goes to, as the office knows them."""
    where = f" — {person.department}" if person.department else ""
    return f"{person.full_name}{where} ({role_label(person.role)})"


def _agency_text(agency: Any) -> str:
    return f"{agency.name} ({agency.code})"


class AgencyPicker(QWidget):
    """Recipient agencies outside this server (through the exchange axis): a search asked of
    the server, the matches to click, and the chosen ones, each with its ✕ to remove it."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agencyPicker")
        self.workspace = workspace
        self.chosen: dict[str, Any] = {}
        """The chosen agencies by code, in the order chosen."""
        self._generation = 0
        self._asked = False
        self._own: str | None = None
        """This organisation's agency code (asked once, with the first search)."""
        self.search = QLineEdit()
        self.search.setObjectName("agencySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Tìm cơ quan theo tên hoặc mã (gõ không dấu được)"))
        self._pause = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.query)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.search.returnPressed.connect(self._take_first)
        self.results = QListWidget()
        self.results.setObjectName("agencyResults")
        self.results.setSpacing(_ROW_SPACING)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the code stays in sight
        row = self.results.fontMetrics().height() + _ROW_PADDING + 2 * _ROW_SPACING
        self.results.setFixedHeight(row * 4 + 2 * self.results.frameWidth())
        self.results.itemActivated.connect(self._take)
        self.results.itemClicked.connect(self._take)
        self.hint = QLabel()
        self.hint.setObjectName("agencyHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #616161")
        self.picked = QWidget()
        self.picked.setObjectName("agencyChosen")
        self.picked_rows = QVBoxLayout(self.picked)
        self.picked_rows.setContentsMargins(0, 0, 0, 0)
        self.picked_rows.setSpacing(2)
        self.rows: dict[str, QWidget] = {}
        """Each chosen agency's row (its name and ✕), by code."""
        self.picked.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.results)
        column.addWidget(self.hint)
        column.addWidget(self.picked)

    def codes(self) -> list[str]:
        return list(self.chosen)

    def names(self) -> dict[str, str]:
        return {code: agency.name for code, agency in self.chosen.items()}

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._asked:  # the first agencies, without waiting for a word
            self.query()

    # -- the search, in a worker ----------------------------------------------------------
    def query(self) -> None:
        self._asked = True
        self._generation += 1
        generation, text = self._generation, self.search.text().strip()
        self.hint.setText(self.tr("Đang tìm…"))
        run_task(
            self._search,
            text,
            on_done=partial(self._found, generation, text),
            on_error=partial(self._failed, generation),
            owner=self,
        )

    def _search(self, text: str) -> list[Any]:
        """(In the worker.) The matches, without this organisation's own agency: nobody sends
        to themselves through the axis (the server refuses it)."""
        exchange = self.workspace.exchange
        if self._own is None:
            try:
                self._own = exchange.status().agency_code or ""
            except VanThuError as exc:  # offline: the server says so if it is chosen
                logger.info("own agency code unknown: %s", exc)
        found = exchange.agencies(text, AGENCIES_SHOWN + 1)
        return [a for a in found if a.code != self._own][:AGENCIES_SHOWN]

    def _found(self, generation: int, text: str, agencies: list[Any]) -> None:
        if generation != self._generation:
            return  # the user typed on: a later answer is coming
        self.results.clear()
        for agency in agencies:
            if agency.code in self.chosen:
                continue
            item = QListWidgetItem(_agency_text(agency))
            item.setData(Qt.ItemDataRole.UserRole, agency)
            item.setToolTip(_agency_text(agency))
            self.results.addItem(item)
        if agencies:
            self.hint.setText(self.tr("Bấm vào một cơ quan để thêm vào nơi nhận."))
        elif text:
            self.hint.setText(self.tr("Không tìm thấy cơ quan nào khớp «%1».").replace("%1", text))
        else:
            self.hint.setText(
                self.tr("Danh mục cơ quan của trục liên thông chưa có (chưa kết nối trục).")
            )

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.hint.setText(": ".join(describe(exc)))

    # -- choosing ---------------------------------------------------------------------------
    def _take_first(self) -> None:
        if self.results.count():
            self._take(self.results.item(0))

    def _take(self, item: QListWidgetItem) -> None:
        agency = item.data(Qt.ItemDataRole.UserRole)
        if agency is None or agency.code in self.chosen:
            return
        self.results.takeItem(self.results.row(item))
        self.add(agency)

    def add(self, agency: Any) -> None:
        """Choose ``agency`` (an ``AgencyChoice``): listed under the search with its ✕."""
        self.chosen[agency.code] = agency
        row = QFrame()
        row.setObjectName("chosenAgency")
        row.setStyleSheet(
            "#chosenAgency { background: #e8f0fe; border: 1px solid #c5d5f5; border-radius: 3px; }"
        )
        line = QHBoxLayout(row)
        line.setContentsMargins(6, 1, 1, 1)
        name = QLabel(_agency_text(agency))
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)
        remove = QToolButton()
        remove.setObjectName("removeAgency")
        remove.setText("✕")
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Bỏ nơi nhận này"))
        remove.clicked.connect(partial(self.remove, agency.code))
        line.addWidget(name, 1)
        line.addWidget(remove)
        self.rows[agency.code] = row
        self.picked_rows.addWidget(row)
        self.picked.setVisible(True)
        self.changed.emit()

    def remove(self, code: str, _checked: bool = False) -> None:
        agency = self.chosen.pop(code, None)
        row = self.rows.pop(code, None)
        if row is not None:
            self.picked_rows.removeWidget(row)
            row.deleteLater()
        if agency is not None:  # back among the matches
            item = QListWidgetItem(_agency_text(agency))
            item.setData(Qt.ItemDataRole.UserRole, agency)
            item.setToolTip(_agency_text(agency))
            self.results.insertItem(0, item)
        self.picked.setVisible(bool(self.chosen))
        self.changed.emit()
