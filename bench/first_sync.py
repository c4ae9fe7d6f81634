"""A new clerk's first sync at province scale, against a bare download of the same bytes.

* A server on loopback whose clerk sees ``--docs`` documents (the demo archive: 7 in 10 of
  them are the clerk's organisation's, so 1/0.7 as many are generated);
* ours: a real first sync into a fresh cache through the client's code (``pull_changes``:
  the snapshot, parsed and written as it arrives, then the feed), in a process of its own, so
  its peak memory is the client's;
* baseline in the same run: the same snapshot URL streamed by a bare ``requests`` GET (the
  same bytes, gzip-decoded, thrown away), in a process of its own too; then once, the first
  sync the old way, paging through the whole change feed;
* the cache's size on disk per 1,000,000 documents (scaled from this sync) against the same
  documents in the layout before (version 3, written by ``tests/client/cache/old_layout``);
* peak memory of the client and of the server.

Run: ``python bench/first_sync.py [--docs 100000] [--rounds 2]`` (``--quick``: 1,500).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._quick import parse_args, run  # noqa: E402
from bench._table import Row, print_table  # noqa: E402

OWN_SHARE = 0.7
"""The demo archive's documents of the clerk's organisation (``server.demo._home_for``)."""
MB = 1024 * 1024


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(mode: str, base_url: str, token: str, cache: str) -> None:
    """One measurement in a fresh process; prints its result as JSON."""
    import requests

    from client.api import ApiClient
    from client.cache import CacheStore, pull_changes

    started = time.perf_counter()
    result: dict[str, float] = {}
    if mode == "bare":  # what requests does for a gzip answer, counting both sides
        wire = decoded = 0
        unzip = zlib.decompressobj(31)
        with requests.get(
            f"{base_url}/api/v1/changes/snapshot",
            headers={"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"},
            stream=True,
            timeout=600,
        ) as reply:
            reply.raise_for_status()
            for chunk in reply.raw.stream(1 << 16, decode_content=False):
                wire += len(chunk)
                decoded += len(unzip.decompress(chunk))
        result.update(wire_mb=wire / MB, decoded_mb=decoded / MB)
    else:
        client = ApiClient(base_url, token=token, timeout=600)
        store = CacheStore(Path(cache))
        if mode == "feed":  # the old way: a cache whose position is 0 pages through the feed
            with store.write() as conn:
                store.set_meta(conn, "sync_cursor", "0")
        report = pull_changes(store, client)
        assert report.complete and report.snapshot == (mode == "ours"), report
        result["documents"] = store.count()
        store.close()
    result.update(seconds=time.perf_counter() - started, peak_mb=_peak_mb())
    print(json.dumps(result))


def _measure(mode: str, base_url: str, token: str, cache: Path) -> dict[str, float]:
    for part in cache.parent.glob(cache.name + "*"):
        part.unlink()
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, base_url, token, str(cache)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / MB


def _old_layout_mb(cache: Path, folder: Path) -> float:
    """The same documents as the layout before this one stored them."""
    from client.cache import CacheStore
    from tests.client.cache.old_layout import write_old_cache

    store = CacheStore(cache)
    with store.read() as conn:
        ids = [row[0] for row in conn.exec_driver_sql("SELECT id FROM documents ORDER BY id")]
    docs = (doc for doc in map(store.get, ids) if doc is not None)
    old = folder / "layout3.sqlite"
    write_old_cache(old, docs)
    store.close()
    return _size_mb(old)


def _server_peak_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(x for x in status.splitlines() if x.startswith("VmHWM"))
    return int(line.split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000, help="documents the clerk syncs")
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs of each")
    parser.add_argument("--keep", help="keep the generated server in this folder, reuse it")
    args = parse_args(parser, docs=1500, rounds=1)
    from tests.fixtures.server import LiveServer

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = Path(args.keep) if args.keep else folder / "server"
        server = LiveServer(data)
        generate = 0.0
        if not (data / "server.db").exists():
            started = time.perf_counter()
            server.demo_data(round(args.docs / OWN_SHARE))
            generate = time.perf_counter() - started
        server.start()
        try:
            token = server.token("clerk")
            cache = folder / "cache.sqlite"
            ours: list[dict[str, float]] = []
            bare: list[dict[str, float]] = []
            for _ in range(args.rounds):
                bare.append(_measure("bare", server.base_url, token, cache))
                ours.append(_measure("ours", server.base_url, token, cache))
            synced = ours[-1]["documents"]
            size = _size_mb(cache)
            before = _old_layout_mb(cache, folder)
            feed = _measure("feed", server.base_url, token, folder / "feed.sqlite")
            assert server.process is not None
            server_peak = _server_peak_mb(server.process.pid)
        finally:
            server.stop()

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    scale = 1_000_000 / synced
    seconds, bare_seconds = median(ours, "seconds"), median(bare, "seconds")
    print_table(
        f"First sync: {synced:,.0f} documents from a server on loopback "
        f"(generated in {generate:.0f} s), median of {args.rounds} alternating run(s)",
        [
            Row(
                "first sync vs bare GET of the same bytes",
                seconds,
                bare_seconds,
                "s",
                "< 10 s and ≤ 2×",
                False,
            ),
            Row("the old way: paging through the feed", feed["seconds"], seconds, "s", "—", False),
            Row(
                "cache size per 1,000,000 (scaled) vs layout 3",
                size * scale,
                before * scale,
                "MB",
                "< 700 MB",
                False,
            ),
            Row(
                "client peak memory vs bare GET",
                median(ours, "peak_mb"),
                median(bare, "peak_mb"),
                "MB",
                "bounded",
                False,
            ),
            Row("server peak memory (whole run)", server_peak, None, "MB", "bounded", False),
            Row(
                "snapshot on the wire vs decoded",
                bare[-1]["wire_mb"],
                bare[-1]["decoded_mb"],
                "MB",
                "—",
                False,
            ),
        ],
    )


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        _child(*sys.argv[2:])
    else:
        run(main)
