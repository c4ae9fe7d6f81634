"""A document as the API answers it (``DocumentOut``): one, or a page of them.

A page of 50 used to cost several times its query: every version, trace event and assignment
was loaded as an ORM object, the people's names by a query of their own, and the route's
answer was validated against its ``response_model`` again before a JSON encoder walked it.
Here each part is one Core query for the whole page (the names joined in, the statements built
once), the models are built once, and ``json_response`` has pydantic-core write the bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache
from typing import Any

from fastapi import Response
from pydantic import BaseModel
from sqlalchemy import Executable, Row, select
from sqlalchemy.orm import Session

from base.workflow import Mark, Origin

from .among import among, dialect_of
from .exchange.queries import arrivals, exchange_deliveries, marks_for
from .models import Assignment, Document, Organisation, TraceEvent, User, Version
from .records.policy import archived_among
from .schemas import AssignmentOut, DeliveryOut, DocumentOut, ExchangeOut, TraceOut, VersionOut

__all__ = ["number_symbol", "document_out", "documents_out", "json_response"]

logger = logging.getLogger(__name__)


def number_symbol(doc: Document | Row[Any]) -> str:
    if not doc.code_number:
        return ""
    return f"{doc.code_number}/{doc.code_notation}" if doc.code_notation else doc.code_number


def document_out(
    doc: Document | Row[Any],
    versions: Sequence[VersionOut] = (),
    trace: Sequence[TraceOut] = (),
    assignments: Sequence[AssignmentOut] = (),
    deliveries: Sequence[DeliveryOut] = (),
    marks: Sequence[str] = (),
    exchange: ExchangeOut | None = None,
) -> DocumentOut:
    return DocumentOut(
        id=doc.id,
        direction=doc.direction,  # type: ignore[arg-type]
        doc_type=doc.doc_type,
        code_number=doc.code_number,
        code_notation=doc.code_notation,
        number_symbol=number_symbol(doc),
        issued_date=doc.issued_date,
        organ_name=doc.organ_name,
        subject=doc.subject,
        language=doc.language,
        page_amount=doc.page_amount,
        description=doc.description,
        signer_position=doc.signer_position,
        signer_name=doc.signer_name,
        urgency=doc.urgency,
        secrecy=doc.secrecy,
        due_date=doc.due_date,
        to_places=list(doc.to_places or []),
        recipients=list(doc.recipients or []),
        issued_amount=doc.issued_amount,
        arrival_number=doc.arrival_number,
        arrival_date=doc.arrival_date,
        file_code=doc.file_code,
        register_id=doc.register_id,
        status=doc.status,
        organisation_id=doc.organisation_id,
        created_by=doc.created_by,
        created_at=doc.created_at,
        updated_at=doc.updated_at,
        revision=doc.revision,
        current_version=doc.current_version,
        versions=list(versions),
        trace=list(trace),
        assignments=list(assignments),
        source_id=doc.source_id,
        origin=Origin(doc.origin),
        deliveries=list(deliveries),
        document_identifier=doc.document_identifier,
        marks=list(marks),
        exchange=exchange,
    )


def version_out(v: Any, author: str) -> VersionOut:
    """``v``: a ``Version`` or a row with its columns."""
    return VersionOut(
        number=v.number,
        sha256=v.sha256,
        size=v.size,
        filename=v.filename,
        content_type=v.content_type,
        author=author,
        note=v.note,
        created_at=v.created_at,
    )


def trace_out(t: Any, user_name: str) -> TraceOut:
    """``t``: a ``TraceEvent`` or a row with its columns."""
    return TraceOut(
        at=t.at,
        user_id=t.user_id,
        user_name=user_name,
        role=t.role,
        action=t.action,
        from_status=t.from_status,
        to_status=t.to_status,
        comment=t.comment,
        recipients=list(t.recipients or []),
    )


def _assignment_out(a: Any) -> AssignmentOut:
    return AssignmentOut(
        user_id=a.user_id,
        user_name=a.name or "",
        kind=a.kind,
        state=a.state,
        deadline=a.deadline,
        requested_deadline=a.requested_deadline,
        assigned_by=a.assigned_by,
    )


@cache
def _parts(dialect: str) -> tuple[Executable, Executable, Executable, Executable]:
    """The page's versions, trace, assignments and copies, each one statement (built once per
    database kind, the ids bound as ``ids``: ``server.among``)."""
    versions = (
        select(*Version.__table__.columns, User.full_name.label("name"))
        .outerjoin(User, User.id == Version.author_id)
        .where(among(Version.document_id, dialect))
        .order_by(Version.document_id, Version.number)
    )
    trace = (
        select(*TraceEvent.__table__.columns, User.full_name.label("name"))
        .outerjoin(User, User.id == TraceEvent.user_id)
        .where(among(TraceEvent.document_id, dialect))
        .order_by(TraceEvent.id)
    )
    assignments = (
        select(*Assignment.__table__.columns, User.full_name.label("name"))
        .outerjoin(User, User.id == Assignment.user_id)
        .where(among(Assignment.document_id, dialect))
        .order_by(Assignment.id)
    )
    copies = (
        select(Document.source_id, Organisation.name, Document.status)
        .join(Organisation, Organisation.id == Document.organisation_id)
        .where(among(Document.source_id, dialect), Document.deleted.is_(False))
        .order_by(Document.id)
    )
    return versions, trace, assignments, copies


def documents_out(
    session: Session, docs: Sequence[Document] | Sequence[Row[Any]]
) -> list[DocumentOut]:
    """Many documents at once: one query per part (versions, trace, assignments; deliveries and
    the exchange's parts when the page has such documents), not one per document."""
    ids = [d.id for d in docs]
    if not ids:
        return []
    by_id: dict[str, dict[int, list[Any]]] = {
        part: {i: [] for i in ids} for part in ("versions", "trace", "assignments")
    }
    versions, trace, assignments, copies = _parts(dialect_of(session))
    # Core statements on the session's connection: the ORM's execution layer, which they do
    # not need, added almost half to their time. Without it nothing flushes for them: what
    # this request wrote (a step's trace event, a new version) is flushed first.
    session.flush()
    connection = session.connection()
    for row in connection.execute(versions, {"ids": ids}):
        by_id["versions"][row.document_id].append(version_out(row, row.name or ""))
    for row in connection.execute(trace, {"ids": ids}):
        by_id["trace"][row.document_id].append(trace_out(row, row.name or ""))
    for row in connection.execute(assignments, {"ids": ids}):
        by_id["assignments"][row.document_id].append(_assignment_out(row))
    outgoing = [d.id for d in docs if d.direction == "outgoing"]
    sent: dict[int, list[DeliveryOut]] = {}
    if outgoing:
        for source, name, status in connection.execute(copies, {"ids": outgoing}):
            if source is not None:
                sent.setdefault(source, []).append(DeliveryOut(organisation=name, status=status))
        for doc_id, outside in exchange_deliveries(session, outgoing).items():
            sent.setdefault(doc_id, []).extend(outside)
    arrived = arrivals(session, [d.id for d in docs if d.origin == Origin.EXCHANGE])
    marks = marks_for(session, ids, arrived)
    for doc_id in archived_among(session, ids):
        marks.setdefault(doc_id, []).append(Mark.ARCHIVED.value)
    return [
        document_out(
            d,
            by_id["versions"][d.id],
            by_id["trace"][d.id],
            by_id["assignments"][d.id],
            sent.get(d.id, ()),
            marks.get(d.id, ()),
            arrived.get(d.id),
        )
        for d in docs
    ]


def json_response(model: BaseModel) -> Response:
    """``model`` as the route's answer, serialised once by pydantic-core straight to JSON bytes.
    Returned as a model, FastAPI would validate it against ``response_model`` again, turn it
    into Python objects and hand those to a JSON encoder: for a page of 50 documents that cost
    several times the query. The route still names its ``response_model`` for the schema."""
    return Response(model.__pydantic_serializer__.to_json(model), media_type="application/json")
