"""``watch`` and ``upload`` subcommands with a terminal progress bar."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

from client.credentials import authenticated_client
from client.paths import app_paths

from .profiles import get_profile

__all__ = ["register", "state_dir_for"]

logger = logging.getLogger(__name__)


def state_dir_for(folder: Path) -> Path:
    import hashlib

    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return app_paths().ensure().data / "watch" / key


def _profile(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    profile = get_profile(args.profile)
    changes = {}
    if args.polling:
        changes["polling"] = True
    if args.stability is not None:
        changes["stability_seconds"] = args.stability
    if args.parallel:
        changes["parallel"] = args.parallel
    return profile.with_changes(**changes)


def _watch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .engine import EngineEvent, WatchEngine
    from .queue import FileState

    folder = Path(args.folder)
    bar = tqdm(total=0, unit="tệp", desc="Tải lên", disable=args.quiet)
    lock = threading.Lock()

    def on_event(event: EngineEvent) -> None:
        with lock:
            if event.state is FileState.DETECTED:
                bar.total += 1
                bar.refresh()
            elif event.state in (FileState.UPLOADED, FileState.DUPLICATE, FileState.FAILED):
                bar.update(1)
                if event.state is FileState.FAILED:
                    tqdm.write(f"LỖI {event.name}: {event.message}")

    engine = WatchEngine(folder, _profile(args), authenticated_client(), state_dir_for(folder), on_event)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    engine.start()
    print(f"Đang theo dõi {folder.resolve()} (Ctrl-C để dừng)", file=sys.stderr, flush=True)
    try:
        while not stop.wait(0.5):
            if args.exit_when_idle and engine.wait_idle(0.1):
                break
    except KeyboardInterrupt:
        pass
    engine.stop()
    bar.close()
    return 0


def _upload(args: argparse.Namespace) -> int:
    """One-off upload of given files through the same engine (copies stay where they are)."""
    import shutil
    import tempfile

    from .engine import WatchEngine
    from .queue import FileState

    profile = _profile(args)
    with tempfile.TemporaryDirectory(prefix="vanthu-upload-") as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        for file in args.files:
            shutil.copy2(file, inbox / Path(file).name)
        engine = WatchEngine(inbox, profile.with_changes(stability_seconds=0.0, after_upload="delete"),
                             authenticated_client(), Path(tmp) / "state")
        engine.start()
        engine.wait_idle(timeout=24 * 3600, finished=len(args.files))
        entries = engine.queue.entries(limit=100000)
        engine.stop()
    failed = [e for e in entries if e.state is FileState.FAILED]
    for entry in entries:
        print(f"{entry.name}: {entry.state} {entry.reason}")
    return 1 if failed else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--profile", help="tên cấu hình thư mục theo dõi")
        p.add_argument("--polling", action="store_true", help="quét định kỳ (ổ mạng SMB/NFS)")
        p.add_argument("--stability", type=float, help="số giây tệp phải đứng yên (mặc định 2)")
        p.add_argument("--parallel", type=int, help="số tệp tải lên song song (mặc định 2)")

    watch = subparsers.add_parser("watch", help="theo dõi thư mục và tải bản quét lên / watch a folder")
    watch.add_argument("folder")
    common(watch)
    watch.add_argument("--quiet", action="store_true")
    watch.add_argument("--exit-when-idle", action="store_true", help=argparse.SUPPRESS)
    watch.set_defaults(func=_watch)
    upload = subparsers.add_parser("upload", help="tải tệp lên máy chủ / upload files")
    upload.add_argument("files", nargs="+")
    common(upload)
    upload.set_defaults(func=_upload)
