"""Turn a scan into the PDF to upload, or reject it with a readable reason.

PDFs are checked by the shared ``base.pdf.check_pdf`` (empty, not a PDF, corrupt,
password-protected); JPEG, PNG
and TIFF (multi-page too) become one PDF each with PyMuPDF.  OCR with
Vietnamese (ocrmypdf + tesseract-ocr-vie) is optional.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pymupdf

from base.pdf import BadPdf, check_pdf

from .errors import BadFile, SyncError
from .reasons import Reason

__all__ = ["prepare_pdf", "IMAGE_SUFFIXES"]

logger = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


def _check_pdf(path: Path) -> None:
    try:
        check_pdf(path)
    except BadPdf as exc:
        raise BadFile(exc.message_vi, exc.message_en, reason=Reason(exc.problem.value)) from exc


def _image_to_pdf(path: Path, target: Path) -> None:
    try:
        with pymupdf.open(path) as images:
            data = images.convert_to_pdf()
    except Exception as exc:
        if isinstance(exc, OSError) and not isinstance(exc, pymupdf.FileDataError):
            raise
        raise BadFile(
            f"Ảnh {path.name} bị hỏng, không đọc được.",
            f"Image {path.name} is corrupt.",
            reason=Reason.CORRUPT_IMAGE,
        ) from exc
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)


def _ocr(source: Path, target: Path) -> None:
    tool = shutil.which("ocrmypdf")
    if tool is None:
        raise SyncError(
            "Chưa cài OCR (ocrmypdf, tesseract-ocr-vie); tắt OCR hoặc cài gói “ocr”.",
            "OCR is not installed (ocrmypdf, tesseract-ocr-vie); disable OCR or install the 'ocr' extra.",
            reason=Reason.OCR_MISSING,
        )
    done = subprocess.run(
        [tool, "-l", "vie", "--skip-text", "--quiet", str(source), str(target)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        raise SyncError(
            f"OCR lỗi: {done.stderr[-300:]}",
            f"OCR failed: {done.stderr[-300:]}",
            reason=Reason.OCR_FAILED,
        )


def prepare_pdf(path: Path, workdir: Path, key: str, ocr: bool = False) -> Path:
    """The PDF to upload for ``path`` (the file itself, or a converted copy in ``workdir``)."""
    if path.stat().st_size == 0:
        raise BadFile(
            f"{path.name} rỗng (0 byte).", f"{path.name} is empty (0 bytes).", reason=Reason.EMPTY
        )
    suffix = path.suffix.lower()
    workdir.mkdir(parents=True, exist_ok=True)
    if suffix == ".pdf":
        _check_pdf(path)
        result = path
    elif suffix in IMAGE_SUFFIXES:
        result = workdir / f"{key}.pdf"
        _image_to_pdf(path, result)
    else:
        raise BadFile(
            f"Không hỗ trợ loại tệp {suffix or '(không đuôi)'}.",
            f"Unsupported file type {suffix}.",
            reason=Reason.UNSUPPORTED_TYPE,
        )
    if ocr:
        searchable = workdir / f"{key}.ocr.pdf"
        _ocr(result, searchable)
        result = searchable
    return result
