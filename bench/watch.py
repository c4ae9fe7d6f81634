"""End-to-end upload engine benchmark.

1,000 × 1 MB scans dropped at once into a watched folder: from the drop to
every file confirmed on the server, vs a bare ``requests`` loop sending the
same bytes (declare + one PATCH each, no stability wait, no queue); plus
pickup latency (files arriving one by one at an idle engine: time from the
end of the write plus the stability wait to the start of the upload) and
peak memory.

Run: ``python bench/watch.py [--files 1000] [--size-mb 1]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._table import Row, print_table  # noqa: E402
from bench.upload import _bare  # noqa: E402

TRICKLE_FILES = 40


def _pdf(size: int, marker: int) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), f"scan {marker}")
    doc.embfile_add("scan.bin", os.urandom(size))
    return doc.tobytes()


def main() -> None:
    from sync.profiles import WatchProfile

    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--stability", type=float, default=2.0)
    parser.add_argument("--parallel", type=int, default=WatchProfile().parallel)
    args = parser.parse_args()
    size = int(args.size_mb * 1024 * 1024)
    from client.api import ApiClient
    from sync.engine import EngineEvent, WatchEngine
    from sync.queue import FileState
    from tests.fixtures.server import LiveServer

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["VANTHU_HOME"] = str(root / "home")
        source = root / "source"
        source.mkdir()
        for i in range(args.files):  # on disk, not in memory: peak memory is the engine's
            (source / f"quét_{i:04d}.pdf").write_bytes(_pdf(size, i))
        bare_server = LiveServer(root / "bare-server").start()
        try:
            token = ApiClient(bare_server.base_url).login("luutru", "LuuTru@2026").access_token
            staged = root / "bare"
            staged.mkdir()
            paths = []
            for path in sorted(source.iterdir()):
                target = staged / path.name
                target.write_bytes(path.read_bytes() + b"%bare")  # different bytes: no dedupe
                paths.append(target)
            bare = _bare(bare_server.base_url, token, paths)
        finally:
            bare_server.stop()
        trickle = root / "trickle"
        trickle.mkdir()
        for i in range(TRICKLE_FILES):
            (trickle / f"lẻ_{i:03d}.pdf").write_bytes(_pdf(100_000, 100_000 + i))
        server = LiveServer(root / "server").start()
        written_at: dict[str, float] = {}
        picked: list[float] = []

        def on_event(event: EngineEvent) -> None:
            if event.state is FileState.UPLOADING and event.name in written_at:
                picked.append(time.monotonic() - written_at.pop(event.name) - args.stability)

        try:
            client = ApiClient(server.base_url)
            client.login("luutru", "LuuTru@2026")
            folder = root / "scans"
            folder.mkdir()
            engine = WatchEngine(folder, WatchProfile(stability_seconds=args.stability, parallel=args.parallel), client,
                                 root / "state", on_event)
            engine.start()
            started = time.perf_counter()
            for path in sorted(source.iterdir()):
                path.rename(folder / path.name)  # the drop: all files appear at once
            assert engine.wait_idle(3600, finished=args.files)
            ours = time.perf_counter() - started
            # Pickup latency: files arriving one by one at an idle engine, from the end of
            # the write plus the stability wait to the start of the upload.
            for path in sorted(trickle.iterdir()):
                written_at[path.name] = time.monotonic()
                path.rename(folder / path.name)
                time.sleep(0.3)
            assert engine.wait_idle(600, finished=args.files + TRICKLE_FILES)
            engine.stop()
        finally:
            server.stop()
    peak = int(next(line.split()[1] for line in Path("/proc/self/status").read_text().splitlines()
                    if line.startswith("VmHWM"))) / 1024
    total_mb = args.files * size / 1024 / 1024
    p95 = statistics.quantiles(picked, n=20)[-1] if len(picked) > 1 else float("nan")
    print_table(f"Watched folder: {args.files} × {args.size_mb:g} MB dropped at once (stability {args.stability} s)", [
        Row("throughput, drop → all confirmed", total_mb / ours, total_mb / bare, "MB/s", "≥ 0.8x"),
        Row(f"pickup latency beyond the stability wait, p50 ({len(picked)} files)",
            statistics.median(picked) * 1000 if picked else 0, None, "ms", "—", False),
        Row("pickup latency beyond the stability wait, p95", p95 * 1000, None, "ms", "< 1000 ms", False),
        Row("peak memory (whole benchmark)", peak, None, "MB", "flat", False),
    ])


if __name__ == "__main__":
    main()
