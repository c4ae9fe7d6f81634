"""A report's content: its title, period, columns and rows, independent of the file format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from client.records import DepartmentLine, IncomingEntry, OutgoingEntry

from ..session import Session

__all__ = ["ReportKind", "Column", "ReportTable", "build_report", "may_report", "REPORT_ROLES"]


class ReportKind(StrEnum):
    INCOMING = "incoming"
    """Sổ đăng ký văn bản đến."""
    OUTGOING = "outgoing"
    """Sổ đăng ký văn bản đi."""
    PROCESSING = "processing"
    """Báo cáo tình hình xử lý văn bản đến, per department."""


REPORT_ROLES = frozenset({"clerk", "leader", "org_admin"})
"""Who may print the registers and the processing report (the server checks it again)."""


def may_report(role: str) -> bool:
    return role in REPORT_ROLES


@dataclass(frozen=True)
class Column:
    heading: str
    width: float
    """Relative width: the PDF shares the page, the workbook its column widths, by it."""
    numeric: bool = False


@dataclass(frozen=True)
class ReportTable:
    kind: ReportKind | None
    """None: not one of the registers (a result list, ``services.list_export``)."""
    title: str
    organisation: str
    period: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str | int, ...], ...]
    totals: tuple[str | int, ...] | None = None
    """A last line summing the numeric columns (the processing report)."""


def _c(vi: str, en: str, width: float, language: str, numeric: bool = False) -> Column:
    return Column(vi if language == "vi" else en, width, numeric)


def _columns(kind: ReportKind, language: str) -> tuple[Column, ...]:
    lang = language
    if kind is ReportKind.INCOMING:  # Appendix IV, mẫu sổ đăng ký văn bản đến
        return (
            _c("Ngày đến", "Arrival date", 1.1, lang),
            _c("Số đến", "Arrival no.", 0.8, lang, True),
            _c("Tác giả", "Issuing organ", 2.2, lang),
            _c("Số, ký hiệu", "Number, notation", 1.6, lang),
            _c("Ngày tháng", "Date", 1.1, lang),
            _c("Tên loại và trích yếu nội dung", "Type and summary", 4.5, lang),
            _c("Đơn vị hoặc người nhận", "Unit or person receiving", 2.2, lang),
            _c("Ký nhận", "Signature", 0.9, lang),
            _c("Ghi chú", "Notes", 1.2, lang),
        )
    if kind is ReportKind.OUTGOING:  # Appendix IV, mẫu sổ đăng ký văn bản đi
        return (
            _c("Số, ký hiệu văn bản", "Number, notation", 1.6, lang),
            _c("Ngày tháng văn bản", "Date", 1.1, lang),
            _c("Tên loại và trích yếu nội dung văn bản", "Type and summary", 4.2, lang),
            _c("Người ký", "Signed by", 1.8, lang),
            _c("Nơi nhận văn bản", "Recipients", 2.2, lang),
            _c("Đơn vị, người nhận bản lưu", "File copy kept by", 1.6, lang),
            _c("Số lượng bản", "Copies", 0.8, lang, True),
            _c("Ngày chuyển", "Sent on", 1.1, lang),
            _c("Ký nhận", "Signature", 0.9, lang),
            _c("Ghi chú", "Notes", 1.1, lang),
        )
    return (
        _c("Phòng, ban xử lý chính", "Lead department", 4.0, lang),
        _c("Được giao", "Assigned", 1.2, lang, True),
        _c("Hoàn thành đúng hạn", "Done on time", 1.4, lang, True),
        _c("Hoàn thành quá hạn", "Done late", 1.4, lang, True),
        _c("Đang xử lý trong hạn", "In hand, on time", 1.4, lang, True),
        _c("Đang quá hạn", "Overdue now", 1.2, lang, True),
    )


_TITLES = {
    ReportKind.INCOMING: ("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "INCOMING DOCUMENTS REGISTER"),
    ReportKind.OUTGOING: ("SỔ ĐĂNG KÝ VĂN BẢN ĐI", "OUTGOING DOCUMENTS REGISTER"),
    ReportKind.PROCESSING: (
        "BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN ĐẾN",
        "INCOMING DOCUMENTS PROCESSING REPORT",
    ),
}


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _summary(doc_type: str, subject: str) -> str:
    return f"{doc_type}: {subject}" if doc_type and subject else doc_type or subject


def _incoming(rows: Sequence[IncomingEntry]) -> tuple[tuple[str | int, ...], ...]:
    return tuple(
        (
            _day(r.arrival_date),
            r.arrival_number,
            r.organ_name,
            r.number_notation,
            _day(r.issued_date),
            _summary(r.doc_type, r.subject),
            r.handler,
            "",
            r.note,
        )
        for r in rows
    )


def _outgoing(rows: Sequence[OutgoingEntry]) -> tuple[tuple[str | int, ...], ...]:
    return tuple(
        (
            r.number_notation,
            _day(r.issued_date),
            _summary(r.doc_type, r.subject),
            r.signer,
            r.recipients,
            r.kept_by,
            r.issued_amount if r.issued_amount is not None else "",
            _day(r.sent_date),
            "",
            r.note,
        )
        for r in rows
    )


def _processing(
    rows: Sequence[DepartmentLine], language: str
) -> tuple[tuple[tuple[str | int, ...], ...], tuple[str | int, ...]]:
    lines = tuple(
        (
            r.department if language == "vi" or r.department != _NO_DEPARTMENT else "No department",
            r.received,
            r.done_on_time,
            r.done_late,
            r.in_hand,
            r.overdue,
        )
        for r in rows
    )
    sums = [sum(int(line[i]) for line in lines) for i in range(1, 6)]
    return lines, ("Tổng cộng" if language == "vi" else "Total", *sums)


_NO_DEPARTMENT = "Chưa thuộc phòng ban"  # the server's line for handlers in no department


def build_report(
    session: Session,
    kind: ReportKind,
    start: dt.date,
    end: dt.date,
    language: str = "vi",
) -> ReportTable:
    """Fetch one report for ``start``…``end`` (both included) and lay it out."""
    kind = ReportKind(kind)
    totals: tuple[str | int, ...] | None = None
    if kind is ReportKind.INCOMING:
        rows = _incoming(session.client.incoming_register(start, end))
    elif kind is ReportKind.OUTGOING:
        rows = _outgoing(session.client.outgoing_register(start, end))
    else:
        rows, totals = _processing(session.client.processing_report(start, end), language)
    vi, en = _TITLES[kind]
    period = (
        f"Từ ngày {_day(start)} đến ngày {_day(end)}"
        if language == "vi"
        else f"From {_day(start)} to {_day(end)}"
    )
    return ReportTable(
        kind=kind,
        title=vi if language == "vi" else en,
        organisation=session.user.organisation_name,
        period=period,
        columns=_columns(kind, language),
        rows=rows,
        totals=totals,
    )
