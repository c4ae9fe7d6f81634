"""File-system events: watchdog's native observer, or polling for network
shares (SMB/NFS deliver no native events) when asked or when native
watching cannot start."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from .profiles import WatchProfile

__all__ = ["start_observer", "is_network_path"]

logger = logging.getLogger(__name__)

# watchdog registers a folder created inside the watch (done/2026-11-30/) twice when its parent
# was created just before, and says so; the second registration replaces the first, nothing is lost.
warnings.filterwarnings(
    "ignore",
    message="Callback with id .* already exists",
    category=RuntimeWarning,
    module="watchdog.observers.inotify",
)

# Only what can make a new or grown file; the engine's own reads of every scan (hash, PDF
# check, upload) would otherwise each wake the observer twice (opened, closed-without-write).
EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirMovedEvent,
]


class _Handler(FileSystemEventHandler):
    def __init__(self, notice: Callable[[Path], None], rescan: Callable[[Path], None]) -> None:
        self.notice = notice
        self.rescan = rescan

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("created", "modified", "moved", "closed"):
            return
        raw = getattr(event, "dest_path", "") or event.src_path
        path = Path(raw.decode() if isinstance(raw, bytes) else raw)
        if event.is_directory:
            if event.event_type in ("created", "moved"):
                self.rescan(path)
            return
        self.notice(path)


def is_network_path(path: Path) -> bool:
    text = str(path)
    if text.startswith("\\\\"):
        return True
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    network = ("nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p")
    best = ("", "")
    for line in mounts:
        parts = line.split()
        if len(parts) > 2 and text.startswith(parts[1]) and len(parts[1]) > len(best[0]):
            best = (parts[1], parts[2])
    return best[1] in network


def start_observer(
    root: Path, notice: Callable[[Path], None], profile: WatchProfile
) -> BaseObserver:
    def rescan(folder: Path) -> None:
        for path in folder.rglob("*"):
            if path.is_file():
                notice(path)

    handler = _Handler(notice, rescan)
    polling = profile.polling if profile.polling is not None else is_network_path(root)
    if not polling:
        try:
            observer: BaseObserver = Observer()
            observer.schedule(handler, str(root), recursive=True, event_filter=EVENTS)
            observer.start()
            logger.info("watching %s with native events", root)
            return observer
        except OSError as exc:  # e.g. inotify watch limit reached
            logger.warning("native watching failed (%s); polling instead", exc)
    observer = PollingObserver(timeout=profile.poll_interval)
    observer.schedule(handler, str(root), recursive=True, event_filter=EVENTS)
    observer.start()
    logger.info("watching %s by polling every %.1f s", root, profile.poll_interval)
    return observer
