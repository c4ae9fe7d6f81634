"""The archivists' watched folder and one-off uploads, for both front ends."""

from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from base.paths import app_paths
from client.api import ApiClient
from sync.queue import FileState, QueueEntry, UploadQueue

if TYPE_CHECKING:  # the engine (watchdog, PyMuPDF, Pillow) loads when watching starts
    from sync.engine import EngineEvent, WatchEngine
    from sync.profiles import WatchProfile

__all__ = [
    "state_dir_for",
    "start_watch",
    "upload_files",
    "upload_counts",
    "read_queue",
    "WAITING",
    "FAILED",
]

logger = logging.getLogger(__name__)


def state_dir_for(folder: Path) -> Path:
    """The queue and work folder of one watched folder (the same folder → the same queue)."""
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return app_paths().ensure().data / "watch" / key


def start_watch(
    client: ApiClient,
    folder: Path,
    profile: WatchProfile,
    on_event: Callable[[EngineEvent], None] | None = None,
) -> WatchEngine:
    """A running engine for ``folder``: existing files first, then new ones as they arrive."""
    from sync.engine import WatchEngine

    engine = WatchEngine(folder, profile, client, state_dir_for(folder), on_event)
    engine.start()
    return engine


def upload_files(
    client: ApiClient,
    files: Sequence[Path],
    profile: WatchProfile,
    on_event: Callable[[EngineEvent], None] | None = None,
) -> list[QueueEntry]:
    """Upload these files once through the same engine; the originals stay where they are."""
    with tempfile.TemporaryDirectory(prefix="vanthu-upload-") as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        for file in files:
            shutil.copy2(file, inbox / Path(file).name)
        from sync.engine import WatchEngine

        engine = WatchEngine(
            inbox,
            profile.with_changes(stability_seconds=0.0, after_upload="delete"),
            client,
            Path(tmp) / "state",
            on_event,
        )
        engine.start()
        try:
            engine.wait_idle(timeout=24 * 3600, finished=len(files))
            return engine.queue.entries(limit=len(files) + 100)
        finally:
            engine.stop()


WAITING = (FileState.DETECTED, FileState.STABLE, FileState.CONVERTING, FileState.UPLOADING)
"""A scan still on its way to the server ("Bản quét chờ tải lên")."""
FAILED = (FileState.FAILED,)
"""A scan whose upload failed ("Tải lên lỗi")."""


def upload_counts(folder: Path) -> dict[FileState, int]:
    """How many files of ``folder``'s upload queue are in each state, read from the queue on
    disk whether or not the folder is being watched now (none before its first watch)."""
    path = state_dir_for(folder) / "queue.sqlite"
    if not path.is_file():
        return {}
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            rows = db.execute("SELECT state, count(*) FROM files GROUP BY state").fetchall()
    except sqlite3.Error as exc:  # a queue being created, or damaged: nothing to count now
        logger.info("upload queue of %s not read: %s", folder, exc)
        return {}
    return {FileState(state): n for state, n in rows if state in set(FileState)}


def read_queue(
    folder: Path, states: tuple[FileState, ...] | None = None, limit: int = 300
) -> tuple[dict[FileState, int], list[QueueEntry]]:
    """``folder``'s upload queue as it is on disk (counts by state, the newest files in
    ``states``), whether or not it is being watched now."""
    path = state_dir_for(folder) / "queue.sqlite"
    if not path.is_file():
        return {}, []
    queue = UploadQueue(path)
    try:
        return queue.counts(), queue.entries(limit, states)
    finally:
        queue.close()
