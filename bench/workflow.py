"""Workflow benchmark: the work queues at province scale and a step's round trip.

* A 1,000,000-document cache with 50,000 assignments (25 handlers, 2,000 each) plus the
  parts the trace implies (authors, leaders presented to / submitted to): all queue counts
  of a leader, a specialist and a clerk, and the first page of "Việc của tôi", p50/p95 —
  against the plain first page of all incoming documents on the same file (the list every
  user already had);
* a workflow step (``POST /documents/{id}/actions``: rules, assignments, trace, If-Match,
  Idempotency-Key) against a bare ``PATCH`` of the same document on the same loopback
  server.

Run: ``python bench/workflow.py [--docs 1000000] [--steps 200]``
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

from bench._table import Row, print_table  # noqa: E402
from bench.cache import _rows  # noqa: E402
from client.cache import CacheStore  # noqa: E402
from client.cache.query import DocumentQuery, Sort, search  # noqa: E402
from client.cache.queues import Queue, QueueScope, queue_counts  # noqa: E402
from client.cache.store import UPSERT  # noqa: E402

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
    batch: list[tuple[object, ...]] = []
    parts: list[tuple[object, ...]] = []
    open_ids: list[tuple[int, str | None]] = []
    with store.write() as conn:
        for row in _rows(count):
            status = _pick(rng, INCOMING if row[1] == "incoming" else OUTGOING)
            batch.append((*row[:14], status, *row[15:]))
            doc_id = int(row[0])  # type: ignore[call-overload]
            if row[1] == "outgoing":
                parts.append((doc_id, 1 + doc_id % HANDLERS, "author", status, None))
                if status == "pending_signature":
                    parts.append((doc_id, LEADER, "submitted", "active", None))
            elif status == "received":
                parts.append((doc_id, LEADER, "presented", "active", None))
            elif status in ("assigned", "processing"):
                open_ids.append((doc_id, row[13]))  # type: ignore[arg-type]
            if len(batch) == 20000:
                conn.exec_driver_sql(UPSERT, batch)
                batch.clear()
        if batch:
            conn.exec_driver_sql(UPSERT, batch)
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


def _round_trip(folder: Path, steps: int) -> list[Row]:
    import requests

    from server.embedded import start_background

    server = start_background(folder / "server")
    try:
        api = f"{server.base_url}/api/v1"

        def login(user: str, password: str) -> dict[str, str]:
            token = requests.post(
                f"{api}/auth/login", json={"username": user, "password": password}, timeout=10
            ).json()["access_token"]
            return {"Authorization": f"Bearer {token}"}

        clerk = login("vanthu", "VanThu@2026")
        leader = login("lanhdao", "LanhDao@2026")
        me = requests.get(f"{api}/auth/me", headers=leader, timeout=10).json()
        http = requests.Session()

        def new() -> dict[str, object]:
            reply = http.post(
                f"{api}/documents",
                json={"direction": "incoming", "subject": "Đo thời gian xử lý"},
                headers=clerk,
                timeout=10,
            )
            return dict(reply.json())

        def patch(doc: dict[str, object]) -> None:
            reply = http.patch(
                f"{api}/documents/{doc['id']}",
                json={"description": "Trình lãnh đạo xem xét"},
                headers={**clerk, "If-Match": f'"{doc["revision"]}"'},
                timeout=10,
            )
            assert reply.status_code == 200, reply.text

        def step(doc: dict[str, object], n: int) -> None:
            reply = http.post(
                f"{api}/documents/{doc['id']}/actions",
                json={"action": "present", "to": [me["id"]], "comment": "Trình lãnh đạo xem xét"},
                headers={**clerk, "If-Match": f'"{doc["revision"]}"', "Idempotency-Key": f"b{n}"},
                timeout=10,
            )
            assert reply.status_code == 200, reply.text

        for n in range(20):  # warm both paths
            patch(new())
            step(new(), -n - 1)
        patches, actions = [], []
        for n in range(steps):
            a, b = new(), new()
            started = time.perf_counter()
            patch(a)
            patches.append(time.perf_counter() - started)
            started = time.perf_counter()
            step(b, n)
            actions.append(time.perf_counter() - started)
    finally:
        server.stop()
    p95 = lambda values: sorted(values)[int(len(values) * 0.95) - 1] * 1000  # noqa: E731
    return [
        Row(
            "step round trip p50",
            statistics.median(actions) * 1000,
            statistics.median(patches) * 1000,
            "ms",
            "≤ 2× PATCH",
            False,
        ),
        Row("step round trip p95", p95(actions), p95(patches), "ms", "≤ 2× PATCH", False),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-workflow-") as tmp:
        folder = Path(tmp)
        built = _build(folder / "cache.sqlite", args.docs)
        print(f"cache of {args.docs:,} documents built in {built:.0f} s")
        rows = _queues(folder / "cache.sqlite", args.rounds)
        rows += _round_trip(folder, args.steps)
    print_table("Work queues and workflow steps (baseline: plain list / bare PATCH)", rows)


if __name__ == "__main__":
    main()
