"""Pulling changes from the server's change feed into the cache.

(Not to be confused with ``sync/``, the watched-folder upload engine: this is
replication of the server's documents to this machine.)

Each page of changes is applied in one transaction together with the new
cursor, so an interruption (network loss, crash, cancel) leaves the cache
consistent and the next sync resumes after the last committed page.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from base.progress import CancelToken, Progress, is_cancelled

from ..api import ApiClient
from .store import CacheStore

__all__ = ["PullReport", "pull_changes", "CURSOR_KEY"]

logger = logging.getLogger(__name__)

CURSOR_KEY = "sync_cursor"
PAGE_SIZE = 1000


@dataclass(frozen=True)
class PullReport:
    upserted: int
    deleted: int
    pages: int
    cursor: int
    seconds: float
    complete: bool
    """False when cancelled; the next pull continues from ``cursor``."""


def pull_changes(
    store: CacheStore,
    client: ApiClient,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    page_size: int = PAGE_SIZE,
) -> PullReport:
    """Bring the cache up to date; ``progress(changes_applied, pages)``."""
    started = time.perf_counter()
    cursor = int(store.meta(CURSOR_KEY, "0") or 0)
    upserted = deleted = pages = 0
    while True:
        if is_cancelled(cancel):
            return PullReport(
                upserted, deleted, pages, cursor, time.perf_counter() - started, False
            )
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
    logger.info("pull done: %d upserted, %d deleted in %d pages", upserted, deleted, pages)
    return PullReport(upserted, deleted, pages, cursor, time.perf_counter() - started, True)
