"""The last stage of a scan's trip: record its document, move the source away, write its final
state — for many files at once, in one thread of its own.

The upload slots hand over a file the moment the server confirms it and send their next one;
whatever the finisher found waiting is done together: the new document ids in one transaction,
then each file's move, then the final states in one more. The order per file is what keeps a
crash harmless: the id is on disk before the source moves (a restart then only moves it), and the
source moves before the row says *uploaded* (a restart never reports a file that is still there).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .finalize import finish_source
from .profiles import WatchProfile
from .queue import FileState, QueueEntry, UploadQueue
from .reasons import Reason

__all__ = ["Finished", "Finisher"]

logger = logging.getLogger(__name__)

Guard = Callable[[QueueEntry, Callable[[], bool]], "bool | None"]
"""Runs one step for a file; on failure the file waits with its reason and None comes back."""


@dataclass(frozen=True)
class Finished:
    """A file whose fate is decided: confirmed by the server, or a duplicate of one that was."""

    entry: QueueEntry
    state: FileState
    document_id: int | None
    reason: Reason = Reason.NONE
    detail: str = ""
    converted: Path | None = None
    """The PDF made from an image (in the work folder), removed once the source has moved."""
    new_document: bool = False
    """The document id is news to the queue: it is recorded before the source moves."""


_STOP = object()


class Finisher:
    def __init__(
        self,
        upload_queue: UploadQueue,
        root: Path,
        profile: WatchProfile,
        guard: Guard,
        on_finished: Callable[[Finished, bool], None],
    ) -> None:
        """``guard`` runs the move the way the engine runs every stage (a locked file waits
        with its reason); ``on_finished(item, moved)`` is told about every item, done or not."""
        self.queue = upload_queue
        self.root = root
        self.profile = profile
        self._guard = guard
        self._on_finished = on_finished
        self._items: queue.SimpleQueue[Finished | object] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="vanthu-finish", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def put(self, item: Finished) -> None:
        self._items.put(item)

    def stop(self, timeout: float = 30) -> None:
        """Finish what was handed over (moves are quick, and nothing is left half-done)."""
        if self._thread.is_alive():
            self._items.put(_STOP)
            self._thread.join(timeout)

    def _run(self) -> None:
        stopping = False
        while not stopping:
            batch: list[Finished] = []
            item = self._items.get()
            while True:
                if item is _STOP:
                    stopping = True
                elif isinstance(item, Finished):
                    batch.append(item)
                try:
                    item = self._items.get_nowait()
                except queue.Empty:
                    break
            if batch:
                self._finish(batch)

    def _finish(self, batch: list[Finished]) -> None:
        moved: list[Finished] = []
        try:
            self.queue.record_documents(
                [(i.entry.id, i.document_id) for i in batch if i.new_document and i.document_id]
            )
            for item in batch:
                if self._guard(item.entry, partial(self._move, item)):
                    moved.append(item)
            self.queue.finish_many(
                [(i.entry.id, i.state, i.document_id, i.reason, i.detail) for i in moved]
            )
        except Exception:  # the queue's disk: the rows stay in flight and resume at the next start
            logger.exception("finishing %d uploaded files failed", len(batch))
            moved = []
        done = {id(i) for i in moved}
        for item in batch:
            self._on_finished(item, id(item) in done)

    def _move(self, item: Finished) -> bool:
        finish_source(Path(item.entry.path), self.root, self.profile)
        if item.converted is not None:
            item.converted.unlink(missing_ok=True)
        return True
