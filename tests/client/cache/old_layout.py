"""Cache files as versions 1–3 of the desktop wrote them, for the conversion's tests.

The DDL and the row below are those versions' own (``client/cache/schema.py`` and ``store.py``
before layout 4, copied as they were): every document's whole JSON beside copies of its fields
and its folded text, an external-content FTS5 index kept by triggers, the ``terms`` table from
version 2 and the ``parts`` table from version 3.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from client.cache.folding import fold
from client.cache.parts import document_parts
from client.records import Document

V1 = """
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

V2 = """
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocabulary USING fts5vocab(main, documents_fts, row);
INSERT OR IGNORE INTO terms(term) SELECT term FROM temp.fts_vocabulary;
DROP TABLE temp.fts_vocabulary;
"""

V3 = """
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

UPSERT = (
    "INSERT OR REPLACE INTO documents (id, direction, doc_type, number_symbol, issued_date, "
    "arrival_date, arrival_number, sort_date, organ_name, subject, signer_name, urgency, secrecy, "
    "due_date, status, revision, current_version, search_number, search_text, json) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def old_row(doc: Document, searchable: bool = True) -> tuple[Any, ...]:
    """``store.document_row`` of versions 1–3."""
    number = " ".join(
        filter(None, (doc.number_symbol, doc.code_notation, str(doc.arrival_number or "")))
    )
    text = " ".join(
        filter(
            None,
            (
                doc.subject,
                doc.organ_name,
                doc.signer_name,
                doc.doc_type,
                *doc.recipients,
                *doc.to_places,
            ),
        )
    )
    return (
        doc.id,
        doc.direction,
        doc.doc_type,
        doc.number_symbol,
        _iso(doc.issued_date),
        _iso(doc.arrival_date),
        doc.arrival_number,
        _iso(doc.issued_date or doc.arrival_date) or "",
        doc.organ_name,
        doc.subject,
        doc.signer_name,
        doc.urgency,
        doc.secrecy,
        _iso(doc.due_date),
        doc.status,
        doc.revision,
        doc.current_version,
        fold(number) if searchable else "",
        fold(text) if searchable else "",
        json.dumps(doc.to_json(), ensure_ascii=False, separators=(",", ":")),
    )


def write_old_cache(
    path: Path,
    docs: Iterable[Document],
    *,
    version: int = 3,
    meta: dict[str, str] | None = None,
    outbox: Sequence[tuple[Any, ...]] = (),
    files: Sequence[tuple[str, int, float]] = (),
) -> None:
    """A cache file of ``version`` (1–3) holding ``docs`` (secret ones kept out of the index, as
    those versions did), the given meta, outbox rows ``(kind, payload, state, error,
    created_at)`` and file rows."""
    docs = list(docs)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA recursive_triggers=ON")
        conn.executescript(V1)
        conn.executemany(UPSERT, [old_row(d, d.secrecy == 0) for d in docs])
        if version >= 2:
            conn.executescript(V2)
        if version >= 3:
            conn.executescript(V3)
            rows = [p for d in docs for p in document_parts(d.to_json())]
            conn.executemany("INSERT INTO parts VALUES (?, ?, ?, ?, ?)", rows)
        conn.executemany(
            "INSERT INTO outbox(kind, payload, state, error, created_at) VALUES (?, ?, ?, ?, ?)",
            outbox,
        )
        conn.executemany("INSERT INTO files VALUES (?, ?, ?)", files)
        values = {**(meta or {}), "schema_version": str(version)}
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())
    conn.close()
