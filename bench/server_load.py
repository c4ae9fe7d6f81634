"""A province's clients against one server machine: a bounded load run on loopback.

Simulated desktop clients (``--clients``, 500 by default) each sign in once, start from the
feed position of a first sync (a working desktop has synced before), then live
``--minutes`` of a working day compressed into ``--seconds`` of wall time: the change-feed poll
every minute (with ``If-None-Match`` when the server gave an ETag), a list page, a search, opening
a document and its file, and now and then an archivist's upload with its document followed by the
clerk's registration. The server runs on PostgreSQL as ``serve --workers 1`` and then
``--workers 2`` — the baseline is the same run on one worker — and the table shows the rate each
reaches, the p95 of every operation, the errors, and how much each worker's RSS grows in the
second half of its run, beside the first half's growth (a leak grows in both alike; warming
caches grow in the first and level off). A last, **paced** run offers the same crowd ¾ of
the rate two workers kept up with: the p95 a user sees on a server sized for its load, which a
saturated run (its p95 is the queue) cannot show, and how many desktops working in real time
that rate is.

The load generator (aiohttp, one event loop) shares the machine's two cores with the server, so
the rates are a floor for a dedicated server machine.

Run: ``python bench/server_load.py [--clients 500] [--seconds 60] [--minutes 10] [--documents 20000]``
(``--quick``: 20 clients for 6 s on 300 documents).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import requests  # noqa: E402

from bench._quick import parse_args, run  # noqa: E402
from bench._table import Row, print_table  # noqa: E402
from tests.fixtures.postgres import running_postgres  # noqa: E402
from tests.fixtures.server import free_port  # noqa: E402

USERS = [
    ("vanthu", "VanThu@2026"),
    ("lanhdao", "LanhDao@2026"),
    ("chuyenvien", "ChuyenVien@2026"),
    ("luutru", "LuuTru@2026"),
    ("vanthu.stc", "VanThu@2026"),
    ("lanhdao.stc", "LanhDao@2026"),
    ("chuyenvien.stc", "ChuyenVien@2026"),
    ("luutru.stc", "LuuTru@2026"),
    ("vanthu.snv", "VanThu@2026"),
    ("lanhdao.snv", "LanhDao@2026"),
    ("chuyenvien.snv", "ChuyenVien@2026"),
    ("luutru.snv", "LuuTru@2026"),
]
"""The demo's organisations and roles: each simulated client is one of them."""

WORDS = ["đất đai", "ngan sach", "tuyển dụng", "quyet dinh", "kế hoạch", "xay dung", "zzqx"]

EVERY_MINUTES = {"feed": 1.0, "list": 2.0, "search": 3.0, "open": 5.0, "upload": 30.0}
"""How often one client does each thing, in simulated minutes (uploads: archivists only)."""

READS = ("feed", "list", "search", "open")

PACED_SHARE = 0.75
"""The paced run offers this share of the load two workers kept up with in the saturated run."""


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    requests: int = 0
    not_modified: int = 0


def _pdf(tag: str) -> bytes:
    """A small valid PDF whose bytes are unique to ``tag`` (each upload is a new file)."""
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    )
    return (
        body
        + b"%"
        + tag.encode()
        + b"\n"
        + os.urandom(60_000).hex().encode()[:60_000]
        + (b"\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    )


class Client:
    """One desktop client: a session of its own, the operations on its schedule."""

    def __init__(self, api: str, http: aiohttp.ClientSession, user: tuple[str, str]) -> None:
        self.api, self.http, self.user = api, http, user
        self.headers: dict[str, str] = {}
        self.since = 0
        self.etag: str | None = None
        self.archivist = user[0].startswith("luutru")

    async def login(self, results: Results) -> None:
        started = time.perf_counter()
        try:
            async with self.http.post(
                f"{self.api}/auth/login", json={"username": self.user[0], "password": self.user[1]}
            ) as reply:
                body = await reply.json() if reply.status == 200 else {}
        except (TimeoutError, aiohttp.ClientError):
            body = {}
        results.latencies["login"].append(time.perf_counter() - started)
        if "access_token" not in body:
            results.errors["login"] += 1  # its requests then count as errors too (401)
            return
        self.headers = {"Authorization": f"Bearer {body['access_token']}"}

    async def position(self) -> int:
        """The feed position a first sync ends at: the snapshot's first line, the rest unread."""
        async with self.http.get(f"{self.api}/changes/snapshot", headers=self.headers) as reply:
            import json

            head = await reply.content.readline()
            return int(json.loads(head)["position"]) if reply.status == 200 else 0

    async def _get(self, results: Results, op: str, path: str, **headers: str) -> tuple[int, bytes]:
        started = time.perf_counter()
        try:
            async with self.http.get(
                f"{self.api}{path}", headers={**self.headers, **headers}
            ) as reply:
                data = await reply.read()
                status = reply.status
                if op == "feed":
                    self.etag = reply.headers.get("ETag", self.etag)
        except (TimeoutError, aiohttp.ClientError):
            results.errors[op] += 1
            return 0, b""
        results.requests += 1
        results.latencies[op].append(time.perf_counter() - started)
        if status >= 400:
            results.errors[op] += 1
        return status, data

    async def feed(self, results: Results) -> None:
        extra = {"If-None-Match": self.etag} if self.etag else {}
        status, data = await self._get(
            results, "feed", f"/changes?updated_since={self.since}&limit=200", **extra
        )
        if status == 304:
            results.not_modified += 1
        elif status == 200:
            import json

            self.since = json.loads(data)["next_since"]

    async def list(self, results: Results) -> None:
        await self._get(results, "list", "/documents?limit=50")

    async def search(self, results: Results) -> None:
        await self._get(results, "search", f"/documents?q={random.choice(WORDS)}&limit=50")

    async def open(self, results: Results) -> None:
        import json

        status, data = await self._get(results, "list", "/documents?limit=20")
        if status != 200:
            return
        items = [d for d in json.loads(data)["items"] if d.get("current_version")]
        if not items:
            return
        doc = random.choice(items)
        status, data = await self._get(results, "open", f"/documents/{doc['id']}")
        versions = json.loads(data).get("versions") if status == 200 else None
        if versions:
            await self._get(results, "file", f"/files/{versions[-1]['sha256']}")

    async def upload(self, results: Results, clerk: Client | None) -> None:
        data = _pdf(uuid.uuid4().hex)
        started = time.perf_counter()
        try:
            async with self.http.post(
                f"{self.api}/uploads",
                headers=self.headers,
                json={
                    "filename": "scan.pdf",
                    "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "content_type": "application/pdf",
                    "document": {
                        "direction": "incoming",
                        "status": "arrived",
                        "subject": "Bản quét tải lên khi đo tải",
                    },
                },
            ) as reply:
                declared = await reply.json()
                ok = reply.status in (200, 201)
            if ok:
                async with self.http.patch(
                    f"{self.api}/uploads/{declared['id']}",
                    headers={
                        **self.headers,
                        "Upload-Offset": "0",
                        "Content-Type": "application/offset+octet-stream",
                    },
                    data=data,
                ) as reply:
                    done = await reply.json()
                    ok = reply.status == 200
        except (TimeoutError, aiohttp.ClientError):
            ok = False
        results.requests += 2
        results.latencies["upload"].append(time.perf_counter() - started)
        if not ok:
            results.errors["upload"] += 1
            return
        document = done.get("document")
        if clerk is None or not document:
            return
        started = time.perf_counter()
        try:
            async with clerk.http.post(
                f"{self.api}/documents/{document['id']}/actions",
                headers={**clerk.headers, "If-Match": f'"{document["revision"]}"'},
                json={"action": "register"},
            ) as reply:
                await reply.read()
                status = reply.status
        except (TimeoutError, aiohttp.ClientError):
            status = 0  # a refused or reset connection is the run's error, not the bench's end
        results.requests += 1
        results.latencies["step"].append(time.perf_counter() - started)
        if status != 200:
            results.errors["step"] += 1


async def _live(
    client: Client, clerk: Client | None, results: Results, seconds: float, speedup: float
) -> None:
    """One client's compressed day: each operation at its own period, randomly phased."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    due = {
        op: loop.time() + random.uniform(0, minutes * 60 / speedup)
        for op, minutes in EVERY_MINUTES.items()
        if op != "upload" or client.archivist
    }
    while True:
        op, at = min(due.items(), key=lambda item: item[1])
        if at >= end:
            return
        await asyncio.sleep(max(0.0, at - loop.time()))
        if op == "upload":
            await client.upload(results, clerk)
        else:
            await getattr(client, op)(results)
        due[op] = at + EVERY_MINUTES[op] * 60 / speedup


async def _load(
    api: str, clients: int, seconds: float, speedup: float, signed_in: Callable[[], None]
) -> tuple[Results, float]:
    results = Results()
    # Idle connections closed before the server's 5 s keep-alive ends: otherwise a request sent
    # as the server closes the connection is reset (a client's race, not the server's error).
    connector = aiohttp.TCPConnector(limit=0, keepalive_timeout=3)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        crowd = [Client(api, http, USERS[i % len(USERS)]) for i in range(clients)]
        gate = asyncio.Semaphore(8)  # sign-ins (argon2) queue like a morning's

        async def login(c: Client) -> None:
            async with gate:
                await c.login(results)

        await asyncio.gather(*(login(c) for c in crowd))
        # A working desktop has synced already: it polls from where its first sync ended (the
        # snapshot's position), not from the start of the feed — read once per account.
        positions: dict[str, int] = {}
        for c in crowd:
            if c.user[0] not in positions:
                positions[c.user[0]] = await c.position()
            c.since = positions[c.user[0]]
        signed_in()
        clerks = {_org(c): c for c in crowd if c.user[0].startswith("vanthu")}
        started = time.perf_counter()
        await asyncio.gather(
            *(_live(c, clerks.get(_org(c)), results, seconds, speedup) for c in crowd)
        )
        return results, time.perf_counter() - started


def _org(client: Client) -> str:
    """The organisation suffix of a demo username (``vanthu.stc`` → ``stc``; UBND: empty)."""
    return client.user[0].partition(".")[2]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) != pid:
                continue
            command = (entry / "cmdline").read_bytes()
            if b"spawn_main" in command:  # a worker, not multiprocessing's resource tracker
                found.append(int(entry.name))
    return found


def _rss_mb(pid: int) -> float:
    """The process's resident memory; 0 for a process gone (a worker that died shows as 0)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _serve(data_dir: Path, database_url: str, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    log = (data_dir / f"server-{workers}.log").open("ab")
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "serve",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
            "--database-url",
            database_url,
            "--workers",
            str(workers),
            "--scrub-interval-hours",
            "0",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    api = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{api}/health", timeout=1).ok:
                return process, api
        except requests.ConnectionError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not start: see {data_dir}/server-{workers}.log")


def _workers_of(process: subprocess.Popen, workers: int) -> list[int]:
    return _children(process.pid) if workers > 1 else [process.pid]


@dataclass
class Memory:
    """Each worker's RSS (MB) after the sign-ins, halfway through the run, and at its end: a
    leak grows in both halves alike; warming caches grow in the first and level off."""

    start: float
    middle: float
    end: float


def _speedup(args: argparse.Namespace, pace: float = 1.0) -> float:
    """Simulated minutes per minute of the run; ``pace`` below 1 stretches every client's
    schedule (that fraction of the load). So many desktops working in real time send the
    same requests as one simulated client."""
    return pace * args.minutes * 60 / args.seconds


def _one_run(
    data_dir: Path, url: str, workers: int, args: argparse.Namespace, pace: float = 1.0
) -> tuple[Results, float, list[Memory]]:
    process, api = _serve(data_dir, url, workers)
    pids: list[int] = []
    before: list[float] = []
    middle: list[float] = []
    timer = threading.Timer(args.seconds / 2, lambda: middle.extend(map(_rss_mb, pids)))
    timer.daemon = True
    try:
        pids += _workers_of(process, workers)

        def signed_in() -> None:  # after the sign-ins: the run's own growth, not start-up's
            before.extend(_rss_mb(p) for p in pids)
            timer.start()

        results, elapsed = asyncio.run(
            _load(api, args.clients, args.seconds, _speedup(args, pace), signed_in)
        )
        timer.join()
        after = [_rss_mb(p) for p in pids]
    finally:
        timer.cancel()
        process.terminate()
        process.wait(30)
    return results, elapsed, [Memory(*m) for m in zip(before, middle, after, strict=True)]


def _p(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _print_paced(
    results: Results, elapsed: float, pace: float, args: argparse.Namespace, saturated: float
) -> None:
    rows = [
        Row(
            "requests per second, paced",
            results.requests / elapsed,
            saturated,
            "/s",
            "report (baseline: saturated)",
        ),
        Row(
            "desktops in real time, paced",
            args.clients * _speedup(args, pace),
            None,
            "count",
            "report",
        ),
    ]
    for op in (*READS, "file"):
        if results.latencies.get(op):
            value = _p(results.latencies[op], 95) * 1000
            rows.append(Row(f"p95 {op}, paced", value, None, "ms", "< 200 ms"))
    rows.append(Row("errors, paced", sum(results.errors.values()), None, "count", "0"))
    print_table("server_load paced: 2 workers at 3/4 of the load they kept up with", rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--minutes", type=float, default=10.0, help="simulated minutes")
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--pdfs", type=int, default=200, help="documents with a PDF to open")
    args = parse_args(parser, clients=20, seconds=4.0, minutes=3.0, documents=200, pdfs=10)
    random.seed(30)
    with running_postgres() as pg, tempfile.TemporaryDirectory() as tmp:
        url = pg.create_database("load")
        data_dir = Path(tmp)
        print(f"filling the server with {args.documents:,} documents …", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "demo-data",
                "--data-dir",
                str(data_dir),
                "--database-url",
                url,
                "--count",
                str(args.documents),
                "--pdfs",
                str(args.pdfs),
                "--no-story",
            ],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        runs = {}
        for workers in (1, 2):
            print(
                f"{args.clients} clients × {args.seconds:.0f} s on {workers} worker(s) …",
                flush=True,
            )
            runs[workers] = _one_run(data_dir, url, workers, args)
        # The same crowd at 3/4 of what two workers kept up with: the latency a province sees
        # on a server sized for its load, which a saturated run (its p95 is the queue) cannot show.
        # A server that falls behind runs its clients' day late: the run lasts past its seconds.
        pace = PACED_SHARE * min(1.0, args.seconds / runs[2][1])
        print(f"{args.clients} clients × {args.seconds:.0f} s on 2 workers at {pace:.0%} …")
        paced, paced_s, _ = _one_run(data_dir, url, 2, args, pace)
    rows = []
    (two, two_s, two_rss), (one, one_s, one_rss) = runs[2], runs[1]
    rows.append(
        Row("requests per second", two.requests / two_s, one.requests / one_s, "/s", "report")
    )
    for op in (*READS, "file", "upload", "step", "login"):
        if two.latencies.get(op) or one.latencies.get(op):
            goal = "< 200 ms" if op in (*READS, "file") else "report"
            rows.append(
                Row(
                    f"p95 {op}",
                    _p(two.latencies[op], 95) * 1000,
                    _p(one.latencies[op], 95) * 1000,
                    "ms",
                    goal,
                    higher_is_better=False,
                )
            )
    rows.append(
        Row(
            "errors",
            sum(two.errors.values()),
            sum(one.errors.values()),
            "count",
            "0",
            higher_is_better=False,
        )
    )
    for name, memory in [*((f"worker {i + 1}", m) for i, m in enumerate(two_rss))] + [
        ("1 worker", one_rss[0])
    ]:
        first, second = memory.middle - memory.start, memory.end - memory.middle
        goal = f"flat (1st half {first:+.0f})"
        rows.append(Row(f"{name} RSS growth in the 2nd half", second, None, "MB", goal))
    print_table("server_load: ours = 2 workers, baseline = 1 worker (same run)", rows)
    _print_paced(paced, paced_s, pace, args, two.requests / two_s)
    polls = len(two.latencies["feed"])
    print()
    print(
        f"feed polls answered 304 (nothing new): {two.not_modified} of {polls}; "
        f"errors by operation (2 workers): {dict(two.errors) or 'none'}"
    )


if __name__ == "__main__":
    run(main)
