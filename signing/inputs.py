"""Checks on a PDF before signing, so bad input gets a clear message."""

from __future__ import annotations

import logging
from pathlib import Path

import pymupdf

from .errors import PdfInputError

__all__ = ["check_pdf"]

logger = logging.getLogger(__name__)


def check_pdf(path: Path, password: str | None = None) -> int:
    """Raise ``PdfInputError`` for missing, empty, non-PDF, corrupt or locked files; return the page count."""
    name = path.name
    if not path.is_file():
        raise PdfInputError(f"Không tìm thấy tệp {name}.", f"File {name} not found.")
    if path.stat().st_size == 0:
        raise PdfInputError(f"Tệp {name} rỗng (0 byte).", f"{name} is empty (0 bytes).")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise PdfInputError(f"Tệp {name} không phải PDF.", f"{name} is not a PDF file.")
    try:
        doc = pymupdf.open(path)
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise PdfInputError(f"Tệp {name} bị hỏng, không đọc được.", f"{name} is corrupt and cannot be read.") from exc
    with doc:
        if doc.needs_pass and not (password and doc.authenticate(password)):
            raise PdfInputError(
                f"Tệp {name} được đặt mật khẩu. Hãy nhập mật khẩu hoặc gỡ mật khẩu trước khi ký.",
                f"{name} is password-protected. Enter the password or remove it before signing.",
            )
        if doc.page_count == 0:
            raise PdfInputError(f"Tệp {name} không có trang nào.", f"{name} has no pages.")
        return doc.page_count
