"""Generated real-world PDF cases: rotated and cropped pages, passwords, truncation, damage.

Each function writes one file derived from a clean letter, the way such files
arise in practice (a landscape scan saved as portrait plus ``/Rotate``, a
permissions-only government PDF, a copy cut short…).
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf

__all__ = [
    "rotated",
    "cropped",
    "small_page",
    "owner_password_only",
    "user_password",
    "truncated",
    "padded_after_eof",
    "stale_xref_offset",
    "no_final_newline",
    "broken_xref",
    "bad_metadata",
]


def rotated(source: Path, target: Path, rotation: int) -> Path:
    """Every page upright on screen, stored turned (unrotated MediaBox swapped for 90°/270°)."""
    with pymupdf.open(source) as src, pymupdf.open() as out:
        for index, page in enumerate(src):
            w, h = page.rect.width, page.rect.height
            width, height = (h, w) if rotation % 180 else (w, h)
            new = out.new_page(width=width, height=height)
            new.show_pdf_page(pymupdf.Rect(0, 0, width, height), src, index, rotate=rotation)
            new.set_rotation(rotation)
        out.save(target)
    return target


def cropped(source: Path, target: Path, inset: tuple[float, float, float, float]) -> Path:
    """A CropBox inside the MediaBox, offset from its origin (left, top, right, bottom insets)."""
    with pymupdf.open(source) as doc:
        for page in doc:
            box = page.mediabox
            page.set_cropbox(
                pymupdf.Rect(
                    box.x0 + inset[0], box.y0 + inset[1], box.x1 - inset[2], box.y1 - inset[3]
                )
            )
        doc.save(target)
    return target


def small_page(source: Path, target: Path, width: float = 298, height: float = 420) -> Path:
    """The letter shrunk onto an A6 (default) page, as a receipt printer or phone scan makes it."""
    with pymupdf.open(source) as src, pymupdf.open() as out:
        for index in range(src.page_count):
            out.new_page(width=width, height=height).show_pdf_page(
                pymupdf.Rect(0, 0, width, height), src, index
            )
        out.save(target)
    return target


def owner_password_only(source: Path, target: Path, permissions: int) -> Path:
    """Opens without a password; ``permissions`` (PDF_PERM_*) say what else is allowed."""
    with pymupdf.open(source) as doc:
        doc.save(
            target,
            encryption=pymupdf.PDF_ENCRYPT_AES_256,
            owner_pw="chu-so-huu",
            user_pw="",
            permissions=permissions,
        )
    return target


def user_password(source: Path, target: Path, password: str) -> Path:
    with pymupdf.open(source) as doc:
        doc.save(
            target,
            encryption=pymupdf.PDF_ENCRYPT_AES_128,
            owner_pw=password + "-owner",
            user_pw=password,
            permissions=pymupdf.PDF_PERM_PRINT | pymupdf.PDF_PERM_ANNOTATE,
        )
    return target


def truncated(source: Path, target: Path, fraction: float) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * fraction)])
    return target


def padded_after_eof(source: Path, target: Path) -> Path:
    """Scanner output padded with NUL bytes to a block size after ``%%EOF``."""
    target.write_bytes(source.read_bytes() + b"\x00" * 4096)
    return target


def stale_xref_offset(source: Path, target: Path) -> Path:
    """``startxref`` points a few bytes off: every reader repairs it, the file is complete."""
    data = source.read_bytes()
    match = list(re.finditer(rb"startxref\s+(\d+)", data))[-1]
    wrong = str(int(match.group(1)) + 7).encode()
    target.write_bytes(data[: match.start(1)] + wrong + data[match.end(1) :])
    return target


def no_final_newline(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes().rstrip(b"\r\n"))
    return target


def broken_xref(source: Path, target: Path) -> Path:
    """The cross-reference section overwritten with junk: MuPDF rebuilds it silently."""
    data = bytearray(source.read_bytes())
    at = data.rfind(b"startxref")
    offset = int(re.match(rb"startxref\s+(\d+)", bytes(data[at:])).group(1))  # type: ignore[union-attr]
    data[offset : offset + 40] = b"%" + b"j" * 39
    target.write_bytes(bytes(data))
    return target


def bad_metadata(source: Path, target: Path) -> Path:
    """An /Info entry that claims UTF-16 but is not, appended as an incremental update."""
    with pymupdf.open(source) as doc:
        doc.set_metadata({"title": "placeholder-title"})
        data = doc.tobytes()
    broken = data.replace(b"(placeholder-title)", b"<FEFFD800D800>".ljust(19))  # same length
    target.write_bytes(broken)
    return target
