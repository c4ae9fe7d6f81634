"""Engine fixtures: a watched folder, a fast profile, the real server."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from client.api import ApiClient
from sync.engine import WatchEngine
from sync.profiles import WatchProfile

FAST = WatchProfile(stability_seconds=0.4, rescan_seconds=5, poll_interval=0.2, parallel=2)


def archivist(server) -> ApiClient:  # type: ignore[no-untyped-def]
    client = ApiClient(server.base_url, retries=0)
    client.login(*server.credentials("archivist"))
    return client


@pytest.fixture
def make_engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engines: list[WatchEngine] = []

    def make(server, profile: WatchProfile = FAST, folder: Path | None = None) -> WatchEngine:  # type: ignore[no-untyped-def]
        engine = WatchEngine(
            folder or tmp_path / "scans", profile, archivist(server), tmp_path / "state"
        )
        engines.append(engine)
        engine.start()
        return engine

    yield make
    for engine in engines:
        if not engine._stop.is_set():
            engine.stop()


def server_documents(server) -> list:  # type: ignore[no-untyped-def]
    client = archivist(server)
    docs, cursor = [], None
    while True:
        page = client.list_documents(cursor=cursor, limit=500)
        docs += page.items
        if not page.next_cursor:
            return docs
        cursor = page.next_cursor


def wait_for(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")
