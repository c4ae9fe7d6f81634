"""A laid-out table (``ReportTable``) as a Word document (python-docx): landscape A4, the
organisation and title above one ruled table whose heading row repeats on every page, in
Times New Roman (every Vietnamese diacritic), ready to edit and print."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .reports.tables import ReportTable

__all__ = ["write_docx"]

_FONT = "Times New Roman"
_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = Cm(29.7), Cm(21.0), Cm(1.5)


def _repeat_heading(row: object) -> None:
    """Word repeats a row marked ``tblHeader`` at the top of each page."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    properties.append(mark)


def write_docx(report: ReportTable, path: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = _PAGE_WIDTH, _PAGE_HEIGHT
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, _MARGIN)
    style = document.styles["Normal"]
    style.font.name = _FONT
    style.font.size = Pt(11)
    if report.organisation:
        head = document.add_paragraph()
        head.add_run(report.organisation.upper()).bold = True
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(report.title)
    run.bold, run.font.size = True, Pt(14)
    period = document.add_paragraph(report.period)
    period.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=1, cols=len(report.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    usable = _PAGE_WIDTH - 2 * _MARGIN
    total = sum(c.width for c in report.columns)
    widths = [int(usable * c.width / total) for c in report.columns]
    heading = table.rows[0]
    _repeat_heading(heading)
    for cell, column, width in zip(heading.cells, report.columns, widths, strict=True):
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(column.heading).bold = True
    for values in report.rows:
        cells = table.add_row().cells
        for cell, value, column, width in zip(cells, values, report.columns, widths, strict=True):
            cell.width = width
            cell.text = str(value)
            if column.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.core_properties.title = report.title
    document.core_properties.author = report.organisation
    document.save(str(path))
