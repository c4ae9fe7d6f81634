"""The one answer to "can this PDF be used?", shared by uploads, registration and signing.

A missing, empty, non-PDF, corrupt, truncated, password-protected or
page-less file gets a stable ``PdfProblem`` key and a message in both
languages.  PyMuPDF is imported on first use: the server imports the base
package but never calls this, so it does not need PyMuPDF installed.

*Whole or cut off?* MuPDF silently rebuilds a file whose end is missing, so
opening it proves nothing: a scan cut at 40 % opens with the pages it still
has. Every complete PDF ends with ``%%EOF`` (ISO 32000-2, 7.5.5); what
scanners get wrong — stale xref offsets, a missing final newline, padding
after the marker — leaves that marker in place. So a file is *truncated*
when no ``%%EOF`` ends it, or when more than a little data follows the last
one (an incremental update cut short). Padding of spaces or NUL bytes after
the marker is accepted.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from pathlib import Path
from typing import Any

from .errors import VanThuError

__all__ = [
    "PdfProblem",
    "BadPdf",
    "check_pdf",
    "check_file",
    "is_truncated",
    "end_of_pdf",
    "unlock",
]

logger = logging.getLogger(__name__)


class PdfProblem(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"
    NOT_PDF = "not_pdf"
    CORRUPT = "corrupt"
    TRUNCATED = "truncated"
    PASSWORD = "password"
    CERTIFICATE_ENCRYPTED = "certificate_encrypted"
    NO_PAGES = "no_pages"


_TEXTS: dict[PdfProblem, tuple[str, str]] = {
    PdfProblem.MISSING: ("Không tìm thấy tệp {name}.", "File {name} not found."),
    PdfProblem.EMPTY: ("Tệp {name} rỗng (0 byte).", "{name} is empty (0 bytes)."),
    PdfProblem.NOT_PDF: ("Tệp {name} không phải tệp PDF.", "{name} is not a PDF file."),
    PdfProblem.CORRUPT: (
        "Tệp {name} bị hỏng, không đọc được.",
        "{name} is corrupt and cannot be read.",
    ),
    PdfProblem.TRUNCATED: (
        "Tệp {name} bị cắt cụt (thiếu phần cuối tệp, có thể do chép hoặc quét dở dang). "
        "Hãy quét hoặc chép lại tệp.",
        "{name} is truncated (its end is missing, perhaps an interrupted copy or scan). "
        "Scan or copy the file again.",
    ),
    PdfProblem.PASSWORD: (
        "Tệp {name} được đặt mật khẩu. Hãy nhập mật khẩu hoặc gỡ mật khẩu rồi thử lại.",
        "{name} is password-protected. Enter the password or remove it and try again.",
    ),
    PdfProblem.CERTIFICATE_ENCRYPTED: (
        "Tệp {name} được mã hoá cho người nhận bằng chứng thư số (khoá công khai), nên chỉ "
        "người giữ khoá đó mở được. Hãy đề nghị nơi gửi gửi lại bản không mã hoá.",
        "{name} is encrypted for a recipient's certificate (public key), so only the holder of "
        "that key can open it. Ask the sender for an unencrypted copy.",
    ),
    PdfProblem.NO_PAGES: ("Tệp {name} không có trang nào.", "{name} has no pages."),
}


class BadPdf(VanThuError):
    title_vi = "Tệp PDF không hợp lệ"
    title_en = "Invalid PDF"

    def __init__(self, problem: PdfProblem, name: str) -> None:
        vi, en = _TEXTS[problem]
        super().__init__(vi.format(name=name), en.format(name=name))
        self.problem = problem


TAIL_BYTES = 64 * 1024
"""The block read backwards from the end while looking for the last ``%%EOF``."""
SCAN_LIMIT = 64 * 1024 * 1024
"""How far back from the end ``%%EOF`` is looked for at most."""
ALLOWED_AFTER_EOF = 1024
"""Bytes other than whitespace and NUL that may follow the last ``%%EOF`` whatever they are."""
_PDF_SYNTAX = re.compile(rb"\d+\s+\d+\s+obj\b|\bxref\b|\btrailer\b|\bstartxref\b")


def end_of_pdf(path: Path) -> int | None:
    """The offset just past the last ``%%EOF`` and its line end, or None when there is none
    within ``SCAN_LIMIT`` of the end."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        stop = size
        while stop > 0 and size - stop < SCAN_LIMIT:
            start = max(0, stop - TAIL_BYTES)
            fh.seek(start)
            block = fh.read(stop - start + 4)  # 4 bytes of overlap: a marker across blocks
            found = block.rfind(b"%%EOF")
            if found >= 0:
                end = start + found + 5
                fh.seek(end)
                after = fh.read(2)
                if after.startswith(b"\r\n"):
                    return end + 2
                return end + 1 if after[:1] in (b"\n", b"\r") else end
            stop = start
    return None


def is_truncated(path: Path) -> bool:
    """True when the file does not end with a complete PDF revision: no ``%%EOF`` at all, or
    one followed by the start of another revision (objects, an xref) that never ended. Other
    bytes after the marker — scanner padding, a tool's junk — leave the PDF whole."""
    end = end_of_pdf(path)
    if end is None:
        return True
    with path.open("rb") as fh:
        fh.seek(end)
        after = fh.read(TAIL_BYTES).strip(b" \t\r\n\f\x00")
    return len(after) > ALLOWED_AFTER_EOF and _PDF_SYNTAX.search(after) is not None


def _certificate_encrypted(path: Path) -> bool:
    """A public-key security handler (``/Filter /Adobe.PubSec``), which MuPDF cannot open."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - TAIL_BYTES * 4))
        return b"/Adobe.PubSec" in fh.read()


def _file_problem(path: Path) -> None:
    """Missing, empty or not a PDF at all: told before any PDF library is asked."""
    name = path.name
    if not path.is_file():
        raise BadPdf(PdfProblem.MISSING, name)
    if path.stat().st_size == 0:
        raise BadPdf(PdfProblem.EMPTY, name)
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise BadPdf(PdfProblem.NOT_PDF, name)


def _has_objects(path: Path) -> bool:
    """PDF object syntax near the start: the file began as a PDF (not junk behind a header)."""
    with path.open("rb") as fh:
        return b" obj" in fh.read(64 * 1024)


def check_file(path: Path) -> None:
    """The byte-level part of the check (missing, empty, not a PDF, truncated), for readers
    that parse the file themselves — reading signatures needs no page of it."""
    _file_problem(path)
    if is_truncated(path):
        raise BadPdf(PdfProblem.TRUNCATED, path.name)


def unlock(doc: Any, password: str | None = None) -> bool:
    """Open an encrypted PyMuPDF document as every reader does: the empty open password first
    (a file with only an owner password opens silently, whatever its cipher: RC4, AES-128,
    AES-256 R5 or R6), then ``password``. True when the pages can be read."""
    if not doc.needs_pass:
        return True
    for candidate in dict.fromkeys(("", password or "")):
        if doc.authenticate(candidate):
            return True
    return False


def check_pdf(path: Path, password: str | None = None) -> int:
    """Raise ``BadPdf`` unless ``path`` is a readable PDF with pages; return the page count."""
    import pymupdf  # desktop dependency, loaded on first use

    # MuPDF prints its own repair notes ("format error: …") on stderr; the user gets ours.
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    name = path.name
    _file_problem(path)
    try:
        doc = pymupdf.open(path)
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        if _certificate_encrypted(path):
            raise BadPdf(PdfProblem.CERTIFICATE_ENCRYPTED, name) from exc
        if is_truncated(path) and _has_objects(path):  # a real PDF whose end is missing
            raise BadPdf(PdfProblem.TRUNCATED, name) from exc
        raise BadPdf(PdfProblem.CORRUPT, name) from exc
    with doc:
        if is_truncated(path):  # after opening: a file MuPDF cannot open at all is corrupt
            raise BadPdf(PdfProblem.TRUNCATED, name)
        if not unlock(doc, password):
            raise BadPdf(PdfProblem.PASSWORD, name)
        if doc.page_count == 0:
            raise BadPdf(PdfProblem.NO_PAGES, name)
        try:
            doc[0].get_text("text")  # forces the first page to parse
            # Every page reachable: a cycle or a hole in the page tree is found here, not later.
            sizes = [page.rect for page in doc]
        except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
            raise BadPdf(PdfProblem.CORRUPT, name) from exc
        return len(sizes)
