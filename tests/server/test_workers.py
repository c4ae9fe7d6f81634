"""``serve --workers 2`` on PostgreSQL: what the workers share stays right across processes.

The concurrency and upload-race tests of the single-process server run again here against two
worker processes (requests on separate connections land on both — checked through the workers'
metrics files), plus the parts only several processes can break: the change feed's order under
writers on different workers, the login throttle, and background jobs running once per
deployment.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa

from tests.fixtures.server import ROOT, LiveServer
from tests.server.test_access import Caller
from tests.server.test_concurrency import (  # noqa: F401 — run again on two workers
    test_concurrent_steps_at_one_revision_apply_exactly_once,
    test_identical_idempotent_steps_racing_give_one_result_and_replays,
    test_more_requests_at_once_than_threads_and_connections_are_all_answered,
    test_one_arrived_document_registered_at_once_takes_one_number,
    test_simultaneous_registrations_take_consecutive_numbers,
)
from tests.server.test_upload_writers import (  # noqa: F401
    test_racing_patches_never_corrupt_the_blob,
)

SCRUB_HOURS = 0.001
"""3.6 s: often enough to see whether one process or both scrub."""


@pytest.fixture(scope="module")
def database_url(postgres_server) -> str:  # type: ignore[no-untyped-def]
    return str(postgres_server.create_database(f"workers_{uuid.uuid4().hex[:8]}"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, database_url: str) -> Iterator[LiveServer]:
    live = LiveServer(
        tmp_path_factory.mktemp("workers"),
        database_url=database_url,
        extra_args=("--workers", "2", "--scrub-interval-hours", str(SCRUB_HOURS)),
    )
    live.start()
    yield live
    live.stop()


def _worker_pids(server: LiveServer) -> set[str]:
    """The processes that answered requests: each writes its own metrics file."""
    return {p.stem.rsplit("_", 1)[-1] for p in server.data_dir.glob("metrics-*/*.db")}


def test_requests_are_served_by_both_workers(server: LiveServer) -> None:
    def ping(_: int) -> int:
        with requests.Session() as fresh:  # a new connection each time
            return fresh.get(f"{server.api_url}/health", timeout=10).status_code

    deadline = time.monotonic() + 30
    while len(_worker_pids(server)) < 2 and time.monotonic() < deadline:
        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(ping, range(40))) == {200}
    assert len(_worker_pids(server)) == 2


def test_the_feed_keeps_commit_order_under_writers_on_both_workers(server: LiveServer) -> None:
    """A client polling while eight writers create documents misses none: every change it is
    given has a higher number than the last, and each created document arrives."""
    clerk = Caller(server, "clerk")
    cursor = _feed_end(clerk, 0)
    created: list[int] = []
    seen: dict[int, int] = {}
    done = threading.Event()
    order_broken: list[tuple[int, int]] = []

    writers = [Caller(server, "clerk") for _ in range(8)]  # signed in one after the other

    def write(i: int) -> None:
        writer = writers[i]
        for j in range(6):
            created.append(writer.create(subject=f"Văn bản song song {i}-{j}")["id"])

    def poll() -> None:
        nonlocal cursor
        last = cursor
        while True:
            # Read before asking: a page asked before the last write committed may answer
            # after ``done`` is set, and would end the poll one document short.
            writers_done = done.is_set()
            page = clerk.get(f"/changes?updated_since={cursor}&limit=50").json()
            for change in page["changes"]:
                if change["seq"] <= last:
                    order_broken.append((last, change["seq"]))
                last = change["seq"]
                seen[change["document_id"]] = change["seq"]
            cursor = page["next_since"]
            if writers_done and not page["has_more"]:
                return
            time.sleep(0.02)

    poller = threading.Thread(target=poll)
    poller.start()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(write, range(8)))
    done.set()
    poller.join(60)
    assert not order_broken
    assert len(created) == 48 and set(created) <= set(seen)


def _feed_end(caller: Caller, since: int) -> int:
    while True:
        page = caller.get(f"/changes?updated_since={since}&limit=1000").json()
        since = page["next_since"]
        if not page["has_more"]:
            return since


def test_the_login_throttle_is_shared_by_the_workers(server: LiveServer) -> None:
    """Guesses sent all at once to both workers are counted one after the other: exactly the
    five free wrong passwords of a pair are checked, every other guess is delayed (429),
    whichever process answers it — also those that arrived while the first were being checked."""

    def guess(_: int) -> int:
        with requests.Session() as fresh:
            return fresh.post(
                f"{server.api_url}/auth/login",
                json={"username": "chuyenvien", "password": "doan-sai"},
                timeout=30,
            ).status_code

    with ThreadPoolExecutor(10) as pool:
        burst = list(pool.map(guess, range(20)))
    assert sorted(burst) == [401] * 5 + [429] * 15, burst


def test_background_jobs_run_once_per_deployment(server: LiveServer, database_url: str) -> None:
    """Two workers each run a scrub thread; the lease lets one scrub per interval."""
    engine = sa.create_engine(database_url)
    try:

        def lease() -> sa.Row | None:
            with engine.connect() as conn:
                return conn.execute(
                    sa.text(
                        "SELECT holder, runs, last_finished_at, last_ok FROM job_leases "
                        "WHERE name = 'blob-scrub'"
                    )
                ).first()

        deadline = time.monotonic() + 30
        while (row := lease()) is None or row.last_finished_at is None:
            assert time.monotonic() < deadline, "the scrub never ran"
            time.sleep(0.5)
        runs_before = row.runs
        time.sleep(SCRUB_HOURS * 3600 * 4)
        after = lease()
        assert after is not None and after.last_ok is True
        ran = after.runs - runs_before
        # one process: at most one run per interval (≈ 4 + 1); both processes would double it
        assert 1 <= ran <= 5, ran
        holders = {row.holder, after.holder}
        assert len(holders) <= 2  # handed over at most once, never two at a time
        with engine.connect() as conn:
            names = {r.name for r in conn.execute(sa.text("SELECT name FROM job_leases"))}
        assert "blob-scrub" in names and "exchange-agent" in names
        assert after.last_finished_at > dt.datetime(2000, 1, 1)
    finally:
        engine.dispose()


def test_metrics_count_both_workers_and_show_the_jobs(server: LiveServer) -> None:
    text = Caller(server, "admin").get("/metrics").text  # the province administrator
    assert 'vanthu_http_request_duration_seconds_count{method="GET",route="/health"' in text
    assert 'vanthu_job_lease_held{job="blob-scrub"}' in text
    assert 'vanthu_queue_items{queue="uploads",state="pending"}' in text
    assert Caller(server, "clerk").get("/metrics").status_code == 403
    assert requests.get(f"{server.api_url}/metrics", timeout=10).status_code == 401


def test_several_workers_on_sqlite_are_refused_with_the_reason(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """SQLite lets one process write at a time: ``--workers 2`` on it is a clear refusal before
    anything is created, not a server whose workers wait on each other's locks."""
    ran = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "serve",
            "--workers",
            "2",
            "--data-dir",
            str(tmp_path / "d"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 2
    assert "cần PostgreSQL" in ran.stderr and "needs PostgreSQL" in ran.stderr
    assert not (tmp_path / "d" / "server.db").exists()
