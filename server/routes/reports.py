"""``GET /reports/…``: the registers (sổ đăng ký văn bản đến / đi) and the processing report
of the caller's organisation for a date range (``server.reports``)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from .. import reports
from ..deps import current_user, get_session
from ..errors import ApiProblem, forbidden
from ..models import User
from ..policy import may_report
from .contract import errors

__all__ = ["router", "check_period"]

router = APIRouter(prefix="/reports", tags=["reports"])

EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
"""The dates a register can hold (0001-01-01 or 9999-12-31 would overflow the day bounds)."""
MAX_DAYS = 3 * 366
"""A report covers at most three years: registers restart every year anyway."""


def _range(user: User, start: dt.date, end: dt.date) -> None:
    if not may_report(user):
        raise forbidden()
    check_period(start, end)


def check_period(start: dt.date, end: dt.date, max_days: int | None = MAX_DAYS) -> None:
    """422 for a range a report (or the audit screen, with no length limit) cannot cover."""
    if end < start:
        raise ApiProblem(
            422, "Ngày kết thúc trước ngày bắt đầu.", "The end date is before the start date."
        )
    if max_days is not None and (end - start).days > max_days:
        raise ApiProblem(
            422, "Khoảng thời gian tối đa là ba năm.", "The range can be at most three years."
        )
    if start < EARLIEST or end > LATEST:  # also keeps the UTC day bounds inside datetime's range
        raise ApiProblem(
            422,
            f"Ngày cần trong khoảng {EARLIEST:%d/%m/%Y} – {LATEST:%d/%m/%Y}.",
            f"Dates must lie between {EARLIEST.isoformat()} and {LATEST.isoformat()}.",
        )


Start = Query(description="The first day (Vietnam date), YYYY-MM-DD")
End = Query(description="The last day, included")


@router.get("/incoming", response_model=list[reports.IncomingEntry], responses=errors(403, 422))
def incoming_register(
    start: dt.date = Start,
    end: dt.date = End,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> list[reports.IncomingEntry]:
    """The incoming register (sổ đăng ký văn bản đến) in Appendix IV's columns, by arrival."""
    _range(user, start, end)
    return reports.incoming_register(session, user, start, end)


@router.get("/outgoing", response_model=list[reports.OutgoingEntry], responses=errors(403, 422))
def outgoing_register(
    start: dt.date = Start,
    end: dt.date = End,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> list[reports.OutgoingEntry]:
    """The outgoing register (sổ đăng ký văn bản đi) in Appendix IV's columns, by issue date."""
    _range(user, start, end)
    return reports.outgoing_register(session, user, start, end)


@router.get(
    "/processing",
    response_model=list[reports.DepartmentLine],
    responses=errors(403, 422),
)
def processing(
    start: dt.date = Start,
    end: dt.date = End,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> list[reports.DepartmentLine]:
    """Per department: lead assignments made in the range, done on time, late, in hand, overdue."""
    _range(user, start, end)
    return reports.processing_report(session, user, start, end)
