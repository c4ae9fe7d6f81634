"""Local cache benchmark at province scale.

* 1,000,000 generated documents straight into a cache file (the same rows
  a sync writes), then search latency p50/p95 for typical clerk queries —
  ours (``client.cache.query.search``: folding, FTS5 + join + filters) vs a
  bare, unranked FTS5 ``MATCH … LIMIT 50`` on the same file;
* first page of a filtered, date-sorted list;
* a real first sync of 100,000 documents from a server on loopback, and a
  delta sync of 1,000 changes;
* cache size on disk and peak memory.

Run: ``python bench/cache.py [--docs 1000000] [--sync-docs 100000] [--delta-docs 1000]``
(``--quick``: 3,000 documents, a sync of 100 and a delta of 50).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._quick import parse_args, run  # noqa: E402
from bench._table import Row, print_table  # noqa: E402
from client.cache import CacheStore, fts_query, pull_changes  # noqa: E402
from client.cache.query import DocumentQuery, Sort, search  # noqa: E402
from server.demo import EXTERNAL_ISSUERS, OPENERS, PLACES, SIGNERS, TOPICS  # noqa: E402

QUERIES = (
    "quyet dinh dat dai",
    "dat dai",
    "123/UBND",
    "giai ngan von dau tu",
    "cam xuyen",
    "so tai chinh",
    "chuyen doi so",
    "phong chong thien tai ky anh",
    "45/SNV",
    "tran quoc viet",
    "bao cao tinh hinh",
    "hoa toc",
)


def _rows(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``count`` documents as the server's records (its JSON), as a sync would store them."""
    rng = random.Random(seed)
    start = dt.date(2026, 1, 1)
    for i in range(1, count + 1):
        subject = (
            f"{rng.choice(OPENERS)} {rng.choice(TOPICS)} trên địa bàn {rng.choice(PLACES)} năm 2026"
        )
        organ, _abbr, notations = rng.choice(EXTERNAL_ISSUERS)
        _a, position, signer = rng.choice(SIGNERS)
        notation = rng.choice(notations)
        code = str(rng.randint(1, 9000))
        day = (start + dt.timedelta(days=i * 330 // count)).isoformat()
        due = (start + dt.timedelta(days=i * 330 // count + 10)).isoformat() if i % 3 == 0 else None
        direction = "incoming" if i % 4 else "outgoing"
        doc_type = rng.choice(
            ("Công văn", "Quyết định", "Tờ trình", "Báo cáo", "Thông báo", "Kế hoạch")
        )
        urgency, secrecy = (
            rng.choices((0, 1, 2, 3), (80, 12, 6, 2))[0],
            rng.choices((0, 1), (95, 5))[0],
        )
        yield {
            "id": i,
            "direction": direction,
            "doc_type": doc_type,
            "code_number": code,
            "code_notation": notation,
            "number_symbol": f"{code}/{notation}",
            "subject": subject,
            "organ_name": organ,
            "signer_name": signer,
            "signer_position": position,
            "issued_date": day,
            "urgency": urgency,
            "secrecy": secrecy,
            "due_date": due,
            "status": "received",
            "revision": i,
        }


def _build(path: Path, count: int) -> float:
    """Write ``count`` documents the way a first sync does (``CacheStore.bulk``)."""
    started = time.perf_counter()
    store = CacheStore(path)
    store.index_secret = True  # every generated document searchable, as before
    batch: list[dict[str, Any]] = []
    with store.bulk():
        for data in _rows(count):
            batch.append(data)
            if len(batch) == 20000:
                with store.write() as conn:
                    store.upsert_records(conn, batch, terms=False)
                batch.clear()
        with store.write() as conn:
            store.upsert_records(conn, batch, terms=False)
    store.close()
    return time.perf_counter() - started


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def _search_latency(path: Path, rounds: int = 5) -> tuple[tuple[float, float], tuple[float, float]]:
    store = CacheStore(path)
    bare = sqlite3.connect(path)
    ours_t, bare_t = [], []
    for _ in range(rounds):
        for text in QUERIES:
            t = time.perf_counter()
            search(store, DocumentQuery(text=text, sort=Sort.RELEVANCE, limit=50))
            ours_t.append(time.perf_counter() - t)
            t = time.perf_counter()
            bare.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT 50",
                (fts_query(text),),
            ).fetchall()
            bare_t.append(time.perf_counter() - t)
    store.close()
    return _percentiles(ours_t), _percentiles(bare_t)


def _first_page(path: Path) -> tuple[float, float]:
    store = CacheStore(path)
    query = DocumentQuery(direction="incoming", min_urgency=1, sort=Sort.NEWEST, limit=100)
    t = time.perf_counter()
    search(store, query)
    ours = time.perf_counter() - t
    bare = sqlite3.connect(path)
    t = time.perf_counter()
    bare.execute(
        "SELECT id, subject FROM documents WHERE direction='incoming' AND urgency>=1 "
        "ORDER BY sort_date DESC, id DESC LIMIT 100"
    ).fetchall()
    base = time.perf_counter() - t
    store.close()
    return ours * 1000, base * 1000


def _server_syncs(folder: Path, docs: int, delta_docs: int) -> tuple[float, float, int]:
    from client.api import ApiClient
    from tests.fixtures.server import LiveServer

    server = LiveServer(folder / "server")
    server.demo_data(docs, 0)
    server.start()
    try:
        client = ApiClient(server.base_url)
        client.login("vanthu", "VanThu@2026")
        store = CacheStore(folder / "synced.sqlite")
        first = pull_changes(store, client).seconds
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "demo-data",
                "--count",
                str(delta_docs),
                "--pdfs",
                "0",
                "--data-dir",
                str(server.data_dir),
            ],
            check=True,
            capture_output=True,
        )
        delta = pull_changes(store, client)
        # The demo spreads new documents over its organisations: the clerk's share arrives.
        assert delta.upserted > 0, delta
        return first, delta.seconds, delta.upserted
    finally:
        server.stop()


def _peak_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return (
        int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
        / 1024
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--sync-docs", type=int, default=100_000)
    parser.add_argument(
        "--delta-docs", type=int, default=1000, help="new documents on the server (all orgs)"
    )
    parser.add_argument(
        "--reuse", help="keep the generated cache at this path and reuse it next time"
    )
    args = parse_args(parser, docs=3000, sync_docs=100, delta_docs=50)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = Path(args.reuse) if args.reuse else folder / "cache.sqlite"
        build = _build(path, args.docs) if not path.exists() else 0.0
        size_mb = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1024 / 1024
        (ours50, ours95), (bare50, bare95) = _search_latency(path)
        page_ours, page_bare = _first_page(path)
        first_sync, delta_sync, delta_docs = _server_syncs(folder, args.sync_docs, args.delta_docs)
    print_table(
        f"Local cache: {args.docs:,} documents (built in {build:.0f} s), {len(QUERIES)} typical queries",
        [
            Row("search p50 vs bare FTS5", ours50, bare50, "ms", "—", False),
            Row("search p95 vs bare FTS5", ours95, bare95, "ms", "p95 < 50 ms", False),
            Row("first page, filtered + sorted", page_ours, page_bare, "ms", "< 300 ms", False),
            Row(f"first sync of {args.sync_docs:,} from server", first_sync, None, "s", "—", False),
            Row(f"delta sync of {delta_docs:,} changes", delta_sync, None, "s", "< 1 s", False),
            Row("cache size on disk", size_mb, None, "MB", "—", False),
            Row("peak memory (whole benchmark)", _peak_mb(), None, "MB", "flat", False),
        ],
    )


if __name__ == "__main__":
    run(main)
