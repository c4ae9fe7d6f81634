import datetime as dt

import pytest

from base.deadlines import (
    DeadlineState,
    add_working_days,
    deadline_state,
    due_soon_until,
    today_in_vietnam,
    working_days_left,
)

FRIDAY = dt.date(2026, 12, 4)
SATURDAY, SUNDAY, MONDAY = (FRIDAY + dt.timedelta(days=n) for n in (1, 2, 3))


def test_working_days_skip_the_weekend() -> None:
    assert add_working_days(FRIDAY, 1) == MONDAY
    assert add_working_days(FRIDAY, 0) == FRIDAY
    assert add_working_days(SATURDAY, 0) == SATURDAY
    assert add_working_days(SATURDAY, 1) == MONDAY  # what working_days_left counts too
    assert add_working_days(dt.date(2026, 12, 1), 5) == dt.date(2026, 12, 8)


def test_days_left_count_working_days_either_way() -> None:
    assert working_days_left(FRIDAY, MONDAY) == 1
    assert working_days_left(FRIDAY, FRIDAY) == 0
    assert working_days_left(MONDAY, FRIDAY) == -1
    assert working_days_left(SUNDAY, MONDAY) == 1
    assert working_days_left(MONDAY + dt.timedelta(days=7), FRIDAY) == -6


@pytest.mark.parametrize(
    ("deadline", "today", "expected"),
    [
        (None, FRIDAY, DeadlineState.NONE),
        (MONDAY, FRIDAY, DeadlineState.DUE_SOON),  # across the weekend: one working day
        (MONDAY + dt.timedelta(days=1), FRIDAY, DeadlineState.DUE_SOON),
        (MONDAY + dt.timedelta(days=2), FRIDAY, DeadlineState.ON_TIME),
        (FRIDAY, FRIDAY, DeadlineState.DUE_SOON),
        (FRIDAY, MONDAY, DeadlineState.OVERDUE),
    ],
)
def test_deadline_states(deadline: dt.date | None, today: dt.date, expected: DeadlineState) -> None:
    assert deadline_state(deadline, today) is expected


def test_a_finished_document_is_never_late() -> None:
    assert deadline_state(FRIDAY, MONDAY, finished=True) is DeadlineState.NONE


def test_the_warning_time_is_configurable() -> None:
    assert (
        deadline_state(MONDAY + dt.timedelta(days=2), FRIDAY, soon_days=3) is DeadlineState.DUE_SOON
    )
    assert deadline_state(MONDAY, FRIDAY, soon_days=0) is DeadlineState.ON_TIME


def test_today_is_the_date_in_vietnam() -> None:
    # 18:30 UTC on Friday is 01:30 on Saturday in Hà Nội.
    assert today_in_vietnam(dt.datetime(2026, 12, 4, 18, 30, tzinfo=dt.UTC)) == SATURDAY
    assert today_in_vietnam(dt.datetime(2026, 12, 4, 16, 59)) == FRIDAY  # naive = UTC


def test_due_soon_agrees_with_the_days_left_on_every_day_of_the_week() -> None:
    """The queue's date bound, the row colour's state and the days left never disagree —
    a Saturday or Sunday today included (it once reached one working day too far)."""
    for offset in range(14):
        today = FRIDAY + dt.timedelta(days=offset)
        for soon in (0, 1, 2, 5):
            bound = due_soon_until(today, soon)
            for ahead in range(0, 15):
                deadline = today + dt.timedelta(days=ahead)
                soon_by_days = working_days_left(today, deadline) <= soon
                assert (deadline <= bound) == soon_by_days, (today, soon, deadline)
                state = deadline_state(deadline, today, soon_days=soon)
                assert (state is DeadlineState.DUE_SOON) == soon_by_days


def test_on_a_weekend_two_working_days_reach_tuesday() -> None:
    assert due_soon_until(SATURDAY) == MONDAY + dt.timedelta(days=1)
    assert deadline_state(MONDAY + dt.timedelta(days=2), SATURDAY) is DeadlineState.ON_TIME
