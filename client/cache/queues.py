"""Work queues: "Chờ vào sổ", "Việc của tôi", "Quá hạn"… as filters over the cache.

Each queue is a condition on the cached documents and the ``parts`` rows (who has which
part), so its list pages like any other list and its count is one indexed query. Deadlines
are judged in working days, Vietnam time (``base.deadlines``). Which queues a user sees
follows their role: a clerk registers and issues, a leader directs and signs, a
specialist handles and drafts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from base.deadlines import DUE_SOON_DAYS, due_soon_until

from .parts import ACTIVE, Part
from .store import CacheStore

__all__ = [
    "Queue",
    "QueueScope",
    "queues_for",
    "queue_condition",
    "queue_counts",
    "by_deadline",
    "HANDLING",
]


class Queue(StrEnum):
    TO_REGISTER = "to_register"
    TO_DIRECT = "to_direct"
    MY_WORK = "my_work"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    DRAFTS = "drafts"
    TO_SIGN = "to_sign"
    TO_ISSUE = "to_issue"
    ISSUED = "issued"


HANDLING = (Part.LEAD, Part.CO, Part.INFO)
"""The parts of "Việc của tôi" (xử lý chính, phối hợp, để biết)."""
_DEADLINE_PARTS = (Part.LEAD, Part.CO)

_BY_ROLE: dict[str, tuple[Queue, ...]] = {
    "clerk": (
        Queue.TO_REGISTER,
        Queue.MY_WORK,
        Queue.DUE_SOON,
        Queue.OVERDUE,
        Queue.DRAFTS,
        Queue.TO_ISSUE,
        Queue.ISSUED,
    ),
    "leader": (
        Queue.TO_DIRECT,
        Queue.MY_WORK,
        Queue.DUE_SOON,
        Queue.OVERDUE,
        Queue.TO_SIGN,
        Queue.ISSUED,
    ),
    "specialist": (Queue.MY_WORK, Queue.DUE_SOON, Queue.OVERDUE, Queue.DRAFTS, Queue.TO_SIGN),
}


def queues_for(role: str) -> tuple[Queue, ...]:
    """The queues of a role, in the order the navigation shows them (none for archivists
    and administrators: they work from the full lists)."""
    return _BY_ROLE.get(role, ())


@dataclass(frozen=True)
class QueueScope:
    """Whose queues: the user, their role, today (Vietnam) and the warning time."""

    user_id: int
    role: str
    today: dt.date
    soon_days: int = DUE_SOON_DAYS
    part: Part | None = None
    """MY_WORK only: one kind of part (lead, co or info)."""

    @property
    def soon_until(self) -> dt.date:
        return due_soon_until(self.today, self.soon_days)


@dataclass(frozen=True)
class _Parts:
    """A queue that is a set of the user's part rows: listed through ``d.id IN (…)``, counted
    on the ``parts`` index alone (each part row belongs to a cached document)."""

    where: str
    args: list[Any]

    def condition(self) -> tuple[str, list[Any]]:
        return f"d.id IN (SELECT p.document_id FROM parts p WHERE {self.where})", self.args


OPEN = "d.status IN ('assigned', 'processing')"
"""Spelled as in the partial index ``ix_documents_open_due``, so SQLite uses it."""


def _mine(
    scope: QueueScope, parts: tuple[Part, ...], extra: str = "", *args: Any, state: str = ACTIVE
) -> _Parts:
    """The user's ``parts`` in a state (``extra`` narrows the part rows)."""
    marks = ",".join("?" * len(parts))
    return _Parts(
        f"p.user_id = ? AND p.state = ? AND p.part IN ({marks}){extra}",
        [scope.user_id, state, *(p.value for p in parts), *args],
    )


def _deadline(scope: QueueScope, op: str, *bounds: dt.date) -> tuple[str, list[Any]] | _Parts:
    """Open documents by deadline: a leader watches the whole organisation, anyone else
    their own parts."""
    values = [b.isoformat() for b in bounds]
    if scope.role == "leader":
        return f"{OPEN} AND d.due_date {op}", values
    return _mine(scope, _DEADLINE_PARTS, f" AND p.deadline {op}", *values)


def _queue(queue: Queue, scope: QueueScope) -> tuple[str, list[Any]] | _Parts:
    if queue is Queue.TO_REGISTER:
        return "d.status = 'arrived'", []
    if queue is Queue.TO_DIRECT:
        return _mine(scope, (Part.PRESENTED, Part.EXTENSION))  # to direct, or to extend
    if queue is Queue.MY_WORK:
        return _mine(scope, (scope.part,) if scope.part else HANDLING)
    if queue is Queue.DUE_SOON:
        return _deadline(scope, "BETWEEN ? AND ?", scope.today, scope.soon_until)
    if queue is Queue.OVERDUE:
        return _deadline(scope, "< ?", scope.today)
    if queue is Queue.DRAFTS:
        if scope.role == "specialist":  # an author's part follows the document's status
            return _mine(scope, (Part.AUTHOR,), state="draft")
        return "d.status = 'draft'", []
    if queue is Queue.TO_SIGN:
        if scope.role == "leader":
            return _mine(scope, (Part.SUBMITTED,))
        if scope.role == "specialist":
            return _mine(scope, (Part.AUTHOR,), state="pending_signature")
        return "d.status = 'pending_signature'", []
    if queue is Queue.TO_ISSUE:
        return "d.status IN ('signed', 'numbered')", []
    return "d.status = 'issued'", []


def queue_condition(queue: Queue, scope: QueueScope) -> tuple[str, list[Any]]:
    """The SQL condition (on documents ``d``) and its arguments."""
    found = _queue(queue, scope)
    return found.condition() if isinstance(found, _Parts) else found


def by_deadline(queue: Queue) -> bool:
    """Deadline queues list the most pressing first (every row has a deadline)."""
    return queue in (Queue.DUE_SOON, Queue.OVERDUE)


def queue_counts(store: CacheStore, scope: QueueScope) -> dict[Queue, int]:
    """How many documents each of the role's queues holds (the navigation's numbers)."""
    counts: dict[Queue, int] = {}
    with store.read() as conn:
        for queue in queues_for(scope.role):
            found = _queue(queue, scope)
            if isinstance(found, _Parts):
                sql, args = f"SELECT count(*) FROM parts p WHERE {found.where}", found.args
            else:
                sql, args = f"SELECT count(*) FROM documents d WHERE {found[0]}", found[1]
            counts[queue] = int(conn.exec_driver_sql(sql, tuple(args)).scalar() or 0)
    return counts
