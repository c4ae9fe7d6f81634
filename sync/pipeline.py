"""One scan's trip once it is stable: hash → claim its bytes → check or convert → declare →
send → record, move and close.

Three stages on fixed threads, so the server never waits for us: ``parallel`` preparers hash,
check (or convert) and declare files ahead of the ``parallel`` upload slots, which only send
bytes; the finisher records, moves and closes confirmed files in batches. Each thread talks to
the server over its own connection. The engine decides *when* a file enters (stable, due, the
server reachable); this module decides what happens to it, and every failure ends in the queue
with a reason, never in the engine.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from base.backoff import backoff
from client.api import ApiClient
from client.errors import ApiError, AuthError, ServerUnavailable, TransferCancelled
from client.transfer import DeclaredUpload, file_sha256, own_connection

from .convert import prepare_pdf
from .errors import BadFile, SyncError
from .events import EngineEvent
from .filters import scan_fields
from .finalize import fail_source
from .finisher import Finished, Finisher
from .outage import Outage
from .profiles import WatchProfile
from .queue import FileState, QueueEntry, UploadQueue
from .reasons import Reason

__all__ = ["Pipeline", "PREPARED_AHEAD"]

logger = logging.getLogger(__name__)

# Files hashed, checked and declared ahead of each upload slot. Under load a declare waits
# about as long as an upload takes, so with fewer a slot now and then sits idle (measured:
# 1 ahead left ≈ 5 ms idle per file and slot, 3 ahead ≈ 1.5 ms).
PREPARED_AHEAD = 3

_T = TypeVar("_T")


@dataclass(frozen=True)
class _Prepared:
    """A file hashed, deduplicated, converted and declared to the server, waiting for a slot."""

    entry: QueueEntry
    source: Path
    pdf: Path
    sha: str
    fields: dict[str, Any]
    declared: DeclaredUpload


class Pipeline:
    def __init__(
        self,
        upload_queue: UploadQueue,
        client: ApiClient,
        profile: WatchProfile,
        root: Path,
        workdir: Path,
        outage: Outage,
        on_event: Callable[[EngineEvent], None],
        wake: Callable[[], None],
    ) -> None:
        """``wake`` tells the scheduler that room was made (or waiting files were released)."""
        self.queue = upload_queue
        self.client = client
        self.profile = profile
        self.root = root
        self.workdir = workdir
        self.outage = outage
        self.on_event = on_event
        self._wake = wake
        self.stopping = threading.Event()
        self._in_flight: set[int] = set()
        self._lock = threading.Lock()
        workers = max(1, profile.parallel)
        self._prepares = ThreadPoolExecutor(workers, thread_name_prefix="vanthu-prepare")
        self._uploads = ThreadPoolExecutor(workers, thread_name_prefix="vanthu-upload")
        self._finisher = Finisher(upload_queue, root, profile, self.guarded, self._finished)
        self._local = threading.local()  # each worker thread's own connection
        self._connections: list[ApiClient] = []  # all of them, closed at the stop

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> None:
        self._finisher.start()

    def stop(self, timeout: float) -> None:
        """Uploads on the wire are cancelled (they resume at the next start); files already
        confirmed are moved and closed before this returns."""
        self.stopping.set()
        self._prepares.shutdown(wait=True, cancel_futures=True)
        self._uploads.shutdown(wait=True, cancel_futures=True)
        self._finisher.stop(timeout)
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.session.close()

    @property
    def room(self) -> int:
        """How many more files may enter now."""
        with self._lock:
            return self.profile.parallel * (1 + PREPARED_AHEAD) - len(self._in_flight)

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._in_flight)

    def submit(self, entry: QueueEntry) -> None:
        with self._lock:
            if entry.id in self._in_flight:
                return
            self._in_flight.add(entry.id)
        self._prepares.submit(self._prepare_safely, entry)

    # -- the stages --------------------------------------------------------------------
    def _prepare_safely(self, entry: QueueEntry) -> None:
        step = self.guarded(entry, lambda: self._prepare(entry))
        if isinstance(step, _Prepared):
            try:
                self._uploads.submit(self._upload_safely, step)
            except RuntimeError:  # stopping: the file stays in the queue for next time
                self._release(entry)
        elif step is None:  # waits for a retry (or a twin), or went to failed/
            self._release(entry)
        # else the finisher has it, and lets it go when done

    def _upload_safely(self, prepared: _Prepared) -> None:
        if self.guarded(prepared.entry, lambda: self._upload(prepared)) is None:
            self._release(prepared.entry)

    def _release(self, entry: QueueEntry) -> None:
        """The file left the pipeline (finished, waiting for a retry, or failed)."""
        self.outage.settle()
        with self._lock:
            self._in_flight.discard(entry.id)
        self._wake()

    def _connection(self) -> ApiClient:
        """This thread's own connection to the server (a ``requests.Session`` is not shared
        between threads), signed in as the engine's client is now."""
        connection: ApiClient | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = own_connection(self.client)
            with self._lock:
                self._connections.append(connection)
        connection.token = self.client.token
        return connection

    def _prepare(self, entry: QueueEntry) -> _Prepared | Finished | None:
        """Hash, deduplicate, convert and declare. A file that needs no upload goes to the
        finisher (returned); None when it waits for a twin that is still on its way."""
        source = Path(entry.path)
        if entry.document_id is not None:  # created before a crash: only the move is left
            return self._hand_over(Finished(entry, FileState.UPLOADED, entry.document_id))
        sha = file_sha256(source)  # never a stored one: the file may have changed since
        if (twin := self.queue.claim_sha(entry.id, sha)) is not None:
            if twin.document_id is None:  # never the duplicate of an upload that may yet fail
                self._wait(
                    entry, backoff(entry.attempts, cap=30), Reason.WAITING_FOR_TWIN, twin.name
                )
                return None
            return self._hand_over(
                Finished(
                    entry, FileState.DUPLICATE, twin.document_id, Reason.SAME_AS_QUEUED, twin.name
                )
            )
        pdf = prepare_pdf(source, self.workdir, f"{entry.id}-{sha[:16]}", self.profile.ocr)
        fields = scan_fields(source, pdf, self.root, self.profile)
        declared = self._connection().declare_upload(
            pdf, sha if pdf == source else None, fields, f"scan:{sha}"
        )
        self.server_answered()
        self.queue.set_state(entry.id, FileState.UPLOADING)
        return _Prepared(entry, source, pdf, sha, fields, declared)

    def _upload(self, prepared: _Prepared) -> bool:
        entry, source, pdf = prepared.entry, prepared.source, prepared.pdf
        connection = self._connection()
        uploaded = connection.send_upload(
            prepared.declared, progress=self._progress(entry), cancel=self.stopping
        )
        self.server_answered()
        document, created = uploaded.document, uploaded.document_created
        if document is None:  # a server that cannot create documents from uploads
            document, created = connection.create_document_once(
                {**prepared.fields, "file_sha256": uploaded.sha256}, f"scan:{prepared.sha}"
            )
        state, note = (
            (FileState.UPLOADED, Reason.NONE)
            if created
            else (FileState.DUPLICATE, Reason.ALREADY_ON_SERVER)
        )
        converted = pdf if pdf != source else None
        # The id, the move and the final state go to the finisher: this slot sends its next file now.
        self._hand_over(Finished(entry, state, document.id, note, "", converted, new_document=True))
        return True

    def _hand_over(self, item: Finished) -> Finished:
        self._finisher.put(item)
        return item

    def _finished(self, item: Finished, moved: bool) -> None:
        if moved:
            entry = item.entry
            self.on_event(EngineEvent(entry.id, entry.name, item.state, item.reason, item.detail))
        self._release(item.entry)

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
                    self.stopping.wait(ahead)

        return report

    # -- failures ------------------------------------------------------------------------
    def guarded(self, entry: QueueEntry, step: Callable[[], _T]) -> _T | None:
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
            # files not tried yet show why they wait
            self.queue.note_waiting(Reason.WAITING_FOR_SERVER)
        except AuthError:
            self._wait(entry, backoff(entry.attempts), Reason.SIGNED_OUT)
        except ApiError as exc:
            self.server_answered()
            status = f"HTTP {exc.status}" + (f" {exc.code}" if exc.code else "")
            self._wait(entry, backoff(entry.attempts, cap=3600), Reason.SERVER_REFUSED, status)
        except SyncError as exc:
            self._wait(entry, backoff(entry.attempts, cap=3600), exc.reason)
        except PermissionError as exc:
            delay = backoff(entry.attempts, cap=60)
            self._wait(entry, delay, Reason.FILE_LOCKED, exc.strerror or "")
        except OSError as exc:
            self._wait(entry, backoff(entry.attempts, cap=600), Reason.FILE_IO, exc.strerror or "")
        except Exception:
            logger.exception("unexpected error on %s", entry.name)
            self._wait(entry, backoff(entry.attempts), Reason.UNEXPECTED)
        return None

    def _wait(self, entry: QueueEntry, delay: float, reason: Reason, detail: str = "") -> None:
        self.queue.retry_later(entry.id, delay, reason, detail)
        self.on_event(EngineEvent(entry.id, entry.name, FileState.STABLE, reason, detail))

    def server_answered(self) -> None:
        """Anything got through: every file that was waiting for the server is due now."""
        if self.outage.is_down and (released := self.outage.up()):
            self.queue.release(released)
            self._wake()
