"""The administrator's audit trail and sign-in statistics (Decree 30/2020 Appendix VI III.5.a,
III.6.b): every event — logins, accesses, changes, grants, administration — filtered by family,
person, document and period. An organisation's administrator sees what its own people did, the
province's everything; what an event says about a document is shown only to an administrator
who may read that document (a secret one's detail is withheld)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from base.audit import CATEGORY_ACTIONS, AuditCategory, category_of
from base.deadlines import VIETNAM, today_in_vietnam

from .models import AuditEvent, Document, Organisation, User
from .policy import readable
from .roles import Role
from .schemas import AuditEventOut, AuditPage, LoginStatOut

__all__ = ["AuditFilter", "audit_page", "login_stats"]


@dataclass(frozen=True)
class AuditFilter:
    category: AuditCategory | None = None
    action: str | None = None
    username: str | None = None
    document_id: int | None = None
    since: dt.date | None = None
    """Vietnam dates, both included."""
    until: dt.date | None = None


def _utc_start(day: dt.date) -> dt.datetime:
    """The first moment of a Vietnam day, as the naive UTC the events are stored in."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=VIETNAM)
    return start.astimezone(dt.UTC).replace(tzinfo=None)


def _in_category(category: AuditCategory) -> ColumnElement[bool]:
    if category is AuditCategory.CHANGE:
        others = set().union(*CATEGORY_ACTIONS.values())
        return AuditEvent.action.not_in(sorted(others))
    return AuditEvent.action.in_(sorted(CATEGORY_ACTIONS[category]))


def _scope(admin: User) -> ColumnElement[bool]:
    """An organisation's administrator sees what its own people did; the province's, all."""
    if admin.role == Role.PROVINCE_ADMIN:
        return true()
    return User.organisation_id == admin.organisation_id


def audit_page(
    session: Session, admin: User, where: AuditFilter, before: int | None, limit: int
) -> AuditPage:
    """One page of events, newest first; ``before``: the previous page's cursor (an id)."""
    conditions = [_scope(admin)]
    if where.category is not None:
        conditions.append(_in_category(where.category))
    if where.action:
        conditions.append(AuditEvent.action == where.action)
    if where.username:
        conditions.append(func.lower(User.username) == where.username.casefold())
    if where.document_id is not None:
        conditions.append(AuditEvent.document_id == where.document_id)
    if where.since is not None:
        conditions.append(AuditEvent.at >= _utc_start(where.since))
    if where.until is not None:
        conditions.append(AuditEvent.at < _utc_start(where.until + dt.timedelta(days=1)))
    if before is not None:
        conditions.append(AuditEvent.id < before)
    query = (
        select(AuditEvent, User.username, User.full_name, Organisation.code)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .outerjoin(Organisation, Organisation.id == User.organisation_id)
        .where(*conditions)
    )
    rows = session.execute(query.order_by(AuditEvent.id.desc()).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    shown = _readable_documents(session, admin, {r[0].document_id for r in rows})
    items = [
        AuditEventOut(
            id=event.id,
            at=event.at,
            user_id=event.user_id,
            username=username or "",
            full_name=full_name or "",
            organisation=code or "",
            action=event.action,
            category=category_of(event.action).value,
            document_id=event.document_id,
            detail=event.detail if event.document_id is None or event.document_id in shown else "",
        )
        for event, username, full_name, code in rows
    ]
    return AuditPage(items=items, next_cursor=str(items[-1].id) if more and items else None)


def _readable_documents(session: Session, user: User, ids: set[int | None]) -> set[int]:
    wanted = sorted(i for i in ids if i is not None)
    if not wanted:
        return set()
    query = select(Document.id).where(Document.id.in_(wanted), readable(user))
    return set(session.scalars(query))


def login_stats(
    session: Session, admin: User, since: dt.date, until: dt.date, by_month: bool
) -> list[LoginStatOut]:
    """Sign-ins, failed sign-ins and the people who signed in, per Vietnam day or month."""
    query = (
        select(AuditEvent.at, AuditEvent.action, AuditEvent.user_id)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(
            AuditEvent.action.in_(("login", "login_failed")),
            AuditEvent.at >= _utc_start(since),
            AuditEvent.at < _utc_start(until + dt.timedelta(days=1)),
            _scope(admin),
        )
    )
    periods: dict[str, tuple[int, int, set[int]]] = {}
    for at, action, user_id in session.execute(query):
        day = today_in_vietnam(at)
        key = f"{day:%Y-%m}" if by_month else day.isoformat()
        logins, failed, people = periods.get(key, (0, 0, set()))
        if action == "login" and user_id is not None:
            logins += 1
            people.add(user_id)
        else:
            failed += 1
        periods[key] = (logins, failed, people)
    return [
        LoginStatOut(period=key, logins=logins, failed=failed, users=len(people))
        for key, (logins, failed, people) in sorted(periods.items())
    ]
