"""Where each Decree 30/2020 appearance goes on the page.

*approve*: the signer image is centred between the title (box 7a, e.g.
"PHÓ CHỦ TỊCH") and the full name (box 7b), both found on the last page
with PyMuPDF text search.  *issue*: the seal at real size overlaps the left
third of the signer image.  *attachment*/*copy*: a text box top-right of
the first page.  Rectangles are in the page's *visible* coordinates — points
from the top-left corner of the CropBox as a reader shows it, after
``/Rotate`` — so the same rules hold on a landscape scan turned by 90°;
``to_pdf_box`` converts to PDF user space for pyHanko.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

import pymupdf

from .errors import PlacementError

__all__ = [
    "SignatureBlock",
    "Placement",
    "Anchor",
    "KNOWN_TITLES",
    "find_signature_block",
    "signer_image_rect",
    "seal_rect",
    "corner_text_rect",
    "bottom_right_rect",
    "fit_on_page",
    "check_page_size",
    "visible_rect",
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
    """A rectangle on a page, in visible coordinates (points, top-left of the page as shown).

    A negative ``page_index`` counts from the end (-1 is the last page), so a
    placement can be given before the file's page count is known.
    """

    page_index: int
    rect: pymupdf.Rect
    anchor: Anchor | None = None
    """A named spot whose rectangle depends on the page's size (``rect`` is then unused)."""

    @classmethod
    def at(cls, anchor: Anchor) -> Placement:
        return cls(-1, pymupdf.Rect(), Anchor(anchor))


class Anchor(StrEnum):
    LAST_PAGE_BOTTOM_RIGHT = "last-page-bottom-right"


def resolve_manual(doc: pymupdf.Document, manual: Placement) -> Placement:
    """A hand-placed rectangle checked against the document: an existing page, on the page."""
    index = manual.page_index if manual.page_index >= 0 else doc.page_count + manual.page_index
    if manual.anchor is Anchor.LAST_PAGE_BOTTOM_RIGHT:
        return Placement(doc.page_count - 1, bottom_right_rect(doc[-1]))
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


def visible_rect(page: pymupdf.Page, rect: pymupdf.Rect) -> pymupdf.Rect:
    """A rectangle from PyMuPDF's text search or widget list (unrotated) as the reader sees it."""
    return pymupdf.Rect(rect) * page.rotation_matrix


def _search(page: pymupdf.Page, text: str, textpage: pymupdf.TextPage) -> list[pymupdf.Rect]:
    return [visible_rect(page, r) for r in page.search_for(_nfc(text), textpage=textpage)]


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
        found += _search(page, text, textpage)
    return _lowest(found, page)


def _line_below(
    page: pymupdf.Page, title: pymupdf.Rect, min_gap: float, textpage: pymupdf.TextPage
) -> pymupdf.Rect | None:
    """First text line under the title, horizontally overlapping it, after a gap."""
    lines = []
    for block in page.get_text("dict", textpage=textpage)["blocks"]:
        for line in block.get("lines", ()):
            rect = visible_rect(page, pymupdf.Rect(line["bbox"]))
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
        below = [r for r in _search(page, signer_name, textpage) if r.y0 > title_rect.y1]
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


MIN_PAGE = 20 * MM
"""The smallest visible page a signature can be placed on and still be seen (2 cm a side)."""


def check_page_size(page: pymupdf.Page) -> None:
    """Refuse a page too small to show any signature (a 4-point fax strip, a thumbnail)."""
    if page.rect.width < MIN_PAGE or page.rect.height < MIN_PAGE:
        raise PlacementError(
            f"Trang {page.number + 1} quá nhỏ ({page.rect.width / MM:.0f} × "
            f"{page.rect.height / MM:.0f} mm) để đặt chữ ký nhìn thấy được.",
            f"Page {page.number + 1} is too small ({page.rect.width / MM:.0f} × "
            f"{page.rect.height / MM:.0f} mm) for a visible signature.",
        )


def fit_on_page(rect: pymupdf.Rect, page: pymupdf.Page, margin: float = 2 * MM) -> pymupdf.Rect:
    """``rect`` moved (and, if larger than the page, shrunk about its centre keeping its
    proportions) so that it lies wholly inside the visible page, ``margin`` from the edges."""
    area = pymupdf.Rect(page.rect)
    margin = min(margin, area.width / 10, area.height / 10)
    area = pymupdf.Rect(area.x0 + margin, area.y0 + margin, area.x1 - margin, area.y1 - margin)
    rect = pymupdf.Rect(rect)
    scale = min(1.0, area.width / rect.width, area.height / rect.height)
    if scale < 1:
        centre = (rect.tl + rect.br) / 2
        half_w, half_h = rect.width * scale / 2, rect.height * scale / 2
        rect = pymupdf.Rect(
            centre.x - half_w, centre.y - half_h, centre.x + half_w, centre.y + half_h
        )
    dx = max(area.x0 - rect.x0, 0) or min(area.x1 - rect.x1, 0)
    dy = max(area.y0 - rect.y0, 0) or min(area.y1 - rect.y1, 0)
    return pymupdf.Rect(rect.x0 + dx, rect.y0 + dy, rect.x1 + dx, rect.y1 + dy)


def corner_text_rect(
    page: pymupdf.Page, lines: int, width_mm: float = 75.0, text_width: float | None = None
) -> pymupdf.Rect:
    """Top-right of the page as the reader sees it (``page.rect`` is the visible CropBox, after
    ``/Rotate``), inside a 15 mm right margin and 5 mm from the top — both shrunk on a small
    page. ``text_width`` (the longest line, in points) makes the box hug the text, so the stamp
    sits in the corner however narrow the page; without it the box is ``width_mm`` wide. On a
    page narrower than the box, it takes the page's width and the text is set smaller."""
    margin = min(15 * MM, page.rect.width / 12)
    right = page.rect.width - margin
    wanted = text_width + 4 if text_width is not None else width_mm * MM
    width = max(10.0, min(wanted, page.rect.width - 2 * margin))
    top = min(5 * MM, page.rect.height / 24)
    height = min(lines * 12.5 + 6, page.rect.height - 2 * top)
    return pymupdf.Rect(right - width, top, right, top + height)


def bottom_right_rect(
    page: pymupdf.Page, width_mm: float = 60.0, height_mm: float = 25.0
) -> pymupdf.Rect:
    """``--position last-page-bottom-right``: above a 20 mm bottom margin, 15 mm from the right."""
    right, bottom = page.rect.width - 15 * MM, page.rect.height - 20 * MM
    return fit_on_page(
        pymupdf.Rect(right - width_mm * MM, bottom - height_mm * MM, right, bottom), page
    )


def to_pdf_box(page: pymupdf.Page, rect: pymupdf.Rect) -> tuple[float, float, float, float]:
    """Visible rect → PDF user-space box (undoes the page's rotation and CropBox offset)."""
    pdf_rect = pymupdf.Rect(rect) * page.derotation_matrix * ~page.transformation_matrix
    pdf_rect.normalize()
    return (
        round(pdf_rect.x0, 2),
        round(pdf_rect.y0, 2),
        round(pdf_rect.x1, 2),
        round(pdf_rect.y1, 2),
    )
