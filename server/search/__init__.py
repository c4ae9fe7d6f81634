"""Server-side text search: indexed on both databases, ranked, under the access policy.

What matches: every word typed, folded like the document (``server.text``), must be one of the
document's words — the last one may be the start of a word, as on the desktop — in its number
part (number/symbol, notation, arrival number) or in the rest (subject, issuing body, signer,
type, recipients, places). "quyet dinh 12" and "Quyết định 12" find the same documents.

Ranked in three tiers, each newest first, so a page is still a walk down an index:

1. ``NUMBER``: every word is in the number part — the clerk looking up "123/QĐ-UBND" gets that
   letter first, not the newer ones whose subject cites it;
2. ``PHRASE``: the words as typed, side by side, anywhere;
3. ``WORDS``: every word, anywhere (skipped for a single word: it is the phrase).

Indexes, the same two on either database (migration 0016): the words of ``search_text``, and
the words of its number part alone (the text before ``NUMBER_END``), so a number lookup never
reads the documents whose subject has the words — two FTS5 tables that triggers keep in step
on SQLite (``sqlite.py``), two full-text GIN indexes on PostgreSQL (``postgresql.py``). Word
indexes, not trigrams: every Vietnamese syllable is common, so each of a rare phrase's
trigrams is too, while its words together are few. Both answer the same rows (a phrase may run
on from the number part into the subject on both); words that match nothing cost an index
probe, not a scan.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Row, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from ..lists import ListFilters, filter_tests
from ..models import Document, User
from . import postgresql, sqlite
from .sqlite import FTS, FTS_NUMBER
from .terms import MAX_WORDS, PAGE_CURSOR_PATTERN, PageCursor, Rank, Terms

__all__ = [
    "Rank",
    "Terms",
    "PageCursor",
    "MAX_WORDS",
    "PAGE_CURSOR_PATTERN",
    "FTS",
    "FTS_NUMBER",
    "every_word",
    "ranked_page",
]

logger = logging.getLogger(__name__)


class _EveryWord(ColumnElement[bool]):
    """Every word of ``terms`` anywhere, on whichever database compiles it."""

    inherit_cache = False
    type = Boolean()

    def __init__(self, terms: Terms) -> None:
        self.terms = terms


@compiles(_EveryWord, "sqlite")
def _every_word_sqlite(element: _EveryWord, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(sqlite.every_word(element.terms), **kw)


@compiles(_EveryWord)
def _every_word_postgresql(element: _EveryWord, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(postgresql.ts_condition(element.terms), **kw)


def every_word(terms: Terms) -> ColumnElement[bool]:
    """Every word, anywhere, the last as a prefix (unranked): a filter for ``list_query``."""
    return _EveryWord(terms)


def _tier(
    session: Session,
    user: User,
    filters: ListFilters,
    terms: Terms,
    rank: Rank,
    limit: int,
    below: int | None,
) -> list[Row[Any]]:
    """Rows with the documents' columns: a page is answered, never changed."""
    if session.get_bind().dialect.name != "sqlite":
        return postgresql.tier(session, user, filters, terms, rank, limit, below)
    query = select(Document).where(*filter_tests(filters.given()))
    if below is not None:
        query = query.where(Document.id < below)
    return list(session.connection().execute(sqlite.tier(query, user, terms, rank, limit)))


def ranked_page(
    session: Session,
    user: User,
    filters: ListFilters,
    terms: Terms,
    limit: int,
    after: PageCursor | None,
) -> tuple[list[Row[Any]], PageCursor | None]:
    """One page of the documents under ``filters`` matching ``terms`` that ``user`` may read,
    best tier first and newest first within a tier; and where the next page starts (None: the
    last). Asks one tier at a time and stops as soon as the page is full (plus one row, to
    know)."""
    found: list[tuple[Rank, Row[Any]]] = []
    start = after.rank if after else Rank.NUMBER
    for rank in terms.ranks():
        if rank < start:
            continue
        below = after.below if after is not None and rank == after.rank else None
        rows = _tier(session, user, filters, terms, rank, limit + 1 - len(found), below)
        found += [(rank, doc) for doc in rows]
        if len(found) > limit:
            break
    page = found[:limit]
    more = len(found) > limit and bool(page)
    return [doc for _, doc in page], PageCursor(page[-1][0], page[-1][1].id) if more else None
