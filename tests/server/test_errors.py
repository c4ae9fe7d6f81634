"""A database too busy to answer in time is a 503 with Retry-After, in both languages — the
desktop client tries again by itself — never a 500: a pool with no free connection, SQLite
locked past its busy timeout, a PostgreSQL lock not granted. A real fault stays a 500."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine, create_engine

from server.errors import install_error_handlers
from tests.fixtures.server import free_port


def _app(small_pool: Engine, sqlite_quick: Engine, postgres: Engine) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/read")
    def read() -> dict[str, int]:
        with small_pool.connect() as conn:
            return {"one": conn.exec_driver_sql("SELECT 1").scalar_one()}

    @app.get("/write")
    def write() -> dict[str, str]:
        with sqlite_quick.begin() as conn:
            conn.exec_driver_sql("INSERT INTO notes VALUES ('x')")
        return {"ok": "yes"}

    @app.get("/lock")
    def lock() -> dict[str, str]:
        with postgres.begin() as conn:
            conn.exec_driver_sql("SET LOCAL lock_timeout = '100ms'")
            conn.exec_driver_sql("LOCK TABLE notes")
        return {"ok": "yes"}

    @app.get("/fault")
    def fault() -> dict[str, str]:
        raise RuntimeError("a bug, not a busy database")

    return app


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory, postgres_server) -> Iterator[dict[str, object]]:  # type: ignore[no-untyped-def]
    folder: Path = tmp_path_factory.mktemp("busy")
    database = folder / "notes.db"
    with sqlite3.connect(database) as setup:
        setup.execute("CREATE TABLE notes (text TEXT)")
    small_pool = create_engine(
        f"sqlite:///{folder / 'pool.db'}", pool_size=1, max_overflow=0, pool_timeout=0.2
    )
    sqlite_quick = create_engine(f"sqlite:///{database}", connect_args={"timeout": 0.1})
    postgres_url = postgres_server.create_database(f"busy_{uuid.uuid4().hex[:8]}")
    postgres = create_engine(postgres_url)
    with postgres.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE notes (text TEXT)")
    port = free_port()
    config = uvicorn.Config(
        _app(small_pool, sqlite_quick, postgres), host="127.0.0.1", port=port, log_level="error"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield {
        "url": f"http://127.0.0.1:{port}",
        "database": database,
        "small_pool": small_pool,
        "postgres": postgres,
    }
    server.should_exit = True
    thread.join(10)
    for engine in (small_pool, sqlite_quick, postgres):
        engine.dispose()


def _assert_busy(reply: requests.Response) -> None:
    assert reply.status_code == 503, reply.text
    assert reply.headers["Retry-After"] == "2"
    error = reply.json()["error"]
    assert error["code"] == "server_busy"
    assert "bận" in error["message_vi"] and "busy" in error["message_en"]


def test_no_free_connection_is_busy_not_broken(busy: dict) -> None:
    held = busy["small_pool"].connect()  # the pool's only connection
    try:
        _assert_busy(requests.get(f"{busy['url']}/read", timeout=10))
    finally:
        held.close()
    assert requests.get(f"{busy['url']}/read", timeout=10).json() == {"one": 1}


def test_sqlite_locked_past_its_timeout_is_busy(busy: dict) -> None:
    writer = sqlite3.connect(busy["database"], isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another writer holds the database
    try:
        _assert_busy(requests.get(f"{busy['url']}/write", timeout=10))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert requests.get(f"{busy['url']}/write", timeout=10).status_code == 200


def test_a_postgresql_lock_not_granted_in_time_is_busy(busy: dict) -> None:
    with busy["postgres"].begin() as holder:
        holder.exec_driver_sql("LOCK TABLE notes")
        _assert_busy(requests.get(f"{busy['url']}/lock", timeout=10))
    assert requests.get(f"{busy['url']}/lock", timeout=10).status_code == 200


def test_a_fault_is_still_a_server_error(busy: dict) -> None:
    reply = requests.get(f"{busy['url']}/fault", timeout=10)
    assert reply.status_code == 500 and reply.json()["error"]["code"] == "server_error"
    assert "Retry-After" not in reply.headers
