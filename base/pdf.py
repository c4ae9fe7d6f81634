"""The one answer to "can this PDF be used?", shared by signing and uploads.

A missing, empty, non-PDF, corrupt, password-protected or page-less file
gets a stable ``PdfProblem`` key and a message in both languages.  PyMuPDF is
imported on first use: the server imports the base package but never calls
this, so it does not need PyMuPDF installed.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path

from .errors import VanThuError

__all__ = ["PdfProblem", "BadPdf", "check_pdf"]

logger = logging.getLogger(__name__)


class PdfProblem(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"
    NOT_PDF = "not_pdf"
    CORRUPT = "corrupt"
    PASSWORD = "password"
    NO_PAGES = "no_pages"


_TEXTS: dict[PdfProblem, tuple[str, str]] = {
    PdfProblem.MISSING: ("Không tìm thấy tệp {name}.", "File {name} not found."),
    PdfProblem.EMPTY: ("Tệp {name} rỗng (0 byte).", "{name} is empty (0 bytes)."),
    PdfProblem.NOT_PDF: ("Tệp {name} không phải tệp PDF.", "{name} is not a PDF file."),
    PdfProblem.CORRUPT: (
        "Tệp {name} bị hỏng, không đọc được.",
        "{name} is corrupt and cannot be read.",
    ),
    PdfProblem.PASSWORD: (
        "Tệp {name} được đặt mật khẩu. Hãy nhập mật khẩu hoặc gỡ mật khẩu rồi thử lại.",
        "{name} is password-protected. Enter the password or remove it and try again.",
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


def check_pdf(path: Path, password: str | None = None) -> int:
    """Raise ``BadPdf`` unless ``path`` is a readable PDF with pages; return the page count."""
    import pymupdf  # desktop dependency, loaded on first use

    name = path.name
    if not path.is_file():
        raise BadPdf(PdfProblem.MISSING, name)
    if path.stat().st_size == 0:
        raise BadPdf(PdfProblem.EMPTY, name)
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise BadPdf(PdfProblem.NOT_PDF, name)
    try:
        doc = pymupdf.open(path)
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise BadPdf(PdfProblem.CORRUPT, name) from exc
    with doc:
        if doc.needs_pass and not (password and doc.authenticate(password)):
            raise BadPdf(PdfProblem.PASSWORD, name)
        if doc.page_count == 0:
            raise BadPdf(PdfProblem.NO_PAGES, name)
        try:
            doc[0].get_text("text")  # forces the first page to parse
        except (RuntimeError, ValueError) as exc:
            raise BadPdf(PdfProblem.CORRUPT, name) from exc
        return int(doc.page_count)
