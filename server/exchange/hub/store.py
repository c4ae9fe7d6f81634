"""The hub's own database: agencies, packages and one delivery row per recipient agency.

A small declarative base of its own (not the document server's models or migrations):
the hub is a separate, throw-away reference service, so ``create_all`` is its schema.
SQLite in the hub's folder, WAL, so it survives a restart with every pending package.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, create_engine, event
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    sessionmaker,
)

__all__ = [
    "Base",
    "HubAgency",
    "HubDelivery",
    "HubPackage",
    "as_utc",
    "open_database",
    "utcnow",
]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


class HubAgency(Base):
    __tablename__ = "agencies"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    parent_code: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    fax: Mapped[str] = mapped_column(String(50), default="")
    system_id: Mapped[str] = mapped_column(String(64), index=True)
    """The system that registered the agency: the only one that may send from it."""


class HubPackage(Base):
    __tablename__ = "packages"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender: Mapped[str] = mapped_column(String(64))
    system_id: Mapped[str] = mapped_column(String(64))
    """The sending system (kept: the agency may later be deleted or move)."""
    message_type: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    deliveries: Mapped[list[HubDelivery]] = relationship(
        back_populates="package", order_by="HubDelivery.agency", lazy="selectin"
    )

    __table_args__ = (Index("ix_packages_system_sent", "system_id", "sent_at"),)


class HubDelivery(Base):
    """One recipient agency's copy of a package and its state."""

    __tablename__ = "deliveries"

    package_id: Mapped[str] = mapped_column(ForeignKey("packages.id"), primary_key=True)
    agency: Mapped[str] = mapped_column(String(64), primary_key=True)
    system_id: Mapped[str] = mapped_column(String(64))
    """The recipient's system when the package was sent: it lists, fetches and acknowledges."""
    state: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    package: Mapped[HubPackage] = relationship(back_populates="deliveries")

    __table_args__ = (Index("ix_deliveries_system_state", "system_id", "state"),)


def _pragmas(dbapi_conn: Any, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def open_database(path: Path) -> sessionmaker[Session]:
    """Sessions on the hub's SQLite file, created if new (dispose ``sessions.kw["bind"]``)."""
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": 30, "check_same_thread": False},
        hide_parameters=True,
    )
    event.listen(engine, "connect", _pragmas)
    Base.metadata.create_all(engine)
    return sessionmaker(engine, expire_on_commit=False)


def as_utc(value: dt.datetime) -> dt.datetime:
    """A stored instant as aware UTC (SQLite hands it back naive)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
