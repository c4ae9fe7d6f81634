"""The watched-folder engine: detect → stable → convert → upload → confirm → move.

Threads are fixed (observer, scheduler, N preparers, N uploaders, one finisher) whatever the
number of files; the queue lives in SQLite, so memory stays flat for a
10,000-file drop and a restart continues where it stopped.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from base.backoff import backoff
from client.api import ApiClient
from client.errors import ApiError, AuthError, ServerUnavailable, TransferCancelled
from client.transfer import DeclaredUpload, file_sha256

from .convert import prepare_pdf
from .errors import BadFile, SyncError
from .filters import doc_type_for, is_candidate, nfc
from .finalize import fail_source, finish_source
from .outage import Outage
from .profiles import WatchProfile
from .queue import FileState, QueueEntry, UploadQueue
from .reasons import Reason, reason_text
from .stability import StabilityTracker
from .watcher import start_observer

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

__all__ = ["EngineEvent", "WatchEngine"]

logger = logging.getLogger(__name__)

STABILITY_TICK = 0.2  # seconds between size/mtime checks of detected files
STABILITY_BATCH = 500  # files looked at per tick (a 10,000-file drop is seen every 4 s)
# Files hashed, checked and declared ahead of each upload slot. Under load a declare waits
# about as long as an upload takes, so with fewer a slot now and then sits idle (measured:
# 1 ahead left ≈ 5 ms idle per file and slot, 3 ahead ≈ 1.5 ms).
PREPARED_AHEAD = 3


_T = TypeVar("_T")


@dataclass(frozen=True)
class EngineEvent:
    entry_id: int
    name: str
    state: FileState
    reason: Reason = Reason.NONE
    detail: str = ""
    done_bytes: int = 0
    total_bytes: int = 0

    @property
    def message(self) -> str:
        """The reason in the current language (for the command line's progress lines)."""
        return reason_text(self.reason, self.detail)


@dataclass(frozen=True)
class _Prepared:
    """A file hashed, deduplicated, converted and declared to the server, waiting for an upload slot."""

    entry: QueueEntry
    source: Path
    pdf: Path
    sha: str
    fields: dict[str, Any]
    declared: DeclaredUpload


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
        self._stop = threading.Event()
        self._wake = (
            threading.Event()
        )  # a worker finished: dispatch the next file now, not at the next tick
        self._in_flight: set[int] = set()
        self._lock = threading.Lock()
        workers = max(1, profile.parallel)
        self._prepares = ThreadPoolExecutor(
            max_workers=workers, thread_name_prefix="vanthu-prepare"
        )
        self._uploads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="vanthu-upload")
        self._finishes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vanthu-finish")
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
        self._prepares.shutdown(wait=True, cancel_futures=True)
        self._uploads.shutdown(wait=True, cancel_futures=True)
        self._finishes.shutdown(
            wait=True
        )  # moves of confirmed files: quick, and nothing left half-done
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
            if not busy and not self._in_flight and done >= finished:
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
        with self._lock:
            free = self.profile.parallel * (1 + PREPARED_AHEAD) - len(self._in_flight)
        if free <= 0:
            return
        entries = self.queue.due(FileState.STABLE, free)
        for entry in entries[: self.outage.admit(len(entries))]:
            with self._lock:
                if entry.id in self._in_flight:
                    continue
                self._in_flight.add(entry.id)
            self._prepares.submit(self._prepare_safely, entry)

    # -- one file ----------------------------------------------------------------------
    # Two stages, so the server never waits for us: while a file uploads, the next one is
    # already hashed, checked (or converted) and declared, and its bytes go out the moment an
    # upload slot is free. ``parallel`` bounds the uploads; the dispatcher bounds what is in flight.
    def _prepare_safely(self, entry: QueueEntry) -> None:
        prepared = self._guarded(entry, lambda: self._prepare(entry))
        if prepared is None:
            self._release(entry)
            return
        try:
            self._uploads.submit(self._upload_safely, prepared)
        except RuntimeError:  # stopping: the file stays in the queue for next time
            self._release(entry)

    def _upload_safely(self, prepared: _Prepared) -> None:
        try:
            self._guarded(prepared.entry, lambda: self._upload(prepared))
        finally:
            self._release(prepared.entry)

    def _release(self, entry: QueueEntry) -> None:
        self.outage.settle()
        with self._lock:
            self._in_flight.discard(entry.id)
        self._wake.set()

    def _prepare(self, entry: QueueEntry) -> _Prepared | None:
        """Hash, deduplicate, convert and declare; None when the file needs no upload."""
        source = Path(entry.path)
        if entry.document_id is not None:  # created before a crash: only the move is left
            self._finish(entry, source, FileState.UPLOADED, entry.document_id)
            return None
        self.queue.set_state(entry.id, FileState.CONVERTING)
        sha = entry.sha256 or file_sha256(source)
        if (twin := self.queue.claim_sha(entry.id, sha)) is not None:
            self._finish(
                entry,
                source,
                FileState.DUPLICATE,
                twin.document_id,
                Reason.SAME_AS_QUEUED,
                twin.name,
            )
            return None
        pdf = prepare_pdf(source, self.workdir, f"{entry.id}-{sha[:16]}", self.profile.ocr)
        fields = self._fields(source, pdf)
        declared = self.client.declare_upload(
            pdf, sha if pdf == source else None, fields, f"scan:{sha}"
        )
        self._server_answered()
        return _Prepared(entry, source, pdf, sha, fields, declared)

    def _upload(self, prepared: _Prepared) -> None:
        entry, source, pdf = prepared.entry, prepared.source, prepared.pdf
        self.queue.set_state(entry.id, FileState.UPLOADING)
        uploaded = self.client.send_upload(
            prepared.declared, progress=self._progress(entry), cancel=self._stop
        )
        self._server_answered()
        document, created = uploaded.document, uploaded.document_created
        if document is None:  # a server that cannot create documents from uploads
            document, created = self.client.create_document_once(
                {**prepared.fields, "file_sha256": uploaded.sha256}, f"scan:{prepared.sha}"
            )
        self.queue.set_state(
            entry.id, FileState.UPLOADING, document_id=document.id
        )  # a crash now leaves only the move
        state, note = (
            (FileState.UPLOADED, Reason.NONE)
            if created
            else (FileState.DUPLICATE, Reason.ALREADY_ON_SERVER)
        )
        # The move and the final state go to the finisher thread, so this slot sends its next file now.
        try:
            self._finishes.submit(
                self._guarded,
                entry,
                lambda: self._finish_upload(entry, source, pdf, state, document.id, note),
            )
        except (
            RuntimeError
        ):  # stopping: the row keeps its document and is finished at the next start
            pass

    def _finish_upload(
        self,
        entry: QueueEntry,
        source: Path,
        pdf: Path,
        state: FileState,
        document_id: int,
        note: Reason,
    ) -> None:
        self._finish(entry, source, state, document_id, note)
        if pdf != source:
            pdf.unlink(missing_ok=True)

    def _guarded(self, entry: QueueEntry, step: Callable[[], _T]) -> _T | None:
        """Run one stage; every failure ends in the queue with a reason, never in the engine."""
        source = Path(entry.path)
        try:
            return step()
        except FileNotFoundError:  # deleted or renamed before upload: the new name is detected anew
            self.queue.forget(entry.id)
        except BadFile as exc:
            fail_source(source, self.root, self.profile, exc.message("vi"), exc.message("en"))
            self.queue.set_state(entry.id, FileState.FAILED, reason=exc.reason)
            self.on_event(EngineEvent(entry.id, entry.name, FileState.FAILED, exc.reason))
        except TransferCancelled:
            self.queue.set_state(entry.id, FileState.STABLE)
        except ServerUnavailable:
            self._wait(entry, self.outage.down(entry.id), Reason.WAITING_FOR_SERVER)
            self.queue.note_waiting(
                Reason.WAITING_FOR_SERVER
            )  # files not tried yet show why they wait
        except AuthError:
            self._wait(entry, backoff(entry.attempts), Reason.SIGNED_OUT)
        except ApiError as exc:
            self._server_answered()
            self._wait(
                entry,
                backoff(entry.attempts, cap=3600),
                Reason.SERVER_REFUSED,
                f"HTTP {exc.status}" + (f" {exc.code}" if exc.code else ""),
            )
        except SyncError as exc:
            self._wait(entry, backoff(entry.attempts, cap=3600), exc.reason)
        except PermissionError as exc:
            self._wait(
                entry, backoff(entry.attempts, cap=60), Reason.FILE_LOCKED, exc.strerror or ""
            )
        except OSError as exc:
            self._wait(entry, backoff(entry.attempts, cap=600), Reason.FILE_IO, exc.strerror or "")
        except Exception:
            logger.exception("unexpected error on %s", entry.name)
            self._wait(entry, backoff(entry.attempts), Reason.UNEXPECTED)
        return None

    def _wait(self, entry: QueueEntry, delay: float, reason: Reason, detail: str = "") -> None:
        self.queue.retry_later(entry.id, delay, reason, detail)
        self.on_event(EngineEvent(entry.id, entry.name, FileState.STABLE, reason, detail))

    def _server_answered(self) -> None:
        if self.outage.is_down and (released := self.outage.up()):
            self.queue.release(released)
            self._wake.set()

    def _finish(
        self,
        entry: QueueEntry,
        source: Path,
        state: FileState,
        document_id: int | None,
        note: Reason = Reason.NONE,
        detail: str = "",
    ) -> None:
        finish_source(source, self.root, self.profile)
        self.queue.set_state(entry.id, state, document_id=document_id, reason=note, detail=detail)
        self.on_event(EngineEvent(entry.id, entry.name, state, note, detail))

    def _fields(self, source: Path, pdf: Path) -> dict[str, Any]:
        name = nfc(source.stem).replace("_", " ").strip()
        fields: dict[str, Any] = {
            "direction": self.profile.direction,
            "doc_type": doc_type_for(source, self.root, self.profile),
            "subject": name[:500] or "Bản quét",
            "organ_name": self.profile.organ_name,
            "filename": nfc(pdf.name if pdf == source else f"{source.stem}.pdf"),
            "note": "Bản quét tải lên tự động",
        }
        if self.profile.direction == "incoming":  # a scan waits for the clerk: "Chờ vào sổ"
            fields["status"] = "arrived"
        return fields

    def _progress(self, entry: QueueEntry) -> Callable[[int, int], None]:
        started = time.monotonic()
        limit = self.profile.bandwidth_limit

        def report(done: int, total: int) -> None:
            self.on_event(
                EngineEvent(
                    entry.id, entry.name, FileState.UPLOADING, done_bytes=done, total_bytes=total
                )
            )
            if limit:
                ahead = done / limit - (time.monotonic() - started)
                if ahead > 0:
                    self._stop.wait(ahead)

        return report
