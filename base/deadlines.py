"""Deadlines in working days, in Vietnam time.

A clerk in Hà Nội and a server in UTC must agree on what "today" is, so every deadline is
judged against the date in ``Asia/Ho_Chi_Minh``. "Due soon" counts working days (Monday to
Friday) the way Decree 30's processing times do: a document due on Monday is "due soon" on
the Friday before, not four days early.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from zoneinfo import ZoneInfo

__all__ = [
    "VIETNAM",
    "DUE_SOON_DAYS",
    "DeadlineState",
    "today_in_vietnam",
    "add_working_days",
    "due_soon_until",
    "working_days_left",
    "deadline_state",
]

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
DUE_SOON_DAYS = 2
"""The default warning time: a deadline within two working days is "due soon"."""


class DeadlineState(StrEnum):
    NONE = "none"
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def today_in_vietnam(now: dt.datetime | None = None) -> dt.date:
    moment = now or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:  # stored times are naive UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VIETNAM).date()


def _is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself for 0): from Saturday,
    one working day is Monday — the count ``working_days_left`` makes."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if _is_working_day(day):
            left -= 1
    return day


def due_soon_until(today: dt.date, soon_days: int = DUE_SOON_DAYS) -> dt.date:
    """The last date still "due soon": the day before the working day past the warning time,
    so a weekend deadline right after it (no fewer working days left) is due soon too."""
    return add_working_days(today, soon_days + 1) - dt.timedelta(days=1)


def _working_days_after(start: dt.date, end: dt.date) -> int:
    return sum(
        1 for n in range(1, (end - start).days + 1) if _is_working_day(start + dt.timedelta(days=n))
    )


def working_days_left(today: dt.date, deadline: dt.date) -> int:
    """Working days from ``today`` to ``deadline``: 0 when due today, negative when late
    (due Friday, Monday is one working day late)."""
    if deadline < today:
        return -_working_days_after(deadline, today)
    return _working_days_after(today, deadline)


def deadline_state(
    deadline: dt.date | None,
    today: dt.date,
    finished: bool = False,
    soon_days: int = DUE_SOON_DAYS,
) -> DeadlineState:
    if deadline is None or finished:
        return DeadlineState.NONE
    if deadline < today:
        return DeadlineState.OVERDUE
    if working_days_left(today, deadline) <= soon_days:
        return DeadlineState.DUE_SOON
    return DeadlineState.ON_TIME
