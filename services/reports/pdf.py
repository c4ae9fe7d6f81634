"""A report printed to PDF: landscape A4, the form's heading, one ruled table, page numbers.

PyMuPDF's ``Story`` lays the table out as HTML (rows wrap and flow from page to page) in
Liberation Serif, a Times-compatible font with every Vietnamese diacritic; the heading row is
repeated at the top of each page so a printed page can be read on its own.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import pymupdf

from base.resources import resource_path

from .tables import ReportTable

__all__ = ["write_pdf"]

PAGE = pymupdf.paper_rect("a4-l")
MARGIN = 36.0  # half an inch
_FONTS = "fonts"
_CSS = """
@font-face {font-family: report; src: url(LiberationSerif-Regular.ttf);}
@font-face {font-family: report; src: url(LiberationSerif-Bold.ttf); font-weight: bold;}
* {font-family: report; font-size: 9pt;}
p {margin: 0; text-align: center;}
p.organisation {text-align: left; font-weight: bold; font-size: 10pt;}
p.title {font-weight: bold; font-size: 14pt; margin-top: 6pt;}
p.period {font-style: normal; margin-bottom: 8pt;}
table {border-collapse: collapse; width: 100%;}
th, td {border: 0.5pt solid black; padding: 2pt 3pt; vertical-align: top;}
th {font-weight: bold; text-align: center;}
td.number {text-align: right;}
tr.total td {font-weight: bold;}
"""


def _cell(value: str | int, numeric: bool, tag: str = "td") -> str:
    css = ' class="number"' if numeric and tag == "td" else ""
    return f"<{tag}{css}>{html.escape(str(value))}</{tag}>"


def _table(report: ReportTable, rows: tuple[tuple[str | int, ...], ...], last: bool) -> str:
    total = sum(c.width for c in report.columns)
    head = "".join(
        f'<th width="{100 * c.width / total:.1f}%">{html.escape(c.heading)}</th>'
        for c in report.columns
    )
    numbers = "".join(f"<th>({n})</th>" for n in range(1, len(report.columns) + 1))
    body = "".join(
        "<tr>"
        + "".join(_cell(v, c.numeric) for v, c in zip(row, report.columns, strict=True))
        + "</tr>"
        for row in rows
    )
    if last and report.totals is not None:
        body += (
            '<tr class="total">'
            + "".join(
                _cell(v, c.numeric) for v, c in zip(report.totals, report.columns, strict=True)
            )
            + "</tr>"
        )
    return f"<table><tr>{head}</tr><tr>{numbers}</tr>{body}</table>"


def _heading(report: ReportTable) -> str:
    return (
        f'<p class="organisation">{html.escape(report.organisation.upper())}</p>'
        f'<p class="title">{html.escape(report.title)}</p>'
        f'<p class="period">{html.escape(report.period)}</p>'
    )


def _fits(
    report: ReportTable,
    rows: tuple[tuple[str | int, ...], ...],
    first: bool,
    last: bool,
    archive: pymupdf.Archive,
) -> bool:
    story = pymupdf.Story(
        (_heading(report) if first else "") + _table(report, rows, last),
        user_css=_CSS,
        archive=archive,
    )
    more, _ = story.place(_body_rect())
    return not more


def _body_rect() -> pymupdf.Rect:
    return pymupdf.Rect(MARGIN, MARGIN, PAGE.width - MARGIN, PAGE.height - MARGIN - 14)


def _pages(report: ReportTable, archive: pymupdf.Archive) -> list[tuple[int, int]]:
    """Row ranges per page: as many whole rows as fit under the heading row (the last page
    also holds the totals). Starts from the previous page's count: rows differ in height, so
    a page is found in two or three layouts, not by laying out the whole register."""
    rows, count = report.rows, len(report.rows)
    ranges: list[tuple[int, int]] = []
    start, guess = 0, 30
    while True:
        first = not ranges

        def fits(end: int, first: bool = first, start: int = start) -> bool:
            return _fits(report, rows[start:end], first, end == count, archive)

        end = min(count, start + guess)
        if fits(end):
            while end < count and fits(end + 1):
                end += 1
        else:
            while end > start + 1 and not fits(end - 1):
                end -= 1
            end = max(start + 1, end - 1)  # at least one row per page (a huge row flows on)
        ranges.append((start, end))
        if end >= count:
            return ranges
        guess, start = max(1, end - start), end


def write_pdf(report: ReportTable, path: Path) -> None:
    archive = pymupdf.Archive(str(resource_path(_FONTS)))
    ranges = _pages(report, archive)
    laid_out = io.BytesIO()
    writer = pymupdf.DocumentWriter(laid_out)
    for number, (start, end) in enumerate(ranges):
        last = number == len(ranges) - 1
        content = (_heading(report) if number == 0 else "") + _table(
            report, report.rows[start:end], last
        )
        story = pymupdf.Story(content, user_css=_CSS, archive=archive)
        more = True
        while more:  # a single row taller than a page goes on over as many pages as it needs
            device = writer.begin_page(PAGE)
            more, _ = story.place(_body_rect())
            story.draw(device)
            writer.end_page()
    writer.close()
    with pymupdf.open("pdf", laid_out.getvalue()) as doc:
        _number_pages(doc)
        doc.set_metadata({"title": report.title, "author": report.organisation})
        doc.save(path, garbage=3, deflate=True)


def _number_pages(doc: pymupdf.Document) -> None:
    font = pymupdf.Font(fontfile=str(resource_path(_FONTS, "LiberationSerif-Regular.ttf")))
    for page in doc:
        page.wrap_contents()  # the laid-out content leaves its own coordinate transform behind
        label = f"{page.number + 1}/{doc.page_count}"
        writer = pymupdf.TextWriter(page.rect)
        x = (PAGE.width - font.text_length(label, fontsize=9)) / 2
        writer.append((x, PAGE.height - MARGIN + 4), label, font=font, fontsize=9)
        writer.write_text(page)
