"""Who reached a document's content: every view, download and print (Decree 30/2020
Appendix VI III.5.a, III.6.a, III.6.l).

Accesses are audit events like any other (one table, one audit screen, ``server.audit_trail``):
the server records the downloads it serves, the desktop reports the views and prints it makes,
each under a key so a report queued offline and sent twice is one event. A document's history
is shown to its leaders, administrators, author and handlers, not to every reader.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from base.audit import Access

from .models import Assignment, AuditEvent, Document, User, Version, utcnow
from .policy import content_readable
from .roles import Role
from .schemas import AccessHistoryOut, AccessOut

__all__ = ["record_access", "record_download", "may_see_history", "access_history"]

HISTORY_LIMIT = 500
CLIENT_LIMIT = 100
KEPT_DAYS = 366
"""How far back a desktop may date a view it queued offline (older dates are not kept)."""


def _reported(reported: dt.datetime | None) -> str | None:
    """The time a desktop reported, as naive UTC ISO, if it lies in [a year ago, now]."""
    if reported is None:
        return None
    now = utcnow()
    moment = reported.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.isoformat() if now - dt.timedelta(days=KEPT_DAYS) <= moment <= now else None


def record_access(
    session: Session,
    user: User,
    document_id: int,
    kind: Access,
    version: int | None,
    client: str,
    *,
    at: dt.datetime | None = None,
    key: str | None = None,
) -> bool:
    """One access event, at the server's time (``at``: when the desktop says it happened, kept
    beside it); False when ``key`` was already recorded for this user (a resend)."""
    detail: dict[str, object] = {"version": version, "client": client[:CLIENT_LIMIT]}
    if (reported := _reported(at)) is not None:
        detail["reported_at"] = reported  # the desktop's word, beside the server's own time
    event = AuditEvent(
        user_id=user.id,
        action=kind.value,
        document_id=document_id,
        detail=json.dumps(detail),
        client_key=key,
    )
    try:
        with session.begin_nested():
            session.add(event)
    except IntegrityError:  # the unique (user, key): this report came before
        return False
    return True


def record_download(session: Session, user: User, sha256: str, client: str) -> None:
    """The server sent a file's bytes: an access to every document holding them that the user
    may read (the desktop fetches by content, once for all the documents sharing a file)."""
    holders = session.execute(
        select(Version.document_id, Version.number)
        .join(Document, Document.id == Version.document_id)
        .where(Version.sha256 == sha256, Document.deleted.is_(False), content_readable(user))
        .order_by(Version.document_id)
        .limit(20)
    ).all()
    for document_id, number in holders:
        record_access(session, user, document_id, Access.DOWNLOAD, number, client)


def may_see_history(session: Session, user: User, doc: Document) -> bool:
    """The access history of a (readable) document is its organisation's leaders' and
    administrators', its author's and its handlers' to see — not every reader's."""
    if user.role == Role.PROVINCE_ADMIN:
        return True
    if user.role in (Role.LEADER, Role.ORG_ADMIN) and doc.organisation_id == user.organisation_id:
        return True
    if doc.created_by == user.id:
        return True
    handler = select(Assignment.id).where(
        Assignment.document_id == doc.id,
        Assignment.user_id == user.id,
        Assignment.kind.in_(("lead", "co")),
    )
    return session.scalar(handler.limit(1)) is not None


def _access_detail(detail: str) -> tuple[int | None, str, dt.datetime | None]:
    """Version, client and reported time of an access event's detail."""
    try:
        data = json.loads(detail) if detail else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    version = data.get("version")
    try:
        reported = dt.datetime.fromisoformat(str(data["reported_at"]))
    except (KeyError, ValueError):
        reported = None
    client = str(data.get("client") or "")
    return (version if isinstance(version, int) else None), client, reported


def access_history(session: Session, doc: Document, addresses: bool) -> AccessHistoryOut:
    """Counts by kind, how many people, and the newest accesses first (at most 500); the
    network address a client came from only for administrators (``addresses``)."""
    is_access = and_(AuditEvent.document_id == doc.id, AuditEvent.action.in_(list(Access)))
    counts = {kind.value: 0 for kind in Access}
    for action, count in session.execute(
        select(AuditEvent.action, func.count()).where(is_access).group_by(AuditEvent.action)
    ):
        counts[action] = count
    readers = session.scalar(select(func.count(func.distinct(AuditEvent.user_id))).where(is_access))
    rows = session.execute(
        select(AuditEvent, User.username, User.full_name)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(is_access)
        .order_by(AuditEvent.id.desc())
        .limit(HISTORY_LIMIT)
    ).all()
    events = []
    for event, username, full_name in rows:
        version, client, reported = _access_detail(event.detail)
        if not addresses:
            client = client.split(" @ ")[0]
        events.append(
            AccessOut(
                at=event.at,
                user_id=event.user_id,
                username=username or "",
                full_name=full_name or "",
                kind=event.action,
                version=version,
                client=client,
                reported_at=reported,
            )
        )
    return AccessHistoryOut(counts=counts, readers=readers or 0, events=events)
