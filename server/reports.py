"""The registers and the processing report (Decree 30/2020, Appendix IV), from the database.

A register lists what the organisation entered in a date range in the paper form's columns:
incoming by arrival date and arrival number, outgoing by issue date and number. The processing
report counts, per department of the lead handler, what was assigned in the range and how it
went: finished on time, finished late, still in hand, overdue now (in Vietnam time). Only
documents the caller may read are counted, so a report never reveals a secret document.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from base.deadlines import today_in_vietnam

from .models import Assignment, Department, Document, TraceEvent, User
from .policy import readable
from .workflow import Part, PartState, Step

__all__ = [
    "IncomingEntry",
    "OutgoingEntry",
    "DepartmentLine",
    "incoming_register",
    "outgoing_register",
    "processing_report",
    "NO_DEPARTMENT",
]

NO_DEPARTMENT = "Chưa thuộc phòng ban"
"""The line for lead handlers who belong to no department."""


@dataclass(frozen=True)
class IncomingEntry:
    arrival_date: dt.date | None
    arrival_number: int
    organ_name: str
    number_notation: str
    issued_date: dt.date | None
    doc_type: str
    subject: str
    handler: str
    """The lead handler and their department (Đơn vị hoặc người nhận), else the places it went to."""
    note: str


@dataclass(frozen=True)
class OutgoingEntry:
    number_notation: str
    issued_date: dt.date | None
    doc_type: str
    subject: str
    signer: str
    recipients: str
    kept_by: str
    """The unit or person that keeps the file copy (the drafter's department)."""
    issued_amount: int | None
    sent_date: dt.date | None
    note: str


@dataclass(frozen=True)
class DepartmentLine:
    department: str
    received: int
    done_on_time: int
    done_late: int
    in_hand: int
    """Still being processed and not overdue."""
    overdue: int


def _notation(doc: Document) -> str:
    return "/".join(part for part in (doc.code_number or "", doc.code_notation) if part)


def _vietnam_date(moment: dt.datetime | None) -> dt.date | None:
    return today_in_vietnam(moment) if moment is not None else None


def _leads(session: Session, documents: list[int]) -> dict[int, str]:
    """Each document's current lead handler as "Name (Department)"."""
    if not documents:
        return {}
    rows = session.execute(
        select(Assignment.document_id, User.full_name, Department.name)
        .join(User, User.id == Assignment.user_id)
        .outerjoin(Department, Department.id == User.department_id)
        .where(
            Assignment.document_id.in_(documents),
            Assignment.kind == Part.LEAD,
            Assignment.state.in_((PartState.ACTIVE, PartState.DONE)),
        )
        .order_by(Assignment.id)
    )
    return {doc_id: f"{name} ({dept})" if dept else name for doc_id, name, dept in rows}


_CHUNK = 500
"""Lookups by document id go in chunks: a year's register holds tens of thousands of rows."""


def _chunked(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def incoming_register(
    session: Session, user: User, start: dt.date, end: dt.date
) -> list[IncomingEntry]:
    docs = list(
        session.scalars(
            select(Document)
            .where(
                Document.organisation_id == user.organisation_id,
                Document.direction == "incoming",
                Document.deleted.is_(False),
                Document.arrival_number.is_not(None),
                Document.arrival_date >= start,
                Document.arrival_date <= end,
                readable(user),
            )
            .order_by(Document.arrival_date, Document.arrival_number, Document.id)
        )
    )
    leads: dict[int, str] = {}
    for chunk in _chunked([d.id for d in docs]):
        leads.update(_leads(session, chunk))
    return [
        IncomingEntry(
            arrival_date=doc.arrival_date,
            arrival_number=doc.arrival_number or 0,
            organ_name=doc.organ_name,
            number_notation=_notation(doc),
            issued_date=doc.issued_date,
            doc_type=doc.doc_type,
            subject=doc.subject,
            handler=leads.get(doc.id) or "; ".join(doc.to_places or ()),
            note=doc.description,
        )
        for doc in docs
    ]


def _sent_dates(session: Session, documents: list[int]) -> dict[int, dt.date | None]:
    rows = session.execute(
        select(TraceEvent.document_id, func.min(TraceEvent.at))
        .where(TraceEvent.document_id.in_(documents), TraceEvent.action == Step.ISSUE)
        .group_by(TraceEvent.document_id)
    )
    return {doc_id: _vietnam_date(at) for doc_id, at in rows}


def outgoing_register(
    session: Session, user: User, start: dt.date, end: dt.date
) -> list[OutgoingEntry]:
    drafter = aliased(User)
    rows = list(
        session.execute(
            select(Document, drafter.full_name, Department.name)
            .join(drafter, drafter.id == Document.created_by)
            .outerjoin(Department, Department.id == drafter.department_id)
            .where(
                Document.organisation_id == user.organisation_id,
                Document.direction == "outgoing",
                Document.deleted.is_(False),
                Document.code_number.is_not(None),
                Document.issued_date >= start,
                Document.issued_date <= end,
                readable(user),
            )
            .order_by(Document.issued_date, Document.id)
        )
    )
    sent: dict[int, dt.date | None] = {}
    for chunk in _chunked([doc.id for doc, _, _ in rows]):
        sent.update(_sent_dates(session, chunk))
    return [
        OutgoingEntry(
            number_notation=_notation(doc),
            issued_date=doc.issued_date,
            doc_type=doc.doc_type,
            subject=doc.subject,
            signer=" ".join(p for p in (doc.signer_position, doc.signer_name) if p),
            recipients="; ".join(doc.recipients or ()),
            kept_by=department or name,
            issued_amount=doc.issued_amount,
            sent_date=sent.get(doc.id),
            note=doc.description,
        )
        for doc, name, department in rows
    ]


def processing_report(
    session: Session,
    user: User,
    start: dt.date,
    end: dt.date,
    today: dt.date | None = None,
) -> list[DepartmentLine]:
    """Lead assignments made in ``start``…``end`` (Vietnam dates), per handler's department."""
    today = today or today_in_vietnam()
    # Naive UTC bounds of the Vietnam days (UTC+07:00 all year).
    since = dt.datetime.combine(start, dt.time()) - dt.timedelta(hours=7)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time()) - dt.timedelta(hours=7)
    rows = session.execute(
        select(Department.name, Assignment.state, Assignment.deadline, Assignment.closed_at)
        .join(Document, Document.id == Assignment.document_id)
        .join(User, User.id == Assignment.user_id)
        .outerjoin(Department, Department.id == User.department_id)
        .where(
            Document.organisation_id == user.organisation_id,
            Document.deleted.is_(False),
            Assignment.kind == Part.LEAD,
            Assignment.state.in_((PartState.ACTIVE, PartState.DONE)),
            Assignment.created_at >= since,
            Assignment.created_at < until,
            readable(user),
        )
    )
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for department, state, deadline, closed_at in rows:
        line = counts[department or NO_DEPARTMENT]
        line[0] += 1
        if state == PartState.DONE:
            finished = _vietnam_date(closed_at)
            late = deadline is not None and finished is not None and finished > deadline
            line[2 if late else 1] += 1
        elif deadline is not None and deadline < today:
            line[4] += 1
        else:
            line[3] += 1
    return [
        DepartmentLine(name, *values)
        for name, values in sorted(
            counts.items(), key=lambda item: (item[0] == NO_DEPARTMENT, item[0])
        )
    ]
