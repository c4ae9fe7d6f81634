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

from sqlalchemy import select

from .db import Database
from .filestore import BlobStore, FileStoreDamaged
from .leases import Lease
from .models import Blob, utcnow

__all__ = ["ScrubReport", "scrub_blobs", "BlobScrubber"]

logger = logging.getLogger(__name__)

PAGE = 500
FIRST_PASS_AFTER = 600.0
LOOK_AGAIN = 600.0
"""How often an idle process asks whether the deployment's scrub is due (and whether the
process that held it died)."""
LEASE_SECONDS = 300.0
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


def _digest(blobs: BlobStore, sha256: str, pace: Callable[[int], None]) -> str | None:
    """The stored bytes' SHA-256 (read through the store: a stream for an object store); None
    when the store itself found them damaged (an object failing its S3 checksum)."""
    digest = hashlib.sha256()
    try:
        with blobs.open(sha256) as fh:
            while block := fh.read(CHUNK):
                digest.update(block)
                pace(len(block))
    except FileStoreDamaged:
        return None
    return digest.hexdigest()


def scrub_blobs(
    db: Database,
    blobs: BlobStore,
    *,
    bytes_per_second: float | None = None,
    stop: threading.Event | None = None,
    still_ours: Callable[[], bool] | None = None,
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

    def halted() -> bool:
        """Stopped, or another process took the scrub over (``BlobScrubber``'s lease)."""
        return bool(stop and stop.is_set()) or (still_ours is not None and not still_ours())

    while not halted():
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
            if halted():
                break
            after = sha256
            report.checked += 1
            stored = blobs.size(sha256)
            try:
                intact = stored == size and _digest(blobs, sha256, pace) == sha256
            except FileNotFoundError:
                stored = None  # gone between the two looks
            if stored is None:
                report.missing.append(sha256)
                logger.error("blob %s is recorded but its file is missing", sha256)
                continue
            if not intact:
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
    """A daemon thread in every ``serve`` process; a lease in the database makes one of them scrub
    every ``interval`` seconds for the whole deployment. ``stop()`` ends it promptly."""

    def __init__(
        self, db: Database, blobs: BlobStore, interval: float, bytes_per_second: float
    ) -> None:
        self.db, self.blobs = db, blobs
        self.interval, self.bytes_per_second = interval, bytes_per_second
        self.lease = Lease("blob-scrub", LEASE_SECONDS)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="blob-scrub", daemon=True)
        self._renewed = 0.0
        self._lost = False
        self.last: ScrubReport | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        with self.db.session() as session:
            self.lease.release(session)

    def _run(self) -> None:
        wait = min(self.interval, FIRST_PASS_AFTER)  # a server restarted daily still gets scrubbed
        while not self._stop.wait(wait):
            wait = min(self.interval, LOOK_AGAIN)
            try:
                if self._due():
                    self._scrub()
            except Exception:
                logger.exception("blob scrub failed")

    def _due(self) -> bool:
        """Ours to run, and the deployment's last scrub finished ``interval`` ago or more."""
        with self.db.session() as session:
            if not self.lease.hold(session):
                return False
            last = self.lease.last_finished(session)
            if last is not None and (utcnow() - last).total_seconds() < self.interval:
                return False
            self.lease.started(session)
        self._renewed = time.monotonic()
        self._lost = False
        return True

    def _still_ours(self) -> bool:
        if time.monotonic() - self._renewed < LEASE_SECONDS / 5:
            return True
        with self.db.session() as session:
            held = self.lease.hold(session)
        self._renewed = time.monotonic()
        self._lost = not held
        return held

    def _scrub(self) -> None:
        report = scrub_blobs(
            self.db,
            self.blobs,
            bytes_per_second=self.bytes_per_second,
            stop=self._stop,
            still_ours=self._still_ours,
        )
        self.last = report
        if self._stop.is_set() or self._lost:
            return  # unfinished: the next process (or this one, restarted) scrubs again
        with self.db.session() as session:
            self.lease.finished(
                session,
                report.ok,
                f"{report.checked} checked, {len(report.damaged)} damaged, "
                f"{len(report.missing)} missing",
            )
