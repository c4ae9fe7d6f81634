"""Upload throughput: our resumable client vs a bare ``requests`` loop.

200 × 1 MB random files go to an embedded server on loopback, once with
``ApiClient.upload_file`` (sha256, declare, chunked PATCH) and once with a
bare loop that declares each file and sends it as one raw PATCH — the same
bytes over the same endpoint without our client around it.

Run: ``python bench/upload.py [--files 200] [--size-mb 1] [--rounds 2]``
(``--quick``: one round of 5 × 64 kB).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._quick import parse_args, run
from bench._table import Row, print_table
from client.api import ApiClient
from tests.fixtures.server import LiveServer


def _files(folder: Path, count: int, size: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"scan-{i:04d}.pdf"
        path.write_bytes(os.urandom(size))
        paths.append(path)
    return paths


def _bare(base_url: str, token: str, paths: list[Path]) -> float:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    os.sync()  # start without the previous phase's dirty pages being written back meanwhile
    started = time.perf_counter()
    for path in paths:
        data = path.read_bytes()
        upload = session.post(
            f"{base_url}/api/v1/uploads",
            json={
                "filename": path.name,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            },
        ).json()
        reply = session.patch(
            f"{base_url}/api/v1/uploads/{upload['id']}",
            data=data,
            headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
        )
        reply.raise_for_status()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=2, help="each side's best round counts")
    args = parse_args(parser, files=5, size_mb=0.0625, rounds=1)
    size = int(args.size_mb * 1024 * 1024)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ours_times, bare_times = [], []
        for rnd in range(args.rounds):  # alternate so neither side gets the warm cache
            server = LiveServer(root / f"server-{rnd}").start()
            try:
                client = ApiClient(server.base_url)
                client.login("luutru", "LuuTru@2026")
                bare_times.append(
                    _bare(
                        server.base_url,
                        client.token or "",
                        _files(root / f"base-{rnd}", args.files, size),
                    )
                )
                ours_files = _files(
                    root / f"ours-{rnd}", args.files, size
                )  # fresh bytes: no dedupe
                started = time.perf_counter()
                for path in ours_files:
                    client.upload_file(path)
                ours_times.append(time.perf_counter() - started)
            finally:
                server.stop()
        ours, bare = min(ours_times), min(bare_times)
    total_mb = args.files * size / 1024 / 1024
    print_table(
        f"Upload: {args.files} × {args.size_mb:g} MB to a loopback server",
        [
            Row("throughput", total_mb / ours, total_mb / bare, "MB/s", "≥ 0.8x"),
            Row("files per second", args.files / ours, args.files / bare, "files/s", "≥ 0.8x"),
        ],
    )


if __name__ == "__main__":
    run(main)
