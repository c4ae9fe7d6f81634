"""Blob scrub: re-read every stored file and compare it with its sha256.

Uploads check the hash before a blob becomes visible, and a declaration checks the stored size;
only re-reading finds the rest (a disk or a restore that flipped bytes). A damaged blob is moved
to quarantine, so the next upload of the same bytes stores them again instead of being told
"duplicate"; a blob whose file is gone is reported. Runs in the background of ``serve``
(throttled, so users never wait on it) and on demand with ``admin blobs scrub``.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from .blobs import BlobStore
from .db import Database
from .models import Blob

__all__ = ["ScrubReport", "scrub_blobs", "BlobScrubber"]

logger = logging.getLogger(__name__)

PAGE = 500
FIRST_PASS_AFTER = 600.0
CHUNK = 1 << 20


@dataclass
class ScrubReport:
    checked: int = 0
    bytes_read: int = 0
    damaged: list[str] = field(default_factory=list)
    """Quarantined: wrong size or wrong hash."""
    missing: list[str] = field(default_factory=list)
    """Recorded in the database but not on disk: these documents' files are lost."""

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.missing


def _digest(path: Path, pace: Callable[[int], None]) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            pace(len(block))
    return digest.hexdigest()


def scrub_blobs(
    db: Database,
    blobs: BlobStore,
    *,
    bytes_per_second: float | None = None,
    stop: threading.Event | None = None,
) -> ScrubReport:
    """Check every blob once; ``bytes_per_second`` keeps the disk free for users."""
    report = ScrubReport()
    started = time.monotonic()

    def pace(n: int) -> None:
        report.bytes_read += n
        if bytes_per_second:
            ahead = report.bytes_read / bytes_per_second - (time.monotonic() - started)
            if ahead > 0:
                (stop.wait if stop else time.sleep)(ahead)

    after = ""
    while not (stop and stop.is_set()):
        with db.session() as session:
            page = session.execute(
                select(Blob.sha256, Blob.size)
                .where(Blob.sha256 > after)
                .order_by(Blob.sha256)
                .limit(PAGE)
            ).all()
        if not page:
            break
        for sha256, size in page:
            if stop and stop.is_set():
                break
            after = sha256
            path = blobs.path(sha256)
            report.checked += 1
            if not path.is_file():
                report.missing.append(sha256)
                logger.error("blob %s is recorded but its file is missing", sha256)
                continue
            if path.stat().st_size != size or _digest(path, pace) != sha256:
                blobs.quarantine(sha256)
                report.damaged.append(sha256)
    logger.info(
        "blob scrub: %d checked, %d damaged, %d missing",
        report.checked,
        len(report.damaged),
        len(report.missing),
    )
    return report


class BlobScrubber:
    """A daemon thread that scrubs every ``interval`` seconds; ``stop()`` ends it promptly."""

    def __init__(
        self, db: Database, blobs: BlobStore, interval: float, bytes_per_second: float
    ) -> None:
        self.db, self.blobs = db, blobs
        self.interval, self.bytes_per_second = interval, bytes_per_second
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="blob-scrub", daemon=True)
        self.last: ScrubReport | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        wait = min(self.interval, FIRST_PASS_AFTER)  # a server restarted daily still gets scrubbed
        while not self._stop.wait(wait):
            wait = self.interval
            try:
                self.last = scrub_blobs(
                    self.db, self.blobs, bytes_per_second=self.bytes_per_second, stop=self._stop
                )
            except Exception:
                logger.exception("blob scrub failed")
