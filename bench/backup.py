"""Backup, verification and restore (``server/backup``) vs the bare tools on the same bytes.

A SQLite data folder — ``demo-data`` documents plus stored files of random bytes — is backed up
with ``create_backup`` (online snapshot, every file re-hashed as it is copied, manifest, one sync)
and with ``cp -a`` + ``sync`` (no consistency, no check); a second backup with ``--since`` when
nothing changed; ``verify_backup`` against ``sha256sum`` of the same files; ``restore_backup``
(everything checked, then copied and checked again, migrations) against ``cp -a`` + ``sync``.
Everything is read once first, so each side starts from the same warm cache.

Run: ``python bench/backup.py [--documents 20000] [--files 2000] [--size-kb 256]``
(``--quick``: no documents, 40 × 32 kB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._quick import parse_args, run
from bench._table import Row, print_table
from server.backup.create import create_backup
from server.backup.restore import restore_backup
from server.backup.verify import verify_backup
from server.config import ServerSettings
from tests.fixtures.server import LiveServer


def _data(root: Path, documents: int, files: int, size: int) -> ServerSettings:
    """Demo documents, then ``files`` stored files with their ``blobs`` rows."""
    from server.db import Database
    from server.filestore import open_store
    from server.models import Blob

    server = LiveServer(root / "data")
    if documents:
        server.demo_data(documents, 0)
    settings = ServerSettings(data_dir=server.data_dir)
    server.data_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(settings)
    db = Database(settings.resolved_database_url)
    db.migrate()  # the empty schema when there are no documents (quick mode)
    with db.session() as session:
        for _ in range(files):
            sha = store.put_bytes(os.urandom(size))
            session.add(Blob(sha256=sha, size=size))
        session.commit()
    db.dispose()
    return settings


def _timed(command: list[str] | None = None, call: object = None) -> float:
    os.sync()  # no earlier phase's dirty pages written back during this one
    started = time.perf_counter()
    if command is not None:
        subprocess.run(command, check=True, capture_output=True)
        os.sync()
    else:
        call()  # type: ignore[operator]
    return time.perf_counter() - started


def _warm(folder: Path) -> None:
    subprocess.run(["sh", "-c", f"find {folder} -type f -exec cat {{}} + > /dev/null"], check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=2_000)
    parser.add_argument("--size-kb", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=3, help="each side's best round counts")
    args = parse_args(parser, documents=0, files=40, size_kb=32, rounds=1)
    times: dict[str, list[float]] = {}

    def timed(name: str, command: list[str] | None = None, call: object = None) -> None:
        times.setdefault(name, []).append(_timed(command, call))

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = _data(root, args.documents, args.files, args.size_kb * 1024)
        _warm(settings.data_dir)
        size_mb = sum(p.stat().st_size for p in settings.data_dir.rglob("*") if p.is_file()) / 1e6
        first = root / "first"
        for n in range(args.rounds):  # alternating, so neither side has the quieter moment
            timed("cp", ["cp", "-a", str(settings.data_dir), str(root / f"copy{n}")])
            folder = first if n == 0 else root / f"full{n}"
            timed("full", call=lambda f=folder: create_backup(settings, f))
            timed(
                "since", call=lambda n=n: create_backup(settings, root / f"since{n}", since=first)
            )
            timed(
                "sha256sum", ["sh", "-c", f"find {first} -type f -exec sha256sum {{}} + >/dev/null"]
            )
            timed("verify", call=lambda: verify_backup(first))
            timed("cp back", ["cp", "-a", str(first), str(root / f"restored-copy{n}")])
            target = ServerSettings(data_dir=root / f"restored{n}")
            timed("restore", call=lambda t=target: restore_backup(first, t))
    best = {name: min(values) for name, values in times.items()}
    print_table(
        f"Backup: {args.documents:,} documents + {args.files:,} files × {args.size_kb} kB "
        f"({size_mb:,.0f} MB), SQLite, local folder store, best of {args.rounds}",
        [
            Row("full backup", best["full"], best["cp"], "s", "≤ 1.5x of cp -a + sync", False),
            Row(
                "full backup throughput",
                size_mb / best["full"],
                size_mb / best["cp"],
                "MB/s",
                "≥ 0.67x",
            ),
            Row("backup --since, nothing new", best["since"], best["full"], "s", "≤ 0.25x", False),
            Row("verify", best["verify"], best["sha256sum"], "s", "≤ 1.3x of sha256sum", False),
            Row(
                "restore (checks twice, migrates)",
                best["restore"],
                best["cp back"],
                "s",
                "≤ 2.5x of cp -a + sync",
                False,
            ),
        ],
    )


if __name__ == "__main__":
    run(main)
