"""The watched-folder engine: detect → stable → convert → upload → confirm → move.

The engine decides when a file goes (detected, quiet long enough, due, the server reachable);
``pipeline.Pipeline`` takes it from there. Threads are fixed (observer, scheduler, N preparers,
N uploaders, one finisher) whatever the number of files; the queue lives in SQLite, so memory
stays flat for a 10,000-file drop and a restart continues where it stopped.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from client.api import ApiClient

from .events import EngineEvent
from .filters import is_candidate, nfc
from .outage import Outage
from .pipeline import Pipeline
from .profiles import WatchProfile
from .queue import FileState, QueueEntry, UploadQueue
from .reasons import Reason
from .stability import StabilityTracker
from .watcher import start_observer

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

__all__ = ["EngineEvent", "WatchEngine"]

logger = logging.getLogger(__name__)

STABILITY_TICK = 0.2  # seconds between size/mtime checks of detected files
STABILITY_BATCH = 500  # files looked at per tick (a 10,000-file drop is seen every 4 s)


def _readable(path: Path) -> bool:
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False


class WatchEngine:
    def __init__(
        self,
        root: Path,
        profile: WatchProfile,
        client: ApiClient,
        state_dir: Path,
        on_event: Callable[[EngineEvent], None] | None = None,
    ) -> None:
        self.root = root.resolve()
        self.profile = profile
        self.client = client
        self.queue = UploadQueue(state_dir / "queue.sqlite")
        self.workdir = state_dir / "work"
        self.on_event = on_event or (lambda _event: None)
        self.tracker = StabilityTracker(profile.stability_seconds)
        self.outage = Outage()
        # A worker finished: dispatch the next file now, not at the next tick.
        self._wake = threading.Event()
        self._pipeline = Pipeline(
            self.queue,
            client,
            profile,
            self.root,
            self.workdir,
            self.outage,
            self.on_event,
            self._wake.set,
        )
        self._stop = self._pipeline.stopping
        self._observer: BaseObserver | None = None
        self._scheduler: threading.Thread | None = None
        self._last_rescan = 0.0
        self._stability_cursor = 0

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        recovered = self.queue.recover()
        if recovered:
            logger.info("resuming %d files interrupted last time", recovered)
        # Observer first, then the scan: a file arriving in between is seen by one or the other
        # (both is harmless: detection is idempotent). The other order missed it until the next rescan.
        self._pipeline.start()
        self._observer = start_observer(self.root, self.notice, self.profile)
        self.scan()
        self._scheduler = threading.Thread(target=self._run, name="vanthu-scheduler", daemon=True)
        self._scheduler.start()

    def stop(self, timeout: float = 30) -> None:
        self._stop.set()
        self._wake.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout)
        if self._scheduler is not None:
            self._scheduler.join(timeout)
        self._pipeline.stop(timeout)  # confirmed files are moved and closed; nothing half-done
        self.queue.recover()  # files that were prepared but never sent show as waiting, not as busy
        self.queue.close()

    def wait_idle(self, timeout: float, finished: int = 0) -> bool:
        """True once at least ``finished`` files are done and nothing is detected, stable or
        in flight (tests, CLI ``upload``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            counts = self.queue.counts()
            busy = sum(
                counts.get(s, 0)
                for s in (
                    FileState.DETECTED,
                    FileState.STABLE,
                    FileState.CONVERTING,
                    FileState.UPLOADING,
                )
            )
            done = sum(
                counts.get(s, 0)
                for s in (FileState.UPLOADED, FileState.DUPLICATE, FileState.FAILED)
            )
            if not busy and not self._pipeline.busy and done >= finished:
                return True
            time.sleep(0.1)
        return False

    def retry_failed(self) -> int:
        """Put every file from failed/ back into the folder so it is tried again."""
        count = 0
        for entry in self.queue.entries(100000, (FileState.FAILED,)):
            moved = self.root / self.profile.failed_dir / entry.name
            if moved.exists():
                moved.with_name(moved.name + ".error.txt").unlink(missing_ok=True)
                moved.replace(self.root / entry.name)
                count += 1
            self.queue.forget(entry.id)
        return count

    # -- detection -------------------------------------------------------------------
    def notice(self, path: Path) -> None:
        if is_candidate(path, self.root, self.profile) and path.is_file():
            try:
                stat = path.stat()
            except OSError:
                return
            if self.queue.detect(str(path), nfc(path.name), stat.st_size):
                # The quiet period starts now, at detection, not at the scheduler's first look.
                self.tracker.observe(str(path), stat.st_size, stat.st_mtime_ns, time.monotonic())
                self.on_event(EngineEvent(0, nfc(path.name), FileState.DETECTED))

    def _walk(self, folder: Path) -> Iterator[Path]:
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name not in (self.profile.done_dir, self.profile.failed_dir):
                            yield from self._walk(Path(entry.path))
                    elif entry.is_file(follow_symlinks=False):
                        yield Path(entry.path)
        except OSError as exc:
            logger.warning("cannot scan %s: %s", folder, exc)

    def scan(self) -> None:
        """Full scan: at start-up and periodically, so no file is ever missed (network shares)."""
        for path in self._walk(self.root):
            self.notice(path)
        self._last_rescan = time.monotonic()

    # -- scheduling ------------------------------------------------------------------
    def _run(self) -> None:
        last_check = 0.0
        while not self._stop.is_set():
            # Sleep until the next poll, or until a file's quiet period ends, if sooner.
            until = last_check + STABILITY_TICK
            if (due := self.tracker.next_due(last_check)) is not None:
                until = min(until, due)
            self._wake.wait(max(0.0, until - time.monotonic()))
            self._wake.clear()
            try:
                if (now := time.monotonic()) >= until:
                    self._check_stability(now)
                    last_check = now
                self._dispatch()
                if time.monotonic() - self._last_rescan > self.profile.rescan_seconds:
                    self.scan()
            except Exception:
                logger.exception("scheduler pass failed")

    def _check_stability(self, now: float) -> None:
        """Look at the next batch of detected files; round-robin, so in a drop of thousands every
        file's quiet time starts at once instead of after the batch before it became stable."""
        entries = self.queue.due(FileState.DETECTED, STABILITY_BATCH, self._stability_cursor)
        self._stability_cursor = entries[-1].id if len(entries) == STABILITY_BATCH else 0
        stable: list[tuple[QueueEntry, int]] = []
        for entry in entries:
            path = Path(entry.path)
            try:
                stat = path.stat()
            except (
                FileNotFoundError
            ):  # deleted or renamed before upload: the new name is detected anew
                self.queue.forget(entry.id)
                self.tracker.forget(entry.path)
                continue
            if self.tracker.observe(
                entry.path, stat.st_size, stat.st_mtime_ns, now, _readable(path)
            ):
                self.tracker.forget(entry.path)
                stable.append((entry, stat.st_size))
        waiting = Reason.WAITING_FOR_SERVER if self.outage.is_down else Reason.NONE
        self.queue.mark_stable(
            [(entry.id, size) for entry, size in stable], waiting
        )  # one transaction
        for entry, _size in stable:
            self.on_event(EngineEvent(entry.id, entry.name, FileState.STABLE))

    def _dispatch(self) -> None:
        free = self._pipeline.room
        if free <= 0:
            return
        entries = self.queue.due(FileState.STABLE, free)
        for entry in entries[: self.outage.admit(len(entries))]:
            self._pipeline.submit(entry)
