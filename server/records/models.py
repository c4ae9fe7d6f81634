"""The records' tables: the file list of a year with its headings and planned files, the case
files, the link between a case file and its documents (a document is never copied into a file:
III.4.e), the readers a file's Rights name, and each file's own history.

States are ``base.records`` keys; a retention of None is permanent (Vĩnh viễn).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
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
)
from sqlalchemy.orm import Mapped, mapped_column

from ..models import Base, utcnow

__all__ = [
    "FileList",
    "FileListHeading",
    "PlannedFile",
    "CaseFile",
    "CaseFileDocument",
    "CaseFileReader",
    "CaseFileEvent",
]


class FileList(Base):
    """Danh mục hồ sơ of one organisation for one year (Art. 28)."""

    __tablename__ = "file_lists"
    __table_args__ = (UniqueConstraint("organisation_id", "year", name="uq_file_list_year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10), default="draft")
    """``FileListState``."""
    decision: Mapped[str] = mapped_column(String(300), default="")
    """The decision it is issued with ("Quyết định số … ngày …"), printed under its title."""
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    issued_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class FileListHeading(Base):
    """A major heading (no parent: numbered I, II, …) or a sub-heading under one (1, 2, …),
    by department or field of work (Appendix V I.1)."""

    __tablename__ = "file_list_headings"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_list_id: Mapped[int] = mapped_column(ForeignKey("file_lists.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("file_list_headings.id"), nullable=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    abbreviation: Mapped[str] = mapped_column(String(20), default="")
    """A major heading's short form (e.g. TCCB), the symbol part of its files' numbers."""


class PlannedFile(Base):
    """A file the list plans (Appendix V I.2–4): number and symbol, title, retention, who
    keeps it, notes."""

    __tablename__ = "planned_files"
    __table_args__ = (UniqueConstraint("file_list_id", "notation", name="uq_planned_notation"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    file_list_id: Mapped[int] = mapped_column(ForeignKey("file_lists.id"), index=True)
    heading_id: Mapped[int] = mapped_column(ForeignKey("file_list_headings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    notation: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    retention_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    """The department or person who opens it, as printed (Người lập hồ sơ)."""
    responsible_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    note: Mapped[str] = mapped_column(String(500), default="")


class CaseFile(Base):
    """A case file (hồ sơ) with the metadata of Appendix VI Part II.III."""

    __tablename__ = "case_files"
    __table_args__ = (
        UniqueConstraint("organisation_id", "year", "notation", name="uq_case_file_code"),
        Index("ix_case_files_org_state", "organisation_id", "state", "id"),
        Index("ix_case_files_creator", "creator_id", "state"),
        Index("ix_case_files_org_revision", "organisation_id", "revision"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    planned_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("planned_files.id"), nullable=True, index=True
    )
    code: Mapped[str] = mapped_column(String(70))
    """FileCode: OrganId.FileCatalog.FileNotation."""
    year: Mapped[int] = mapped_column(Integer)
    """FileCatalog: the year the file was formed."""
    notation: Mapped[str] = mapped_column(String(20))
    """FileNotation: number and symbol (01.TCCB)."""
    title: Mapped[str] = mapped_column(String(500))
    retention_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """Maintenance; None: permanent."""
    rights: Mapped[str] = mapped_column(String(20), default="restricted")
    """``base.records.Rights``."""
    creator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    language: Mapped[str] = mapped_column(String(50), default="vi")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    doc_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    page_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    description: Mapped[str] = mapped_column(String(500), default="")
    construction: Mapped[bool] = mapped_column(Boolean, default=False)
    """A construction project's file: due 3 months after final settlement (Art. 30.2.a)."""
    state: Mapped[str] = mapped_column(String(10), default="open")
    """``base.records.CaseFileState``."""
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    """The transfer deadline, set when closed (files for the archive only)."""
    keep_back: Mapped[str | None] = mapped_column(String(10), nullable=True)
    """``base.records.KeepBack``."""
    keep_back_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    keep_back_reason: Mapped[str] = mapped_column(Text, default="")
    keep_back_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    """The leader who answered the request."""
    retention_ends: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    """The day its retention ends (end + years), set when closed; None: permanent or open."""
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    accepted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    returned_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revision: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """Its change-feed number (``db.next_seq``, the documents' counter), taken by every change
    (``service.record``): the desktop's cache pulls files changed after its position
    (``feed.py``, migration 0018)."""


class CaseFileDocument(Base):
    """A document in a case file: a link, so one document sits in several files unchanged."""

    __tablename__ = "case_file_documents"
    __table_args__ = (
        UniqueConstraint("case_file_id", "document_id", name="uq_case_file_document"),
        Index("ix_case_file_documents_document", "document_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_file_id: Mapped[int] = mapped_column(ForeignKey("case_files.id"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    added_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CaseFileReader(Base):
    """A colleague the file's Rights let read it (besides creator, leaders, archivists)."""

    __tablename__ = "case_file_readers"
    __table_args__ = (
        UniqueConstraint("case_file_id", "user_id", name="uq_case_file_reader"),
        Index("ix_case_file_readers_user", "user_id", "case_file_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_file_id: Mapped[int] = mapped_column(ForeignKey("case_files.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class CaseFileEvent(Base):
    """One step of a file's life: opened, documents added or removed, closed, reopened (with
    its reason), transferred, returned, accepted, kept back, handed over."""

    __tablename__ = "case_file_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_file_id: Mapped[int] = mapped_column(ForeignKey("case_files.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str] = mapped_column(String(10))
    to_state: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """The document added or removed (shown only to who may read it)."""
