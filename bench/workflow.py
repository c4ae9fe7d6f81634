"""Workflow benchmark: the work queues at province scale, a step's round trip, steps under load.

* A 1,000,000-document cache with 50,000 assignments (25 handlers, 2,000 each) plus the
  parts the trace implies (authors, leaders presented to / submitted to): all queue counts
  of a leader, a specialist and a clerk, and the first page of "Việc của tôi", p50/p95 —
  against the plain first page of all incoming documents on the same file (the list every
  user already had);
* a workflow step (``POST /documents/{id}/actions``: rules, assignments, trace, If-Match,
  Idempotency-Key) against a bare ``PATCH`` of the same document, and against the same step
  taken the way it was before the revision was claimed atomically — read, compare with
  If-Match, write (``bench/_old_step.py`` says exactly what differs). One SQLite server in
  its own process serves all three, sampled in rotating order, a fresh document per sample:
  the comparison sees only what the server does differently, not the client or the machine's
  mood (goal: the atomic step ≤ 1.1× the old one);
* throughput of 10 steppers at once — threads with their own connections, each taking every
  step of an incoming document's life (present, assign, note, finish: ``bench/_steppers.py``)
  on documents of its own — against one stepper, on SQLite and on PostgreSQL; afterwards every
  document must be done, at the revision its last step answered, with each step once in its
  trace, and no feed number given twice (the run fails otherwise).

Run: ``python bench/workflow.py [--docs 1000000] [--steps 200] [--steppers 10] [--docs-each 25]``
(``--quick``: 20,000 documents, 10 round trips, one document per stepper). PostgreSQL comes
from ``tests/fixtures/postgres.py`` (a throw-away cluster; a failure under ``CI=true`` if it
is not installed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._old_step import serving  # noqa: E402
from bench._quick import parse_args, run  # noqa: E402
from bench._steppers import Desk, round_trips, throughput  # noqa: E402
from bench._table import Row, print_table  # noqa: E402
from bench.cache import _rows  # noqa: E402
from client.cache import CacheStore  # noqa: E402
from client.cache.query import DocumentQuery, Sort, search  # noqa: E402
from client.cache.queues import Queue, QueueScope, queue_counts  # noqa: E402
from tests.fixtures.postgres import running_postgres  # noqa: E402

HANDLERS, PER_HANDLER = 25, 2000
LEADER, ME = 100, 3
TODAY = dt.date(2026, 11, 20)
INCOMING = (("done", 70), ("received", 10), ("assigned", 8), ("processing", 8), ("arrived", 4))
OUTGOING = (("issued", 80), ("draft", 8), ("pending_signature", 5), ("signed", 4), ("numbered", 3))


def _pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([s for s, _ in table], [w for _, w in table])[0]


def _build(path: Path, count: int) -> float:
    started = time.perf_counter()
    rng = random.Random(11)
    store = CacheStore(path)
    store.index_secret = True
    batch: list[dict[str, object]] = []
    parts: list[tuple[object, ...]] = []
    open_ids: list[tuple[int, str | None]] = []
    with store.write() as conn:
        for row in _rows(count):
            status = _pick(rng, INCOMING if row["direction"] == "incoming" else OUTGOING)
            batch.append({**row, "status": status})
            doc_id = int(row["id"])
            if row["direction"] == "outgoing":
                parts.append((doc_id, 1 + doc_id % HANDLERS, "author", status, None))
                if status == "pending_signature":
                    parts.append((doc_id, LEADER, "submitted", "active", None))
            elif status == "received":
                parts.append((doc_id, LEADER, "presented", "active", None))
            elif status in ("assigned", "processing"):
                open_ids.append((doc_id, row["due_date"]))
            if len(batch) == 20000:
                store.upsert_records(conn, batch, terms=False)
                batch.clear()
        if batch:
            store.upsert_records(conn, batch, terms=False)
        chosen = rng.sample(open_ids, min(len(open_ids), HANDLERS * PER_HANDLER))
        for n, (doc_id, due) in enumerate(chosen):
            kind = "lead" if n % 3 == 0 else "co" if n % 3 == 1 else "info"
            parts.append((doc_id, 1 + n % HANDLERS, kind, "active", due))
        conn.exec_driver_sql("INSERT INTO parts VALUES (?, ?, ?, ?, ?)", parts)
        conn.exec_driver_sql("ANALYZE")
    store.close()
    return time.perf_counter() - started


def _timed(action, rounds: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000


def _queues(path: Path, rounds: int) -> list[Row]:
    store = CacheStore(path)
    scopes = {
        "leader": QueueScope(LEADER, "leader", TODAY),
        "specialist": QueueScope(ME, "specialist", TODAY),
        "clerk": QueueScope(ME + 1, "clerk", TODAY),
    }
    plain = DocumentQuery(direction="incoming", limit=50)
    _p50, base95 = _timed(lambda: search(store, plain), rounds)
    rows = []
    for role, scope in scopes.items():
        counts = queue_counts(store, scope)
        _c50, c95 = _timed(lambda scope=scope: queue_counts(store, scope), rounds)
        rows.append(
            Row(f"{role}: all {len(counts)} queue counts p95", c95, base95, "ms", "< 50 ms", False)
        )
    mine = DocumentQuery(queue=Queue.MY_WORK, scope=scopes["specialist"], limit=50)
    page = search(store, mine)
    assert len(page.rows) == 50, "the bench user has work"
    _m50, m95 = _timed(lambda: search(store, mine), rounds)
    rows.append(Row("“Việc của tôi” first page p95", m95, base95, "ms", "< 50 ms", False))
    # As the window and ``vanthu queue`` list it: the most pressing first.
    overdue = DocumentQuery(
        queue=Queue.OVERDUE, scope=scopes["leader"], limit=50, sort=Sort.DUE, today=TODAY
    )
    assert len(search(store, overdue).rows) == 50, "the organisation has late work"
    _o50, o95 = _timed(lambda: search(store, overdue), rounds)
    rows.append(Row("leader “Quá hạn” first page p95", o95, base95, "ms", "< 50 ms", False))
    store.close()
    return rows


def _under_load(desk: Desk, database: str, steppers: int, docs_each: int, rounds: int) -> Row:
    """``steppers`` at once against one stepper, alternating, best round of each."""
    throughput(desk, 1, 1)  # warm every step's path
    alone, together = 0.0, 0.0
    for _ in range(rounds):
        alone = max(alone, throughput(desk, 1, docs_each))
        together = max(together, throughput(desk, steppers, docs_each))
    return Row(
        f"{steppers} steppers, {database} (1 stepper: baseline)",
        together,
        alone,
        "steps/s",
        "none lost or twice",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--steps", type=int, default=200, help="round trips timed, each way")
    parser.add_argument("--steppers", type=int, default=10, help="concurrent steppers")
    parser.add_argument("--docs-each", type=int, default=25, help="documents per stepper")
    parser.add_argument("--load-rounds", type=int, default=2, help="best of N, alternating")
    args = parse_args(parser, docs=20_000, rounds=5, steps=10, docs_each=1, load_rounds=1)
    load = (args.steppers, args.docs_each, args.load_rounds)
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-workflow-") as tmp:
        folder = Path(tmp)
        built = _build(folder / "cache.sqlite", args.docs)
        print(f"cache of {args.docs:,} documents built in {built:.0f} s", flush=True)
        rows = _queues(folder / "cache.sqlite", args.rounds)
        with serving(folder / "sqlite") as api:
            desk = Desk.open(api)
            rows += round_trips(desk, args.steps)
            rows.append(_under_load(desk, "SQLite", *load))
        with running_postgres() as pg:
            with serving(folder / "postgres", pg.create_database("workflow")) as api:
                rows.append(_under_load(Desk.open(api), "PostgreSQL", *load))
    print_table(
        "Work queues and workflow steps (baseline: plain list / bare PATCH / read-then-write "
        "step / one stepper)",
        rows,
    )


if __name__ == "__main__":
    run(main)
