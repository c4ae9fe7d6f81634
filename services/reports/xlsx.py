"""A report exported to an XLSX workbook (openpyxl): the same heading and columns as the
printed form, numbers as numbers, frozen heading rows and a filter, ready to sort and sum."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .tables import ReportTable

__all__ = ["write_xlsx"]

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(wrap_text=True, horizontal="center", vertical="center")
_FONT = "Times New Roman"
_WIDTH = 9.0
"""Characters of column width per unit of a column's relative width."""


def write_xlsx(report: ReportTable, path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    # Excel's rules for a sheet name: at most 31 characters, none of []:*?/\
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", report.title)[:31].strip() or "Báo cáo"
    columns = len(report.columns)
    last = get_column_letter(columns)
    for row, (text, size, bold) in enumerate(
        (
            (report.organisation.upper(), 11, True),
            (report.title, 14, True),
            (report.period, 11, False),
        ),
        start=1,
    ):
        cell = sheet.cell(row=row, column=1, value=text)
        cell.data_type = "s"
        cell.font = Font(name=_FONT, size=size, bold=bold)
        if row > 1:
            sheet.merge_cells(f"A{row}:{last}{row}")
            cell.alignment = Alignment(horizontal="center")
    head = 5
    for index, column in enumerate(report.columns, start=1):
        cell = sheet.cell(row=head, column=index, value=column.heading)
        cell.font, cell.alignment, cell.border = Font(name=_FONT, bold=True), _CENTRE, _BOX
        sheet.column_dimensions[get_column_letter(index)].width = column.width * _WIDTH
    body = [*report.rows, *((report.totals,) if report.totals is not None else ())]
    for offset, values in enumerate(body, start=head + 1):
        total = report.totals is not None and offset == head + len(body)
        for index, (value, column) in enumerate(zip(values, report.columns, strict=True), start=1):
            cell = sheet.cell(row=offset, column=index, value=value if value != "" else None)
            if isinstance(value, str) and value:
                cell.data_type = "s"  # text stays text: "=HYPERLINK(…)" from a sender is no formula
            cell.font = Font(name=_FONT, bold=total)
            cell.alignment, cell.border = _WRAP, _BOX
            if column.numeric:
                cell.number_format = "0"
    sheet.freeze_panes = sheet.cell(row=head + 1, column=1)
    if report.rows:
        sheet.auto_filter.ref = f"A{head}:{last}{head + len(report.rows)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = f"{head}:{head}"
    book.save(path)
