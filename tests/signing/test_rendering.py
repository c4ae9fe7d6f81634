"""Rendered appearances: the paper shows through transparent PNGs (poppler and MuPDF)."""

from __future__ import annotations

import subprocess

import pymupdf
from PIL import Image

from signing.backends import Pkcs12Backend
from signing.pades import SignJob, sign_file
from signing.profiles import Level, Mode
from signing.validation import validate_pdf
from tests.conftest import require_tool


def _poppler_png(pdf, page: int, dpi: int, target) -> Image.Image:
    tool = require_tool("pdftoppm")
    subprocess.run(
        [
            tool,
            "-f",
            str(page + 1),
            "-l",
            str(page + 1),
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            str(pdf),
            str(target),
        ],
        check=True,
        timeout=60,
    )
    return Image.open(f"{target}.png").convert("RGB")


def _check(image: Image.Image, rect: pymupdf.Rect, scale: float, colour: str) -> None:
    box = [int(v * scale) for v in (rect.x0, rect.y0, rect.x1, rect.y1)]
    crop = image.crop(box)
    corner = crop.getpixel((crop.width - 3, 2))  # transparent area of the PNG
    assert min(corner) > 235, f"background not transparent: {corner}"
    pixels = list(crop.get_flattened_data())
    if colour == "blue":
        assert any(b > 120 and r < 90 for r, _g, b in pixels), "signature ink missing"
    else:
        assert any(r > 150 and g < 90 for r, g, _b in pixels), "seal ink missing"


def test_signature_and_seal_render_transparent(letter, open_signer, profile, tmp_path) -> None:
    profile = profile.with_changes(level=Level.B_B)
    approved = sign_file(
        SignJob(letter, tmp_path / "a.pdf", Mode.APPROVE), open_signer("01"), profile
    )
    issued = sign_file(
        SignJob(approved, tmp_path / "b.pdf", Mode.ISSUE), open_signer("03"), profile
    )
    with pymupdf.open(issued) as doc:
        page = doc[0]
        widgets = sorted((w.rect for w in page.widgets()), key=lambda r: r.x0)
        pix = page.get_pixmap(dpi=144)
        mupdf = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    seal, signature = widgets
    poppler = _poppler_png(issued, 0, 144, tmp_path / "page")
    for image in (poppler, mupdf):
        _check(image, signature, 2, "blue")
        _check(image, seal, 2, "red")


def test_pkcs12_backend(letter, test_pki, profile, root_cert, tmp_path) -> None:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    p12 = tmp_path / "chung-thu.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"leader",
            test_pki.keys["leader"],
            test_pki.cert("leader"),
            [test_pki.cert("interm")],
            BestAvailableEncryption(b"mat-khau"),
        )
    )
    with Pkcs12Backend(str(p12)).open("mat-khau") as active:
        out = sign_file(SignJob(letter, tmp_path / "p12.pdf", Mode.APPROVE), active, profile)
    assert validate_pdf(out, [root_cert])[0].ok


def test_revoked_certificate_reported_online(
    letter, open_signer, profile, root_cert, tmp_path
) -> None:
    out = sign_file(
        SignJob(letter, tmp_path / "r.pdf", Mode.APPROVE),
        open_signer("06"),
        profile.with_changes(level=Level.B_B, signer_name="Trần Quốc Việt"),
    )
    report = validate_pdf(out, [root_cert], online=True)[0]
    assert report.revoked and not report.ok
    assert "THU HỒI" in " ".join(report.details_vi)
