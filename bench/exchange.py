"""edXML exchange benchmarks: how fast packages are imported, and that memory stays flat.

- **import**: ``edxml.read_package`` of 1,000 packages, each with a 1 MB attachment (decoded to a
  spool file, hashed, the header checked), vs a bare ``lxml.etree.parse`` of the same files (a
  tree and nothing else) — goal ≤ 3×. Each side's best of ``--rounds`` alternating rounds.
- **memory**: peak RSS of a fresh process reading a package with a 100 MB attachment vs one with
  a 1 MB attachment — goal flat (≤ 1.5×). RSS, not tracemalloc: lxml allocates in C. A second row
  sets it against a bare ``lxml.etree.parse`` of the same 100 MB package, for scale.

Each metric is a function in ``METRICS`` taking the parsed arguments and a scratch folder and
returning its rows.

- **latency**: a numbered letter issued by province A's clerk to province B's UBND-T, timed
  until it is in B's list: two document servers and the reference hub on loopback, each
  connection polling every second — goal p95 < 2 s; the baseline is the same journey through
  the bare axis (send, list, fetch, acknowledge) without the servers around it.

Run: ``python bench/exchange.py [--packages 1000] [--size-mb 1] [--big-mb 100] [--rounds 2]``
(``--quick``: 20 packages of 64 kB, 4 MB against 64 kB, one round).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from bench._quick import parse_args, run  # noqa: E402
from bench._table import Row, print_table  # noqa: E402
from edxml import Attachment, Envelope, MessageHeader, Organ, read_package, write_envelope  # noqa: E402
from server.exchange.axis_protocol import DeliveryState  # noqa: E402

Metric = Callable[[argparse.Namespace, Path], list[Row]]

_PEAK_RSS = """
import os, resource, sys, tempfile, threading
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from lxml import etree
from edxml import read_package, write_envelope

PAGE = os.sysconf("SC_PAGE_SIZE")

def rss():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE

peak, done = [rss()], threading.Event()

def sample():
    while not done.wait(0.001):
        peak[0] = max(peak[0], rss())

before = rss()
sampler = threading.Thread(target=sample)
sampler.start()
with tempfile.TemporaryDirectory() as spool:
    if sys.argv[3] == "ours":
        read_package(Path(sys.argv[2]), Path(spool))
    elif sys.argv[3] == "write":  # read first (outside the measure), then write it again
        done.set(); sampler.join()
        envelope = read_package(Path(sys.argv[2]), Path(spool))
        before = peak[0] = rss()
        done.clear(); sampler = threading.Thread(target=sample); sampler.start()
        write_envelope(envelope, Path(spool) / "again.edxml")
    else:
        etree.parse(sys.argv[2], etree.XMLParser(huge_tree=True))
done.set()
sampler.join()
peak[0] = max(peak[0], rss())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, peak[0] - before)
"""


def _package(folder: Path, index: int, size: int) -> Path:
    """A package with ``size`` random bytes attached (fresh bytes each: nothing cached)."""
    source = folder / f"scan-{index:04d}.pdf"
    with source.open("wb") as file:
        left = size
        while left > 0:
            file.write(os.urandom(min(left, 1 << 20)))
            left -= 1 << 20
    out = folder / f"package-{index:04d}.edxml"
    write_envelope(
        Envelope(
            header=MessageHeader(
                from_=Organ("000.00.00.H41", "UBND tỉnh Nghệ An"),
                to=(Organ("000.00.00.G22", "Văn phòng Chính phủ"),),
                document_id=f"000.00.00.H41,2024/03/05,{index + 1}/UBND-VX",
                subject=f"V/v báo cáo số {index + 1} về chuyển đổi số",
            ),
            attachments=(Attachment("cid:1", source.name, source),),
        ),
        out,
    )
    source.unlink()
    return out


def _ours(paths: list[Path], spool: Path) -> float:
    """Seconds to read every package (the spool files are removed between reads, untimed)."""
    total = 0.0
    for path in paths:
        started = time.perf_counter()
        package = read_package(path, spool)
        total += time.perf_counter() - started
        for attachment in getattr(package, "attachments", ()):
            attachment.path.unlink()
    return total


def _bare(paths: list[Path]) -> float:
    parser = etree.XMLParser(huge_tree=True)
    started = time.perf_counter()
    for path in paths:
        etree.parse(str(path), parser)
    return time.perf_counter() - started


def import_throughput(args: argparse.Namespace, work: Path) -> list[Row]:
    work.mkdir(parents=True)
    spool = work / "spool"
    spool.mkdir()
    size = int(args.size_mb * 1024 * 1024)
    paths = [_package(work, i, size) for i in range(args.packages)]
    ours, bare = [], []
    for _ in range(args.rounds):  # alternate so neither side always reads a warmer cache
        bare.append(_bare(paths))
        ours.append(_ours(paths, spool))
    per = 1000 / args.packages
    return [
        Row(
            f"import {args.packages} × {args.size_mb:g} MB, per package",
            min(ours) * per,
            min(bare) * per,
            "ms",
            "≤ 3× lxml.parse",
            higher_is_better=False,
        )
    ]


def _peak_rss_mb(path: Path, how: str) -> tuple[float, float]:
    """``(peak RSS, its growth while reading)`` in MB, of a fresh process reading ``path``: the
    growth is the largest resident size sampled every millisecond during the read, less the
    size before it (Linux: ``/proc/self/statm``)."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, str(ROOT), str(path), how],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    peak, growth = (int(v) / 1024 / 1024 for v in done.stdout.split()[-2:])
    return peak, growth


def flat_memory(args: argparse.Namespace, work: Path) -> list[Row]:
    work.mkdir(parents=True)
    big = _package(work, 0, int(args.big_mb * 1024 * 1024))
    small = _package(work, 1, int(args.size_mb * 1024 * 1024))
    (big_peak, big_growth), (small_peak, small_growth) = (
        _peak_rss_mb(big, "ours"),
        _peak_rss_mb(small, "ours"),
    )
    bare_peak, bare_growth = _peak_rss_mb(big, "bare")
    big_write, small_write = _peak_rss_mb(big, "write")[1], _peak_rss_mb(small, "write")[1]
    big_mb, small_mb = f"{args.big_mb:g} MB", f"{args.size_mb:g} MB"
    return [
        Row(
            f"export: RSS growth, {big_mb} vs {small_mb}",
            big_write,
            small_write,
            "MB",
            "flat",
            False,
        ),
        Row(
            f"peak RSS, {big_mb} vs {small_mb}", big_peak, small_peak, "MB", "≤ 1.5× (flat)", False
        ),
        Row(f"RSS growth, {big_mb} vs {small_mb}", big_growth, small_growth, "MB", "flat", False),
        Row(
            f"peak RSS, {big_mb}: vs lxml.parse", big_peak, bare_peak, "MB", "< 1× (streams)", False
        ),
        Row(f"RSS growth, {big_mb}: vs lxml.parse", big_growth, bare_growth, "MB", "—", False),
    ]


_LATENCY_DOC = "Về việc đo độ trễ liên thông"


def _numbered(api: str, headers: dict[str, str], index: int) -> dict[str, object]:
    """A letter the clerk has had signed and numbered (the steps a real one takes)."""
    import hashlib

    import requests

    def call(method: str, path: str, token: dict[str, str], **kw: object) -> dict[str, object]:
        headers = {**token, **kw.pop("headers", {})}  # type: ignore[dict-item]
        reply = requests.request(method, api + path, headers=headers, timeout=30, **kw)  # type: ignore[arg-type]
        reply.raise_for_status()
        return dict(reply.json())

    clerk, leader = headers["clerk"], headers["leader"]
    import pymupdf

    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), f"Van ban so {index}")
    data = pdf.tobytes()
    pdf.close()
    sha = hashlib.sha256(data).hexdigest()
    upload = call(
        "POST", "/uploads", clerk, json={"filename": "vb.pdf", "size": len(data), "sha256": sha}
    )
    call(
        "PATCH",
        f"/uploads/{upload['id']}",
        clerk,
        data=data,
        headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    doc = call(
        "POST",
        "/documents",
        clerk,
        json={
            "direction": "outgoing",
            "subject": f"{_LATENCY_DOC} {index}",
            "file_sha256": sha,
            "filename": "vb.pdf",
            "code_notation": "UBND-VP",
        },
    )
    me = call("GET", "/auth/me", leader)
    for token, body in (
        (clerk, {"action": "submit", "to": [me["id"]]}),
        (leader, {"action": "approve"}),
        (clerk, {"action": "number"}),
    ):
        doc = call(
            "POST",
            f"/documents/{doc['id']}/actions",
            token,
            json=body,
            headers={"If-Match": f'"{doc["revision"]}"'},
        )
    return doc


def hub_latency(args: argparse.Namespace, work: Path) -> list[Row]:
    """Issue → the document waits in the other province's "Chờ vào sổ": two document servers
    and the reference hub on loopback, each connection polling every second."""
    import requests

    from server.embedded import start_background
    from server.exchange.axis import AxisClient
    from server.exchange.axis_protocol import AxisSettings, MessageType
    from server.exchange.demo import become_neighbour, connect
    from server.exchange.hub.embedded import start_hub
    from services.demo import neighbour_session

    work.mkdir(parents=True)
    hub = start_hub(work / "hub")
    secrets = {"a": "bench-secret-a-0123456789", "b": "bench-secret-b-0123456789"}
    for name, secret in secrets.items():
        hub.hub.add_system(name, secret)
    servers = {}
    for name in ("a", "b"):
        data = work / name
        servers[name] = start_background(data)
        with neighbour_session(data) as session:
            if name == "b":
                become_neighbour(session)
            connect(session, data, hub.url, name, secrets[name], ("UBND-T",), poll_seconds=1)
    try:

        def login(name: str, username: str, password: str) -> dict[str, str]:
            reply = requests.post(
                f"{servers[name].base_url}/api/v1/auth/login",
                json={"username": username, "password": password},
                timeout=10,
            )
            return {"Authorization": f"Bearer {reply.json()['access_token']}"}

        a_api, b_api = (f"{servers[n].base_url}/api/v1" for n in ("a", "b"))
        headers = {
            "clerk": login("a", "vanthu", "VanThu@2026"),
            "leader": login("a", "lanhdao", "LanhDao@2026"),
        }
        b_clerk = login("b", "vanthu", "VanThu@2026")
        time.sleep(2.5)  # both agents registered their agencies
        latencies, bare = [], []
        for index in range(args.letters):
            doc = _numbered(a_api, headers, index)
            started = time.perf_counter()
            reply = requests.post(
                f"{a_api}/documents/{doc['id']}/actions",
                json={"action": "issue", "agencies": ["000.00.00.H41"]},
                headers={**headers["clerk"], "If-Match": f'"{doc["revision"]}"'},
                timeout=30,
            )
            reply.raise_for_status()
            identifier = reply.json()["document_identifier"]
            while True:
                items = requests.get(
                    f"{b_api}/documents",
                    params={"direction": "incoming", "q": f"{_LATENCY_DOC} {index}", "limit": 5},
                    headers=b_clerk,
                    timeout=10,
                ).json()["items"]
                if any(i.get("document_identifier") == identifier for i in items):
                    break
                if time.perf_counter() - started > 30:
                    raise RuntimeError("a letter did not arrive within 30 s")
                time.sleep(0.02)
            latencies.append(time.perf_counter() - started)
        # the baseline: the same kind of package through the bare axis, no servers around it
        package = _package(work, 0, 4096)
        settings = AxisSettings(hub.url, "a", secrets["a"])
        with (
            AxisClient(settings) as sender,
            AxisClient(AxisSettings(hub.url, "b", secrets["b"])) as receiver,
        ):
            for _ in range(args.letters):
                started = time.perf_counter()
                remote = sender.send(
                    package,
                    sender="000.00.00.H30",
                    to=["000.00.00.H41"],
                    message_type=MessageType.EDOC,
                )
                while not any(r.remote_id == remote for r in receiver.list_received()):
                    time.sleep(0.001)
                receiver.fetch(remote, work / "fetched.edxml")
                receiver.update_state(remote, "000.00.00.H41", DeliveryState.DONE)
                bare.append(time.perf_counter() - started)
    finally:
        for server in servers.values():
            server.stop()
        hub.stop()

    def p95(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]

    return [
        Row(
            f"send → arrive p95, {args.letters} letters, 1 s poll",
            p95(latencies),
            p95(bare),
            "s",
            "< 2 s (vs the bare axis round trip)",
            higher_is_better=False,
        ),
        Row(
            "send → arrive median",
            statistics.median(latencies),
            statistics.median(bare),
            "s",
            "—",
            False,
        ),
    ]


METRICS: list[Metric] = [import_throughput, flat_memory, hub_latency]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=1000)
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--big-mb", type=float, default=100.0)
    parser.add_argument("--rounds", type=int, default=2, help="each side's best round counts")
    parser.add_argument("--letters", type=int, default=20, help="letters timed through the hub")
    args = parse_args(parser, packages=20, size_mb=0.0625, big_mb=4.0, rounds=1, letters=3)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for metric in METRICS:
            rows += metric(args, Path(tmp) / metric.__name__)
    print_table("edXML exchange: import, memory and hub latency", rows)


if __name__ == "__main__":
    run(main)
