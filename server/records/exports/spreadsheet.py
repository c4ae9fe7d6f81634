"""The file list as an XLSX workbook (openpyxl): the printed form's heading, its five columns
and the column numbers, headings in bold, the closing counts; text stays text (a title that
starts with "=" is no formula). Dated 1 January 1980, like the export's ZIP, so the same list
gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .data import ListPrint
from .forms import LIST_COLUMNS

__all__ = ["file_list_xlsx"]

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(wrap_text=True, horizontal="center", vertical="center")
_FONT = "Times New Roman"
_FIXED = dt.datetime(1980, 1, 1)


def _text(sheet: Worksheet, row: int, column: int, value: str, **style: object) -> None:
    cell = sheet.cell(row=row, column=column, value=value or None)
    if value:
        cell.data_type = "s"
    for name, setting in style.items():
        setattr(cell, name, setting)


def file_list_xlsx(data: ListPrint) -> bytes:
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook has one sheet
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", f"Danh mục hồ sơ {data.year}")[:31]
    last = get_column_letter(len(LIST_COLUMNS))
    heading = [
        (data.head.organisation.upper(), 11, True, False),
        ("DANH MỤC HỒ SƠ", 14, True, True),
        (f"Năm {data.year}", 12, True, True),
        (f"(Kèm theo {data.decision})" if data.decision else "", 11, False, True),
    ]
    for row, (text, size, bold, centred) in enumerate(heading, start=1):
        _text(sheet, row, 1, text, font=Font(name=_FONT, size=size, bold=bold))
        if centred:
            sheet.merge_cells(f"A{row}:{last}{row}")
            sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
    head = len(heading) + 2
    for index, column in enumerate(LIST_COLUMNS, start=1):
        bold = Font(name=_FONT, bold=True)
        _text(sheet, head, index, column.heading, font=bold, alignment=_CENTRE, border=_BOX)
        _text(sheet, head + 1, index, f"({index})", font=bold, alignment=_CENTRE, border=_BOX)
        sheet.column_dimensions[get_column_letter(index)].width = column.width * 1.6
    row = head + 1
    for line in data.lines:
        row += 1
        values = (line.notation, line.title, line.maintenance, line.responsible, line.note)
        for index, value in enumerate(values, start=1):
            font = Font(name=_FONT, bold=line.level < 2)
            _text(sheet, row, index, value, font=font, alignment=_WRAP, border=_BOX)
    total = data.permanent + data.limited
    for text in (
        f"Danh mục hồ sơ này có {total} hồ sơ, bao gồm:",
        f"{data.permanent} hồ sơ bảo quản vĩnh viễn;",
        f"{data.limited} hồ sơ bảo quản có thời hạn.",
    ):
        row += 1 if not text.startswith("Danh") else 2
        _text(sheet, row, 2, text, font=Font(name=_FONT))
    sheet.freeze_panes = sheet.cell(row=head + 2, column=1)
    sheet.print_title_rows = f"{head}:{head + 1}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    book.properties.creator = "Văn thư số"
    book.properties.created = _FIXED
    book.properties.modified = _FIXED
    out = io.BytesIO()
    book.save(out)
    return _fixed_dates(out.getvalue())


def _fixed_dates(data: bytes) -> bytes:
    """openpyxl stamps "modified" with the time of saving and each part with today's date in
    the ZIP: rewrite both, so the workbook is the same for the same list."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>1980-01-01T00:00:00Z\g<2>",
                    body,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, body)
    return out.getvalue()
