"""Checks on a PDF before signing, so bad input gets a clear message."""

from __future__ import annotations

import logging
from pathlib import Path

from base.pdf import BadPdf
from base.pdf import check_pdf as check_usable_pdf

from .errors import PdfInputError

__all__ = ["check_pdf"]

logger = logging.getLogger(__name__)


def check_pdf(path: Path, password: str | None = None) -> int:
    """Raise ``PdfInputError`` for missing, empty, non-PDF, corrupt or locked files; return the page count."""
    try:
        return check_usable_pdf(path, password)
    except BadPdf as exc:
        raise PdfInputError(exc.message_vi, exc.message_en) from exc
