"""Issue mode: write the number and date the clerk assigned into the document.

The outgoing flow is draft → leader approves → clerk assigns number and date
→ organisation seal. The draft carries blanks ("Số:     /QĐ-UBND",
"Hà Tĩnh, ngày   tháng   năm 2026"); the seal signature fills them. The
text goes in as locked, printable stamp annotations added in the same
revision as the seal signature: the seal covers them, and the leader's
earlier signature stays valid with an "annotations added" note rather than
"content changed". Glyphs come from the shipped Liberation Serif (Times
metrics, full Vietnamese), so "Đ" renders everywhere.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from dataclasses import dataclass
from io import BytesIO

import pymupdf
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from .appearance import FONT_FILE
from .errors import PlacementError
from .placement import to_pdf_box, visible_rect
from .upright import upright_matrix

__all__ = ["IssueFill", "FillSlot", "PlannedFill", "plan_fill", "plan_fill_for", "add_fill"]

logger = logging.getLogger(__name__)

FONT_SIZE = 13.0  # Decree 30: number, place and date are 13–14 pt
MIN_FONT_SIZE = 9.0
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class IssueFill:
    number: str
    """The number from the register, e.g. "125" (the symbol is already printed after the blank)."""
    issued_date: dt.date


@dataclass(frozen=True)
class FillSlot:
    rect: pymupdf.Rect
    text: str
    italic: bool = False
    size: float = 13.0
    """Points: Decree 30's 13, smaller only to fit a blank narrower than the text."""


def decree30_day_month(day: dt.date) -> tuple[str, str]:
    """Days below 10 and months below 3 get a leading zero (Decree 30, Appendix I)."""
    return (
        f"{day.day:02d}" if day.day < 10 else str(day.day),
        f"{day.month:02d}" if day.month < 3 else str(day.month),
    )


def _words(page: pymupdf.Page) -> list[tuple[pymupdf.Rect, str]]:
    """The page's words with their rectangles as the reader sees them (after ``/Rotate``)."""
    words = [(visible_rect(page, pymupdf.Rect(w[:4])), w[4]) for w in page.get_text("words")]
    lines: list[list[tuple[pymupdf.Rect, str]]] = []
    for word in sorted(words, key=lambda word: (word[0].y0 + word[0].y1) / 2):
        if lines and _same_line(lines[-1][0][0], word[0]):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [word for line in lines for word in sorted(line, key=lambda word: word[0].x0)]


def _same_line(a: pymupdf.Rect, b: pymupdf.Rect) -> bool:
    return bool(abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) < max(a.height, b.height) / 2)


def _text_width(text: str, italic: bool) -> float:
    font = pymupdf.Font(
        fontfile=str(FONT_FILE.with_name("LiberationSerif-Italic.ttf") if italic else FONT_FILE)
    )
    return float(font.text_length(text, fontsize=FONT_SIZE)) + 2


def _slot(
    text: str,
    line: pymupdf.Rect,
    left_x: float,
    right_x: float,
    italic: bool,
    flush_right: bool = False,
) -> FillSlot:
    """A box just wide enough for ``text`` on ``line``: centred in the blank, or ending where it ends."""
    width, size = _text_width(text, italic), FONT_SIZE
    room = right_x - left_x
    if width > room:  # a narrow blank: smaller type (down to 9 pt) rather than over its words
        size = max(MIN_FONT_SIZE, FONT_SIZE * room / width)
        width = _text_width(text, italic) * size / FONT_SIZE
        if width > room:
            logger.info("blank for %r is narrower than the text at %.0f pt", text, size)
    x0 = right_x - width if flush_right else (left_x + right_x - width) / 2
    x0 = max(x0, left_x)  # never over the label ("Số:") before the blank
    # Top-aligned with the printed words of the line, so the baselines meet.
    top = line.y1 - size * 1.18
    return FillSlot(pymupdf.Rect(x0, top, x0 + width, top + size * 1.5), text, italic, size)


def _number_slot(words: list[tuple[pymupdf.Rect, str]], number: str) -> FillSlot | None:
    labels = [rect for rect, text in words if text in ("Số:", "Số")]
    if not labels:
        raise PlacementError(
            "Không tìm thấy chỗ ghi số (“Số:”) trên trang đầu.",
            "No number field (“Số:”) found on the first page.",
        )
    label = labels[0]
    after = sorted(
        ((rect, text) for rect, text in words if _same_line(rect, label) and rect.x0 > label.x1),
        key=lambda word: word[0].x0,
    )
    if after and _DIGITS.match(after[0][1]):
        logger.info("the draft already carries a number (%s): not written again", after[0][1])
        return None
    if after and after[0][1].startswith(
        "/"
    ):  # "Số:      /QĐ-UBND": the number ends where the symbol starts
        return _slot(number, label, label.x1 + 1, after[0][0].x0, False, flush_right=True)
    return _slot(number, label, label.x1 + 3, label.x1 + 3 + _text_width(number, False), False)


def _date_slots(words: list[tuple[pymupdf.Rect, str]], day: dt.date) -> list[FillSlot]:
    for i, (rect, text) in enumerate(words):
        if text != "ngày":
            continue
        line = [(r, t) for r, t in words[i + 1 :] if _same_line(r, rect)]
        month = next((r for r, t in line if t == "tháng"), None)
        year = next((r for r, t in line if t == "năm"), None)
        if month is None or year is None:
            continue
        between = [t for r, t in line if rect.x1 < r.x0 < month.x0]
        if any(_DIGITS.search(t) for t in between):
            return []  # dated already
        dd, mm = decree30_day_month(day)
        slots = [
            _slot(dd, rect, rect.x1, month.x0, True),
            _slot(mm, month, month.x1, year.x0, True),
        ]
        after_year = [t for r, t in line if r.x0 > year.x1]
        if not after_year or not _DIGITS.match(after_year[0]):
            yyyy = str(day.year)
            slots.append(
                _slot(yyyy, year, year.x1 + 3, year.x1 + 3 + _text_width(yyyy, True), True)
            )
        return slots
    raise PlacementError(
        "Không tìm thấy dòng “ngày … tháng … năm …” trên trang đầu.",
        "No “ngày … tháng … năm …” line found on the first page.",
    )


def plan_fill(page: pymupdf.Page, fill: IssueFill) -> list[FillSlot]:
    """Where the number and the day/month (and year if blank) go on the first page.

    Blanks already filled (typed into the draft, or a second seal) are left alone.
    """
    words = _words(page)
    number = _number_slot(words, fill.number)
    return [*([number] if number else []), *_date_slots(words, fill.issued_date)]


def _rendered(slot: FillSlot) -> PdfFileReader:
    """The text on a page the size of its slot, centred, with the embedded font."""
    doc = pymupdf.open()
    page = doc.new_page(width=slot.rect.width, height=slot.rect.height)
    style = "italic" if slot.italic else "normal"
    css = (
        f"@font-face {{font-family: tnr; src: url({FONT_FILE.name});}} "
        f"@font-face {{font-family: tnr; font-style: italic; src: url(LiberationSerif-Italic.ttf);}} "
        f"* {{font-family: tnr; font-size: {slot.size}pt; font-style: {style}; color: black; margin: 0; "
        "text-align: center;}"
    )
    page.insert_htmlbox(
        page.rect,
        f"<div>{html.escape(slot.text)}</div>",
        css=css,
        archive=pymupdf.Archive(str(FONT_FILE.parent)),
        scale_low=0.5,
    )
    doc.subset_fonts()
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return PdfFileReader(BytesIO(data))


@dataclass(frozen=True)
class PlannedFill:
    page_index: int
    rotation: int
    slots: tuple[FillSlot, ...]
    boxes: tuple[tuple[float, float, float, float], ...]
    """Each slot's rectangle in PDF user space."""


def plan_fill_for(doc: pymupdf.Document, fill: IssueFill) -> PlannedFill:
    page = doc[0]
    slots = plan_fill(page, fill)
    boxes = tuple(to_pdf_box(page, slot.rect) for slot in slots)
    return PlannedFill(0, page.rotation, tuple(slots), boxes)


def add_fill(writer: IncrementalPdfFileWriter, planned: PlannedFill) -> None:
    """Add the filled-in text as locked stamp annotations (same revision as the signature)."""
    page_ref = writer.find_page_for_modification(planned.page_index)[0]
    for slot, box in zip(planned.slots, planned.boxes, strict=True):
        appearance = writer.import_page_as_xobject(_rendered(slot))
        if planned.rotation % 360:  # drawn upright on a rotated page (see signing.upright)
            matrix = upright_matrix(planned.rotation, slot.rect.width, slot.rect.height)
            appearance.get_object()["/Matrix"] = generic.ArrayObject(
                generic.FloatObject(v) for v in matrix
            )
        annot = generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/Stamp"),
                generic.NameObject("/Rect"): generic.ArrayObject(
                    generic.FloatObject(v) for v in box
                ),
                generic.NameObject("/F"): generic.NumberObject(
                    4 | 64 | 128
                ),  # print, read-only, locked
                generic.NameObject("/Contents"): generic.TextStringObject(slot.text),
                generic.NameObject("/AP"): generic.DictionaryObject(
                    {generic.NameObject("/N"): appearance}
                ),
            }
        )
        writer.register_annotation(page_ref, writer.add_object(annot))
