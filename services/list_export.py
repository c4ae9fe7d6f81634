"""The current result list saved as a file (Decree 30/2020 Appendix VI III.6.h): PDF to print,
DOCX to edit, XLSX to sort and sum — chosen by the file's suffix.

The columns are the list's own (``client.cache.query.COLUMN_KEYS``, the keys the window's table
and a saved search's column order use); ``LIST_COLUMNS`` gives each its printed heading in
Vietnamese and English and its width on paper. Cells are what the window shows
(``cell_text``): dates ``dd/mm/yyyy``, urgency, secrecy, status and the user's part in words.
The PDF and the workbook are the reports' own writers (``services.reports``); the DOCX is a
Word table in the same layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from base.errors import VanThuError
from client.cache.query import COLUMN_KEYS, VIETNAMESE, CellNames, DocumentRow, cell_text

from .reports.export import write_atomically
from .reports.pdf import write_pdf
from .reports.tables import Column, ReportTable
from .reports.xlsx import write_xlsx

__all__ = [
    "ListColumn",
    "LIST_COLUMNS",
    "COLUMN_KEYS",
    "DEFAULT_COLUMNS",
    "EXPORT_SUFFIXES",
    "list_cell",
    "list_table",
    "export_list",
]


@dataclass(frozen=True)
class ListColumn:
    key: str
    """``client.cache.query.COLUMN_KEYS``: what saved searches keep as the column order."""
    vi: str
    en: str
    width: float
    """Relative width on paper."""
    numeric: bool = False

    def heading(self, language: str = "vi") -> str:
        return self.en if language == "en" else self.vi


LIST_COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("number_symbol", "Số/ký hiệu", "Number/notation", 1.4),
    ListColumn("dated", "Ngày", "Date", 0.9),
    ListColumn("doc_type", "Loại", "Type", 1.0),
    ListColumn("subject", "Trích yếu", "Summary", 4.0),
    ListColumn("organ", "Cơ quan ban hành", "Issuing organ", 2.0),
    ListColumn("urgency", "Độ khẩn", "Urgency", 0.9),
    ListColumn("secrecy", "Độ mật", "Secrecy", 0.8),
    ListColumn("due", "Hạn xử lý", "Deadline", 0.9),
    ListColumn("status", "Trạng thái", "Status", 1.1),
    ListColumn("part", "Phần việc", "My part", 0.9),
    ListColumn("arrival_number", "Số đến", "Arrival no.", 0.7, numeric=True),
)
"""The printed headings of the list's columns, in ``COLUMN_KEYS`` order."""
_BY_KEY = {c.key: c for c in LIST_COLUMNS}
DEFAULT_COLUMNS = COLUMN_KEYS[:9]
"""The list's columns as the window shows them before the user picks any."""

_URGENCY_EN = ("Normal", "Urgent", "Very urgent", "Express", "Express, timed")
_SECRECY_EN = ("Normal", "Confidential", "Secret", "Top secret")


def _named(names: tuple[str, ...], level: int) -> str:
    return names[level] if 0 <= level < len(names) else str(level)


_ENGLISH = CellNames(
    status=lambda code: code.replace("_", " "),
    urgency=lambda level: _named(_URGENCY_EN, level),
    secrecy=lambda level: _named(_SECRECY_EN, level),
    part=lambda code: {"lead": "lead", "co": "co-handler", "info": "for information"}.get(
        code, code
    ),
)
"""Codes in an English export: the core keeps the Vietnamese names only (the window has its
own translations)."""


def list_cell(row: DocumentRow, key: str, language: str = "vi") -> str | int:
    """One cell as the user reads it (``cell_text``); an arrival number stays a number, so a
    workbook sorts and sums it."""
    if key == "arrival_number" and row.arrival_number is not None:
        return row.arrival_number
    return cell_text(row, key, _ENGLISH if language == "en" else VIETNAMESE)


def _columns(keys: Sequence[str]) -> tuple[ListColumn, ...]:
    unknown = [k for k in keys if k not in _BY_KEY]
    if unknown or not keys:
        raise VanThuError(
            f"Không có cột: {', '.join(unknown) or '(trống)'}. Các cột: {', '.join(COLUMN_KEYS)}.",
            f"No such column: {', '.join(unknown) or '(none)'}. Columns: {', '.join(COLUMN_KEYS)}.",
            title_vi="Cột không hợp lệ",
            title_en="Invalid column",
        )
    return tuple(_BY_KEY[k] for k in dict.fromkeys(keys))


def list_table(
    rows: Sequence[DocumentRow],
    columns: Sequence[str],
    title: str,
    *,
    organisation: str = "",
    language: str = "vi",
    today: dt.date | None = None,
) -> ReportTable:
    """The list laid out as a table: heading, the chosen columns, one line per document."""
    chosen = _columns(columns)
    day = (today or dt.date.today()).strftime("%d/%m/%Y")
    period = (
        f"{len(rows)} documents, as of {day}"
        if language == "en"
        else f"{len(rows)} văn bản, ngày {day}"
    )
    return ReportTable(
        kind=None,
        title=title,
        organisation=organisation,
        period=period,
        columns=tuple(Column(c.heading(language), c.width, c.numeric) for c in chosen),
        rows=tuple(tuple(list_cell(row, c.key, language) for c in chosen) for row in rows),
    )


def _write_docx(table: ReportTable, path: Path) -> None:
    from .list_docx import write_docx

    write_docx(table, path)


_WRITERS: dict[str, Callable[[ReportTable, Path], None]] = {
    ".pdf": write_pdf,
    ".docx": _write_docx,
    ".xlsx": write_xlsx,
}
EXPORT_SUFFIXES = tuple(_WRITERS)


def export_list(
    rows: Sequence[DocumentRow],
    columns: Sequence[str],
    path: Path,
    title: str,
    *,
    organisation: str = "",
    language: str = "vi",
    today: dt.date | None = None,
) -> Path:
    """Write the list to ``path`` as PDF, DOCX or XLSX (by its suffix), whole or not at all:
    a temporary file beside it replaces the target only once complete."""
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise VanThuError(
            f"Chỉ xuất được danh sách ra tệp PDF, DOCX hoặc XLSX, không phải “{path.name}”.",
            f"A list can be saved as PDF, DOCX or XLSX only, not “{path.name}”.",
        )
    table = list_table(
        rows,
        columns,
        title,
        organisation=organisation,
        language=language,
        today=today,
    )
    return write_atomically(writer, table, path, ("danh sách", "the list"))
