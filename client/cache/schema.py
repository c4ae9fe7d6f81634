"""Cache schema and its versions.

``meta.schema_version`` records the layout in place. Version 4 stores each document once
(``rows.py``: typed columns, no copy of the whole JSON, no stored folded text) with a
contentless FTS5 index without positions or sizes (``detail=none, columnsize=0``: every query
is a set of words, and the ranking reads the columns, not bm25), so a million documents take
well under 700 MB instead of 2.4 GB. The file vacuums incrementally: what a first sync's
index merges free is given back at its end (``CacheStore.bulk``).
A cache of versions 1–3 is converted in place at the first start (``upgrade.py``): its
documents, outbox, files and feed position stay, nothing is downloaded again. Later versions
add to version 4 in ``MIGRATIONS``.

The secondary indexes are listed apart (``INDEXES``) so a first sync can load without them
and build each once, packed (``drop_indexes``/``create_indexes``); every start creates any that
a cut-off first sync left missing.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator

from sqlalchemy import Connection

from .rows import INDEX_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "COMPACT_VERSION",
    "INDEXES",
    "OldLayout",
    "migrate",
    "fill_terms",
    "create_indexes",
    "drop_indexes",
    "create_tables",
]

logger = logging.getLogger(__name__)

COMPACT_VERSION = 4
"""The first layout without the JSON copy; older caches are converted (``upgrade.py``)."""

_NUMBER = (
    "coalesce(ns_override, CASE WHEN coalesce(code_number, '') = '' THEN '' "
    "WHEN coalesce(code_notation, '') = '' THEN code_number "
    "ELSE code_number || '/' || code_notation END)"
)

TABLES = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL,
    doc_type TEXT,
    code_number TEXT,
    code_notation TEXT,
    issued_date TEXT,
    arrival_date TEXT,
    arrival_number INTEGER,
    organ_name TEXT,
    subject TEXT,
    language TEXT,
    page_amount INTEGER,
    description TEXT,
    signer_position TEXT,
    signer_name TEXT,
    urgency INTEGER NOT NULL DEFAULT 0,
    secrecy INTEGER NOT NULL DEFAULT 0,
    due_date TEXT,
    to_places TEXT,
    recipients TEXT,
    issued_amount INTEGER,
    file_code TEXT,
    register_id INTEGER,
    status TEXT,
    organisation_id INTEGER,
    created_by INTEGER,
    created_at INTEGER,
    updated_at INTEGER,
    revision INTEGER NOT NULL DEFAULT 0,
    current_version INTEGER NOT NULL DEFAULT 0,
    source_id INTEGER,
    origin TEXT,
    document_identifier TEXT,
    ns_override TEXT,
    indexed INTEGER NOT NULL DEFAULT 0,
    rest BLOB,
    number_symbol TEXT GENERATED ALWAYS AS ({_NUMBER}) VIRTUAL,
    sort_date TEXT GENERATED ALWAYS AS (coalesce(issued_date, arrival_date, '')) VIRTUAL
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    search_number, search_text, content='', detail=none, columnsize=0,
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TABLE IF NOT EXISTS parts (
    document_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    part TEXT NOT NULL,
    state TEXT NOT NULL,
    deadline TEXT
);
CREATE TRIGGER IF NOT EXISTS documents_parts_ad AFTER DELETE ON documents BEGIN
    DELETE FROM parts WHERE document_id = old.id;
END;
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
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

CASE_FILE_TABLES = """
CREATE TABLE IF NOT EXISTS case_files (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    creator_id INTEGER NOT NULL,
    year INTEGER NOT NULL DEFAULT 0,
    due_date TEXT,
    revision INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_case_files_creator ON case_files (creator_id, state);
CREATE INDEX IF NOT EXISTS ix_case_files_due ON case_files (due_date) WHERE due_date IS NOT NULL;
CREATE TABLE IF NOT EXISTS case_file_links (
    case_file_id INTEGER NOT NULL,
    document_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    added_at TEXT,
    PRIMARY KEY (case_file_id, document_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ix_case_file_links_document ON case_file_links (document_id);
"""
"""Version 5: the case files this user may see (``case_files.py``: the server's record as JSON,
the columns the lists filter on) and their links to documents (joined with ``documents``)."""

INDEXES: dict[str, str] = {
    # Ascending, scanned backwards for "newest first": a new document lands at the end of its
    # range, where SQLite fills pages instead of splitting them half-empty.
    "ix_documents_list": "documents (direction, sort_date, id)",
    "ix_documents_sort": "documents (sort_date, id)",
    "ix_documents_due": "documents (due_date) WHERE due_date IS NOT NULL",
    "ix_documents_status": "documents (status, due_date)",
    "ix_documents_open_due": (
        "documents (due_date, id) WHERE status IN ('assigned', 'processing')"
    ),
    "ix_parts_user": "parts (user_id, part, state, deadline)",
    "ix_parts_document": "parts (document_id)",
}


class OldLayout(Exception):
    """The cache holds a layout before ``COMPACT_VERSION``: convert it (``upgrade.py``)."""

    def __init__(self, version: int) -> None:
        super().__init__(f"cache layout {version} predates {COMPACT_VERSION}")
        self.version = version


def _statements(script: str) -> Iterator[str]:
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""


def create_tables(conn: Connection) -> None:
    """The current layout's tables (idempotent; no secondary indexes)."""
    # one statement at a time: executescript would commit the caller's transaction
    for statement in _statements(TABLES + CASE_FILE_TABLES):
        conn.exec_driver_sql(statement)


def _add_case_files(conn: Connection) -> None:
    for statement in _statements(CASE_FILE_TABLES):
        conn.exec_driver_sql(statement)


def create_indexes(conn: Connection) -> None:
    for name, target in INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop_indexes(conn: Connection) -> None:
    for name in INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def fill_terms(conn: Connection) -> None:
    """Record every word the index holds (one pass over FTS5's vocabulary)."""
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocabulary "
        "USING fts5vocab(main, documents_fts, row)"
    )
    conn.exec_driver_sql("INSERT OR IGNORE INTO terms(term) SELECT term FROM temp.fts_vocabulary")
    conn.exec_driver_sql("DROP TABLE temp.fts_vocabulary")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {5: _add_case_files}
"""Version → the step that brings a cache of the version before it there (after 4)."""
SCHEMA_VERSION = COMPACT_VERSION + len(MIGRATIONS)


def _version(conn: Connection) -> int:
    row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'schema_version'").first()
    return int(row[0]) if row else 0


def set_version(conn: Connection, version: int) -> None:
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(version),)
    )


def migrate(conn: Connection) -> int:
    """Create or upgrade the layout; returns the version now in place. Raises ``OldLayout``
    for a cache that needs converting first."""
    conn.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
    )
    current = _version(conn)
    if current == 0:
        create_tables(conn)
        create_indexes(conn)
        set_version(conn, SCHEMA_VERSION)
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('index_version', ?)",
            (INDEX_VERSION,),
        )
        return SCHEMA_VERSION
    if current < COMPACT_VERSION:
        raise OldLayout(current)
    for version in range(current + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](conn)
        set_version(conn, version)
    create_indexes(conn)  # any a cut-off first sync left unbuilt
    return SCHEMA_VERSION
