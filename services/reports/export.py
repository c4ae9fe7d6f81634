"""Write a report to the file the user chose, by its suffix, without leaving half a file:
the report goes to a temporary file beside it and replaces the target only when complete."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from base.errors import VanThuError

from .pdf import write_pdf
from .tables import ReportTable
from .xlsx import write_xlsx

__all__ = ["REPORT_SUFFIXES", "export_report"]

_WRITERS: dict[str, Callable[[ReportTable, Path], None]] = {".pdf": write_pdf, ".xlsx": write_xlsx}
REPORT_SUFFIXES = tuple(_WRITERS)


def export_report(report: ReportTable, path: Path) -> Path:
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise VanThuError(
            f"Chỉ xuất được báo cáo ra tệp PDF hoặc XLSX, không phải “{path.name}”.",
            f"A report can be saved as PDF or XLSX only, not “{path.name}”.",
        )
    return write_atomically(writer, report, path, ("báo cáo", "the report"))


def write_atomically(
    writer: Callable[[ReportTable, Path], object],
    table: ReportTable,
    path: Path,
    what: tuple[str, str],
) -> Path:
    """Write ``table`` next to ``path`` and move it into place: a failed write (disk full,
    no permission) leaves the old file or none, never half of one. ``what``: (vi, en)."""
    partial = path.with_name(f".{path.name}.part")
    try:
        writer(table, partial)
        os.replace(partial, path)
    except OSError as error:
        raise VanThuError(
            f"Không ghi được {what[0]} vào “{path}”: {error.strerror or error}.",
            f"Could not write {what[1]} to “{path}”: {error.strerror or error}.",
        ) from error
    finally:
        with contextlib.suppress(OSError):  # nothing was written where nothing can be
            partial.unlink(missing_ok=True)
    return path
