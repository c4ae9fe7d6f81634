"""Official-letter PDFs laid out as Decree 30/2020 prescribes (demo data and tests).

The server's demo data describes each letter (``server.letters.OfficialLetter``);
this module draws it with PyMuPDF, which the server itself does not depend on.

The last page carries a real signature block — authority and title in bold
capitals, blank space for the signature, then the signer's full name — so
automatic signature placement can be exercised.  Liberation Serif (a
Times-compatible font shipped in ``resources/fonts``) is embedded and
subset, so Vietnamese diacritics survive extraction and rendering.
"""

from __future__ import annotations

import html
import logging

import pymupdf

from base.resources import resource_path
from server.letters import OfficialLetter

__all__ = ["OfficialLetter", "render_letter_pdf", "FONT_DIR"]

logger = logging.getLogger(__name__)

FONT_DIR = resource_path("fonts")
MM = 72 / 25.4
PAGE = pymupdf.paper_rect("a4")
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, PAGE.width - 15 * MM, 20 * MM, PAGE.height - 20 * MM
CSS = """
@font-face {font-family: tnr; src: url(LiberationSerif-Regular.ttf);}
@font-face {font-family: tnr; font-weight: bold; src: url(LiberationSerif-Bold.ttf);}
@font-face {font-family: tnr; font-style: italic; src: url(LiberationSerif-Italic.ttf);}
* {font-family: tnr; font-size: 13pt; margin: 0; padding: 0;}
p {margin: 0;} .c {text-align: center;} .j {text-align: justify; text-indent: 1cm; line-height: 1.35;}
.b {font-weight: bold;} .i {font-style: italic;} .small {font-size: 12pt;} .tiny {font-size: 11pt;}
"""


def _box(page: pymupdf.Page, rect: pymupdf.Rect, body: str, archive: pymupdf.Archive) -> float:
    """Write HTML into ``rect``; returns the y where the text ended."""
    spare, _scale = page.insert_htmlbox(rect, body, css=CSS, archive=archive, scale_low=1)
    return float(rect.y1 - spare if spare >= 0 else rect.y1)


NUMBER_BLANK = 10
"""Non-breaking spaces left for the number a draft takes when it is issued: room for five
digits at 13 pt (HTML would fold a run of plain spaces into one, and the number then has no
place between "Số:" and "/QĐ-UBND")."""


def _number_blank(number_symbol: str) -> str:
    """ "123/QĐ-UBND" as it is; an unnumbered "   /QĐ-UBND" with a blank the seal can fill."""
    symbol = number_symbol.lstrip(" ")
    if symbol == number_symbol:
        return html.escape(number_symbol)
    return "&nbsp;" * NUMBER_BLANK + html.escape(symbol)


def _header(page: pymupdf.Page, letter: OfficialLetter, archive: pymupdf.Archive) -> float:
    e = html.escape
    left = pymupdf.Rect(LEFT - 10 * MM, TOP, LEFT + 75 * MM, TOP + 40 * MM)
    _box(
        page,
        left,
        f"<p class='c small'>{e(letter.organ_name)}</p><p class='c small'>———</p>"
        f"<p class='c small'>Số: {_number_blank(letter.number_symbol)}</p>",
        archive,
    )
    right = pymupdf.Rect(LEFT + 70 * MM, TOP, RIGHT, TOP + 40 * MM)
    _box(
        page,
        right,
        "<p class='c b small'>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
        "<p class='c b'>Độc lập - Tự do - Hạnh phúc</p><p class='c small'>———</p>"
        f"<p class='c i'>{e(letter.place_date)}</p>",
        archive,
    )
    title = pymupdf.Rect(LEFT, TOP + 42 * MM, RIGHT, TOP + 80 * MM)
    return _box(
        page,
        title,
        f"<p class='c b'>{e(letter.doc_type)}</p><p class='c b'>{e(letter.subject)}</p>",
        archive,
    )


def _signature_block(
    page: pymupdf.Page, letter: OfficialLetter, top: float, archive: pymupdf.Archive
) -> None:
    e = html.escape
    recipients = "".join(f"<p class='tiny'>- {e(r)};</p>" for r in letter.recipients)
    _box(
        page,
        pymupdf.Rect(LEFT, top, LEFT + 80 * MM, top + 50 * MM),
        f"<p class='b i small'>Nơi nhận:</p>{recipients}",
        archive,
    )
    block = pymupdf.Rect(LEFT + 85 * MM, top, RIGHT, top + 60 * MM)
    authority = (
        f"<p class='c b'>{e(letter.signer_authority)}</p>" if letter.signer_authority else ""
    )
    _box(
        page,
        block,
        f"{authority}<p class='c b'>{e(letter.signer_position)}</p>"
        "<p class='c' style='margin-top: 30mm;'>&#160;</p>"
        f"<p class='c b'>{e(letter.signer_name)}</p>",
        archive,
    )


def render_letter_pdf(letter: OfficialLetter) -> bytes:
    """The letter as PDF bytes (fonts embedded and subset)."""
    archive = pymupdf.Archive(str(FONT_DIR))
    doc = pymupdf.open()
    body = "".join(f"<p class='j'>{html.escape(p)}</p>" for p in letter.body_paragraphs)
    filler = "".join(
        f"<p class='j'>{html.escape(letter.body_paragraphs[0])}</p>" for _ in range(12)
    )
    for number in range(1, max(1, letter.pages) + 1):
        page = doc.new_page(width=PAGE.width, height=PAGE.height)
        top = _header(page, letter, archive) + 6 * MM if number == 1 else TOP
        last = number == max(1, letter.pages)
        text = body if last else filler
        end = _box(
            page, pymupdf.Rect(LEFT, top, RIGHT, BOTTOM - (75 * MM if last else 0)), text, archive
        )
        if last:
            _signature_block(page, letter, end + 8 * MM, archive)
        footer = pymupdf.Rect(LEFT, BOTTOM + 2 * MM, RIGHT, PAGE.height - 5 * MM)
        if letter.pages > 1:
            _box(page, footer, f"<p class='c tiny'>{number}</p>", archive)
    doc.subset_fonts()
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return bytes(data)
