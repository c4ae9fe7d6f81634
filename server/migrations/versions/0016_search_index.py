"""Indexed server search and lists that fit the access policy: documents.search_text as its
words, number part first (``server.text.search_text``), its words and the words of its number
part indexed by two FTS5 tables on SQLite (kept in step by triggers) and by two full-text GIN
indexes on PostgreSQL; grants by user in document order (the policy's second branch); the
organisation's documents by status (work queues)

Every existing row's search_text is written again in the new form (in id order, a few thousand
rows per statement), then the indexes are built over all of them.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 23:00:00
"""

import json
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

BATCH = 5000
_WORD = re.compile(r"[^\W_]+")


# The text as this revision writes it (frozen here: the application's own may change later).
def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(stripped.lower())


def _list(value: Any) -> list[str]:
    if isinstance(value, str):  # SQLite hands JSON back as text through a plain statement
        value = json.loads(value or "[]")
    return [str(item) for item in value or []]


def _search_text(row: Any) -> str:
    number: Iterable[str] = (
        row.code_number or "",
        row.code_notation or "",
        str(row.arrival_number or ""),
    )
    rest = [row.subject, row.organ_name, row.signer_name, row.doc_type]
    rest += _list(row.recipients) + _list(row.to_places)
    found = [w for part in number for w in _words(part)] + ["_"]
    found += [w for part in rest if part for w in _words(part)]
    return f" {' '.join(found)} "


def _rewrite(bind: sa.Connection) -> None:
    read = sa.text(
        "SELECT id, code_number, code_notation, arrival_number, subject, organ_name, "
        "signer_name, doc_type, recipients, to_places FROM documents WHERE id > :last "
        "ORDER BY id LIMIT :batch"
    )
    write = sa.text("UPDATE documents SET search_text = :text WHERE id = :id")
    last = 0
    while rows := bind.execute(read, {"last": last, "batch": BATCH}).all():
        bind.execute(write, [{"id": r.id, "text": _search_text(r)} for r in rows])
        last = rows[-1].id


# SQLite: the words of search_text (an FTS5 index over the column itself), and the words of
# its number part alone (a contentless index: the text before " _ "), kept in step by triggers.
def _number_part(row: str) -> str:
    cut = f"instr({row}.search_text, ' _ ')"
    return f"CASE WHEN {cut} > 0 THEN substr({row}.search_text, 1, {cut}) ELSE '' END"


def _indexed(row: str) -> str:
    return (
        f"INSERT INTO documents_fts(rowid, search_text) VALUES ({row}.id, {row}.search_text); "
        "INSERT INTO documents_fts_number(rowid, number) "
        f"VALUES ({row}.id, {_number_part(row)});"
    )


def _unindexed(row: str) -> str:
    return (
        "INSERT INTO documents_fts(documents_fts, rowid, search_text) "
        f"VALUES ('delete', {row}.id, {row}.search_text); "
        "INSERT INTO documents_fts_number(documents_fts_number, rowid, number) "
        f"VALUES ('delete', {row}.id, {_number_part(row)});"
    )


_TOKENS = "tokenize='unicode61 remove_diacritics 0'"
_FTS_SQLITE = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5(search_text, content='documents', "
    f"content_rowid='id', {_TOKENS}, prefix='2 3')",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    f"CREATE VIRTUAL TABLE documents_fts_number USING fts5(number, content='', {_TOKENS})",
    "INSERT INTO documents_fts_number(rowid, number) "
    f"SELECT d.id, {_number_part('d')} FROM documents d",
    f"CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN {_indexed('new')} END",
    f"CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN {_unindexed('old')} END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF search_text ON documents BEGIN "
    f"{_unindexed('old')} {_indexed('new')} END",
]


_WORDS_POSTGRESQL = [
    # The words of the whole text, and of its number part alone: a number lookup then never
    # reads the documents whose subject has the words. ``simple``: no language, no stop words.
    "CREATE INDEX ix_documents_search_words ON documents "
    "USING gin (to_tsvector('simple'::regconfig, search_text))",
    "CREATE INDEX ix_documents_search_number ON documents "
    "USING gin (to_tsvector('simple'::regconfig, split_part(search_text, '_', 1)))",
]


def upgrade() -> None:
    bind = op.get_bind()
    _rewrite(bind)
    if bind.dialect.name == "postgresql":
        for statement in _WORDS_POSTGRESQL:
            op.execute(statement)
    elif bind.dialect.name == "sqlite":
        for statement in _FTS_SQLITE:
            op.execute(statement)
    op.create_index("ix_grants_user_document", "document_grants", ["user_id", "document_id"])
    op.create_index("ix_documents_org_status_id", "documents", ["organisation_id", "status", "id"])


def downgrade() -> None:
    op.drop_index("ix_documents_org_status_id", table_name="documents")
    op.drop_index("ix_grants_user_document", table_name="document_grants")
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_search_number")
        op.execute("DROP INDEX IF EXISTS ix_documents_search_words")
    elif bind.dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{name}")
        op.execute("DROP TABLE IF EXISTS documents_fts_number")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    # search_text keeps the new form: the LIKE search of 0015 finds its words in it as well
