"""Checks on a PDF before signing, so bad input gets a clear message."""

from __future__ import annotations

import logging
from pathlib import Path

from base.pdf import BadPdf, PdfProblem
from base.pdf import check_file as check_usable_file
from base.pdf import check_pdf as check_usable_pdf

from .encryption import PasswordNeeded
from .errors import PdfInputError

__all__ = ["check_pdf", "check_file"]

logger = logging.getLogger(__name__)


def check_pdf(path: Path, password: str | None = None) -> int:
    """Raise ``PdfInputError`` for missing, empty, non-PDF, corrupt or locked files; return the page count."""
    try:
        return check_usable_pdf(path, password)
    except BadPdf as exc:
        if exc.problem is PdfProblem.PASSWORD:
            raise PasswordNeeded(path.name, given=bool(password)) from exc
        raise PdfInputError(exc.message_vi, exc.message_en) from exc


def check_file(path: Path) -> None:
    """The byte-level checks only (for reading signatures), as ``PdfInputError``."""
    try:
        check_usable_file(path)
    except BadPdf as exc:
        raise PdfInputError(exc.message_vi, exc.message_en) from exc
