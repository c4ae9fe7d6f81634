"""Incremental sync from the server's change feed.

Each page of changes is applied in one transaction together with the new
cursor, so an interruption (network loss, crash, cancel) leaves the cache
consistent and the next sync resumes after the last committed page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..api import ApiClient, CancelToken
from ..errors import VanThuError
from .store import CacheStore

__all__ = ["SyncReport", "sync", "CURSOR_KEY"]

logger = logging.getLogger(__name__)

CURSOR_KEY = "sync_cursor"
PAGE_SIZE = 1000


@dataclass(frozen=True)
class SyncReport:
    upserted: int
    deleted: int
    pages: int
    cursor: int
    seconds: float
    complete: bool
    """False when cancelled; the next sync continues from ``cursor``."""


class SyncCancelled(VanThuError):
    title_vi = "Đã dừng đồng bộ"
    title_en = "Sync stopped"
    message_vi = "Đã dừng đồng bộ; lần sau sẽ tiếp tục từ chỗ dừng."
    message_en = "Sync stopped; it will continue from there next time."


def sync(
    store: CacheStore,
    client: ApiClient,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
    page_size: int = PAGE_SIZE,
) -> SyncReport:
    """Bring the cache up to date; ``progress(changes_applied, pages)``."""
    started = time.perf_counter()
    cursor = int(store.meta(CURSOR_KEY, "0") or 0)
    upserted = deleted = pages = 0
    while True:
        if cancel is not None and cancel.is_set():
            return SyncReport(upserted, deleted, pages, cursor, time.perf_counter() - started, False)
        page = client.changes(cursor, limit=page_size)
        alive = [c.document for c in page.changes if c.kind == "upsert" and c.document is not None]
        gone = [c.document_id for c in page.changes if c.kind == "delete"]
        with store.write() as conn:
            store.upsert(conn, alive)
            store.delete(conn, gone)
            store.set_meta(conn, CURSOR_KEY, str(page.next_since))
            store.set_meta(conn, "last_sync", str(time.time()))
        cursor, pages = page.next_since, pages + 1
        upserted, deleted = upserted + len(alive), deleted + len(gone)
        if progress:
            progress(upserted + deleted, pages)
        if not page.has_more:
            break
    logger.info("sync done: %d upserted, %d deleted in %d pages", upserted, deleted, pages)
    return SyncReport(upserted, deleted, pages, cursor, time.perf_counter() - started, True)
