"""Engine, sessions and schema migrations.

SQLite gets WAL, foreign keys and a generous busy timeout so concurrent
writers queue instead of failing; PostgreSQL works through the same code.
The schema is created and upgraded by Alembic at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, cast

import orjson
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Table, Update, bindparam, create_engine, event, text, update
from sqlalchemy.orm import Session, sessionmaker

from .models import ChangeCounter

__all__ = ["Database", "next_seq"]

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 0x56_54_53_30  # "VTS0": the advisory lock every starting server takes


def _sqlite_pragmas(dbapi_conn: Any, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # FULL: a commit is on disk before the client hears "saved" — with NORMAL a power cut may
    # take back the last commits, and the desktop has already let go of what it sent.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


REQUEST_THREADS = 40
"""Threads running the routes' blocking work in one process (anyio's default, set at start)."""
CONNECTIONS = REQUEST_THREADS + 10
"""One connection for every request thread, plus the snapshot streams that hold one between
chunks (8) and the background jobs: a thread never waits for a connection held by a request
that is itself waiting for a thread."""


class Database:
    """Owns the engine and hands out sessions."""

    def __init__(self, url: str) -> None:
        self.url = url
        # orjson reads the JSON columns (recipients, places) ≈ 5× faster than the standard
        # library: the first sync's snapshot reads a million of them.
        kwargs: dict[str, Any] = {
            "future": True,
            "json_deserializer": orjson.loads,
            # Every connection kept once opened: with a smaller pool and "overflow" above it, a
            # busy process closed and reopened PostgreSQL connections (a backend forked each
            # time) on almost every request. The pool opens them lazily, up to the threads'
            # need; ``docs/deploy.md`` sizes max_connections by it.
            "pool_size": CONNECTIONS,
            "max_overflow": 0,
            # The last one given back is the next one handed out: at low load a few connections
            # (and the statements psycopg has prepared on them) do all the work.
            "pool_use_lifo": True,
        }
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        # hide_parameters: a database error in the log never carries what a document says
        self.engine: Engine = create_engine(url, hide_parameters=True, **kwargs)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        """Bring the schema to the newest revision (idempotent)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection_url"] = self.url
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Several machines starting at once: one migrates, the others wait, then find
                # the schema at its newest and do nothing.
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with self.session() as session:
            if session.get(ChangeCounter, 1) is None:
                session.add(ChangeCounter(id=1, value=0))
                session.commit()

    def refresh_statistics(self) -> None:
        """Give PostgreSQL's planner the tables' statistics after a bulk load (the demo's fill,
        a restore: ``pg_restore`` carries none). Until autovacuum's next round — a minute or
        more — it believes an organisation holds a handful of documents and reads all of them
        for every list page (14 ms instead of 0.2 ms at 20,000 documents). SQLite plans by its
        indexes alone, as the tests hold it to."""
        if self.engine.dialect.name != "postgresql":
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            # The schema's own tables, as the database has them: a process knows only the
            # models it imported (``admin restore`` not the exchange's nor the archive's).
            tables = conn.exec_driver_sql(
                "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema()"
            ).scalars()
            conn.exec_driver_sql(f"ANALYZE {', '.join(tables)}")

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self.sessions()
        try:
            yield session
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def next_seq(session: Session, count: int = 1) -> int:
    """Reserve ``count`` change-feed numbers; returns the last one.

    The UPDATE locks the counter row until the transaction ends, so the
    sequence order equals commit order on PostgreSQL; SQLite serialises all
    writers anyway.
    """
    return int(session.connection().execute(_bump(), {"count": count}).scalar_one())


@cache
def _bump() -> Update:
    """Built once: on every write, constructing the statement cost more than running it."""
    counter = cast(Table, ChangeCounter.__table__)
    return (
        update(counter)
        .where(counter.c.id == 1)
        .values(value=counter.c.value + bindparam("count"))
        .returning(counter.c.value)
    )
