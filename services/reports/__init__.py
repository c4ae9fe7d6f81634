"""The registers and the processing report, as the office prints and files them.

``build_report`` asks the server for one report over a date range and lays it out as a
``ReportTable`` (the Appendix IV columns, in Vietnamese or English); ``export_report`` writes
that table to a PDF for printing or to an XLSX workbook, chosen by the file's suffix.
"""

from __future__ import annotations

from .export import REPORT_SUFFIXES, export_report
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
