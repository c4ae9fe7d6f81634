"""The "ĐẾN" stamp (Decree 30/2020, Appendix IV) put on an incoming document when it is
registered: the receiving organisation, "ĐẾN", the arrival number and date, and blank lines
for "Chuyển" and "Lưu hồ sơ số".

The paper stamp goes "into the blank space under the number and symbol, or under the
subject"; here it goes into the first blank box of its size found below the "Số:" line of
the first page (the left header column, then anywhere in the upper half). It is a locked,
printable stamp annotation added as an incremental update, so a signature the sender made
stays valid ("annotations added", see ``signing.diff_rules``), and it is drawn with the
shipped Liberation Serif so every diacritic renders.
"""

from __future__ import annotations

import html
import logging
import re
import tempfile
import threading
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pymupdf
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from base.arrival import ArrivalStamp
from base.pdf import check_pdf, unlock

from .appearance import FONT_FILE
from .encryption import PasswordNeeded, SigningForbidden, unlock_writer
from .errors import PdfInputError, SigningError
from .placement import to_pdf_box, visible_rect
from .upright import upright_matrix

__all__ = ["ArrivalStamp", "StampError", "stamp_arrival", "plan_stamp", "STAMP_SIZE"]

logger = logging.getLogger(__name__)

MM = 72 / 25.4
STAMP_SIZE = (55 * MM, 26 * MM)
"""Width × height in points: the stamp's usual 50–60 × 25–30 mm."""
MARGIN = 4.0
"""Clear space kept between the stamp and any printed word."""
RED = "#c8102e"
_MUPDF = threading.Lock()
"""MuPDF is not thread-safe, and the server stamps from its request threads."""


class StampError(SigningError):
    title_vi = "Không đóng được dấu ĐẾN"
    title_en = "The arrival stamp could not be placed"


def _free(box: pymupdf.Rect, words: list[pymupdf.Rect]) -> bool:
    grown = pymupdf.Rect(box.x0 - MARGIN, box.y0 - MARGIN, box.x1 + MARGIN, box.y1 + MARGIN)
    return not any(grown.intersects(word) for word in words)


SCALES = (1.0, 0.85, 0.7)
"""The stamp may be set a little smaller to fit the blank space under the number and summary
(its text still reads at 70 %), rather than land elsewhere on the page."""
_NOTATION = re.compile(r"^\S*\d*/[A-ZĐ]")
_SUMMARY = ("V/v", "v/v", "Về việc", "V/V")


@dataclass(frozen=True)
class _Line:
    rect: pymupdf.Rect
    text: str


def _lines(page: pymupdf.Page) -> list[_Line]:
    """The page's text lines as the reader sees them (after ``/Rotate``), top to bottom."""
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if text:
                found.append(_Line(visible_rect(page, pymupdf.Rect(line["bbox"])), text))
    return sorted(found, key=lambda line: (line.rect.y0, line.rect.x0))


def _header_bottom(lines: list[_Line], area: pymupdf.Rect) -> tuple[float, float] | None:
    """(bottom, left) of the number-and-notation line and of the summary ("V/v …") under it in
    the left header column, or None when the first page shows neither."""
    column = area.width * 0.55  # the left header column (a centred title runs past it)
    upper = [ln for ln in lines if ln.rect.y1 < area.height * 0.45 and ln.rect.x1 < column]
    number = next(
        (
            ln
            for ln in upper
            if ln.text.startswith(("Số:", "Số ")) or _NOTATION.match(ln.text.replace(" ", ""))
        ),
        None,
    )
    summary = next(
        (
            ln
            for ln in upper
            if ln.text.startswith(_SUMMARY) and (number is None or ln.rect.y0 >= number.rect.y0)
        ),
        None,
    )
    if summary is not None:  # a summary may run over two or three lines, each just below
        bottom, left = summary.rect.y1, summary.rect.x0
        for ln in upper:
            below = bottom - 1 < ln.rect.y0 < bottom + ln.rect.height * 0.8
            if below:
                bottom = ln.rect.y1
        return bottom, min(left, number.rect.x0 if number else left)
    if number is not None:
        return number.rect.y1, number.rect.x0
    return None


def _scan(
    lefts: list[float],
    top: float,
    limit: float,
    size: tuple[float, float],
    area: pymupdf.Rect,
    rects: list[pymupdf.Rect],
    right_edge: float | None = None,
) -> pymupdf.Rect | None:
    """The first free box of ``size`` going down from ``top`` (not past ``limit``), trying each
    left edge in turn at every height; ``right_edge`` keeps it in a column."""
    width, height = size
    y0 = top
    while y0 + height <= limit:
        for x0 in lefts:
            box = pymupdf.Rect(x0, y0, x0 + width, y0 + height)
            inside = right_edge is None or box.x1 <= right_edge
            if inside and box in area and _free(box, rects):
                return box
        y0 += 3.0
    return None


def plan_stamp(page: pymupdf.Page) -> pymupdf.Rect:
    """The stamp's rectangle as the reader sees the page (after ``/Rotate``).

    Appendix IV puts the paper stamp in the blank space under the number and notation — for a
    công văn under its summary ("V/v …") — so the stamp goes into the left half of the page
    below those lines (set a little smaller if that is what fits, and reaching into the left
    margin as a clerk's hand would), never over a printed word. A page without them (a scan
    with no text layer) gets the stamp where that space is on a standard letter; only when the
    left half has no room in its upper half does it go to blank space near the top, then under
    the last printed line — never beside the signature block.
    """
    area = visible_rect(page, page.rect)
    area = pymupdf.Rect(0, 0, area.width, area.height)
    lines = _lines(page)
    rects = [visible_rect(page, pymupdf.Rect(w[:4])) for w in page.get_text("words")]
    rects += [visible_rect(page, pymupdf.Rect(i["bbox"])) for i in page.get_image_info()]
    full = area.width * area.height * 0.5
    rects = [r for r in rects if r.width * r.height < full]  # a scan's page image is the paper
    edge = min(5 * MM, area.width / 40)
    margin = min(15 * MM, area.width / 12)
    header = _header_bottom(lines, area)
    half = area.width / 2
    if header is not None:
        top, left = header[0] + MARGIN, header[1]
    else:  # no text to go by: below where the number and summary of a standard letter end
        top, left = area.height * 0.2, margin  # about 60 mm down an A4 page
    for scale in SCALES:
        size = (STAMP_SIZE[0] * scale, STAMP_SIZE[1] * scale)
        lefts = sorted({max(edge, left - 8), margin, edge}, reverse=True)
        lefts += [x for x in (half - size[0], (half - size[0]) / 2) if x > edge]
        found = _scan(lefts, top, area.height * 0.5, size, area, rects, right_edge=half + MARGIN)
        if found is not None:
            return found
    width, height = STAMP_SIZE  # the left half is full: blank space near the top of the page,
    lefts = [margin, (area.width - width) / 2, area.width - margin - width]
    found = _scan(lefts, margin, area.height * 0.4, (width, height), area, rects)
    if found is None and rects:  # or under the last printed line, left first (as "Nơi nhận")
        last = max(r.y1 for r in rects)
        found = _scan(lefts, last + MARGIN, area.height - margin, (width, height), area, rects)
    if found is not None:
        return found
    raise StampError(
        "Trang đầu không còn khoảng trống đủ lớn cho dấu ĐẾN; hãy vào sổ mà không đóng dấu.",
        "The first page has no blank space large enough for the arrival stamp; register it "
        "without the stamp.",
    )


def _rendered(stamp: ArrivalStamp, width: float, height: float) -> PdfFileReader:
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    page.draw_rect(page.rect + (1, 1, -1, -1), color=pymupdf.utils.getColor("red"), width=1.2)
    body = "".join(
        f"<div class='{'head' if i == 0 else 'big' if i == 1 else 'line'}'>{html.escape(line)}</div>"
        for i, line in enumerate(stamp.lines())
    )
    css = (
        f"@font-face {{font-family: tnr; src: url({FONT_FILE.name});}} "
        f"@font-face {{font-family: tnr; font-weight: bold; src: url(LiberationSerif-Bold.ttf);}} "
        f"* {{font-family: tnr; color: {RED}; margin: 0; line-height: 1.15;}} "
        ".head {font-size: 8pt; font-weight: bold; text-align: center;} "
        ".big {font-size: 11pt; font-weight: bold;} .line {font-size: 10pt;}"
    )
    spare, _ = page.insert_htmlbox(
        page.rect + (5, 3, -5, -3),
        body,
        css=css,
        archive=pymupdf.Archive(str(FONT_FILE.parent)),
        scale_low=0.6,
    )
    if spare < 0:
        raise StampError(
            "Tên đơn vị quá dài cho dấu ĐẾN.", "The organisation's name is too long for the stamp."
        )
    doc.subset_fonts()
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return PdfFileReader(BytesIO(data))


_LOCKED = (
    "Tệp {name} được đặt mật khẩu bảo vệ, nên không đóng dấu ĐẾN lên tệp được; hãy vào sổ mà "
    "không đóng dấu (số đến vẫn được ghi trong sổ).",
    "{name} is password-protected, so the arrival stamp cannot be put on it; register it "
    "without the stamp (the arrival number is still recorded in the register).",
)
_FORBIDDEN = (
    "Quyền hạn của tệp {name} (đặt bởi nơi phát hành) cấm thêm chú thích, nên không đóng dấu "
    "ĐẾN lên tệp được; hãy vào sổ mà không đóng dấu (số đến vẫn được ghi trong sổ).",
    "The permissions of {name} (set by its issuer) forbid adding annotations, so the arrival "
    "stamp cannot be put on it; register it without the stamp (the arrival number is still "
    "recorded in the register).",
)


def _unlock(writer: IncrementalPdfFileWriter, name: str) -> None:
    """An encrypted file that opens without a password (only an owner password, as many
    government PDFs) is stamped as an update encrypted with its own keys, like a signature;
    one whose permissions forbid annotations, or that needs a password, is refused."""
    try:
        unlock_writer(writer, None, name)
    except SigningForbidden as exc:
        raise StampError(*(t.format(name=name) for t in _FORBIDDEN)) from exc
    except PasswordNeeded as exc:
        raise StampError(*(t.format(name=name) for t in _LOCKED)) from exc
    except PdfInputError as exc:  # R5, or encrypted for a certificate
        raise StampError(
            f"{exc.message('vi')} Hãy vào sổ mà không đóng dấu (số đến vẫn được ghi trong sổ).",
            f"{exc.message('en')} Register it without the stamp (the arrival number is still "
            "recorded in the register).",
        ) from exc


def stamp_arrival(data: bytes, stamp: ArrivalStamp, name: str = "văn bản.pdf") -> bytes:
    """The PDF with the "ĐẾN" stamp on its first page, as an incremental update of ``data``.

    A file that is not a readable PDF raises ``base.pdf.BadPdf`` (with the reason), one
    with no room or a password ``StampError``.
    """
    with _MUPDF:
        return _stamp(data, stamp, name)


def _stamp(data: bytes, stamp: ArrivalStamp, name: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="vanthu-stamp-") as folder:
        path = Path(folder) / (Path(name).name or "van-ban.pdf")
        path.write_bytes(data)
        check_pdf(path)
        with pymupdf.open(path) as doc:
            if not unlock(doc):
                raise StampError(*(t.format(name=name) for t in _LOCKED))
            page = doc[0]
            rect = plan_stamp(page)
            box = to_pdf_box(page, rect)
            rotation = page.rotation
    try:
        return _write_stamp(data, stamp, rect, box, rotation, name)
    except (OSError, MemoryError, StampError):
        raise
    except Exception as exc:  # pyHanko cannot read the structure MuPDF worked around
        logger.warning("%s: no arrival stamp, unreadable structure (%s)", name, exc)
        raise StampError(
            f"Tệp {name} bị hỏng cấu trúc PDF (bảng tham chiếu không đọc được), dù trình xem "
            "vẫn mở được, nên không đóng dấu ĐẾN lên tệp được; hãy vào sổ mà không đóng dấu "
            "(số đến vẫn được ghi trong sổ) và xin nơi gửi bản gốc còn nguyên nếu cần.",
            f"{name} has a damaged PDF structure (its cross-reference table cannot be read), "
            "even though viewers open it, so the arrival stamp cannot be put on it; register it "
            "without the stamp (the arrival number is still recorded) and ask the sender for "
            "an undamaged original if needed.",
        ) from exc


def _write_stamp(
    data: bytes,
    stamp: ArrivalStamp,
    rect: pymupdf.Rect,
    box: tuple[float, ...],
    rotation: int,
    name: str,
) -> bytes:
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    _unlock(writer, name)
    page_ref = writer.find_page_for_modification(0)[0]
    appearance = writer.import_page_as_xobject(_rendered(stamp, rect.width, rect.height))
    if rotation % 360:  # drawn upright on a rotated page (see signing.upright)
        matrix = upright_matrix(rotation, rect.width, rect.height)
        appearance.get_object()["/Matrix"] = generic.ArrayObject(
            generic.FloatObject(v) for v in matrix
        )
    annot = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/Stamp"),
            generic.NameObject("/Rect"): generic.ArrayObject(generic.FloatObject(v) for v in box),
            generic.NameObject("/F"): generic.NumberObject(
                4 | 64 | 128
            ),  # print, read-only, locked
            generic.NameObject("/Contents"): generic.TextStringObject(" ".join(stamp.lines()[:3])),
            generic.NameObject("/AP"): generic.DictionaryObject(
                {generic.NameObject("/N"): appearance}
            ),
        }
    )
    writer.register_annotation(page_ref, writer.add_object(annot))
    out = BytesIO()
    writer.write(out)
    logger.info("arrival stamp no. %d placed at %s", stamp.number, tuple(round(v) for v in rect))
    return out.getvalue()  # the original bytes, then the update
