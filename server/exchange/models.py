"""The exchange's tables: what waits to go out, what came in, what each recipient answered,
the agencies the axis knows and who runs the agent.

Package files live in the blob store (content-addressed), so a package is kept until the axis
acknowledged it and a re-delivery is recognised by its key, never stored twice.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..models import Base, utcnow

__all__ = [
    "ExchangeConnection",
    "OutboxPackage",
    "InboxPackage",
    "RecipientStatus",
    "Agency",
]


class ExchangeConnection(Base):
    """How one organisation reaches the national axis (its secret is a 0600 file, never here)."""

    __tablename__ = "exchange_connections"
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    system_id: Mapped[str] = mapped_column(String(100))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    poll_seconds: Mapped[int] = mapped_column(Integer, default=60)
    last_contact_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OutboxPackage(Base):
    """One package to one recipient agency: kept until the axis took it."""

    __tablename__ = "exchange_outbox"
    __table_args__ = (Index("ix_exchange_outbox_due", "state", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    """``PackageKind``."""
    recipient: Mapped[str] = mapped_column(String(35))
    """The recipient agency's code (OrganId)."""
    business_type: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status_code: Mapped[str | None] = mapped_column(String(2), nullable=True)
    sha256: Mapped[str] = mapped_column(String(64), ForeignKey("blobs.sha256"))
    size: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(10), default="queued")
    """``OutboxState``."""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")
    remote_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class InboxPackage(Base):
    """A package that came in (through the axis or a file), once per delivery key."""

    __tablename__ = "exchange_inbox"
    __table_args__ = (
        UniqueConstraint("organisation_id", "dedup_key", name="uq_exchange_inbox_key"),
        Index("ix_exchange_inbox_remote", "organisation_id", "remote_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    dedup_key: Mapped[str] = mapped_column(String(300))
    """Envelope: DocumentId|sender|BussinessDocType; status: DocumentId|sender|code|timestamp."""
    kind: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(10))
    remote_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    sender: Mapped[str] = mapped_column(String(35), default="")
    sender_name: Mapped[str] = mapped_column(String(300), default="")
    document_identifier: Mapped[str] = mapped_column(String(120), default="")
    business_type: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status_code: Mapped[str | None] = mapped_column(String(2), nullable=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    state: Mapped[str] = mapped_column(String(10))
    """``InboxState``."""
    problem: Mapped[str] = mapped_column(Text, default="")
    verdicts: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    """The envelope's XML signature and each PDF's PAdES signatures, checked at arrival."""
    attachments: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    """Every attachment (name, type, size, sha256 in the blob store), the main file included."""
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """The package file as received (blob store), kept for the record."""
    received_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class RecipientStatus(Base):
    """What a recipient agency said about a document we sent (edXML status), oldest first; the
    last one per agency is its current state. Our own sends are rows too (code ``00``)."""

    __tablename__ = "exchange_statuses"
    __table_args__ = (Index("ix_exchange_statuses_doc", "document_id", "agency_code", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    agency_code: Mapped[str] = mapped_column(String(35))
    agency_name: Mapped[str] = mapped_column(String(300), default="")
    code: Mapped[str] = mapped_column(String(2))
    description: Mapped[str] = mapped_column(Text, default="")
    staff: Mapped[str] = mapped_column(String(300), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Agency(Base):
    """An agency the axis knows (its list, refreshed by the agent): the recipients a clerk can
    pick, searched without diacritics (``folded``)."""

    __tablename__ = "exchange_agencies"
    code: Mapped[str] = mapped_column(String(35), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    parent_code: Mapped[str] = mapped_column(String(35), default="")
    folded: Mapped[str] = mapped_column(String(400), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
