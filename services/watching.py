"""The archivists' watched folder and one-off uploads, for both front ends."""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from base.paths import app_paths
from client.api import ApiClient
from sync.engine import EngineEvent, WatchEngine
from sync.profiles import WatchProfile
from sync.queue import QueueEntry

__all__ = ["state_dir_for", "start_watch", "upload_files"]

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
