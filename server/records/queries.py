"""The records' lists: "my files", the files due for transfer within 30 days (III.5.b), the
archive's queues (awaiting acceptance, returned, archived, past retention) and the archive's
search by metadata (III.6.d), paged newest first; and the count of files per creator (III.4.đ).
Always under ``records.policy.visible_files``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from base.records import WARNING_DAYS, CaseFileState, KeepBack

from ..deps import today_vn
from ..models import User
from ..policy import role_of
from .models import CaseFile
from .policy import KEEPERS, visible_files

__all__ = ["FileFilter", "file_page", "matching", "creator_counts", "due_column"]

_UNIT = sorted({CaseFileState.CLOSED.value, CaseFileState.RETURNED.value})


@dataclass(frozen=True)
class FileFilter:
    queue: str = "all"
    q: str = ""
    """Words of the title or the notes (each must appear in one of them)."""
    code: str = ""
    """A part of the file code."""
    year: int | None = None
    retention_years: int | None = None
    permanent: bool | None = None
    creator_id: int | None = None
    state: str | None = None
    rights: str | None = None
    language: str | None = None
    period_from: dt.date | None = None
    """Files whose documents run on or after this day (an open file's still run)."""
    period_to: dt.date | None = None
    """Files whose documents start on or before this day."""


def due_column() -> ColumnElement[dt.date]:
    """The deadline that counts: an approved keep-back's date, else the law's."""
    return case(
        (CaseFile.keep_back == KeepBack.APPROVED.value, CaseFile.keep_back_until),
        else_=CaseFile.due_date,
    )


def _queue(user: User, queue: str, today: dt.date) -> list[ColumnElement[bool]]:
    mine = CaseFile.creator_id == user.id
    keeper = role_of(user) in KEEPERS
    if queue == "mine":
        return [mine, CaseFile.state != CaseFileState.ARCHIVED.value]
    if queue == "due":
        due = due_column()
        found = [
            CaseFile.state.in_(_UNIT),
            due.is_not(None),
            due <= today + dt.timedelta(days=WARNING_DAYS),
        ]
        return found if keeper else [*found, mine]
    if queue == "awaiting":
        return [CaseFile.state == CaseFileState.SUBMITTED.value]
    if queue == "returned":
        return [CaseFile.state == CaseFileState.RETURNED.value]
    if queue == "archive":
        return [CaseFile.state == CaseFileState.ARCHIVED.value]
    if queue == "past_retention":
        return [
            CaseFile.state.in_((CaseFileState.CLOSED.value, CaseFileState.ARCHIVED.value)),
            CaseFile.retention_ends.is_not(None),
            CaseFile.retention_ends < today,
        ]
    return []


def _filters(where: FileFilter) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    for word in where.q.split():
        pattern = f"%{_escape(word)}%"
        found.append(
            or_(
                CaseFile.title.ilike(pattern, escape="\\"),
                CaseFile.description.ilike(pattern, escape="\\"),
            )
        )
    if where.code:
        found.append(CaseFile.code.ilike(f"%{_escape(where.code)}%", escape="\\"))
    if where.year is not None:
        found.append(CaseFile.year == where.year)
    if where.permanent:
        found.append(CaseFile.retention_years.is_(None))
    elif where.retention_years is not None:
        found.append(CaseFile.retention_years == where.retention_years)
    if where.creator_id is not None:
        found.append(CaseFile.creator_id == where.creator_id)
    if where.state is not None:
        found.append(CaseFile.state == where.state)
    if where.rights is not None:
        found.append(CaseFile.rights == where.rights)
    if where.language:  # a closed file lists its documents' languages: "en, vi"
        listed = literal(", ").concat(func.lower(CaseFile.language)).concat(",")
        wanted = f"%, {_escape(where.language.strip().lower())},%"
        found.append(listed.like(wanted, escape="\\"))
    if where.period_from is not None:
        found.append(or_(CaseFile.end_date.is_(None), CaseFile.end_date >= where.period_from))
    if where.period_to is not None:
        found.append(CaseFile.start_date <= where.period_to)
    return found


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matching(user: User, where: FileFilter) -> list[ColumnElement[bool]]:
    """The files ``user`` sees in the queue and matching the filters (pages, printed indexes)."""
    return [visible_files(user), *_queue(user, where.queue, today_vn()), *_filters(where)]


def file_page(
    session: Session, user: User, where: FileFilter, before: int | None, limit: int
) -> tuple[list[CaseFile], int | None]:
    """One page, newest first, and the cursor of the next (None: the last page)."""
    conditions = matching(user, where)
    if before is not None:
        conditions.append(CaseFile.id < before)
    rows = list(
        session.scalars(
            select(CaseFile).where(and_(*conditions)).order_by(CaseFile.id.desc()).limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].id if more and rows else None)


def creator_counts(session: Session, user: User) -> list[tuple[int, dict[str, int]]]:
    """Per creator, their files by state: everyone's for the leaders and the archive, one's
    own for anyone else."""
    scope = visible_files(user)
    if role_of(user) not in KEEPERS:
        scope = and_(scope, CaseFile.creator_id == user.id)
    rows = session.execute(
        select(CaseFile.creator_id, CaseFile.state, func.count())
        .where(scope)
        .group_by(CaseFile.creator_id, CaseFile.state)
        .order_by(CaseFile.creator_id)
    ).tuples()
    counts: dict[int, dict[str, int]] = {}
    for creator_id, state, count in rows:
        counts.setdefault(creator_id, {})[state] = count
    return sorted(counts.items())
