"""Signature appearances (pyHanko stamp styles) for each Decree 30 mode.

Images keep their alpha channel (pyHanko writes it as an SMask), so the
paper shows through around the signature and the seal.  Text stamps use
the Liberation Serif font shipped in ``resources/fonts`` — upright, 10 pt,
black — so Vietnamese diacritics render in every viewer.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from PIL import Image
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
from pyhanko.stamp import BaseStampStyle, StaticStampStyle, TextStampStyle

from base.resources import resource_path

from .errors import SigningError
from .placement import (
    Placement,
    check_page_size,
    corner_text_rect,
    find_signature_block,
    fit_on_page,
    resolve_manual,
    seal_rect,
    signer_image_rect,
    visible_rect,
)
from .profiles import Mode, SigningProfile
from .upright import upright

__all__ = ["Appearance", "plan_appearance", "vietnam_time", "text_width", "FONT_FILE"]

logger = logging.getLogger(__name__)

FONT_FILE = resource_path("fonts", "LiberationSerif-Regular.ttf")
VN = dt.timezone(dt.timedelta(hours=7))


def vietnam_time(moment: dt.datetime | None = None) -> str:
    """ISO 8601 in Vietnam time, e.g. ``2026-11-24T10:15:30+07:00``."""
    return (moment or dt.datetime.now(dt.UTC)).astimezone(VN).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Appearance:
    """Where the signature widget goes and how it looks."""

    placement: Placement
    style: BaseStampStyle
    text: str = ""
    scratch: Path | None = None
    """Temporary file backing the appearance; removed by ``close``."""

    def close(self) -> None:
        if self.scratch is not None:
            self.scratch.unlink(missing_ok=True)


@dataclass(frozen=True)
class _ImageStamp:
    style: TextStampStyle
    aspect: float


def _image(path: str | None, what_vi: str, what_en: str) -> _ImageStamp:
    if not path or not Path(path).is_file():
        raise SigningError(
            f"Chưa chọn ảnh {what_vi} (PNG nền trong suốt) trong cấu hình ký số.",
            f"No {what_en} image (transparent PNG) is set in the signing profile.",
        )
    return _image_stamp(path, Path(path).stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _image_stamp(path: str, _mtime: int) -> _ImageStamp:
    """Decoded once per batch (keyed by modification time, so an edited image reloads)."""
    opened = Image.open(path)
    opened.load()
    image: Image.Image = opened
    image = image.convert("RGBA") if image.mode != "RGBA" else image
    style = TextStampStyle(
        stamp_text="",
        border_width=0,
        background=PdfImage(image),
        background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MID,
            y_align=AxisAlignment.ALIGN_MID,
            margins=Margins(0, 0, 0, 0),
            inner_content_scaling=InnerScaling.SHRINK_TO_FIT,
        ),
    )
    return _ImageStamp(style, image.width / image.height)


def _text_style(text: str, rect: pymupdf.Rect) -> tuple[StaticStampStyle, Path]:
    """Text laid out by PyMuPDF on a page the size of the widget, imported as the appearance.

    This keeps real glyph metrics and the embedded (subset) Unicode font.
    """
    doc = pymupdf.open()
    page = doc.new_page(width=rect.width, height=rect.height)
    lines = "<div>" + "<br>".join(html.escape(line) for line in text.splitlines()) + "</div>"
    css = (
        f"@font-face {{font-family: tnr; src: url({FONT_FILE.name});}} "
        "* {font-family: tnr; font-size: 10pt; color: black; font-style: normal; margin: 0; "
        "text-align: right; line-height: 1.2;}"
    )
    spare, _ = page.insert_htmlbox(
        page.rect, lines, css=css, archive=pymupdf.Archive(str(FONT_FILE.parent)), scale_low=0.5
    )
    if spare < 0:
        raise SigningError(
            "Vùng chữ ký quá nhỏ cho nội dung.", "The signature box is too small for its text."
        )
    doc.subset_fonts()
    _compact_widths(doc, {glyph for span in page.get_texttrace() for _, glyph, *_ in span["chars"]})
    handle = tempfile.NamedTemporaryFile(prefix="vanthu-stamp-", suffix=".pdf", delete=False)
    handle.write(doc.tobytes(garbage=3, deflate=True))
    handle.close()
    doc.close()
    style = StaticStampStyle.from_pdf_file(
        handle.name,
        border_width=0,
        background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(  # the text page is the widget's size: no margin
            x_align=AxisAlignment.ALIGN_MAX,
            y_align=AxisAlignment.ALIGN_MAX,
            margins=Margins(0, 0, 0, 0),
            inner_content_scaling=InnerScaling.SHRINK_TO_FIT,
        ),
    )
    return style, Path(handle.name)


TEXT_SIZE = 10.0
"""Decree 30, Appendix I: the text of an attachment or copy signature is 10 pt."""


@functools.lru_cache(maxsize=1)
def _font() -> pymupdf.Font:
    return pymupdf.Font(fontfile=str(FONT_FILE))


def text_width(text: str, size: float = TEXT_SIZE) -> float:
    """The longest line of ``text`` set in the stamp font, in points."""
    return max((_font().text_length(line, fontsize=size) for line in text.splitlines()), default=0)


def _widths(array: str) -> dict[int, str]:
    """A CIDFont /W array (``c [w …]`` and ``c_first c_last w`` forms) as glyph → width."""
    tokens = array.replace("[", " [ ").replace("]", " ] ").split()[1:-1]
    widths: dict[int, str] = {}
    i = 0
    while i < len(tokens):
        first = int(tokens[i])
        if tokens[i + 1] == "[":
            j = i + 2
            while tokens[j] != "]":
                widths[first + j - i - 2] = tokens[j]
                j += 1
            i = j + 1
        else:
            for glyph in range(first, int(tokens[i + 1]) + 1):
                widths[glyph] = tokens[i + 2]
            i += 3
    return widths


def _compact_widths(doc: pymupdf.Document, used: set[int]) -> None:
    """Keep only the widths of the glyphs the stamp uses. MuPDF subsets the font program but
    leaves the whole /W table (11 kB of numbers for Liberation Serif), which pyHanko then
    parses object by object on every signature: a third of a copy-mode signing's time."""
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Subtype") != ("name", "/CIDFontType2"):
            continue
        kind, value = doc.xref_get_key(xref, "W")
        target = int(value.split()[0]) if kind == "xref" else None
        array = doc.xref_object(target) if target is not None else value
        widths = _widths(array)
        compact = " ".join(f"{g} [{widths[g]}]" for g in sorted(used) if g in widths)
        if target is not None:
            doc.update_object(target, f"[{compact}]")
        else:
            doc.xref_set_key(xref, "W", f"[{compact}]")


def _corner_text(
    mode: Mode, profile: SigningProfile, number_symbol: str, moment: dt.datetime
) -> str:
    when = vietnam_time(moment)
    if mode == Mode.ATTACHMENT:
        if not number_symbol:
            raise SigningError(
                "Cần số và ký hiệu của văn bản chính để ký phụ lục.",
                "The main document's number and symbol are needed to sign an attachment.",
            )
        return f"{number_symbol}\n{when}"
    org = profile.organisation_name or ""
    return "\n".join(line for line in (profile.copy_type, org, when) if line)


DEFAULT_SIGNATURE_ASPECT = 2.5


def _approval_widget(doc: pymupdf.Document) -> Placement | None:
    """The leader's visible signature on the last page (the seal goes over its left third)."""
    page = doc[-1]
    boxes = [
        visible_rect(page, w.rect)
        for w in page.widgets() or ()
        if w.field_type == pymupdf.PDF_WIDGET_TYPE_SIGNATURE and w.rect.width > 20
    ]
    return Placement(page.number, max(boxes, key=lambda r: r.y1)) if boxes else None


def plan_appearance(
    doc: pymupdf.Document,
    mode: Mode,
    profile: SigningProfile,
    *,
    signer_name: str,
    number_symbol: str = "",
    manual: Placement | None = None,
    moment: dt.datetime | None = None,
) -> Appearance:
    """Decide rectangle and style for one signature on ``doc``: wholly inside the visible
    page, and drawn upright however the page is rotated."""
    if manual is None:  # a page too small for any stamp is said so before anything is drawn
        check_page_size(doc[0] if mode in (Mode.ATTACHMENT, Mode.COPY) else doc[-1])
    planned = _plan(
        doc,
        mode,
        profile,
        signer_name=signer_name,
        number_symbol=number_symbol,
        manual=manual,
        moment=moment,
    )
    page = doc[planned.placement.page_index]
    check_page_size(page)
    inside = fit_on_page(planned.placement.rect, page, margin=0)
    return Appearance(
        Placement(planned.placement.page_index, inside),
        upright(planned.style, page.rotation),
        planned.text,
        planned.scratch,
    )


def _plan(
    doc: pymupdf.Document,
    mode: Mode,
    profile: SigningProfile,
    *,
    signer_name: str,
    number_symbol: str = "",
    manual: Placement | None = None,
    moment: dt.datetime | None = None,
) -> Appearance:
    moment = moment or dt.datetime.now(dt.UTC)
    manual = resolve_manual(doc, manual) if manual is not None else None
    if mode in (Mode.ATTACHMENT, Mode.COPY):
        text = _corner_text(mode, profile, number_symbol, moment)
        corner = corner_text_rect(doc[0], len(text.splitlines()), text_width=text_width(text))
        rect = manual or Placement(0, corner)
        rect = Placement(rect.page_index, fit_on_page(rect.rect, doc[rect.page_index], margin=0))
        style, scratch = _text_style(text, rect.rect)
        return Appearance(rect, style, text, scratch)
    if mode == Mode.APPROVE:
        signature = _image(profile.signature_image, "chữ ký", "signature")
        if manual is not None:
            return Appearance(manual, signature.style)
        block = find_signature_block(doc, profile.title_text, profile.signer_name or signer_name)
        rect = signer_image_rect(block, signature.aspect)
        return Appearance(Placement(block.page_index, rect), signature.style)
    seal = _image(profile.seal_image, "con dấu", "seal")
    signer_box = manual or _approval_widget(doc)
    if signer_box is None:
        block = find_signature_block(doc, profile.title_text, profile.signer_name)
        signer_box = Placement(block.page_index, signer_image_rect(block, DEFAULT_SIGNATURE_ASPECT))
    seal_box = seal_rect(signer_box.rect, profile.seal_diameter_mm)
    return Appearance(
        Placement(signer_box.page_index, fit_on_page(seal_box, doc[signer_box.page_index])),
        seal.style,
    )
