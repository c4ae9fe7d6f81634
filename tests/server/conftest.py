"""Server tests run on SQLite and on a real PostgreSQL, one server per backend and module."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.db import Database
from tests.fixtures.server import LiveServer

_databases = itertools.count()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    url = None
    if request.param == "postgres":
        pg = request.getfixturevalue("postgres_server")
        url = pg.create_database(f"vanthu_{next(_databases)}")
    live = LiveServer(
        tmp_path_factory.mktemp(f"server-{request.param}"),
        database_url=url,
        extra_args=("--max-upload-mb", "20"),
    )
    live.start()
    yield live
    live.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A new database of each kind, not migrated (some tests upgrade it step by step)."""
    if request.param == "postgres":
        pg = request.getfixturevalue("postgres_server")
        url = pg.create_database(f"t_{uuid.uuid4().hex[:10]}")
    else:
        url = f"sqlite:///{tmp_path / 'server.db'}"
    db = Database(url)
    yield db
    db.dispose()


@pytest.fixture
def database(empty_database: Database) -> Database:
    """The same, at the newest schema."""
    empty_database.migrate()
    return empty_database


class Api:
    """Plain ``requests`` against the server: the tests check the wire contract itself."""

    def __init__(self, server: LiveServer, role: str) -> None:
        import requests

        self.url = server.api_url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {server.token(role)}"

    def __getattr__(self, method: str):  # get/post/patch/delete/head
        call = getattr(self.session, method)
        return lambda path, **kw: call(self.url + path, timeout=30, **kw)


@pytest.fixture(scope="module")
def clerk(server: LiveServer) -> Api:
    return Api(server, "clerk")


@pytest.fixture(scope="module")
def leader(server: LiveServer) -> Api:
    return Api(server, "leader")


@pytest.fixture(scope="module")
def archivist(server: LiveServer) -> Api:
    return Api(server, "archivist")


@pytest.fixture(scope="module")
def admin(server: LiveServer) -> Api:
    return Api(server, "admin")
