"""The list's columns as plain text: one cell of one row by its column's stable key.

The window's table and the list's export both write what ``cell_text`` gives, so a list and
its printout never differ: dates as dd/mm/yyyy, codes by their names (Vietnamese here; the
window passes its translated names).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from base.workflow import STATUS_NAMES_VI

from ..records import SECRECY_LABELS, URGENCY_LABELS
from .parts import PART_NAMES_VI

if TYPE_CHECKING:
    from .query import DocumentRow

__all__ = ["COLUMN_KEYS", "CellNames", "VIETNAMESE", "cell_text", "shown_due"]

COLUMN_KEYS = (
    "number_symbol",
    "dated",
    "doc_type",
    "subject",
    "organ",
    "urgency",
    "secrecy",
    "due",
    "status",
    "part",
    "arrival_number",
)
"""The list's columns by stable key, in the window's default order (its column ``i`` is
``COLUMN_KEYS[i]``); exports and saved column choices name columns by these keys."""


@dataclass(frozen=True)
class CellNames:
    """How codes are named in a cell: Vietnamese by default, the UI language in the window."""

    status: Callable[[str], str]
    urgency: Callable[[int], str]
    secrecy: Callable[[int], str]
    part: Callable[[str], str]


def _level(names: tuple[str, ...], level: int) -> str:
    return names[level] if 0 <= level < len(names) else str(level)


VIETNAMESE = CellNames(
    status=lambda code: STATUS_NAMES_VI.get(code, code),
    urgency=lambda level: _level(URGENCY_LABELS, level),
    secrecy=lambda level: _level(SECRECY_LABELS, level),
    part=lambda code: PART_NAMES_VI.get(code, code),
)


def _vn_date(value: str | None) -> str:
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return value


def shown_due(row: DocumentRow) -> str | None:
    """The deadline a list shows: the user's own (``my_due``), else the document's."""
    return row.my_due or row.due_date


def cell_text(row: DocumentRow, key: str, names: CellNames = VIETNAMESE) -> str:
    """The plain text of one column (``COLUMN_KEYS``) of a row: dates as dd/mm/yyyy, codes
    by their names. The window's list and the list's export both show this."""
    match key:
        case "number_symbol":
            return row.number_symbol or "—"
        case "dated":
            return _vn_date(row.date)
        case "doc_type":
            return row.doc_type
        case "subject":
            return row.subject
        case "organ":
            return row.organ_name
        case "urgency":
            return names.urgency(row.urgency)
        case "secrecy":
            return names.secrecy(row.secrecy)
        case "due":
            return _vn_date(shown_due(row))
        case "status":
            return names.status(row.status)
        case "part":
            return names.part(row.my_part) if row.my_part else ""
        case "arrival_number":
            return str(row.arrival_number) if row.arrival_number else ""
    raise ValueError(f"unknown column {key!r}")
