"""Document operations shared by the routes and the demo-data generator.

Every write takes a change-feed number from ``next_seq`` inside the same
transaction, so the feed never misses a change.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, cast

from sqlalchemy import Insert, Select, Table, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from base.workflow import CREATED_AS, Direction, Origin, Status

from . import idempotency
from .answers import (
    document_out,
    documents_out,
    json_response,
    number_symbol,
    trace_out,
    version_out,
)
from .db import next_seq
from .deps import today_vn
from .duplicates import refuse_duplicate
from .errors import ApiProblem, conflict, file_missing, forbidden, not_found
from .lists import list_query
from .models import (
    AuditEvent,
    Base,
    Blob,
    Document,
    IdempotencyKey,
    Register,
    TraceEvent,
    User,
    Version,
    utcnow,
)
from .policy import may_attach, may_create
from .roles import Role
from .schemas import (
    DocumentCreate,
    DocumentOut,
    NextNumberOut,
)
from .text import clean_filename, search_text
from .workflow import initial_status

__all__ = [
    "document_out",
    "number_symbol",
    "documents_out",
    "json_response",
    "search_text_for",
    "search_text_of",
    "load_document",
    "list_query",
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


SEARCHED = (
    "code_number",
    "code_notation",
    "arrival_number",
    "subject",
    "organ_name",
    "signer_name",
    "doc_type",
    "recipients",
    "to_places",
)
"""The fields search reads (``search_text_of``), the desktop's own index's (number part: the
number/symbol, the notation and the arrival number; the rest: subject, issuing body, signer,
type, recipients, places)."""


def search_text_of(fields: Mapping[str, Any]) -> str:
    """``search_text`` from a document's fields: an ORM row's (``search_text_for``) or a row of
    a bulk insert (the demo's)."""
    arrival = fields.get("arrival_number")
    number = [fields.get("code_number") or "", fields.get("code_notation") or ""]
    number.append("" if arrival is None else str(arrival))
    rest = [fields.get(name) or "" for name in ("subject", "organ_name", "signer_name", "doc_type")]
    rest += [*(fields.get("recipients") or ()), *(fields.get("to_places") or ())]
    return search_text(number, rest)


def search_text_for(doc: Document) -> str:
    return search_text_of({name: getattr(doc, name) for name in SEARCHED})


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


def _request_identity(body: DocumentCreate, scanned: bool) -> str:
    """What an ``Idempotency-Key`` is bound to. A typed-in document: its fields — the key names
    the document, not the file: two engines scanning the same paper send other bytes under one
    key and must still make one document (the first file is its version 1), and a confirmation
    sent again after a duplicate warning is the same request too. A scan: nothing but the key —
    the watched folder's key is the scanned bytes' hash, so the same bytes under another name
    (or converted again, to other PDF bytes) are the document made the first time, a duplicate,
    not a refused request retried forever."""
    if scanned:
        return idempotency.fingerprint("scan", None, body, leave_out=frozenset(body.model_fields))
    return idempotency.fingerprint("create", None, body, leave_out=NOT_IDENTITY)


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
    status = initial_status(body.direction, body.status, Role(user.role))
    # An upload carrying a document waiting for its number is a scan (the watched folder); a
    # draft or a registration sent with its file was typed in like any other.
    scanned = uploaded and status == Status.ARRIVED
    request_sha256 = _request_identity(body, scanned)
    session.flush()  # whatever the caller changed goes first, outside the savepoint below
    blob = None
    if body.file_sha256:
        blob = session.get(Blob, body.file_sha256)
        if blob is None or not may_attach(session, user, body.file_sha256):
            raise file_missing()
        filename = clean_filename(body.filename or f"{body.file_sha256[:12]}.pdf")
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
        # A scan's key is its bytes: whatever was first made under it (by a server before
        # this rule too) is these bytes' document.
        first = earlier[0] if scanned else idempotency.refuse_unless_same(earlier, request_sha256)
        return documents_out(session, [session.get_one(Document, first)])[0], False
    if on_created is not None:
        on_created(doc.id)
    session.commit()
    made = [version_out(v, user.full_name) for v in versions]
    return document_out(doc, made, [trace_out(created, user.full_name)]), True
