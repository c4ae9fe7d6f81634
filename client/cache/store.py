"""The cache database of one server account (SQLite, WAL, SQLAlchemy engine).

Opening checks the file: a corrupt cache is moved aside and rebuilt (the
server has everything), never silently half-used.  "Disk full" becomes a
clear error and the transaction rolls back, so nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError

from base.paths import app_paths

from ..records import Document
from .errors import CacheCorrupted, CacheError, DiskFull
from .folding import fold, tokens
from .parts import document_parts
from .schema import migrate

__all__ = ["CacheStore", "cache_path", "document_row"]

logger = logging.getLogger(__name__)


def cache_path(server_url: str, username: str) -> Path:
    slug = re.sub(r"[^A-Za-z0-9]+", "_", f"{server_url}_{username}").strip("_")[:120]
    return app_paths().ensure().data / "cache" / f"{slug}.sqlite"


def _pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    # INSERT OR REPLACE must fire the delete triggers, so a changed document leaves no stale
    # words in the search index and no stale parts in the work queues.
    cur.execute("PRAGMA recursive_triggers=ON")
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA mmap_size=268435456")
    cur.close()


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def document_row(doc: Document, searchable: bool = True) -> tuple[Any, ...]:
    """Column values for one document (folded search columns included)."""
    sort_date = _iso(doc.issued_date or doc.arrival_date) or ""
    number = " ".join(
        filter(None, (doc.number_symbol, doc.code_notation, str(doc.arrival_number or "")))
    )
    text = " ".join(
        filter(
            None,
            (
                doc.subject,
                doc.organ_name,
                doc.signer_name,
                doc.doc_type,
                *doc.recipients,
                *doc.to_places,
            ),
        )
    )
    return (
        doc.id,
        doc.direction,
        doc.doc_type,
        doc.number_symbol,
        _iso(doc.issued_date),
        _iso(doc.arrival_date),
        doc.arrival_number,
        sort_date,
        doc.organ_name,
        doc.subject,
        doc.signer_name,
        doc.urgency,
        doc.secrecy,
        _iso(doc.due_date),
        doc.status,
        doc.revision,
        doc.current_version,
        fold(number) if searchable else "",
        fold(text) if searchable else "",
        json.dumps(doc.to_json(), ensure_ascii=False, separators=(",", ":")),
    )


_SEARCH_NUMBER, _SEARCH_TEXT = 17, 18  # positions in document_row()

UPSERT = (
    "INSERT OR REPLACE INTO documents (id, direction, doc_type, number_symbol, issued_date, arrival_date, "
    "arrival_number, sort_date, organ_name, subject, signer_name, urgency, secrecy, due_date, status, revision, "
    "current_version, search_number, search_text, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _private(path: Path) -> None:
    """The cache holds document metadata: readable by this user only (with its WAL files)."""
    if os.name != "posix":
        return
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists():
            file.chmod(0o600)


class CacheStore:
    """Owns the cache file; ``recovered`` tells the caller a corrupt file was replaced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.recovered = False
        self.index_secret = False
        """May secrecy ≥ 1 documents enter the offline search index (the organisation's choice)?"""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            self._open()
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            if "disk is full" in str(exc):
                raise DiskFull() from exc
            self._move_aside(exc)
            self._open()
            self.recovered = True
        _private(path)

    def _open(self) -> None:
        self.engine = create_engine(
            f"sqlite:///{self.path}", connect_args={"check_same_thread": False}
        )
        event.listen(self.engine, "connect", _pragmas)
        with self.engine.begin() as conn:
            migrate(conn)
            conn.exec_driver_sql("SELECT count(*) FROM (SELECT id FROM documents LIMIT 1)").scalar()
            check = (
                conn.exec_driver_sql("PRAGMA quick_check(1)").scalar()
                if self.path.stat().st_size < 64 << 20
                else "ok"
            )
            if check != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")

    def _move_aside(self, exc: Exception) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        logger.warning("cache %s is corrupt (%s); moving it aside", self.path, exc)
        if getattr(self, "engine", None) is not None:
            self.engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{self.path}{suffix}")
            if part.exists():
                part.rename(part.with_name(f"{part.name}.corrupt-{stamp}"))

    @property
    def recovery_notice(self) -> CacheCorrupted | None:
        return CacheCorrupted() if self.recovered else None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction; disk-full and corruption become clear errors, rolled back."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except OperationalError as exc:
            if "disk is full" in str(exc) or "disk I/O" in str(exc):
                raise DiskFull() from exc
            raise CacheError(
                f"Lỗi ghi dữ liệu đệm: {exc.orig}", f"Cache write failed: {exc.orig}"
            ) from exc
        except DatabaseError as exc:
            raise CacheCorrupted() from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def meta(self, key: str, default: str | None = None) -> str | None:
        with self.read() as conn:
            row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = ?", (key,)).first()
        return row[0] if row else default

    @staticmethod
    def set_meta(conn: Connection, key: str, value: str) -> None:
        conn.exec_driver_sql("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def upsert(self, conn: Connection, docs: Iterable[Document]) -> int:
        """Store documents; a secret one (secrecy ≥ 1) stays out of the offline search index
        unless the organisation allows it (``index_secret``)."""
        docs = list({doc.id: doc for doc in docs}.values())  # the last record of each wins
        rows = [document_row(doc, searchable=self.index_secret or doc.secrecy == 0) for doc in docs]
        if rows:
            conn.exec_driver_sql(UPSERT, rows)
            parts = [part for doc in docs for part in document_parts(doc)]
            if parts:
                conn.exec_driver_sql("INSERT INTO parts VALUES (?, ?, ?, ?, ?)", parts)
            words = {
                word
                for row in rows
                for word in tokens(f"{row[_SEARCH_NUMBER]} {row[_SEARCH_TEXT]}")
            }
            if words:  # none when every document of the batch is secret (kept out of the index)
                conn.exec_driver_sql(
                    "INSERT OR IGNORE INTO terms(term) VALUES (?)", [(w,) for w in words]
                )
        return len(rows)

    @staticmethod
    def delete(conn: Connection, ids: Iterable[int]) -> None:
        ids = list(ids)
        if ids:
            conn.exec_driver_sql("DELETE FROM documents WHERE id = ?", [(i,) for i in ids])

    def get(self, document_id: int) -> Document | None:
        with self.read() as conn:
            row = conn.exec_driver_sql(
                "SELECT json FROM documents WHERE id = ?", (document_id,)
            ).first()
        return Document.from_json(json.loads(row[0])) if row else None

    def count(self) -> int:
        with self.read() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM documents").scalar() or 0)

    def close(self) -> None:
        self.engine.dispose()
