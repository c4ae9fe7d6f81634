"""Pulling changes from the server's change feed into the cache.

(Not to be confused with ``sync/``, the watched-folder upload engine: this is
replication of the server's documents to this machine.)

A cache that has never synced starts from the server's snapshot (``ApiClient.snapshot``):
every visible document in one compressed stream, written in large transactions straight from
the parsed records, the indexes built once at the end (``CacheStore.bulk``). Each batch is
committed with the last id it held, so a cut-off snapshot leaves a consistent cache and the
next pull resumes after that id; the feed then continues from the position of the first part.

After that, each page of changes is applied in one transaction together with the new
cursor and its ETag, so an interruption (network loss, crash, cancel) leaves the cache
consistent and the next sync resumes after the last committed page; an idle poll sends the
ETag back and gets a 304 — nothing read, nothing written.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from base.progress import CancelToken, Progress, is_cancelled

from ..api import ApiClient
from ..errors import NotFound
from .store import CacheStore
from .upgrade import CURSOR_KEY

__all__ = ["PullReport", "pull_changes", "CURSOR_KEY", "PAGE_SIZE", "SNAPSHOT_BATCH"]

logger = logging.getLogger(__name__)

ETAG_KEY = "sync_etag"
SNAPSHOT_POSITION = "snapshot_position"
SNAPSHOT_AFTER = "snapshot_after"
PAGE_SIZE = 1000
SNAPSHOT_BATCH = 5000
"""Documents per transaction of a first sync: few commits, few search-index segments."""


@dataclass(frozen=True)
class PullReport:
    upserted: int
    deleted: int
    pages: int
    """Transactions that changed the cache (feed pages, snapshot batches)."""
    cursor: int
    seconds: float
    complete: bool
    """False when cancelled; the next pull continues from ``cursor``."""
    snapshot: bool = False
    """The documents came as the server's snapshot (a first sync)."""


@dataclass
class _Tally:
    upserted: int = 0
    deleted: int = 0
    pages: int = 0
    snapshot: bool = False

    def report(self, cursor: int, started: float, complete: bool) -> PullReport:
        seconds = time.perf_counter() - started
        return PullReport(
            self.upserted, self.deleted, self.pages, cursor, seconds, complete, self.snapshot
        )


def pull_changes(
    store: CacheStore,
    client: ApiClient,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    page_size: int | None = None,
) -> PullReport:
    """Bring the cache up to date; ``progress(changes_applied, pages)``. ``page_size``: the
    documents per transaction (a feed page, a snapshot batch)."""
    started = time.perf_counter()
    tally = _Tally()
    if store.meta(CURSOR_KEY) is None and not _first_sync(
        store, client, tally, progress, cancel, page_size or SNAPSHOT_BATCH
    ):
        return tally.report(0, started, False)
    cursor = int(store.meta(CURSOR_KEY) or 0)
    etag = store.meta(ETAG_KEY) or ""
    while True:
        if is_cancelled(cancel):
            return tally.report(cursor, started, False)
        page = client.changes(cursor, page_size or PAGE_SIZE, etag=etag, documents=False)
        if page.not_modified:
            break
        alive = [c.record for c in page.changes if c.kind == "upsert" and c.record is not None]
        gone = [c.document_id for c in page.changes if c.kind == "delete"]
        with store.write() as conn:
            store.upsert_records(conn, alive)
            store.delete(conn, gone)
            store.set_meta(conn, CURSOR_KEY, str(page.next_since))
            store.set_meta(conn, ETAG_KEY, page.etag)
            store.set_meta(conn, "last_sync", str(time.time()))
        cursor, etag = page.next_since, page.etag
        if page.changes:
            tally.pages += 1
            tally.upserted, tally.deleted = tally.upserted + len(alive), tally.deleted + len(gone)
            if progress:
                progress(tally.upserted + tally.deleted, tally.pages)
        if not page.has_more:
            break
    logger.info(
        "pull done: %d upserted, %d deleted in %d pages", tally.upserted, tally.deleted, tally.pages
    )
    return tally.report(cursor, started, True)


def _first_sync(
    store: CacheStore,
    client: ApiClient,
    tally: _Tally,
    progress: Progress | None,
    cancel: CancelToken | None,
    batch: int,
) -> bool:
    """Load the server's snapshot (or resume a cut-off one); False when cancelled. A server
    without snapshots leaves the cursor unset, and the feed starts from 0."""
    kept = store.meta(SNAPSHOT_POSITION)
    try:
        stream = client.snapshot(int(store.meta(SNAPSHOT_AFTER) or 0) if kept else 0)
    except NotFound:
        logger.info("the server has no snapshot; the first sync reads the whole feed")
        return True
    tally.snapshot = True
    with stream, store.bulk():
        position = stream.position if kept is None else min(int(kept), stream.position)
        with store.write() as conn:
            if kept is None:  # a fresh start: whatever a service stored meanwhile comes again
                store.clear(conn)
            store.set_meta(conn, SNAPSHOT_POSITION, str(position))
        for records in stream.batches(batch):
            with store.write() as conn:
                tally.upserted += store.upsert_records(conn, records, terms=False)
                store.set_meta(conn, SNAPSHOT_AFTER, str(records[-1]["id"]))
            tally.pages += 1
            if progress:
                progress(tally.upserted, tally.pages)
            if is_cancelled(cancel):
                return False
    with store.write() as conn:
        store.set_meta(conn, CURSOR_KEY, str(position))
        store.delete_meta(conn, SNAPSHOT_POSITION, SNAPSHOT_AFTER, ETAG_KEY)
    logger.info("snapshot loaded: %d documents, feed position %d", tally.upserted, position)
    return True
