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
import tempfile
import threading
from io import BytesIO
from pathlib import Path

import pymupdf
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from base.arrival import ArrivalStamp
from base.pdf import check_pdf

from .appearance import FONT_FILE
from .errors import SigningError
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


def plan_stamp(page: pymupdf.Page) -> pymupdf.Rect:
    """The stamp's rectangle as the reader sees the page (after ``/Rotate``)."""
    area = visible_rect(page, page.rect)
    area = pymupdf.Rect(0, 0, area.width, area.height)
    words = [(visible_rect(page, pymupdf.Rect(w[:4])), w[4]) for w in page.get_text("words")]
    rects = [rect for rect, _ in words]
    width, height = STAMP_SIZE
    margin = min(15 * MM, area.width / 12)
    labels = [rect for rect, text in words if text in ("Số:", "Số") and rect.y0 < area.height / 2]
    top = labels[0].y1 + MARGIN if labels else margin
    lefts = [max(margin, labels[0].x0 - 8)] if labels else []
    lefts += [margin, (area.width - width) / 2, area.width - margin - width]
    step = 6.0
    for x0 in lefts:
        y0 = top
        while y0 + height <= area.height * 0.55:
            box = pymupdf.Rect(x0, y0, x0 + width, y0 + height)
            if box in area and _free(box, rects):
                return box
            y0 += step
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


def _refuse_protected(doc: pymupdf.Document, name: str) -> None:
    if doc.is_encrypted or doc.metadata.get("encryption"):
        raise StampError(
            f"Tệp {name} được đặt mật khẩu bảo vệ, nên không đóng dấu ĐẾN lên tệp được; hãy vào "
            "sổ mà không đóng dấu (số đến vẫn được ghi trong sổ).",
            f"{name} is password-protected, so the arrival stamp cannot be put on it; register "
            "it without the stamp (the arrival number is still recorded in the register).",
        )


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
            _refuse_protected(doc, name)
            page = doc[0]
            rect = plan_stamp(page)
            box = to_pdf_box(page, rect)
            rotation = page.rotation
    try:
        return _write_stamp(data, stamp, rect, box, rotation)
    except (OSError, MemoryError):
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
    data: bytes, stamp: ArrivalStamp, rect: pymupdf.Rect, box: tuple[float, ...], rotation: int
) -> bytes:
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
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
