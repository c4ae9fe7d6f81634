"""Work queues: "Chờ vào sổ", "Việc của tôi", "Quá hạn"… as filters over the cache.

Each queue is a condition on the cached documents and the ``parts`` rows (who has which
part), so its list pages like any other list and its count is one indexed query. Deadlines
are judged in working days, Vietnam time (``base.deadlines``). Which queues a user sees
follows their role: a clerk registers and issues, a leader directs and signs, a
specialist handles and drafts, an archivist uploads the scans.

One deadline rule serves the queues and the list's colours (``my_due_sql`` selects it for
every listed row, ``deadline_state`` judges it, ``_deadline`` is the same rule as an indexed
condition): what a user answers for on a document is his own handling part's deadline
(chủ trì or phối hợp; the document's when the part has none); a leader, who watches the
whole organisation, also answers for the open documents he has no part in, by the
document's deadline; a reader for information (để biết) answers for nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from base.deadlines import DUE_SOON_DAYS, DeadlineState, due_soon_until

from .parts import ACTIVE, AUTHOR_STATES, Part
from .store import CacheStore

if TYPE_CHECKING:
    from .query import DocumentRow

__all__ = [
    "Queue",
    "QueueScope",
    "UPLOAD_QUEUES",
    "queues_for",
    "queue_condition",
    "queue_counts",
    "by_deadline",
    "deadline_source",
    "my_columns_sql",
    "deadline_state",
    "HANDLING",
    "DEADLINE_PARTS",
    "OPEN_STATUSES",
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
    SCANS_WAITING = "scans_waiting"
    """Scans in the watched folder not yet uploaded (files, not documents)."""
    UPLOADS_FAILED = "uploads_failed"
    """Scans whose upload failed (files, not documents)."""


ISSUED_DAYS = 30
"""The "issued" queue is the last month's work (a clerk's day, not the organisation's archive)."""

UPLOAD_QUEUES = frozenset({Queue.SCANS_WAITING, Queue.UPLOADS_FAILED})
"""Queues of files in the upload queue, not of cached documents: the window shows them on the
uploads page and ``Workspace.queue_counts`` counts them from the upload queue on disk."""

HANDLING = (Part.LEAD, Part.CO, Part.INFO)
"""The parts of "Việc của tôi" (chủ trì, phối hợp, để biết)."""
DEADLINE_PARTS = (Part.LEAD, Part.CO)
"""The parts that handle the document, so answer for its deadline (để biết does not)."""
OPEN_STATUSES = ("assigned", "processing")

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
    "archivist": (Queue.SCANS_WAITING, Queue.UPLOADS_FAILED),
}


def queues_for(role: str) -> tuple[Queue, ...]:
    """The queues of a role, in the order the navigation shows them (none for
    administrators: they work from the full lists)."""
    return _BY_ROLE.get(role, ())


def watches_organisation(role: str) -> bool:
    """A leader answers for every open document's deadline, not only his own parts'."""
    return role == "leader"


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


@dataclass(frozen=True)
class _Ids:
    """A queue that is a set of ``(id, due)`` rows from indexed branches: listed through
    ``d.id IN (…)`` or in deadline order straight from the set (``deadline_source``),
    counted without looking the documents up again."""

    sql: str
    args: list[Any]
    counts: tuple[tuple[int, str, list[Any]], ...]
    """The count as a sum of ``sign * count(*) FROM …`` over index ranges."""

    def condition(self) -> tuple[str, list[Any]]:
        return f"d.id IN (SELECT id FROM ({self.sql}))", self.args

    def count(self, conn: Connection) -> int:
        total = 0
        for sign, source, args in self.counts:
            total += sign * int(
                conn.exec_driver_sql(f"SELECT count(*) {source}", tuple(args)).scalar() or 0
            )
        return total


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


OPEN = f"d.status IN ({_quoted(OPEN_STATUSES)})"
"""Spelled as in the partial index ``ix_documents_open_due``, so SQLite uses it."""
_HANDLING_PARTS = _quoted(tuple(p.value for p in DEADLINE_PARTS))
_ANY_PART = _quoted(tuple(p.value for p in HANDLING))
_MY_HANDLING = f"p.user_id = ? AND p.state = '{ACTIVE}' AND p.part IN ({_HANDLING_PARTS})"
_MY_ANY = f"p.user_id = ? AND p.state = '{ACTIVE}' AND p.part IN ({_ANY_PART})"


def my_columns_sql(scope: QueueScope | None) -> tuple[str, list[Any]]:
    """The select list's ``my_part, my_due`` for documents ``d`` (see the module's rule):
    the user's active part (lead before co before info) and the deadline he answers for.
    Without a user, every open document's own deadline."""
    if scope is None:
        return f"NULL AS my_part, CASE WHEN {OPEN} THEN d.due_date END AS my_due", []
    uid = scope.user_id
    part = (
        f"(SELECT p.part FROM parts p WHERE p.document_id = d.id AND {_MY_ANY} "
        "ORDER BY p.part = 'info', p.part = 'co' LIMIT 1)"
    )
    mine = (
        "(SELECT COALESCE(min(p.deadline), d.due_date) FROM parts p "
        f"WHERE p.document_id = d.id AND {_MY_HANDLING} HAVING count(*) > 0)"
    )
    if not watches_organisation(scope.role):
        return f"{part} AS my_part, {mine} AS my_due", [uid, uid]
    unowned = (
        f"CASE WHEN {OPEN} AND NOT EXISTS (SELECT 1 FROM parts p "
        f"WHERE p.document_id = d.id AND {_MY_ANY}) THEN d.due_date END"
    )
    return f"{part} AS my_part, COALESCE({mine}, {unowned}) AS my_due", [uid, uid, uid]


def deadline_state(row: DocumentRow, today: dt.date, soon_until: dt.date) -> DeadlineState:
    """Overdue, due soon or on time by the deadline the user answers for (``row.my_due``):
    the same judgement as the DUE_SOON and OVERDUE queues, so a coloured row is in them."""
    if not row.my_due:
        return DeadlineState.NONE
    due = dt.date.fromisoformat(row.my_due)
    if due < today:
        return DeadlineState.OVERDUE
    if due <= soon_until:
        return DeadlineState.DUE_SOON
    return DeadlineState.ON_TIME


def _mine(
    scope: QueueScope, parts: tuple[Part, ...], extra: str = "", *args: Any, state: str = ACTIVE
) -> _Parts:
    """The user's ``parts`` in a state (``extra`` narrows the part rows)."""
    marks = ",".join("?" * len(parts))
    return _Parts(
        f"p.user_id = ? AND p.state = ? AND p.part IN ({marks}){extra}",
        [scope.user_id, state, *(p.value for p in parts), *args],
    )


def _deadline(scope: QueueScope, op: str, *bounds: dt.date) -> _Ids:
    """``my_due`` within bounds, as indexed branches: the user's handling parts by their
    deadline (by the document's when the part has none), and for a leader the open
    documents he has no part in by theirs. The branches never share a document (a person
    holds one active part of a document at a time), so they are listed with UNION ALL and
    counted branch by branch, each on an index."""
    values = [b.isoformat() for b in bounds]
    uid = scope.user_id
    own = f"FROM parts p WHERE {_MY_HANDLING} AND p.deadline {op}"
    own_none = (
        f"FROM parts p JOIN documents o ON o.id = p.document_id "
        f"WHERE {_MY_HANDLING} AND p.deadline IS NULL AND o.due_date {op}"
    )
    sql = f"SELECT p.document_id AS id, p.deadline AS due {own} "
    sql += f"UNION ALL SELECT p.document_id, o.due_date {own_none}"
    args: list[Any] = [uid, *values, uid, *values]
    counts: list[tuple[int, str, list[Any]]] = [
        (1, own, [uid, *values]),
        (1, own_none, [uid, *values]),
    ]
    if watches_organisation(scope.role):
        open_due = (
            f"FROM documents o WHERE o.status IN ({_quoted(OPEN_STATUSES)}) AND o.due_date {op}"
        )
        sql += (
            f" UNION ALL SELECT o.id, o.due_date {open_due} AND o.id NOT IN "
            f"(SELECT p.document_id FROM parts p WHERE {_MY_ANY})"  # one small set, built once
        )
        args += [*values, uid]
        mine_open = (
            f"FROM parts p JOIN documents o ON o.id = p.document_id WHERE {_MY_ANY} "
            f"AND o.status IN ({_quoted(OPEN_STATUSES)}) AND o.due_date {op}"
        )
        counts += [(1, open_due, values), (-1, mine_open, [uid, *values])]
    return _Ids(sql, args, tuple(counts))


def _author_state(status: str) -> str:
    """An author's part in a status the cache keeps it for (``parts.AUTHOR_STATES``)."""
    if status not in AUTHOR_STATES:
        raise ValueError(f"the cache keeps no author's part in status {status!r}")
    return status


def _queue(queue: Queue, scope: QueueScope) -> tuple[str, list[Any]] | _Parts | _Ids:
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
            return _mine(scope, (Part.AUTHOR,), state=_author_state("draft"))
        return "d.status = 'draft'", []
    if queue is Queue.TO_SIGN:
        if scope.role == "leader":
            return _mine(scope, (Part.SUBMITTED,))
        if scope.role == "specialist":
            return _mine(scope, (Part.AUTHOR,), state=_author_state("pending_signature"))
        return "d.status = 'pending_signature'", []
    if queue is Queue.TO_ISSUE:
        return "d.status IN ('signed', 'numbered')", []
    if queue in UPLOAD_QUEUES:
        return "0", []  # files, not documents (``UPLOAD_QUEUES``)
    since = scope.today - dt.timedelta(days=ISSUED_DAYS)  # the rest is in "Văn bản đi"
    return "d.status = 'issued' AND d.sort_date >= ?", [since.isoformat()]


def queue_condition(queue: Queue, scope: QueueScope) -> tuple[str, list[Any]]:
    """The SQL condition (on documents ``d``) and its arguments."""
    found = _queue(queue, scope)
    return found if isinstance(found, tuple) else found.condition()


def deadline_source(queue: Queue, scope: QueueScope) -> tuple[str, list[Any]] | None:
    """A deadline queue as rows ``(id, due)`` with ``due`` = the row's ``my_due``, so its
    list is ordered before any document is read; None for the other queues."""
    found = _queue(queue, scope)
    return (found.sql, found.args) if isinstance(found, _Ids) else None


def by_deadline(queue: Queue) -> bool:
    """Deadline queues list the most pressing first (every row has a deadline)."""
    return queue in (Queue.DUE_SOON, Queue.OVERDUE)


def queue_counts(store: CacheStore, scope: QueueScope) -> dict[Queue, int]:
    """How many documents each of the role's document queues holds (the navigation's
    numbers; the upload queues are counted by whoever has the upload queue)."""
    counts: dict[Queue, int] = {}
    with store.read() as conn:
        for queue in queues_for(scope.role):
            if queue in UPLOAD_QUEUES:
                continue
            found = _queue(queue, scope)
            if isinstance(found, _Parts):
                sql, args = f"SELECT count(*) FROM parts p WHERE {found.where}", found.args
            elif isinstance(found, _Ids):
                counts[queue] = found.count(conn)
                continue
            else:
                sql, args = f"SELECT count(*) FROM documents d WHERE {found[0]}", found[1]
            counts[queue] = int(conn.exec_driver_sql(sql, tuple(args)).scalar() or 0)
    return counts
