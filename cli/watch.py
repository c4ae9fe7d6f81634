"""``watch`` and ``upload``: the archivists' watched folder with a progress bar."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from client.credentials import authenticated_client
from sync.profiles import WatchProfile, get_profile

if TYPE_CHECKING:
    from sync.engine import EngineEvent

__all__ = ["register"]

logger = logging.getLogger(__name__)


def _profile(args: argparse.Namespace) -> WatchProfile:
    profile = get_profile(args.profile)
    changes: dict[str, Any] = {}
    if args.polling:
        changes["polling"] = True
    if args.stability is not None:
        changes["stability_seconds"] = args.stability
    if args.parallel:
        changes["parallel"] = args.parallel
    return profile.with_changes(**changes)


def _watch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from services.watching import start_watch
    from sync.queue import FileState

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

    engine = start_watch(authenticated_client(), folder, _profile(args), on_event)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
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
    """One-off upload of given files through the same engine (the files stay where they are)."""
    from services.watching import upload_files
    from sync.queue import FileState
    from sync.reasons import reason_text

    entries = upload_files(authenticated_client(), [Path(f) for f in args.files], _profile(args))
    for entry in entries:
        print(f"{entry.name}: {entry.state} {reason_text(entry.reason, entry.detail)}".rstrip())
    return 1 if any(e.state is FileState.FAILED for e in entries) else 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--profile", help="tên cấu hình thư mục theo dõi")
        p.add_argument("--polling", action="store_true", help="quét định kỳ (ổ mạng SMB/NFS)")
        p.add_argument("--stability", type=float, help="số giây tệp phải đứng yên (mặc định 2)")
        p.add_argument("--parallel", type=int, help="số tệp tải lên song song (mặc định 3)")

    watch = subparsers.add_parser(
        "watch", help="theo dõi thư mục và tải bản quét lên / watch a folder"
    )
    watch.add_argument("folder")
    common(watch)
    watch.add_argument("--quiet", action="store_true")
    watch.add_argument("--exit-when-idle", action="store_true", help=argparse.SUPPRESS)
    watch.set_defaults(func=_watch)
    upload = subparsers.add_parser("upload", help="tải tệp lên máy chủ / upload files")
    upload.add_argument("files", nargs="+")
    common(upload)
    upload.set_defaults(func=_upload)
