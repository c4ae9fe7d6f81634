"""Document operations shared by the routes and the demo-data generator.

Every write takes a change-feed number from ``next_seq`` inside the same
transaction, so the feed never misses a change.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import cast

from sqlalchemy import Insert, Select, Table, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from base.workflow import CREATED_AS, Direction, Origin, Status

from . import idempotency
from .db import next_seq
from .deps import today_vn
from .duplicates import refuse_duplicate
from .errors import ApiProblem, conflict, file_missing, forbidden, not_found
from .exchange.queries import arrivals, exchange_deliveries, marks_for
from .models import (
    Assignment,
    AuditEvent,
    Base,
    Blob,
    Document,
    IdempotencyKey,
    Organisation,
    Register,
    TraceEvent,
    User,
    Version,
    utcnow,
)
from .policy import may_attach, may_create
from .roles import Role
from .schemas import (
    CURSOR_PATTERN,
    AssignmentOut,
    DeliveryOut,
    DocumentCreate,
    DocumentOut,
    ExchangeOut,
    NextNumberOut,
    TraceOut,
    VersionOut,
)
from .text import clean_filename, fold
from .workflow import initial_status

__all__ = [
    "document_out",
    "search_text_for",
    "load_document",
    "list_query",
    "encode_cursor",
    "decode_cursor",
    "assign_number",
    "peek_number",
    "audit",
    "audit_change",
    "touch",
    "claim",
    "check_create",
    "create_document_record",
]

logger = logging.getLogger(__name__)


def number_symbol(doc: Document) -> str:
    if not doc.code_number:
        return ""
    return f"{doc.code_number}/{doc.code_notation}" if doc.code_notation else doc.code_number


def search_text_for(doc: Document) -> str:
    parts = [number_symbol(doc), doc.code_notation, doc.subject, doc.organ_name, doc.signer_name]
    parts += list(doc.recipients or []) + list(doc.to_places or [])
    return fold(" ".join(p for p in parts if p))


def document_out(
    doc: Document,
    versions: list[Version],
    authors: dict[int, str],
    trace: Sequence[TraceEvent] = (),
    assignments: Sequence[Assignment] = (),
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
        versions=[
            VersionOut(
                number=v.number,
                sha256=v.sha256,
                size=v.size,
                filename=v.filename,
                content_type=v.content_type,
                author=authors.get(v.author_id, ""),
                note=v.note,
                created_at=v.created_at,
            )
            for v in versions
        ],
        trace=[
            TraceOut(
                at=t.at,
                user_id=t.user_id,
                user_name=authors.get(t.user_id, ""),
                role=t.role,
                action=t.action,
                from_status=t.from_status,
                to_status=t.to_status,
                comment=t.comment,
                recipients=list(t.recipients or []),
            )
            for t in trace
        ],
        assignments=[
            AssignmentOut(
                user_id=a.user_id,
                user_name=authors.get(a.user_id, ""),
                kind=a.kind,  # type: ignore[arg-type]  # stored from workflow.Part
                state=a.state,  # type: ignore[arg-type]  # stored from workflow.PartState
                deadline=a.deadline,
                requested_deadline=a.requested_deadline,
                assigned_by=a.assigned_by,
            )
            for a in assignments
        ],
        source_id=doc.source_id,
        origin=Origin(doc.origin),
        deliveries=list(deliveries),
        document_identifier=doc.document_identifier,
        marks=list(marks),
        exchange=exchange,
    )


def documents_out(session: Session, docs: list[Document]) -> list[DocumentOut]:
    """Serialise many documents with four queries (versions, trace, assignments, names), not N."""
    ids = [d.id for d in docs]
    versions: dict[int, list[Version]] = {i: [] for i in ids}
    trace: dict[int, list[TraceEvent]] = {i: [] for i in ids}
    parts: dict[int, list[Assignment]] = {i: [] for i in ids}
    if ids:
        for v in session.scalars(
            select(Version).where(Version.document_id.in_(ids)).order_by(Version.number)
        ):
            versions[v.document_id].append(v)
        for t in session.scalars(
            select(TraceEvent).where(TraceEvent.document_id.in_(ids)).order_by(TraceEvent.id)
        ):
            trace[t.document_id].append(t)
        for a in session.scalars(
            select(Assignment).where(Assignment.document_id.in_(ids)).order_by(Assignment.id)
        ):
            parts[a.document_id].append(a)
    author_ids = {v.author_id for vs in versions.values() for v in vs}
    author_ids |= {t.user_id for ts in trace.values() for t in ts}
    author_ids |= {a.user_id for ps in parts.values() for a in ps}
    authors = (
        dict(session.execute(select(User.id, User.full_name).where(User.id.in_(author_ids))).all())
        if author_ids
        else {}
    )
    outgoing = [d.id for d in docs if d.direction == "outgoing"]
    sent = _deliveries(session, outgoing)
    for doc_id, outside in exchange_deliveries(session, outgoing).items():
        sent.setdefault(doc_id, []).extend(outside)
    arrived = arrivals(session, [d.id for d in docs if d.origin == Origin.EXCHANGE])
    marks = marks_for(session, ids, arrived)
    return [
        document_out(
            d,
            versions[d.id],
            authors,
            trace[d.id],
            parts[d.id],
            sent.get(d.id, ()),
            marks.get(d.id, ()),
            arrived.get(d.id),
        )
        for d in docs
    ]


def _deliveries(session: Session, ids: list[int]) -> dict[int, list[DeliveryOut]]:
    found: dict[int, list[DeliveryOut]] = {}
    if not ids:
        return found
    for source, name, status in session.execute(
        select(Document.source_id, Organisation.name, Document.status)
        .join(Organisation, Organisation.id == Document.organisation_id)
        .where(Document.source_id.in_(ids), Document.deleted.is_(False))
        .order_by(Document.id)
    ):
        if source is not None:
            found.setdefault(source, []).append(DeliveryOut(organisation=name, status=status))
    return found


def load_document(session: Session, document_id: int, *, for_update: bool = False) -> Document:
    query = select(Document).where(Document.id == document_id, Document.deleted.is_(False))
    if for_update:
        query = query.with_for_update()
    doc = session.scalar(query)
    if doc is None:
        raise not_found(f"văn bản số {document_id}", f"Document {document_id}")
    return doc


def claim(
    session: Session, document_id: int, expected: int, *, version: bool = False
) -> int | None:
    """Take a document for a write decided on its revision ``expected`` (or, with ``version``,
    on its current file version): its new revision, or None when someone else changed it since
    (409). The write then ``touch``-es the document with that revision, taking no second one.

    One conditional UPDATE, meant as the transaction's first write, so the check and the bump
    are one statement: on SQLite that write takes the database's write lock with a fresh
    snapshot and keeps it to the commit (everything the write then reads is current, register
    numbers included); on PostgreSQL the row lock makes a concurrent writer re-read the row. Of
    N writers at one revision exactly one gets a revision.

    The feed number is taken first, on purpose: the counter row it locks to the commit puts
    every write in one queue, so steps that touch several documents (a withdrawal reaching its
    copies, a recipient's step moving the sender's document, a replacement retiring an earlier
    one) can never lock two documents in opposite orders — no deadlock, no lost update. Taking
    it last (tried on 2026-12-06) let ten steppers on PostgreSQL go ≈ 1.2× faster but opened
    exactly those cycles; several server processes (issue 30) are the way to more throughput."""
    revision = next_seq(session)
    table = cast(Table, Document.__table__)
    watched = table.c.current_version if version else table.c.revision
    result = session.connection().execute(
        update(table)
        .where(table.c.id == document_id, watched == expected)
        .values(revision=revision)
    )
    return revision if result.rowcount == 1 else None


def touch(session: Session, doc: Document, revision: int | None = None) -> None:
    """Give a changed document a new feed number (``revision``: one ``claim`` took already)
    and timestamp."""
    doc.revision = revision or next_seq(session)
    doc.updated_at = utcnow()
    doc.search_text = search_text_for(doc)


AUDIT_DETAIL_LIMIT = 60_000


def audit_change(session: Session, user: User, doc: Document, changes: dict[str, object]) -> None:
    """Record a metadata change with every old and new value (who and when are the event's)."""
    values = {field: [getattr(doc, field), new] for field, new in changes.items()}
    audit(session, user, "update", doc.id, json.dumps(values, ensure_ascii=False, default=str))


def audit(
    session: Session, user: User | None, action: str, document_id: int | None, detail: str = ""
) -> None:
    _insert(
        session,
        AuditEvent(
            user_id=user.id if user else None,
            action=action,
            document_id=document_id,
            detail=detail[:AUDIT_DETAIL_LIMIT],
        ),
    )


MAX_ID = 2**31 - 1


def encode_cursor(last_id: int) -> str:
    return str(last_id)


def decode_cursor(cursor: str) -> int | None:
    """The id a page starts below, or None when it lies above every possible id. The schema's
    pattern (at most 10 digits) is the whole rule, so every cursor it allows is answered and
    anything else is a 422 — never a 32-bit overflow in the database."""
    if not re.fullmatch(CURSOR_PATTERN, cursor):
        raise ApiProblem(422, "Con trỏ phân trang không hợp lệ.", "Invalid page cursor.")
    below = int(cursor)
    return below if below <= MAX_ID else None


def list_query(
    *,
    direction: str | None,
    doc_type: str | None,
    urgency: int | None,
    secrecy: int | None,
    status: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    q: str | None,
) -> Select[Document]:
    query = select(Document).where(Document.deleted.is_(False))
    if direction:
        query = query.where(Document.direction == direction)
    if doc_type:
        query = query.where(Document.doc_type == doc_type)
    if urgency is not None:
        query = query.where(Document.urgency == urgency)
    if secrecy is not None:
        query = query.where(Document.secrecy == secrecy)
    if status:
        query = query.where(Document.status == status)
    day = Document.issued_date
    if date_from:
        query = query.where(
            or_(day >= date_from, and_(day.is_(None), Document.arrival_date >= date_from))
        )
    if date_to:
        query = query.where(
            or_(day <= date_to, and_(day.is_(None), Document.arrival_date <= date_to))
        )
    for term in fold(q or "").split()[:10]:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Document.search_text.like(f"%{escaped}%", escape="\\"))
    return query


def _year_register(doc: Document, year: int) -> Select[Register]:
    """The organisation's first register of the year for ``doc``'s direction."""
    return (
        select(Register)
        .where(
            Register.organisation_id == doc.organisation_id,
            Register.direction == doc.direction,
            Register.year == year,
        )
        .order_by(Register.id)
    )


def _register_for(session: Session, doc: Document, register_id: int | None, year: int) -> Register:
    if register_id is not None:
        register = session.get(Register, register_id)
        if register is None or register.organisation_id != doc.organisation_id:
            raise not_found(f"sổ văn bản {register_id}", f"Register {register_id}")
        if register.direction != doc.direction:
            raise _wrong_register()
        return register
    query = _year_register(doc, year)
    register = session.scalar(query)
    if register is None:
        name = _register_name(doc.direction)
        try:
            with session.begin_nested():
                register = Register(
                    organisation_id=doc.organisation_id,
                    name=name,
                    direction=doc.direction,
                    year=year,
                    next_number=1,
                )
                session.add(register)
        except IntegrityError:
            register = session.scalar(query)
    assert register is not None
    return register


def peek_number(
    session: Session, doc: Document, register_id: int | None, today: dt.date
) -> NextNumberOut:
    """What ``assign_number`` would take now, read only (no register is created: a year's
    first number is 1), written as ``assign_number`` writes it."""
    if register_id is not None:
        register: Register | None = _register_for(session, doc, register_id, today.year)
    else:
        register = session.scalar(_year_register(doc, today.year))
    number = _next_in(session, register.id) if register else 1
    symbol = _formatted(number)
    if doc.direction == "outgoing" and doc.code_notation:
        symbol = f"{symbol}/{doc.code_notation}"
    return NextNumberOut(
        register_id=register.id if register else None,
        register_name=register.name if register else _register_name(doc.direction),
        year=today.year,
        number=number,
        number_symbol=symbol,
    )


def _register_name(direction: str) -> str:
    return "Sổ văn bản đến" if direction == "incoming" else "Sổ văn bản đi"


def _formatted(number: int) -> str:
    """A register number as it is written: two digits at least (05, 123)."""
    return f"{number:02d}"


def _next_in(session: Session, register_id: int) -> int:
    return int(session.scalar(select(Register.next_number).where(Register.id == register_id)) or 1)


def assign_number(session: Session, doc: Document, register_id: int | None, today: dt.date) -> int:
    """Take the register's next number atomically (UPDATE … RETURNING-style)."""
    already = doc.arrival_number if doc.direction == "incoming" else doc.code_number
    if already:
        raise conflict("Văn bản đã được cấp số.", "The document already has a number.")
    if doc.direction == "outgoing" and doc.status != "signed":
        raise conflict(
            "Chỉ cấp số cho văn bản đi đã được lãnh đạo ký duyệt.",
            "Only an outgoing document the leader has signed can be numbered.",
        )
    register = _register_for(session, doc, register_id, today.year)
    session.execute(
        update(Register)
        .where(Register.id == register.id)
        .values(next_number=Register.next_number + 1)
    )
    session.refresh(register)
    number = register.next_number - 1
    doc.register_id = register.id
    if doc.direction == "incoming":
        doc.arrival_number = number
        doc.arrival_date = today
    else:
        doc.code_number = _formatted(number)
        doc.issued_date = doc.issued_date or today
    return number


def check_create(session: Session, user: User, body: DocumentCreate) -> None:
    """Refuse a document the user may not create, before any bytes are sent for it."""
    if not may_create(user, body.direction, body.status):
        raise forbidden()
    if body.register_id is not None:
        register = session.get(Register, body.register_id)
        if register is None or register.organisation_id != user.organisation_id:
            raise not_found(f"sổ văn bản {body.register_id}", f"Register {body.register_id}")
        if register.direction != body.direction:
            raise _wrong_register()


def _wrong_register() -> ApiProblem:
    return conflict(
        "Sổ văn bản này dành cho chiều văn bản khác (đến/đi).",
        "This register is for the other direction (incoming/outgoing).",
    )


def _insert(session: Session, row: Base) -> None:
    """Insert ``row`` with a Core statement and give it its id: on write paths every request
    takes, the ORM's unit of work cost several times the statement itself. Unset columns get
    their defaults from the table."""
    table = cast(Table, row.__table__)
    values = {c.key: value for c in table.columns if (value := getattr(row, c.key)) is not None}
    new_id = int(session.execute(_insert_returning_id(table), values).scalar_one())
    row.id = new_id  # type: ignore[attr-defined]  # every ORM row here has an integer id


@cache
def _insert_returning_id(table: Table) -> Insert:
    return insert(table).returning(table.c.id)


def born(
    session: Session,
    origin: Origin,
    *,
    direction: str,
    status: str,
    organisation_id: int,
    created_by: int,
    **fields: object,
) -> Document:
    """The one way a document comes into being on this server — typed in, a scan's upload, a
    copy delivered by another organisation, history imported — with its origin recorded, its
    revision and its search text. Only in a status a document is born in (``CREATED_AS``);
    imported history alone arrives mid-flight. The caller inserts it (Core or ORM)."""
    if origin is not Origin.IMPORTED and status not in CREATED_AS[Direction(direction)]:
        raise ValueError(f"a {direction} document is not born {status}")
    doc = Document(
        direction=direction,
        status=status,
        origin=origin,
        organisation_id=organisation_id,
        created_by=created_by,
        **fields,
    )
    touch(session, doc)
    doc.created_at = doc.updated_at
    return doc


def imported_rows(session: Session, rows: list[dict[str, object]]) -> None:
    """History inserted in bulk (``insert(Document)`` with these rows): the same bookkeeping as
    ``born`` — origin and change-feed revisions — for thousands of rows in one statement."""
    last = next_seq(session, len(rows))
    for offset, row in enumerate(rows):
        row["origin"] = Origin.IMPORTED
        row["revision"] = last - len(rows) + 1 + offset


NOT_IDENTITY = frozenset({"file_sha256", "filename", "note", "duplicate_ok"})


def create_document_record(
    session: Session,
    user: User,
    body: DocumentCreate,
    idempotency_key: str | None,
    on_created: Callable[[int], None] | None = None,
    uploaded: bool = False,
) -> tuple[DocumentOut, bool]:
    """Create (and commit) a document, or return the one made earlier under the same key.

    Shared by ``POST /documents`` and uploads that carry their document, so both
    apply the same rules; ``on_created`` gets the new id inside the same
    transaction (the upload records its document atomically). Returns
    ``(document, created_now)``.

    Every scan of a watched folder passes here, so the rows go in as Core
    inserts (``_insert``). A repeated key is found by the unique index, not by
    a query first: one statement less for every new document, and no window
    for a race.
    """
    check_create(session, user, body)
    # The key names the document, not the scan: two engines scanning the same paper send other
    # bytes under one key and must still make one document (the first file is its version 1);
    # a confirmation sent again after a duplicate warning is the same request too.
    request_sha256 = idempotency.fingerprint("create", None, body, leave_out=NOT_IDENTITY)
    session.flush()  # whatever the caller changed goes first, outside the savepoint below
    blob = None
    if body.file_sha256:
        blob = session.get(Blob, body.file_sha256)
        if blob is None or not may_attach(session, user, body.file_sha256):
            raise file_missing()
        filename = clean_filename(body.filename or f"{body.file_sha256[:12]}.pdf")
    status = initial_status(body.direction, body.status, Role(user.role))
    # An upload carrying a document waiting for its number is a scan (the watched folder); a
    # draft or a registration sent with its file was typed in like any other.
    scanned = uploaded and status == Status.ARRIVED
    doc = born(
        session,
        Origin.SCAN if scanned else Origin.CREATED,
        **body.model_dump(exclude={"file_sha256", "filename", "note", "status", "duplicate_ok"}),
        status=status,
        organisation_id=user.organisation_id,
        created_by=user.id,
        current_version=1 if blob else 0,
    )
    versions = []
    try:
        with session.begin_nested():  # a key used before rolls back only this part
            if doc.direction == "incoming" and doc.status == "received":  # registered as entered
                refuse_duplicate(session, user, doc, body.duplicate_ok)
                assign_number(session, doc, body.register_id, today_vn())
            _insert(session, doc)
            if blob is not None:
                versions.append(
                    Version(
                        document_id=doc.id,
                        number=1,
                        sha256=blob.sha256,
                        size=blob.size,
                        filename=filename,
                        content_type="application/pdf",
                        author_id=user.id,
                        note=body.note or "Bản gốc",
                        created_at=doc.created_at,
                    )
                )
                _insert(session, versions[0])
            if idempotency_key:
                _insert(
                    session,
                    IdempotencyKey(
                        user_id=user.id,
                        key=idempotency_key,
                        document_id=doc.id,
                        request_sha256=request_sha256,
                    ),
                )
            audit(session, user, "create", doc.id, body.direction)
            created = TraceEvent(
                document_id=doc.id,
                at=doc.created_at,
                user_id=user.id,
                role=user.role,
                action="create",
                from_status="",
                to_status=doc.status,
                comment="",
                recipients=[],
            )
            _insert(session, created)
    except IntegrityError:
        earlier = idempotency.earlier_use(session, user, idempotency_key or "")
        if earlier is None:
            raise
        first = idempotency.refuse_unless_same(earlier, request_sha256)
        return documents_out(session, [session.get_one(Document, first)])[0], False
    if on_created is not None:
        on_created(doc.id)
    session.commit()
    return document_out(doc, versions, {user.id: user.full_name}, [created]), True
