"""The server at a province's size: lists, search, one document and the feed over HTTP on
PostgreSQL with a million documents, against the SQL of the same queries.

1,000,000 documents across 200 organisations (``bench/_province.py``, written with COPY) go into
a real PostgreSQL cluster; the server runs as ``main.py serve`` (``--workers 2`` when ``serve``
has the option, else one process — the output says which); each operation is asked as random
people of random organisations (clerks, leaders, specialists), one request at a time, with
``Accept-Encoding: gzip`` as the desktop sends it:

- list page (newest 50), filtered list (incoming, waiting to be presented), search (a common
  phrase, a rare village name, words no document holds), one document, a feed page (≈ 50
  changes);
- baseline: the same request's query statements — captured from the server's own code in this
  process, replayed through psycopg on one connection, rows fetched — without HTTP, auth,
  building the answer or JSON. "all SQL" adds those statements too (the answer's versions,
  trace, names…), so the gap between the two rows is Python's and HTTP's.

Also the access policy's cost: the list's SQL with the policy against the same list without it
(all organisations, the server before access control), through the same SQLAlchemy session the
route uses. The query plans (EXPLAIN ANALYZE) of each operation are printed after the table.

Goals: HTTP p95 ≤ 2× the SQL's p95; search p95 < 100 ms; policy ≤ 1.2× at p95.

Run: ``python bench/server_scale.py [--documents N] [--organisations N] [--queries N]``
(``--quick``: 2,000 documents, 4 organisations, 8 requests per operation).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import http.client
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._province import COMMON, NONE, Person, Province, fill
from bench._quick import parse_args, run
from bench._table import Row, print_table
from tests.fixtures.postgres import running_postgres
from tests.fixtures.server import free_port

ROOT = Path(__file__).resolve().parents[1]
API = "/api/v1"
ANSWER_TABLES = (
    "FROM auth_tokens",
    "FROM users WHERE users.id = ",
    "FROM versions",
    "FROM trace_events",
    "FROM assignments LEFT OUTER JOIN users",
    "FROM users WHERE users.id IN",
    "documents.source_id IN",
    "FROM exchange_",
)
"""Statements that sign the caller in or build the answer (not the query asked)."""


FLOOR = "who am I (the floor)"
"""The cheapest signed-in request: HTTP, sign-in, the thread hand-offs and a small answer —
what every request costs before its own queries, against its two small statements."""


@dataclass
class Case:
    """One request: who asks what, and what the server ran for it."""

    person: Person
    path: str
    query: list[tuple[str, Any]] = field(default_factory=list)
    answer: list[tuple[str, Any]] = field(default_factory=list)


def _serve_options(quick: bool) -> tuple[list[str], int]:
    """``serve --workers 2`` where the server has worker processes, else one process (and one
    in a quick run: starting workers is most of its time)."""
    from server.config import ServerSettings

    if not quick and "workers" in {f.name for f in dataclasses.fields(ServerSettings)}:
        return ["--workers", "2"], 2
    return [], 1


@contextmanager
def _server(url: str, folder: Path, quick: bool) -> Iterator[tuple[int, int]]:
    options, workers = _serve_options(quick)
    port = free_port()
    log = (folder / "server.log").open("ab")
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--data-dir",
            str(folder / "server"),
            "--database-url",
            url,
            *options,
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", f"{API}/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((folder / "server.log").read_text()[-2000:]) from None
                time.sleep(0.2)
        yield port, workers
    finally:
        process.terminate()
        process.wait(30)


def _cases(province: Province, dsn: str, queries: int) -> dict[str, list[Case]]:
    """The operations, each asked ``queries`` times by random people."""
    import psycopg

    rng = random.Random(30)
    people = [p for p in province.people if p.role in ("clerk", "leader", "specialist")]
    with psycopg.connect(dsn) as conn:

        def some_id(person: Person) -> int:
            row = conn.execute(
                "SELECT id FROM documents WHERE organisation_id = %s AND secrecy = 0 "
                "ORDER BY id DESC OFFSET %s LIMIT 1",
                (person.organisation_id, rng.randrange(200)),
            ).fetchone()
            assert row is not None
            return int(row[0])

        def fifty_back(person: Person) -> int:
            row = conn.execute(
                "SELECT revision FROM documents WHERE organisation_id = %s "
                "ORDER BY revision DESC OFFSET 50 LIMIT 1",
                (person.organisation_id,),
            ).fetchone()
            return int(row[0]) if row else 0

        ops: dict[str, Callable[[Person], str]] = {
            "list page": lambda p: "/documents?limit=50",
            "filtered list": lambda p: "/documents?direction=incoming&status=received&limit=50",
            "search, common phrase": lambda p: "/documents?" + urlencode({"q": COMMON}),
            "search, rare": lambda p: (
                "/documents?"
                + urlencode({"q": rng.choice(province.villages[p.organisation_id] or ["x"])})
            ),
            "search, nothing": lambda p: "/documents?" + urlencode({"q": NONE}),
            "get one": lambda p: f"/documents/{some_id(p)}",
            "feed page": lambda p: f"/changes?updated_since={fifty_back(p)}&limit=1000",
            FLOOR: lambda p: "/auth/me",
        }
        cases: dict[str, list[Case]] = {}
        for name, path in ops.items():
            chosen = [rng.choice(people) for _ in range(queries)]
            cases[name] = [Case(person, path(person)) for person in chosen]
    return cases


def _capture(url: str, folder: Path, cases: dict[str, list[Case]]) -> None:
    """Ask every request of a copy of the server running in this process (uvicorn in a
    thread, its own engine) and keep the statements it ran for each."""
    import threading

    import uvicorn
    from sqlalchemy import event

    from server.app import create_app
    from server.config import ServerSettings

    app = create_app(ServerSettings(data_dir=folder / "capture", database_url=url), migrate=False)
    engine = app.state.vanthu.db.engine
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        seen.append((statement, params))

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)  # lifespan off: no background job runs statements meanwhile
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    event.listen(engine, "before_cursor_execute", keep)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for group in cases.values():
        for case in group:
            seen.clear()
            conn.request("GET", API + case.path, headers=_headers(case.person))
            reply = conn.getresponse()
            body = reply.read()
            assert reply.status == 200, body[:300]
            for statement, params in seen:
                if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                flat = " ".join(statement.split())
                answer = any(mark in flat for mark in ANSWER_TABLES)
                (case.answer if answer else case.query).append((statement, params))
    conn.close()
    event.remove(engine, "before_cursor_execute", keep)
    server.should_exit = True
    thread.join(30)
    app.state.vanthu.db.dispose()


def _headers(person: Person) -> dict[str, str]:
    return {"Authorization": f"Bearer {person.token}", "Accept-Encoding": "gzip"}


def _measure(port: int, dsn: str, cases: list[Case]) -> dict[str, list[float]]:
    """Each request over HTTP, then its query statements, then all its statements through
    psycopg, one after the other, so that the machine's other work weighs on all three alike.
    The first round warms the caches and is not counted."""
    import psycopg

    times: dict[str, list[float]] = {"http": [], "query": [], "all": []}
    http_conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    with psycopg.connect(dsn) as conn:
        for round_ in range(2):
            for case in cases:
                started = time.perf_counter()
                http_conn.request("GET", API + case.path, headers=_headers(case.person))
                reply = http_conn.getresponse()
                body = reply.read()
                if reply.getheader("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                elapsed = {"http": time.perf_counter() - started}
                assert reply.status == 200, body[:300]
                for part, statements in (("query", case.query), ("all", case.query + case.answer)):
                    started = time.perf_counter()
                    for statement, params in statements:
                        conn.execute(statement, params).fetchall()
                    elapsed[part] = time.perf_counter() - started
                    conn.rollback()
                if round_:
                    for part, seconds in elapsed.items():
                        times[part].append(seconds * 1000)
    http_conn.close()
    return times


def _policy_cost(url: str, province: Province, queries: int) -> dict[str, list[float]]:
    """The list route's own page (``server.lists.newest_page``) against the same list without
    the policy (all organisations: the server before access control), alternating, through
    one SQLAlchemy session, rows loaded as documents."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from server.lists import ListFilters, list_query, newest_page
    from server.models import Document, User

    engine = create_engine(url)
    rng = random.Random(11)
    times: dict[str, list[float]] = {"policy": [], "bare": []}
    with Session(engine) as session:
        users = [session.get_one(User, rng.choice(province.people).id) for _ in range(queries)]
        for round_ in range(2):
            for user in users:
                started = time.perf_counter()
                bare = list_query(**dataclasses.asdict(ListFilters()))
                list(session.scalars(bare.order_by(Document.id.desc()).limit(51)))
                middle = time.perf_counter()
                newest_page(session, user, ListFilters(), 51, None)
                if round_:
                    times["bare"].append((middle - started) * 1000)
                    times["policy"].append((time.perf_counter() - middle) * 1000)
                session.expunge_all()
    engine.dispose()
    return times


def _plans(dsn: str, cases: dict[str, list[Case]]) -> None:
    import psycopg

    print("\nQuery plans (EXPLAIN ANALYZE, the first request of each operation)")
    with psycopg.connect(dsn) as conn:
        for name, group in cases.items():
            for statement, params in group[0].query:
                if "FROM document_grants" in statement and "documents" not in statement:
                    continue
                plan = conn.execute(
                    "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + statement, params
                ).fetchall()
                print(f"\n-- {name}: {statement.split('FROM', 1)[0][:60].strip()}…")
                for (line,) in plan:
                    print("   " + line)
            conn.rollback()


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--organisations", type=int, default=200)
    parser.add_argument("--queries", type=int, default=200, help="requests per operation")
    args = parse_args(parser, documents=2000, organisations=4, queries=8)

    from server.db import Database

    with running_postgres() as pg, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = pg.create_database("scale")
        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        database = Database(url)
        database.migrate()  # the server's own schema and indexes
        database.dispose()
        province = fill(dsn, args.documents, args.organisations)
        cases = _cases(province, dsn, args.queries)
        _capture(url, folder, cases)
        policy = _policy_cost(url, province, args.queries)
        rows = []
        with _server(url, folder, args.quick) as (port, workers):
            for name, group in cases.items():
                measured = _measure(port, dsn, group)
                http_ms, query_ms, all_ms = measured["http"], measured["query"], measured["all"]
                goal = "≤ 2× at p95" + ("; < 100 ms" if name.startswith("search") else "")
                if name == FLOOR:
                    goal = "context: what every request pays"
                rows += [
                    Row(f"{name}, p50", statistics.median(http_ms), statistics.median(query_ms), "ms", "context", higher_is_better=False),
                    Row(f"{name}, p95", _p95(http_ms), _p95(query_ms), "ms", goal, higher_is_better=False),
                    Row(f"{name}, p95 vs all its SQL", _p95(http_ms), _p95(all_ms), "ms", "context", higher_is_better=False),
                ]  # fmt: skip
        rows += [
            Row("list with the policy, p95", _p95(policy["policy"]), _p95(policy["bare"]), "ms", "≤ 1.2×", higher_is_better=False),
            Row("list with the policy, p50", statistics.median(policy["policy"]), statistics.median(policy["bare"]), "ms", "context", higher_is_better=False),
        ]  # fmt: skip
        print_table(
            f"Server at scale on PostgreSQL: {args.documents:,} documents, "
            f"{args.organisations} organisations, {workers} worker process(es), "
            f"{args.queries} requests per operation (HTTP vs its SQL through psycopg)",
            rows,
        )
        _plans(dsn, cases)


if __name__ == "__main__":
    run(main)
