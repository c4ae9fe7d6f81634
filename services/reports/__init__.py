"""The registers and the processing report, as the office prints and files them.

``build_report`` asks the server for one report over a date range and lays it out as a
``ReportTable`` (the Appendix IV columns, in Vietnamese or English); ``export_report`` writes
that table to a PDF for printing or to an XLSX workbook, chosen by the file's suffix.
"""

from __future__ import annotations

from typing import Any

from .tables import REPORT_ROLES, Column, ReportKind, ReportTable, build_report, may_report

__all__ = [
    "Column",
    "ReportKind",
    "ReportTable",
    "build_report",
    "export_report",
    "REPORT_SUFFIXES",
    "REPORT_ROLES",
    "may_report",
]


def __getattr__(name: str) -> Any:
    """The writers (openpyxl, the PDF layout) load when a report is exported, not when the
    window asks whether this user may see reports."""
    if name in ("export_report", "REPORT_SUFFIXES"):
        from . import export

        return getattr(export, name)
    raise AttributeError(name)
