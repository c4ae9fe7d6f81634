"""Search on the server, for what the offline index leaves out by design.

Secret documents (secrecy ≥ 1) stay out of this machine's text index unless the organisation
allows it (``CacheStore.index_secret``), so a text search on the machine silently misses the
secret ones the user holds. ``unindexed_count`` says how many of them the query's other filters
match (the window: "N văn bản mật không được tìm trên máy — tìm trên máy chủ"), and
``search_server`` asks the server's text search instead, with the same filters, giving rows
like the cache's own.
"""

from __future__ import annotations

import dataclasses
import logging

from client.cache.query import DocumentQuery, DocumentRow, Sort, count, search
from client.errors import ServerUnavailable
from client.records import DocumentFilter

from .session import Session

__all__ = ["unindexed_count", "search_server", "SERVER_PAGES"]

logger = logging.getLogger(__name__)

SERVER_PAGES = 10
"""At most this many pages are asked of the server for one search."""
_SECRET_LEVELS = (1, 2, 3)


def unindexed_count(session: Session, query: DocumentQuery) -> int:
    """Documents on this machine that match ``query``'s filters other than its text but are not
    in the text index, so its text cannot find them (0 without text: nothing is missed)."""
    if not query.text.strip() or session.store.index_secret:
        return 0
    levels = [query.secrecy] if query.secrecy is not None else list(_SECRET_LEVELS)
    return sum(
        count(session.store, dataclasses.replace(query, text="", secrecy=level))
        for level in levels
        if level >= 1
    )


def _server_filter(query: DocumentQuery) -> DocumentFilter:
    return DocumentFilter(
        direction=query.direction,
        doc_type=query.doc_type,
        urgency=query.urgency,
        secrecy=query.secrecy,
        status=query.status,
        date_from=query.date_from,
        date_to=query.date_to,
        q=query.text.strip()[:200] or None,
    )


def search_server(session: Session, query: DocumentQuery) -> list[DocumentRow]:
    """``query`` answered by the server's text search (secret documents included, as the user
    may read them), up to ``query.limit`` rows. What the server finds is stored in the cache on
    the way, as any fresh copy is, and the cache then judges the query's other filters (a work
    queue, overdue, the user's part and deadline) and gives the rows, so they are exactly the
    rows a search here would give. Raises ``ServerUnavailable`` offline."""
    limit = max(1, min(query.limit, 1000))
    wanted = _server_filter(query)
    sort = Sort.NEWEST if query.sort is Sort.RELEVANCE else query.sort
    local = dataclasses.replace(query, text="", sort=sort)
    kept: list[int] = []
    cursor: str | None = None
    try:
        for _ in range(SERVER_PAGES):
            page = session.client.list_documents(wanted, cursor, limit=min(500, max(limit, 50)))
            if page.items:
                with session.store.write() as conn:
                    session.store.upsert(conn, page.items)
                ids = tuple(doc.id for doc in page.items)
                matching = search(
                    session.store, dataclasses.replace(local, ids=ids, limit=len(ids))
                )
                kept += [row.id for row in matching.rows]
            cursor = page.next_cursor
            if cursor is None or len(kept) >= limit:
                break
    except ServerUnavailable:
        session.online = False
        raise
    session.online = True
    chosen = tuple(kept[:limit])
    return list(search(session.store, dataclasses.replace(local, ids=chosen, limit=limit)).rows)
