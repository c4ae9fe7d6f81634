"""A printed page of the records' forms: A4 with Decree 30's margins, Liberation Serif (every
Vietnamese diacritic; Times-compatible, as the decree's forms are set), paragraphs, the
two-column heading (organisation | national motto) and ruled tables whose heading rows repeat
on every page.

Drawn directly (text measured word by word, one ``TextWriter`` and one ``Shape`` per page)
rather than laid out as HTML: a file index of 2,000 rows must cost milliseconds, and the same
rows must give the same bytes (no timestamps, no random IDs: ``finish``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import pymupdf
from pymupdf import mupdf

from base.resources import resource_path

__all__ = ["Column", "Row", "Sheet", "Align"]

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 595.0, 842.0
"""A4 in points."""
LEFT, RIGHT, TOP, BOTTOM = 85.0, 50.0, 57.0, 57.0
"""Decree 30 Appendix I: left 30–35 mm, right 15–20 mm, top and bottom 20–25 mm."""
LEADING = 1.22
PAD = 3.0
_LANGUAGE = mupdf.fz_text_language_from_string(None)
Align = str
"""``left``, ``center`` or ``right``."""


@cache
def _font(style: str) -> pymupdf.Font:
    name = {
        "regular": "LiberationSerif-Regular.ttf",
        "bold": "LiberationSerif-Bold.ttf",
        "italic": "LiberationSerif-Italic.ttf",
        "bolditalic": "LiberationSerif-BoldItalic.ttf",
    }[style]
    return pymupdf.Font(fontfile=str(resource_path("fonts", name)))


_ADVANCES: dict[str, dict[str, float]] = {}


def measure(text: str, size: float, style: str = "regular") -> float:
    """The width of ``text`` in points: the glyphs' advances, looked up once per character
    (``Font.text_length`` encodes every character anew through Python, 70 µs a word)."""
    advances = _ADVANCES.setdefault(style, {})
    total = 0.0
    for char in text:
        advance = advances.get(char)
        if advance is None:
            advance = advances[char] = _font(style).text_length(char, fontsize=1)
        total += advance
    return total * size


def _style(bold: bool, italic: bool) -> str:
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


@dataclass(frozen=True)
class Column:
    heading: str
    width: float
    """Relative to the other columns."""
    align: Align = "left"


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    bold: bool = False
    italic: bool = False


def _cut(word: str, width: float, size: float, style: str) -> int:
    """How much of a word too wide for its line fits: up to its last "/", "-" or "." that
    fits (a document number breaks where it reads), else as many characters as fit."""
    cut = len(word)
    while cut > 1 and measure(word[:cut], size, style) > width:
        cut -= 1
    marks = [i + 1 for i, c in enumerate(word[: cut - 1]) if c in "/-."]
    return marks[-1] if marks else cut


def wrap(
    text: str, width: float, size: float, style: str = "regular", first: float = 0
) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (the first line ``first`` narrower:
    a paragraph's indent); a word too long for a line is cut (``_cut``)."""
    space = measure(" ", size, style)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        room = width - (first if not lines else 0)
        line, used = "", 0.0
        for word in paragraph.split():
            length = measure(word, size, style)
            if line and used + space + length <= room:
                line, used = f"{line} {word}", used + space + length
                continue
            if line:
                lines.append(line)
                room = width
            while length > room:
                cut = _cut(word, room, size, style)
                lines.append(word[:cut])
                room, word = width, word[cut:]
                length = measure(word, size, style)
            line, used = word, length
        lines.append(line)
    return lines


class Sheet:
    """A document being drawn page after page; ``finish`` gives its bytes."""

    def __init__(self, title: str, author: str) -> None:
        self.doc = pymupdf.open()
        self.doc.set_metadata(
            {
                "title": title,
                "author": author,
                "creator": "Văn thư số",
                "producer": "Văn thư số",
                "creationDate": "",
                "modDate": "",
            }
        )
        self.width = WIDTH - LEFT - RIGHT
        self.page: pymupdf.Page | None = None
        self.writer: pymupdf.TextWriter | None = None
        self.shape: pymupdf.Shape | None = None
        self.y = TOP
        self._lines: list[str] = []
        """This page's rules as PDF path operators (upward coordinates)."""
        self._table_top: float | None = None
        """Where the table being drawn began on this page (its column rules start there)."""

    # pages -------------------------------------------------------------------------------

    def new_page(self) -> None:
        self._flush()
        self.page = self.doc.new_page(width=WIDTH, height=HEIGHT)
        self.writer = pymupdf.TextWriter(self.page.rect)
        self.shape = self.page.new_shape()
        self.y = TOP

    def _flush(self) -> None:
        if self.page is not None and self.writer is not None and self.shape is not None:
            self.writer.write_text(self.page)
            if self._lines:
                # The path operators written directly (``Shape.draw_line`` costs 190 µs a
                # line in Python); ``finish`` strokes them.
                self.shape.draw_cont += "".join(self._lines)
                self.shape.finish(width=0.5, color=(0, 0, 0))
                self.shape.commit()
        self._lines = []
        self.page = self.writer = self.shape = None

    def room(self) -> float:
        return HEIGHT - BOTTOM - self.y

    def _ensure(self, height: float) -> None:
        if self.page is None or height > self.room():
            self.new_page()

    # text --------------------------------------------------------------------------------

    def text(
        self,
        x: float,
        baseline: float,
        line: str,
        size: float,
        style: str = "regular",
    ) -> None:
        assert self.writer is not None
        # ``TextWriter.append`` without its bookkeeping (the text's box, the last point: a
        # third of its time, unused here): the same MuPDF call, in PDF's upward coordinates.
        trm = mupdf.fz_make_matrix(size, 0, 0, size, x, HEIGHT - baseline)
        mupdf.fz_show_string(self.writer.this, _font(style).this, trm, line, 0, 0, 0, _LANGUAGE)

    def _line_at(
        self,
        line: str,
        box: tuple[float, float],
        baseline: float,
        size: float,
        style: str,
        align: Align,
    ) -> None:
        left, width = box
        length = measure(line, size, style)
        x = left if align == "left" else left + (width - length) / (2 if align == "center" else 1)
        self.text(x, baseline, line, size, style)

    def paragraph(
        self,
        text: str,
        size: float = 13,
        *,
        bold: bool = False,
        italic: bool = False,
        align: Align = "left",
        before: float = 0,
        after: float = 3,
        indent: float = 0,
        hanging: bool = False,
    ) -> None:
        """Lines of text across the page, the first ``indent`` in (every line with
        ``hanging``); a paragraph moves on to the next page line by line."""
        style = _style(bold, italic)
        self._ensure(size * LEADING + before)
        self.y += before
        width = self.width - (indent if hanging else 0)
        lines = wrap(text, width, size, style, first=0 if hanging else indent)
        for number, line in enumerate(lines):
            self._ensure(size * LEADING)
            self.y += size * LEADING
            inset = indent if hanging or number == 0 else 0
            box = (LEFT + inset, self.width - inset)
            self._line_at(line, box, self.y - size * 0.25, size, style, align)
        self.y += after

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._lines.append(f"{x1:.2f} {HEIGHT - y1:.2f} m {x2:.2f} {HEIGHT - y2:.2f} l\n")

    def rule(self, length: float, center: float, gap: float = 3) -> None:
        """The short line under a heading's name (Decree 30's forms)."""
        self.y += gap
        self.line(center - length / 2, self.y, center + length / 2, self.y)
        self.y += gap

    def columns(
        self,
        left: Sequence[tuple[str, bool]],
        right: Sequence[tuple[str, bool]],
        size: float = 12,
        split: float = 0.42,
        rules: bool = True,
    ) -> None:
        """Two centred blocks side by side: the organisation and the motto, or two signatures.
        Each line is (text, bold); a rule closes each block when ``rules``."""
        self._ensure(size * LEADING * max(len(left), len(right)) + 10)
        top = self.y
        bottoms = []
        for lines, x0, w in (
            (left, LEFT, self.width * split),
            (right, LEFT + self.width * split, self.width * (1 - split)),
        ):
            self.y = top
            for text, bold in lines:
                style = _style(bold, text.startswith("("))
                for line in wrap(text, w, size, style):
                    self.y += size * LEADING
                    self._line_at(line, (x0, w), self.y - size * 0.25, size, style, "center")
            if rules and lines:
                self.rule(min(w * 0.6, 150), x0 + w / 2)
            bottoms.append(self.y)
        self.y = max(bottoms) + 6

    # tables ------------------------------------------------------------------------------

    def table(self, columns: Sequence[Column], rows: Sequence[Row], size: float = 11) -> None:
        """A ruled table; its heading and the column numbers (1), (2)… repeat on each page."""
        total = sum(c.width for c in columns)
        widths = [self.width * c.width / total for c in columns]
        heading = Row(tuple(c.heading for c in columns), bold=True)
        numbers = Row(tuple(f"({n})" for n in range(1, len(columns) + 1)))
        head = [
            self._laid(heading, widths, size, columns, True),
            self._laid(numbers, widths, size, columns, True),
        ]
        head_height = sum(h for h, _ in head)
        self._ensure(head_height + size * 2.5)
        self._draw_rows(head, widths, size)
        for row in rows:
            laid = self._laid(row, widths, size, columns, False)
            if laid[0] > self.room():
                self._close_columns(widths)
                self.new_page()
                self._draw_rows(head, widths, size)
            self._draw_rows([laid], widths, size)
        self._close_columns(widths)

    def _laid(
        self,
        row: Row,
        widths: list[float],
        size: float,
        columns: Sequence[Column],
        centred: bool,
    ) -> tuple[float, list[tuple[list[str], str, Align]]]:
        style = _style(row.bold, row.italic)
        most = int((HEIGHT - TOP - BOTTOM - 4 * size) / (size * LEADING))
        cells = []
        for text, width, column in zip(row.cells, widths, columns, strict=True):
            lines = wrap(text, width - 2 * PAD, size, style)
            if len(lines) > most:  # never in practice: a cell is at most 500 characters
                lines = [*lines[: most - 1], lines[most - 1] + " …"]
            cells.append((lines, style, "center" if centred else column.align))
        height = max(len(lines) for lines, _, _ in cells) * size * LEADING + 2 * PAD
        return height, cells

    def _draw_rows(
        self,
        rows: list[tuple[float, list[tuple[list[str], str, Align]]]],
        widths: list[float],
        size: float,
    ) -> None:
        """Rows from the current height down, each with its text and its lower rule; the
        column rules wait for ``_close_columns`` (one line per column and page, not a box per
        cell: a 2,000-row index draws 2,000 lines, not 14,000 boxes)."""
        right = LEFT + sum(widths)
        if self._table_top is None:
            self._table_top = self.y
            self.line(LEFT, self.y, right, self.y)
        for height, cells in rows:
            x = LEFT
            for (lines, style, align), width in zip(cells, widths, strict=True):
                baseline = self.y + PAD
                for line in lines:
                    baseline += size * LEADING
                    box = (x + PAD, width - 2 * PAD)
                    self._line_at(line, box, baseline - size * 0.25, size, style, align)
                x += width
            self.y += height
            self.line(LEFT, self.y, right, self.y)

    def _close_columns(self, widths: list[float]) -> None:
        if self._table_top is None:
            return
        x = LEFT
        for width in [0.0, *widths]:
            x += width
            self.line(x, self._table_top, x, self.y)
        self._table_top = None

    # the end -----------------------------------------------------------------------------

    def finish(self, numbered: bool = True) -> bytes:
        """The document's bytes, the same for the same content: no dates, no /ID, fonts
        subset to the glyphs used; pages numbered at the top from the second (Decree 30)."""
        self._flush()
        if numbered and self.doc.page_count > 1:
            for page in self.doc:
                if page.number == 0:
                    continue
                writer = pymupdf.TextWriter(page.rect)
                label = str(page.number + 1)
                x = LEFT + (self.width - measure(label, 11)) / 2
                writer.append((x, TOP - 22), label, font=_font("regular"), fontsize=11)
                writer.write_text(page)
        self.doc.subset_fonts()
        data: bytes = self.doc.tobytes(garbage=3, deflate=True, no_new_id=True)
        self.doc.close()
        return data
