"""Cache schema and its migrations.

``meta.schema_version`` records the applied version; upgrades run in order
and only ever add, so an upgrade never loses the cache.  The FTS5 index is
an external-content table over folded columns, kept in sync by triggers.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Connection

__all__ = ["SCHEMA_VERSION", "migrate", "fill_terms"]

_V1 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL,
    doc_type TEXT NOT NULL DEFAULT '',
    number_symbol TEXT NOT NULL DEFAULT '',
    issued_date TEXT,
    arrival_date TEXT,
    arrival_number INTEGER,
    sort_date TEXT NOT NULL DEFAULT '',
    organ_name TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    urgency INTEGER NOT NULL DEFAULT 0,
    secrecy INTEGER NOT NULL DEFAULT 0,
    due_date TEXT,
    status TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 0,
    current_version INTEGER NOT NULL DEFAULT 0,
    search_number TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_documents_list ON documents (direction, sort_date DESC, id DESC);
CREATE INDEX IF NOT EXISTS ix_documents_sort ON documents (sort_date DESC, id DESC);
CREATE INDEX IF NOT EXISTS ix_documents_due ON documents (due_date) WHERE due_date IS NOT NULL;
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    search_number, search_text, content='documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, search_number, search_text) VALUES (new.id, new.search_number, new.search_text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, search_number, search_text)
    VALUES ('delete', old.id, old.search_number, old.search_text);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, search_number, search_text)
    VALUES ('delete', old.id, old.search_number, old.search_text);
    INSERT INTO documents_fts(rowid, search_number, search_text) VALUES (new.id, new.search_number, new.search_text);
END;
CREATE TABLE IF NOT EXISTS files (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, last_used REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    error TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL
);
"""


def _v1(conn: Connection) -> None:
    # executescript handles the trigger bodies; every statement is idempotent.
    raw = conn.connection.driver_connection
    assert raw is not None  # an open SQLite connection
    raw.executescript(_V1)


def fill_terms(conn: Connection) -> None:
    """Record every word the index holds (one pass over FTS5's vocabulary)."""
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocabulary "
        "USING fts5vocab(main, documents_fts, row)"
    )
    conn.exec_driver_sql("INSERT OR IGNORE INTO terms(term) SELECT term FROM temp.fts_vocabulary")
    conn.exec_driver_sql("DROP TABLE temp.fts_vocabulary")


def _v2(conn: Connection) -> None:
    # The words of the index, so a typed prefix ("ubnd", "xuyen") can be expanded
    # to the words it completes to; stale words after deletions are harmless.
    conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY) WITHOUT ROWID")
    fill_terms(conn)


_V3 = """
CREATE TABLE IF NOT EXISTS parts (
    document_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    part TEXT NOT NULL,
    state TEXT NOT NULL,
    deadline TEXT
);
CREATE INDEX IF NOT EXISTS ix_parts_user ON parts (user_id, part, state, deadline);
CREATE INDEX IF NOT EXISTS ix_parts_document ON parts (document_id);
CREATE INDEX IF NOT EXISTS ix_documents_status ON documents (status, due_date);
CREATE INDEX IF NOT EXISTS ix_documents_open_due ON documents (due_date, id)
    WHERE status IN ('assigned', 'processing');
CREATE TRIGGER IF NOT EXISTS documents_parts_ad AFTER DELETE ON documents BEGIN
    DELETE FROM parts WHERE document_id = old.id;
END;
"""


def _v3(conn: Connection) -> None:
    """Who has which part in each document (the work queues), filled from the cached records."""
    from ..records import Document
    from .parts import document_parts

    raw = conn.connection.driver_connection
    assert raw is not None
    raw.executescript(_V3)
    rows = conn.exec_driver_sql("SELECT json FROM documents").fetchall()
    parts = [p for (text,) in rows for p in document_parts(Document.from_json(json.loads(text)))]
    if parts:
        conn.exec_driver_sql("INSERT INTO parts VALUES (?, ?, ?, ?, ?)", parts)


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: Connection) -> int:
    """Apply missing migrations; returns the version now in place."""
    conn.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
    )
    row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'schema_version'").first()
    current = int(row[0]) if row else 0
    for version in range(current, SCHEMA_VERSION):
        MIGRATIONS[version](conn)
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
            (str(version + 1),),
        )
    return SCHEMA_VERSION
