"""A background job's lease on the real databases: one holder at a time, handed on when
released or run out, and on PostgreSQL timed by the database's clock, so a server machine
whose clock runs ahead cannot take a job another machine still holds."""

from __future__ import annotations

import datetime as dt
import time
import uuid

import pytest

from server import leases
from server.db import Database
from server.leases import Lease
from tests.fixtures.postgres import PostgresServer


def _holds(db: Database, lease: Lease) -> bool:
    with db.session() as session:
        return lease.hold(session)


def test_one_holder_at_a_time_handed_on_when_released_or_run_out(database: Database) -> None:
    first, second = Lease("scrub", 1.5), Lease("scrub", 1.5)
    assert _holds(database, first) and _holds(database, first)  # taken, then extended
    assert not _holds(database, second)
    with database.session() as session:
        first.release(session)
    assert _holds(database, second) and not _holds(database, first)
    time.sleep(2)  # the holder died: its lease runs out
    assert _holds(database, first) and not _holds(database, second)


def test_a_clock_running_ahead_takes_nothing_on_postgresql(
    postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(SQLite serves one machine: there is one clock.)"""
    database = Database(postgres_server.create_database(f"clock_{uuid.uuid4().hex[:8]}"))
    database.migrate()
    holder, ahead = Lease("exchange-agent", 300), Lease("exchange-agent", 300)
    assert _holds(database, holder)
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(hours=1)
    monkeypatch.setattr(leases, "utcnow", lambda: later)  # this machine's clock: an hour fast
    assert not _holds(database, ahead)
    monkeypatch.undo()
    assert _holds(database, holder)
    database.dispose()
