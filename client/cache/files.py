"""Downloaded PDFs, verified by sha256, capped in size with LRU eviction.

Files live under the cache folder named by their sha256; the ``files``
table records size and last use.  A cached file opens offline.

An incoming document its sender withdrew has its file destroyed (Decree 30/2020 Appendix VI
III.8.b): ``destroy`` removes it at the sync that brings the withdrawal, and it is never
opened again.

A secret document's file (secrecy ≥ 1: Mật, Tối mật, Tuyệt mật) is never
cached: it is downloaded into a transient folder each time it is opened and
deleted when it is closed (``release``), at sign-out and at the next start
after a crash (``clear_transient``).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..api import ApiClient
from ..errors import ServerUnavailable
from ..records import Document
from .errors import FileWithdrawn, OfflineError
from .store import CacheStore

__all__ = ["FileCache", "withdrawn_copy"]

logger = logging.getLogger(__name__)


def withdrawn_copy(document: Document) -> bool:
    """An incoming document its sender withdrew: its file is destroyed for the recipient."""
    return document.direction == "incoming" and document.status == "withdrawn"


class FileCache:
    def __init__(self, store: CacheStore, folder: Path, max_bytes: int = 2 * 1024**3) -> None:
        self.store = store
        self.folder = folder
        self.max_bytes = max_bytes
        self.transient = folder / ".transient"
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.clear_transient()  # what a crash left behind

    def clear_transient(self) -> int:
        """Delete every secret file still on disk; returns how many there were."""
        if not self.transient.exists():
            return 0
        removed = 0
        for path in self.transient.iterdir():
            path.unlink(missing_ok=True)
            removed += 1
        return removed

    def release(self, path: Path) -> None:
        """The user closed a document: a secret one's file leaves the disk now."""
        if path.parent == self.transient:
            path.unlink(missing_ok=True)

    def _open_secret(self, client: ApiClient | None, sha256: str) -> Path:
        if client is None:
            raise OfflineError(
                "Văn bản mật không được lưu trên máy; cần kết nối máy chủ để mở.",
                "Secret documents are not kept on this machine; the server is needed to open one.",
            )
        self.path_for(sha256).unlink(missing_ok=True)  # cached before it became secret
        self.transient.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self.transient / f"{uuid.uuid4().hex}.pdf"
        try:
            client.download(sha256, target)
        except ServerUnavailable as exc:
            raise OfflineError() from exc
        return target

    def destroy(self, document: Document) -> int:
        """Remove every cached file of ``document``'s versions; returns how many were here."""
        removed = 0
        for version in document.versions:
            path = self.path_for(version.sha256)
            if not path.exists():
                continue
            path.unlink()
            removed += 1
            with self.store.write() as conn:
                conn.exec_driver_sql("DELETE FROM files WHERE sha256 = ?", (version.sha256,))
        return removed

    def path_for(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.pdf"

    def cached(self, sha256: str) -> Path | None:
        path = self.path_for(sha256)
        if not path.exists():
            return None
        with self.store.write() as conn:
            conn.exec_driver_sql(
                "UPDATE files SET last_used = ? WHERE sha256 = ?", (time.time(), sha256)
            )
        return path

    def open(
        self, client: ApiClient | None, document: Document, version: int | None = None
    ) -> Path:
        """Local path of a document's file (latest version by default), downloading if needed."""
        chosen = (
            next((v for v in document.versions if v.number == version), None)
            if version
            else document.latest_version
        )
        if chosen is None:
            raise OfflineError("Văn bản chưa có tệp đính kèm.", "The document has no file.")
        if withdrawn_copy(document):
            self.destroy(document)
            raise FileWithdrawn()
        if document.secrecy >= 1:
            return self._open_secret(client, chosen.sha256)
        if (hit := self.cached(chosen.sha256)) is not None:
            return hit
        if client is None:
            raise OfflineError()
        target = self.path_for(chosen.sha256)
        with self._downloading(chosen.sha256):  # the reading pane and the view want it at once
            if (hit := self.cached(chosen.sha256)) is not None:
                return hit
            try:
                client.download(chosen.sha256, target)  # verifies sha256, atomic rename
            except ServerUnavailable as exc:
                raise OfflineError() from exc
        with self.store.write() as conn:
            conn.exec_driver_sql(
                "INSERT OR REPLACE INTO files(sha256, size, last_used) VALUES (?, ?, ?)",
                (chosen.sha256, target.stat().st_size, time.time()),
            )
        self.evict(keep=chosen.sha256)
        return target

    @contextmanager
    def _downloading(self, sha256: str) -> Iterator[None]:
        """One download of a file at a time: two workers writing one ``.part`` file corrupt it."""
        with self._locks_guard:
            lock = self._locks.setdefault(sha256, threading.Lock())
        with lock:
            yield

    def used_bytes(self) -> int:
        with self.store.read() as conn:
            return int(
                conn.exec_driver_sql("SELECT coalesce(sum(size), 0) FROM files").scalar() or 0
            )

    def evict(self, keep: str | None = None) -> int:
        """Remove least recently used files until under the cap; returns files removed."""
        removed = 0
        with self.store.read() as conn:
            rows = list(
                conn.exec_driver_sql("SELECT sha256, size FROM files ORDER BY last_used DESC")
            )
        total = sum(size for _, size in rows)
        for sha256, size in reversed(rows):
            if total <= self.max_bytes:
                break
            if sha256 == keep:
                continue
            self.path_for(sha256).unlink(missing_ok=True)
            with self.store.write() as conn:
                conn.exec_driver_sql("DELETE FROM files WHERE sha256 = ?", (sha256,))
            total -= size
            removed += 1
        return removed
