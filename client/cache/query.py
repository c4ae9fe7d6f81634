"""Paged list and search queries over the cache, never loading everything.

Date-sorted lists page by keyset (sort_date, id), so page 1,000 costs the
same as page 1; relevance-ranked search pages by offset over a bounded window
of the newest matches (see ``_ranked``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from .cells import COLUMN_KEYS, VIETNAMESE, CellNames, cell_text, shown_due
from .folding import fts_query, query_words
from .queues import (
    Queue,
    QueueScope,
    by_deadline,
    deadline_source,
    my_columns_sql,
    queue_condition,
)
from .ranking import Relevance
from .rows import SEARCH_COLUMNS, search_texts_of
from .store import CacheStore

__all__ = [
    "Sort",
    "DocumentQuery",
    "DocumentRow",
    "ListPage",
    "Cursor",
    "COLUMN_KEYS",
    "CellNames",
    "VIETNAMESE",
    "cell_text",
    "shown_due",
    "search",
    "count",
]

Cursor = tuple[Any, ...]
"""Where the next page starts (opaque to callers: pass back ``ListPage.next``)."""

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
    queue: Queue | None = None
    scope: QueueScope | None = None
    """Whose queue (``queue`` needs it), and whose part and deadline each row carries
    (``DocumentRow.my_part``, ``my_due``)."""
    ids: tuple[int, ...] | None = None
    """Only these documents (the server's search answered the text: ``services.server_search``)."""


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
    arrival_number: int | None = None
    my_part: str | None = None
    """The user's active part in handling it: ``lead``, ``co``, ``info`` or None."""
    my_due: str | None = None
    """The deadline the user answers for (``client.cache.queues``: his handling part's, or a
    leader's on an open document he has no part in); None when he answers for none."""


@dataclass(frozen=True)
class ListPage:
    rows: tuple[DocumentRow, ...]
    next: Cursor | None = field(default=None)
    """Pass back as ``after`` for the next page; ``None`` at the end."""


_COLUMNS = (
    "d.id, d.direction, d.doc_type, d.number_symbol, d.sort_date, d.organ_name, d.subject, d.urgency, "
    "d.secrecy, d.due_date, d.status, d.current_version, d.arrival_number"
)


def _select(query: DocumentQuery) -> tuple[str, list[Any]]:
    """The listed columns with the user's part and deadline (``DocumentRow`` order)."""
    mine, args = my_columns_sql(query.scope)
    return f"{_COLUMNS}, {mine}", args


def _filters(query: DocumentQuery, with_queue: bool = True) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    for column, value in (
        ("direction", query.direction),
        ("doc_type", query.doc_type),
        ("urgency", query.urgency),
        ("secrecy", query.secrecy),
        ("status", query.status),
    ):
        if value is not None and value != "":
            where.append(f"d.{column} = ?")
            args.append(value)
    if query.ids is not None:
        where.append(f"d.id IN ({','.join('?' * len(query.ids))})" if query.ids else "0")
        args += list(query.ids)
    if query.min_urgency is not None:
        where.append("d.urgency >= ?")
        args.append(query.min_urgency)
    if query.date_from:
        where.append("d.sort_date >= ?")
        args.append(query.date_from.isoformat())
    if query.date_to:
        where.append("d.sort_date <= ?")
        args.append(query.date_to.isoformat())
    if with_queue and query.queue is not None and query.scope is not None:
        condition, extra = queue_condition(query.queue, query.scope)
        where.append(condition)
        args += extra
    if query.overdue and query.scope is not None:  # the overdue the colours and queues mean
        scope = replace(query.scope, today=query.today or query.scope.today)
        condition, extra = queue_condition(Queue.OVERDUE, scope)
        where.append(condition)
        args += extra
    elif query.overdue:
        where.append(
            "d.due_date IS NOT NULL AND d.due_date < ? AND d.status NOT IN ('done', 'issued')"
        )
        args.append((query.today or dt.date.today()).isoformat())
    return where, args


def _order(sort: Sort) -> str:
    return {
        Sort.OLDEST: "d.sort_date ASC, d.id ASC",
        Sort.DUE: "d.due_date IS NULL, d.due_date ASC, d.id ASC",
    }.get(sort, "d.sort_date DESC, d.id DESC")


def _keyset(sort: Sort, after: Cursor | None) -> tuple[str, list[Any]]:
    if after is None or sort is Sort.DUE:
        return "", []
    op = ">" if sort is Sort.OLDEST else "<"
    return f"(d.sort_date, d.id) {op} (?, ?)", [after[0], after[1]]


def _rows(conn: Connection, sql: str, args: list[Any]) -> list[DocumentRow]:
    return [DocumentRow(*row) for row in conn.exec_driver_sql(sql, tuple(args))]


RANK_WINDOW = 400
_SEARCHED = ", ".join(f"d.{column}" for column in SEARCH_COLUMNS)
MAX_COMPLETIONS = 16


def _completions(conn: Connection) -> Callable[[str], list[str] | None]:
    """Words of the index a typed prefix completes to; ``None`` when FTS5's own
    prefix index (2–3 letters) is cheaper or there are too many to list."""

    def expand(prefix: str) -> list[str] | None:
        if len(prefix) < 4:
            return None
        words = [
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
                (prefix, prefix + "{", MAX_COMPLETIONS + 1),
            )
        ]
        return words if len(words) <= MAX_COMPLETIONS else None

    return expand


def _ranked(
    conn: Connection,
    words: list[str],
    match: str,
    where: list[str],
    args: list[Any],
    limit: int,
    offset: int,
    select: tuple[str, list[Any]],
) -> list[DocumentRow]:
    """The newest ``RANK_WINDOW`` matches ranked by relevance, then every older
    match newest first.  FTS5 walks rowids newest-first and stops early, so a
    broad query ("dat dai") costs the same at a million documents as at a
    thousand, while exact numbers and phrases still come first; pages stay
    consistent because the window never depends on the page asked for."""
    filters = "".join(" AND " + w for w in where)
    base = f"FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH ?{filters}"
    window = conn.exec_driver_sql(
        f"SELECT {select[0]}, {_SEARCHED} {base} ORDER BY documents_fts.rowid DESC "
        f"LIMIT {RANK_WINDOW}",
        (*select[1], match, *args),
    ).fetchall()
    window = list(window)
    relevance = Relevance(words)
    texts = len(SEARCH_COLUMNS)  # the index holds no text: fold the window's columns again
    window.sort(key=lambda r: (-relevance(*search_texts_of(r[-texts:])), -r[0]))
    rows = [DocumentRow(*r[:-texts]) for r in window[offset : offset + limit]]
    if len(window) < RANK_WINDOW or len(rows) == limit:
        return rows
    oldest = min(r[0] for r in window)
    older = conn.exec_driver_sql(
        f"SELECT {select[0]} {base} AND documents_fts.rowid < ? "
        "ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?",
        (*select[1], match, *args, oldest, limit - len(rows), max(0, offset - RANK_WINDOW)),
    ).fetchall()
    return rows + [DocumentRow(*r) for r in older]


def _offset_page(rows: list[DocumentRow], offset: int, limit: int) -> ListPage:
    return ListPage(tuple(rows), (offset + limit,) if len(rows) == limit else None)


def _by_my_deadline(
    conn: Connection, query: DocumentQuery, match: str | None, limit: int, offset: int
) -> ListPage | None:
    """A deadline queue, most pressing first: the page is chosen from the queue's own
    ``(id, due)`` rows, and only its rows get their columns (a leader's "Quá hạn" may hold
    thousands)."""
    if query.queue is None or query.scope is None or not by_deadline(query.queue):
        return None
    source = deadline_source(query.queue, query.scope)
    if source is None:
        return None
    where, args = _filters(query, with_queue=False)
    if match is not None:
        where.insert(0, "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        args.insert(0, match)
    narrowed = f"JOIN documents d ON d.id = w.id WHERE {' AND '.join(where)}" if where else ""
    chosen = (
        f"SELECT w.id, w.due FROM ({source[0]}) w {narrowed} ORDER BY w.due, w.id LIMIT ? OFFSET ?"
    )
    columns, column_args = _select(query)
    sql = (
        f"SELECT {columns} FROM ({chosen}) page JOIN documents d ON d.id = page.id "
        "ORDER BY page.due, page.id"
    )
    rows = _rows(conn, sql, [*column_args, *source[1], *args, limit, offset])
    return _offset_page(rows, offset, limit)


def search(store: CacheStore, query: DocumentQuery, after: Cursor | None = None) -> ListPage:
    """One page of documents matching ``query``."""
    where, args = _filters(query)
    limit = max(1, min(query.limit, 1000))
    offset = after[0] if after and query.sort in (Sort.RELEVANCE, Sort.DUE) else 0
    with store.read() as conn:
        match = fts_query(query.text, _completions(conn))
        if match is not None and query.sort is Sort.RELEVANCE:
            return _offset_page(
                _ranked(
                    conn,
                    query_words(query.text),
                    match,
                    where,
                    args,
                    limit,
                    offset,
                    _select(query),
                ),
                offset,
                limit,
            )
        if match is not None:
            where.insert(0, "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            args.insert(0, match)
        if query.sort is Sort.DUE:
            if (page := _by_my_deadline(conn, query, match, limit, offset)) is not None:
                return page
            clause = f"WHERE {' AND '.join(where)}" if where else ""
            columns, column_args = _select(query)
            sql = f"SELECT {columns} FROM documents d {clause} ORDER BY {_order(query.sort)} LIMIT ? OFFSET ?"
            return _offset_page(
                _rows(conn, sql, [*column_args, *args, limit, offset]), offset, limit
            )
        keyset, keyset_args = _keyset(query.sort, after)
        if keyset:
            where.append(keyset)
            args += keyset_args
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        columns, column_args = _select(query)
        sql = f"SELECT {columns} FROM documents d {clause} ORDER BY {_order(query.sort)} LIMIT ?"
        rows = _rows(conn, sql, [*column_args, *args, limit])
    last = rows[-1] if rows else None
    return ListPage(tuple(rows), (last.date, last.id) if last and len(rows) == limit else None)


def count(store: CacheStore, query: DocumentQuery) -> int:
    where, args = _filters(query)
    with store.read() as conn:
        match = fts_query(query.text, _completions(conn))
        if match is not None:
            where.insert(0, "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            args.insert(0, match)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        return int(
            conn.exec_driver_sql(f"SELECT count(*) FROM documents d {clause}", tuple(args)).scalar()
            or 0
        )
