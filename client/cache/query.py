"""Paged list and search queries over the cache, never loading everything.

Date-sorted lists page by keyset (sort_date, id), so page 1,000 costs the
same as page 1; relevance-ranked search pages by offset over FTS5's bm25.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Connection

from .folding import fts_query
from .store import CacheStore

__all__ = ["Sort", "DocumentQuery", "DocumentRow", "ListPage", "search", "count"]

logger = logging.getLogger(__name__)


class Sort(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"
    DUE = "due"


@dataclass(frozen=True)
class DocumentQuery:
    text: str = ""
    direction: str | None = None
    doc_type: str | None = None
    urgency: int | None = None
    min_urgency: int | None = None
    secrecy: int | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    overdue: bool = False
    today: dt.date | None = None
    sort: Sort = Sort.NEWEST
    limit: int = 100


@dataclass(frozen=True)
class DocumentRow:
    """What a list shows; the full record is ``CacheStore.get(id)``."""

    id: int
    direction: str
    doc_type: str
    number_symbol: str
    date: str
    organ_name: str
    subject: str
    urgency: int
    secrecy: int
    due_date: str | None
    status: str
    current_version: int


@dataclass(frozen=True)
class ListPage:
    rows: tuple[DocumentRow, ...]
    next: tuple | None = field(default=None)
    """Pass back as ``after`` for the next page; ``None`` at the end."""


_COLUMNS = ("d.id, d.direction, d.doc_type, d.number_symbol, d.sort_date, d.organ_name, d.subject, d.urgency, "
            "d.secrecy, d.due_date, d.status, d.current_version")


def _filters(query: DocumentQuery) -> tuple[list[str], list]:
    where, args = [], []
    for column, value in (("direction", query.direction), ("doc_type", query.doc_type), ("urgency", query.urgency),
                          ("secrecy", query.secrecy), ("status", query.status)):
        if value is not None and value != "":
            where.append(f"d.{column} = ?")
            args.append(value)
    if query.min_urgency is not None:
        where.append("d.urgency >= ?")
        args.append(query.min_urgency)
    if query.date_from:
        where.append("d.sort_date >= ?")
        args.append(query.date_from.isoformat())
    if query.date_to:
        where.append("d.sort_date <= ?")
        args.append(query.date_to.isoformat())
    if query.overdue:
        where.append("d.due_date IS NOT NULL AND d.due_date < ? AND d.status NOT IN ('done', 'issued')")
        args.append((query.today or dt.date.today()).isoformat())
    return where, args


def _order(sort: Sort) -> str:
    return {Sort.OLDEST: "d.sort_date ASC, d.id ASC", Sort.DUE: "d.due_date IS NULL, d.due_date ASC, d.id ASC"}.get(
        sort, "d.sort_date DESC, d.id DESC")


def _keyset(sort: Sort, after: tuple | None) -> tuple[str, list]:
    if after is None or sort is Sort.DUE:
        return "", []
    op = ">" if sort is Sort.OLDEST else "<"
    return f"(d.sort_date, d.id) {op} (?, ?)", [after[0], after[1]]


def _rows(conn: Connection, sql: str, args: list) -> list[DocumentRow]:
    return [DocumentRow(*row) for row in conn.exec_driver_sql(sql, tuple(args))]


RANK_WINDOW = 400


def _ranked(conn: Connection, match: str, where: list[str], args: list, limit: int, offset: int) -> list[DocumentRow]:
    """bm25 ranking among the newest ``RANK_WINDOW`` matches: FTS5 walks rowids
    newest-first and stops early, so a broad query ("dat dai") costs the same
    at a million documents as at a thousand, while exact numbers and rare
    words still come first.  When the window is full but filters or paging
    need more, every match is ranked (slower, still correct)."""
    filters = "".join(" AND " + w for w in where)
    hits = conn.exec_driver_sql(
        f"SELECT rowid, bm25(documents_fts, 10.0, 1.0) FROM documents_fts WHERE documents_fts MATCH ? "
        f"ORDER BY rowid DESC LIMIT {RANK_WINDOW + 1}", (match,)).fetchall()
    window_complete = len(hits) <= RANK_WINDOW
    scores = dict(hits[:RANK_WINDOW])
    if scores:
        marks = ",".join("?" * len(scores))
        rows = _rows(conn, f"SELECT {_COLUMNS} FROM documents d WHERE d.id IN ({marks}){filters}",
                     [*scores, *args])
        rows.sort(key=lambda r: (scores[r.id], -r.id))
        if window_complete or len(rows) >= offset + limit:
            return rows[offset:offset + limit]
    elif window_complete:
        return []
    sql = (f"SELECT {_COLUMNS} FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
           f"WHERE documents_fts MATCH ? {filters} ORDER BY bm25(documents_fts, 10.0, 1.0) LIMIT ? OFFSET ?")
    return _rows(conn, sql, [match, *args, limit, offset])


def search(store: CacheStore, query: DocumentQuery, after: tuple | None = None) -> ListPage:
    """One page of documents matching ``query``."""
    match = fts_query(query.text)
    where, args = _filters(query)
    limit = max(1, min(query.limit, 1000))
    with store.read() as conn:
        if match is not None and query.sort is Sort.RELEVANCE:
            offset = after[0] if after else 0
            rows = _ranked(conn, match, where, args, limit, offset)
            return ListPage(tuple(rows), (offset + limit,) if len(rows) == limit else None)
        if match is not None and query.sort is Sort.DUE:
            offset = after[0] if after else 0
            sql = (f"SELECT {_COLUMNS} FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                   f"WHERE documents_fts MATCH ? {''.join(' AND ' + w for w in where)} "
                   f"ORDER BY {'bm25(documents_fts, 10.0, 1.0)' if query.sort is Sort.RELEVANCE else _order(query.sort)}"
                   f" LIMIT ? OFFSET ?")
            rows = _rows(conn, sql, [match, *args, limit, offset])
            return ListPage(tuple(rows), (offset + limit,) if len(rows) == limit else None)
        if match is not None:
            where.insert(0, "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            args.insert(0, match)
        if query.sort is Sort.DUE:
            offset = after[0] if after else 0
            clause = f"WHERE {' AND '.join(where)}" if where else ""
            sql = f"SELECT {_COLUMNS} FROM documents d {clause} ORDER BY {_order(query.sort)} LIMIT ? OFFSET ?"
            rows = _rows(conn, sql, [*args, limit, offset])
            return ListPage(tuple(rows), (offset + limit,) if len(rows) == limit else None)
        keyset, keyset_args = _keyset(query.sort, after)
        if keyset:
            where.append(keyset)
            args += keyset_args
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        sql = f"SELECT {_COLUMNS} FROM documents d {clause} ORDER BY {_order(query.sort)} LIMIT ?"
        rows = _rows(conn, sql, [*args, limit])
    last = rows[-1] if rows else None
    return ListPage(tuple(rows), (last.date, last.id) if last and len(rows) == limit else None)


def count(store: CacheStore, query: DocumentQuery) -> int:
    match = fts_query(query.text)
    where, args = _filters(query)
    if match is not None:
        where.insert(0, "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        args.insert(0, match)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    with store.read() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM documents d {clause}", tuple(args)).scalar() or 0)
