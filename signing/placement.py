"""Where each Decree 30/2020 appearance goes on the page.

*approve*: the signer image is centred between the title (box 7a, e.g.
"PHÓ CHỦ TỊCH") and the full name (box 7b), both found on the last page
with PyMuPDF text search.  *issue*: the seal at real size overlaps the left
third of the signer image.  *attachment*/*copy*: a text box top-right of
the first page.  Rectangles are PyMuPDF page coordinates (top-left origin);
``to_pdf_box`` converts to PDF user space for pyHanko.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

import pymupdf

from .errors import PlacementError

__all__ = [
    "SignatureBlock",
    "Placement",
    "KNOWN_TITLES",
    "find_signature_block",
    "signer_image_rect",
    "seal_rect",
    "corner_text_rect",
    "to_pdf_box",
    "resolve_manual",
    "MM",
]

logger = logging.getLogger(__name__)

MM = 72 / 25.4
KNOWN_TITLES = (
    "PHÓ CHỦ TỊCH",
    "CHỦ TỊCH",
    "PHÓ GIÁM ĐỐC",
    "GIÁM ĐỐC",
    "PHÓ CHÁNH VĂN PHÒNG",
    "CHÁNH VĂN PHÒNG",
    "PHÓ TRƯỞNG PHÒNG",
    "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG BAN",
    "TRƯỞNG BAN",
    "PHÓ BÍ THƯ",
    "BÍ THƯ",
    "PHÓ VIỆN TRƯỞNG",
    "VIỆN TRƯỞNG",
    "PHÓ HIỆU TRƯỞNG",
    "HIỆU TRƯỞNG",
    "PHÓ CỤC TRƯỞNG",
    "CỤC TRƯỞNG",
    "THỨ TRƯỞNG",
    "BỘ TRƯỞNG",
    "THỦ TRƯỞNG",
)


@dataclass(frozen=True)
class SignatureBlock:
    """The title and name lines of the signature block on one page."""

    page_index: int
    title: pymupdf.Rect
    name: pymupdf.Rect


@dataclass(frozen=True)
class Placement:
    """A rectangle on a page, in PyMuPDF coordinates (points, top-left origin).

    A negative ``page_index`` counts from the end (-1 is the last page), so a
    placement can be given before the file's page count is known.
    """

    page_index: int
    rect: pymupdf.Rect


def resolve_manual(doc: pymupdf.Document, manual: Placement) -> Placement:
    """A hand-placed rectangle checked against the document: an existing page, on the page."""
    index = manual.page_index if manual.page_index >= 0 else doc.page_count + manual.page_index
    if not 0 <= index < doc.page_count:
        raise PlacementError(
            f"Tệp chỉ có {doc.page_count} trang; không có trang {manual.page_index + 1}.",
            f"The file has {doc.page_count} pages; there is no page {manual.page_index + 1}.",
        )
    rect = pymupdf.Rect(manual.rect)
    page = doc[index].rect
    if rect.is_empty or not rect.intersects(page) or rect.width < 5 or rect.height < 5:
        raise PlacementError(
            f"Vị trí chữ ký {tuple(round(v) for v in rect)} nằm ngoài trang {index + 1} "
            f"({page.width:.0f} × {page.height:.0f} pt) hoặc quá nhỏ.",
            f"The signature position {tuple(round(v) for v in rect)} is off page {index + 1} "
            f"({page.width:.0f} × {page.height:.0f} pt) or too small.",
        )
    return Placement(index, rect & page)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _lowest(rects: list[pymupdf.Rect], page: pymupdf.Page) -> pymupdf.Rect | None:
    """The match lowest on the page, preferring the right half (where blocks sit)."""
    right = [r for r in rects if r.x1 > page.rect.width * 0.45] or rects
    return max(right, key=lambda r: r.y1) if right else None


def _find_title(
    page: pymupdf.Page, title: str | None, textpage: pymupdf.TextPage
) -> pymupdf.Rect | None:
    candidates = [title] if title else list(KNOWN_TITLES)
    found: list[pymupdf.Rect] = []
    for text in candidates:
        found += page.search_for(_nfc(text), textpage=textpage)
    return _lowest(found, page)


def _line_below(
    page: pymupdf.Page, title: pymupdf.Rect, min_gap: float, textpage: pymupdf.TextPage
) -> pymupdf.Rect | None:
    """First text line under the title, horizontally overlapping it, after a gap."""
    lines = []
    for block in page.get_text("dict", textpage=textpage)["blocks"]:
        for line in block.get("lines", ()):
            rect = pymupdf.Rect(line["bbox"])
            text = "".join(span["text"] for span in line["spans"]).strip()
            overlaps = rect.x0 < title.x1 and rect.x1 > title.x0
            if text and overlaps and rect.y0 >= title.y1 + min_gap:
                lines.append(rect)
    return min(lines, key=lambda r: r.y0) if lines else None


def find_signature_block(
    doc: pymupdf.Document, title: str | None = None, signer_name: str | None = None
) -> SignatureBlock:
    """Locate title and name on the last page, or raise ``PlacementError``."""
    page = doc[-1]
    textpage = page.get_textpage()  # one text extraction for every search on the page
    title_rect = _find_title(page, title, textpage)
    if title_rect is None:
        raise PlacementError()
    name_rect = None
    if signer_name:
        below = [
            r for r in page.search_for(_nfc(signer_name), textpage=textpage) if r.y0 > title_rect.y1
        ]
        name_rect = min(below, key=lambda r: r.y0) if below else None
    if name_rect is None:
        name_rect = _line_below(page, title_rect, 12 * MM, textpage)
    if name_rect is None:
        raise PlacementError()
    return SignatureBlock(page.number, title_rect, name_rect)


def signer_image_rect(
    block: SignatureBlock, aspect: float, max_width: float = 60 * MM
) -> pymupdf.Rect:
    """Centred between title and name, as large as the gap allows."""
    gap_top, gap_bottom = block.title.y1 + 1, block.name.y0 - 1
    height = min(gap_bottom - gap_top, 35 * MM)
    width = min(height * aspect, max_width)
    height = width / aspect
    centre_x = (block.title.x0 + block.title.x1) / 2
    centre_y = (gap_top + gap_bottom) / 2
    return pymupdf.Rect(
        centre_x - width / 2, centre_y - height / 2, centre_x + width / 2, centre_y + height / 2
    )


def seal_rect(signer: pymupdf.Rect, diameter_mm: float = 36.0) -> pymupdf.Rect:
    """Real-size seal whose right edge covers the left third of the signer image."""
    size = diameter_mm * MM
    right = signer.x0 + signer.width / 3
    centre_y = (signer.y0 + signer.y1) / 2
    return pymupdf.Rect(right - size, centre_y - size / 2, right, centre_y + size / 2)


def corner_text_rect(page: pymupdf.Page, lines: int, width_mm: float = 75.0) -> pymupdf.Rect:
    """Top-right of the page, inside a 15 mm right margin and 8 mm from the top."""
    right = page.rect.width - 15 * MM
    top = 5 * MM
    return pymupdf.Rect(right - width_mm * MM, top, right, top + lines * 12.5 + 8)


def to_pdf_box(page: pymupdf.Page, rect: pymupdf.Rect) -> tuple[float, float, float, float]:
    """PyMuPDF rect → PDF user-space box (handles crop boxes and rotation)."""
    pdf_rect = rect * ~page.transformation_matrix
    pdf_rect.normalize()
    return (
        round(pdf_rect.x0, 2),
        round(pdf_rect.y0, 2),
        round(pdf_rect.x1, 2),
        round(pdf_rect.y1, 2),
    )
