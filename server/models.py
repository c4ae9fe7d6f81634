"""Database models of the reference server (SQLAlchemy 2 declarative).

Documents carry the Decree 30/2020 Appendix VI fields.  Every write bumps a
server-wide sequence (``ChangeCounter``) so the change feed has a strict
commit order; deleted documents stay as tombstones (``deleted=True``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Base",
    "Organisation",
    "Department",
    "User",
    "Grant",
    "AuthToken",
    "Register",
    "Document",
    "Version",
    "Blob",
    "Upload",
    "ChangeCounter",
    "IdempotencyKey",
    "AuditEvent",
    "TrustedCertificate",
    "Assignment",
    "TraceEvent",
    "SavedSearch",
    "utcnow",
]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Organisation(Base):
    """Đơn vị: an agency with its own documents, registers and users."""

    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    agency_code: Mapped[str | None] = mapped_column(String(35), unique=True, nullable=True)
    """Mã định danh cơ quan (Decision 20/2020/QĐ-TTg): its OrganId on the exchange axis and the
    first part of its documents' identifiers; up to 35 characters (QCVN 102 as amended 2022)."""
    secret_in_offline_index: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    """May desktop caches keep secrecy ≥ 1 metadata in their offline search index?"""


class Department(Base):
    """Phòng ban under an organisation (optional)."""

    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("organisation_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id"), nullable=True, default=None
    )


class Grant(Base):
    """Explicit read access to one document (shared with, or assigned to, a user)."""

    __tablename__ = "document_grants"
    # By user in document order: the access policy's "granted to me" branch walks it newest first.
    __table_args__ = (
        UniqueConstraint("document_id", "user_id"),
        Index("ix_grants_user_document", "user_id", "document_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reason: Mapped[str] = mapped_column(String(30), default="shared")
    """``shared``, ``assigned`` (the workflow), …"""
    granted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuthToken(Base):
    __tablename__ = "auth_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Register(Base):
    """Sổ văn bản: numbers start at 1 each year and never repeat within it."""

    __tablename__ = "registers"
    __table_args__ = (UniqueConstraint("organisation_id", "direction", "year", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    name: Mapped[str] = mapped_column(String(200))
    direction: Mapped[str] = mapped_column(String(10))
    year: Mapped[int] = mapped_column(Integer)
    next_number: Mapped[int] = mapped_column(Integer, default=1)


class Document(Base):
    __tablename__ = "documents"
    # The access policy filters by organisation: lists page by id, the change feed by revision.
    __table_args__ = (
        Index("ix_documents_org_id", "organisation_id", "id"),
        Index("ix_documents_org_revision", "organisation_id", "revision"),
        Index("ix_documents_creator_id", "created_by", "id"),
        Index("ix_documents_org_code_number", "organisation_id", "code_number"),
        Index("ix_documents_org_status_id", "organisation_id", "status", "id"),  # work queues
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(10), index=True)
    doc_type: Mapped[str] = mapped_column(String(100), default="Công văn")
    code_number: Mapped[str | None] = mapped_column(String(11), nullable=True)
    code_notation: Mapped[str] = mapped_column(String(30), default="")
    issued_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    organ_name: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    language: Mapped[str] = mapped_column(String(10), default="vi")
    page_amount: Mapped[int] = mapped_column(Integer, default=1)
    description: Mapped[str] = mapped_column(Text, default="")
    signer_position: Mapped[str] = mapped_column(String(200), default="")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    urgency: Mapped[int] = mapped_column(Integer, default=0)
    secrecy: Mapped[int] = mapped_column(Integer, default=0)
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    to_places: Mapped[list[str]] = mapped_column(JSON, default=list)
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    issued_amount: Mapped[int | None] = mapped_column(Integer, nullable=True)
    arrival_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    arrival_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    file_code: Mapped[str] = mapped_column(String(100), default="")
    document_identifier: Mapped[str | None] = mapped_column(
        String(120), nullable=True, default=None, index=True
    )
    """Mã định danh văn bản ``OrganId,yyyy/MM/dd,Số/Ký hiệu``: given when an outgoing document
    is numbered, kept on every copy (Decree 30/2020 Appendix VI III.1.c, III.2.c)."""
    register_id: Mapped[int | None] = mapped_column(ForeignKey("registers.id"), nullable=True)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id"), nullable=True, default=None, index=True
    )
    """A delivered copy: the issued document it came from (recall and replacement reach it)."""
    status: Mapped[str] = mapped_column(String(30), default="draft")
    origin: Mapped[str] = mapped_column(String(20), default="created", server_default="created")
    """How the document came into this server (``base.workflow.Origin``)."""
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revision: Mapped[int] = mapped_column(BigInteger, index=True, unique=True)
    current_version: Mapped[int] = mapped_column(Integer, default=0)
    search_text: Mapped[str] = mapped_column(Text, default="")
    """Its words as searched (``server.text.search_text``), indexed by migration 0016: FTS5
    with triggers on SQLite, full-text GIN indexes on PostgreSQL (neither is a model)."""
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Version(Base):
    """An immutable file version of a document."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), ForeignKey("blobs.sha256"), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100), default="application/pdf")
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Blob(Base):
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Upload(Base):
    __tablename__ = "uploads"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content_type: Mapped[str] = mapped_column(String(100))
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # A document to create once the bytes are complete (JSON of DocumentCreate),
    # so a scan needs two requests, not three.
    document_request: Mapped[str | None] = mapped_column(Text, nullable=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    document_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    document_created: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # One writer at a time (a lease that works across server processes on PostgreSQL too):
    # two PATCHes of the same upload must never interleave their bytes.
    writer: Mapped[str | None] = mapped_column(String(36), nullable=True, default=None)
    writer_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True, default=None)


class ChangeCounter(Base):
    """A single row; locking it serialises writers so seq order is commit order."""

    __tablename__ = "change_counter"
    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class LoginFailure(Base):
    """Failed logins per key (a user, an address, a pair), kept in the database so that every
    worker process — and every server machine — throttles the same guesser."""

    __tablename__ = "login_failures"
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    last_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class JobLease(Base):
    """Which process runs a background job (the blob scrub, the exchange agent) until when, and
    how its last run ended: a deployment of many workers runs each job once, not once per worker."""

    __tablename__ = "job_leases"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100), default="")
    until: Mapped[dt.datetime] = mapped_column(DateTime)
    last_started_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_result: Mapped[str] = mapped_column(String(400), default="")
    last_ok: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    runs: Mapped[int] = mapped_column(Integer, default=0)
    """Runs started, by any process: with the lease, one per interval for the deployment."""


class IdempotencyKey(Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("user_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    key: Mapped[str] = mapped_column(String(200))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    request_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """What the key was first used for (``server.idempotency.fingerprint``); NULL before 0008."""


class AuditEvent(Base):
    """Who did what, when: logins, changes, grants, admin actions and every access to a
    document's content (``base.audit``)."""

    __tablename__ = "audit_events"
    # A document's access history and the audit screen's period filter are index probes.
    __table_args__ = (
        Index("ix_audit_document", "document_id", "id"),
        Index("ix_audit_at", "at"),
        UniqueConstraint("user_id", "client_key", name="uq_audit_client_key"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(50))
    document_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    """What changed: for a metadata change a JSON object ``{field: [old, new]}``."""
    client_key: Mapped[str | None] = mapped_column(String(64), nullable=True, default=None)
    """An event the desktop reported (a view queued offline): its key, so a resend is one event."""


class TrustedCertificate(Base):
    """A CA certificate the desktop clients of one organisation (or, with no organisation, of
    the whole province) trust — or, disabled, distrust — besides their built-in anchors."""

    __tablename__ = "trusted_certificates"
    __table_args__ = (UniqueConstraint("organisation_id", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id"), nullable=True, index=True
    )
    sha256: Mapped[str] = mapped_column(String(64))
    pem: Mapped[str] = mapped_column(Text)
    pki: Mapped[str] = mapped_column(String(20), default="other")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Assignment(Base):
    """Who handles an incoming document, as a leader directed: the lead handler (xử lý chính),
    co-handlers (phối hợp) and those informed (nhận để biết), each with a deadline."""

    __tablename__ = "assignments"
    __table_args__ = (Index("ix_assignments_user_state", "user_id", "state"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(10))
    """``lead``, ``co`` or ``info`` (``workflow.Part``)."""
    state: Mapped[str] = mapped_column(String(10), default="active")
    """``active``, ``done``, ``returned`` or ``recalled`` (``workflow.PartState``)."""
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    requested_deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True, default=None)
    """The handler asked for more time, until this day (xin gia hạn); the leader decides."""
    assigned_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class TraceEvent(Base):
    """One step of a document's life (the exchange standard's TraceHeaderList): who, in which
    role, when, what, with which comment, to whom."""

    __tablename__ = "trace_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    comment: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[list[int]] = mapped_column(JSON, default=list)
    """The users (ids) this step was addressed to."""


class SavedSearch(Base):
    """A list's filters saved under a name by one user (Decree 30/2020 Appendix VI III.6.e),
    kept on the server so every machine the user signs in on has them; nobody else sees them."""

    __tablename__ = "saved_searches"
    __table_args__ = (UniqueConstraint("user_id", "name", name="uq_saved_search_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    """NFC, trimmed; unique per user (also ignoring case, checked by the route)."""
    query: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    """The filters (``schemas.SavedQuery``): text, direction, queue, doc_type, min_urgency,
    overdue, status and the chosen columns."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
