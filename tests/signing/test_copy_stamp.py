"""The copy signature ("SAO Y", Decree 30 Appendix I box 14) sits at the top right of the first
page as the reader sees it: on a small page (243 × 338 pt), on pages stored turned (/Rotate 90,
180, 270) and on a page whose MediaBox does not start at 0,0 — checked on poppler's rendering,
not only on the widget's rectangle."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest
from PIL import Image, ImageChops

from signing.pades import SignJob, sign_file
from signing.profiles import Mode
from signing.validation import validate_pdf
from tests.conftest import require_tool
from tests.signing import pdf_cases
from tests.signing.conftest import make_letter

MOMENT = dt.datetime(2026, 11, 24, 3, 15, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parents[2]
SMALL = (243, 338)


def _offset_mediabox(source: Path, target: Path) -> Path:
    """The small letter on a page whose MediaBox runs from (100, 200), as some scanners and
    imposition tools write it."""
    with pymupdf.open(source) as src, pymupdf.open() as out:
        page = out.new_page(width=SMALL[0], height=SMALL[1])
        page.show_pdf_page(page.rect, src, 0)
        out.save(target)
    with pymupdf.open(target) as doc:
        page = doc[0]
        contents = page.get_contents()[0]
        stream = doc.xref_stream(contents)
        doc.update_stream(contents, b"q 1 0 0 1 100 200 cm\n" + stream + b"\nQ")
        doc.xref_set_key(page.xref, "MediaBox", f"[100 200 {100 + SMALL[0]} {200 + SMALL[1]}]")
        doc.save(target.with_suffix(".o.pdf"))
    return target.with_suffix(".o.pdf")


def _render(path: Path, stem: Path) -> Image.Image:
    tool = require_tool("pdftoppm")
    subprocess.run(
        [tool, "-r", "144", "-singlefile", "-png", str(path), str(stem)], check=True, timeout=60
    )
    return Image.open(f"{stem}.png").convert("L")


def _ink_box(before: Image.Image, after: Image.Image) -> tuple[int, int, int, int]:
    """Where the signature drew: the pixels that changed, as a box."""
    changed = ImageChops.difference(before, after).point(lambda v: 255 if v > 40 else 0)
    box = changed.getbbox()
    assert box is not None, "the stamp drew nothing"
    return box


@pytest.mark.parametrize("case", ["upright", "rotate-90", "rotate-180", "rotate-270", "offset"])
def test_the_copy_stamp_is_at_the_visible_top_right_of_a_small_page(
    case: str, open_signer, profile, root_cert, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    small = pdf_cases.small_page(make_letter(tmp_path / "thu.pdf"), tmp_path / "nho.pdf", *SMALL)
    if case == "offset":
        source = _offset_mediabox(small, tmp_path / "lech.pdf")
    elif case.startswith("rotate"):
        source = pdf_cases.rotated(small, tmp_path / f"{case}.pdf", int(case.split("-")[1]))
    else:
        source = small
    signed = sign_file(
        SignJob(source, tmp_path / f"sao-{case}.pdf", Mode.COPY), open_signer("03"), profile, MOMENT
    )
    with pymupdf.open(signed) as doc:
        page = doc[0]
        [widget] = list(page.widgets() or ())
        rect = widget.rect * page.rotation_matrix
        width, height = page.rect.width, page.rect.height
    assert (width, height) == SMALL  # as the reader sees it, whatever is stored
    assert rect.x1 > width * 0.85 and rect.x0 > width * 0.3  # hugging the right edge
    assert rect.y0 < height * 0.08 and rect.y1 < height * 0.25  # at the top
    before = _render(source, tmp_path / f"{case}-before")
    after = _render(signed, tmp_path / f"{case}-after")
    x0, y0, x1, y1 = _ink_box(before, after)
    w, h = after.size
    assert x0 > w * 0.3 and x1 > w * 0.8 and y1 < h * 0.25, (case, (x0, y0, x1, y1), (w, h))
    assert after.size == before.size and w < h  # still portrait on screen
    [report] = validate_pdf(signed, [root_cert])
    assert report.ok and report.trusted, report.summary_en
    if case == "rotate-90":  # for the record: what the reader sees
        shots = ROOT / "docs" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f"{tmp_path / case}-after.png", shots / "copy-stamp-small.png")
