"""Downloaded PDFs, verified by sha256, capped in size with LRU eviction.

Files live under the cache folder named by their sha256; the ``files``
table records size and last use.  A cached file opens offline.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from ..api import ApiClient
from ..errors import ServerUnavailable
from ..records import Document
from .errors import OfflineError
from .store import CacheStore

__all__ = ["FileCache"]

logger = logging.getLogger(__name__)


class FileCache:
    def __init__(self, store: CacheStore, folder: Path, max_bytes: int = 2 * 1024**3) -> None:
        self.store = store
        self.folder = folder
        self.max_bytes = max_bytes
        folder.mkdir(parents=True, exist_ok=True)

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
        if (hit := self.cached(chosen.sha256)) is not None:
            return hit
        if client is None:
            raise OfflineError()
        target = self.path_for(chosen.sha256)
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
