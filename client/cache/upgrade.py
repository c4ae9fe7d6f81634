"""Converting a cache of layouts 1–3 to the compact layout, in place, at the first start.

Those layouts kept every document's whole JSON beside copies of its fields and its folded
text (2.4 GB per million documents). The JSON they kept is the server's record, so converting
is a first sync read from the old table instead of the network: the same ``upsert_records``,
in one transaction, then the file is compacted (``VACUUM``). The outbox, the downloaded files
and the feed position stay, so the user keeps working offline and the next sync continues
where the last one stopped. Should a stored record not convert, the documents are dropped and
the position forgotten — the next sync fetches them again — and the store says so
(``CacheStore.recovery_notice``); the outbox is never touched.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy.exc import DatabaseError

from .rows import INDEX_VERSION
from .schema import (
    SCHEMA_VERSION,
    create_indexes,
    create_tables,
    drop_indexes,
    fill_terms,
    set_version,
)

if TYPE_CHECKING:
    from .store import CacheStore

__all__ = ["convert", "CURSOR_KEY"]

logger = logging.getLogger(__name__)

CURSOR_KEY = "sync_cursor"
"""The feed position (``feed.CURSOR_KEY``): forgotten when the documents must be fetched again."""

_OLD_TRIGGERS = ("documents_ai", "documents_ad", "documents_au", "documents_parts_ad")
_BATCH = 5000


def convert(store: CacheStore) -> None:
    """Rewrite the documents of a layout-1–3 cache into the current layout."""
    started = time.perf_counter()
    converted = failed = 0
    with store.write() as conn:
        for trigger in _OLD_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        drop_indexes(conn)  # the old ones carry the same names
        conn.exec_driver_sql("DROP TABLE IF EXISTS documents_fts")
        conn.exec_driver_sql("DROP TABLE IF EXISTS parts")
        conn.exec_driver_sql("ALTER TABLE documents RENAME TO documents_before")
        create_tables(conn)
        old = conn.exec_driver_sql(
            "SELECT json, search_number != '' OR search_text != '' FROM documents_before "
            "ORDER BY id"
        )
        while batch := old.fetchmany(_BATCH):
            records: list[Mapping[str, Any]] = []
            indexed: set[int] = set()
            for text, was_indexed in batch:
                try:
                    data = orjson.loads(text)
                    doc_id, _direction = int(data["id"]), str(data["direction"])
                except (ValueError, KeyError, TypeError) as exc:
                    failed += 1
                    logger.warning("a cached document did not convert (%s)", exc)
                    continue
                records.append(data)
                if was_indexed:
                    indexed.add(doc_id)
            try:
                converted += store.upsert_records(conn, records, terms=False, index=_kept(indexed))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:  # a field gone bad
                failed += len(records)  # all fetched again below: what was written is dropped
                logger.warning("cached documents did not convert (%s)", exc)
        conn.exec_driver_sql("DROP TABLE documents_before")
        if failed:
            store.clear(conn)
            store.delete_meta(conn, CURSOR_KEY)
            store.rebuilt = True
        create_indexes(conn)
        conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
        fill_terms(conn)
        set_version(conn, SCHEMA_VERSION)
        store.set_meta(conn, "index_version", INDEX_VERSION)
    logger.info(
        "cache converted to layout %d: %d documents in %.1f s%s",
        SCHEMA_VERSION,
        converted,
        time.perf_counter() - started,
        f", {failed} unreadable: they are fetched again at the next sync" if failed else "",
    )
    _compact(store)


def _kept(indexed: set[int]) -> Callable[[Mapping[str, Any]], bool]:
    """The old layout's choice of what was searchable (a secret document only by the
    organisation's leave), kept as it was."""
    return lambda data: data["id"] in indexed


def _compact(store: CacheStore) -> None:
    """Give the old layout's pages back to the disk (best effort: the cache works without)."""
    started = time.perf_counter()
    try:
        with store.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            # incremental from now on, as a new cache is; the checkpoint lets the file shrink
            raw.executescript(
                "PRAGMA auto_vacuum=INCREMENTAL; VACUUM; PRAGMA wal_checkpoint(TRUNCATE);"
            )
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        logger.warning("cache not compacted after the conversion (%s); it still works", exc)
        return
    logger.info("cache compacted in %.1f s", time.perf_counter() - started)
