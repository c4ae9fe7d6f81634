"""The step dialog's pickers: checkable lists (leaders, co-handlers, people informed,
recipient organisations) and the lead handler's combo box, with a search that only narrows
what is shown.

A search never changes a choice: it hides the entries that do not match, and every entry the
user chose (ticked, or the lead handler picked) stays shown whatever is typed, so what will be
sent is always in sight. Matching ignores diacritics ("van phong" finds "Văn phòng").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QListView, QListWidget, QListWidgetItem

from client.cache.folding import fold
from client.records import Colleague, Organisation

from ..labels import role_label

__all__ = [
    "checkable",
    "checked",
    "tick",
    "tick_named",
    "filter_list",
    "filter_combo",
    "person_label",
]

_ROW_SPACING = 3
"""Pixels between a list's entries: check boxes never touch their neighbours."""
_ROW_PADDING = 8
"""Pixels an entry is taller than its text: an easy target for a click."""
_VISIBLE_ROWS = 5


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


def person_label(person: Colleague) -> str:
    """ "Name — Department (role)": whom a step goes to, as the office knows them."""
    where = f" — {person.department}" if person.department else ""
    return f"{person.full_name}{where} ({role_label(person.role)})"
