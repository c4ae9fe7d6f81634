"""SQLite: two FTS5 tables (migration 0016) — the words of ``search_text``, kept in step with
the column by triggers, and the words of its number part alone — walked newest first."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, column, literal_column, select, table
from sqlalchemy.sql.expression import TableClause

from ..models import Document, User
from ..policy import readable
from .terms import Rank, Terms

__all__ = ["FTS", "FTS_NUMBER", "every_word", "tier"]

FTS = table("documents_fts", column("rowid"))
"""The index of ``search_text``: not a model, only this package names it."""
FTS_NUMBER = table("documents_fts_number", column("rowid"))
"""The index of the number part alone (the text before ``server.text.NUMBER_END``)."""


def _words(terms: Terms) -> tuple[str, str]:
    """FTS5 expressions: every word (the last as a prefix), and the phrase. The words cannot
    hold a quote (``server.text.words`` keeps letters and digits only)."""
    *head, last = terms.words
    each = " ".join([*(f'"{w}"' for w in head), f'"{last}"*'])
    return each, f'"{" ".join(terms.words)}"*'


def _match(index: TableClause, expression: str) -> ColumnElement[bool]:
    return literal_column(index.name).op("MATCH")(expression)


def every_word(terms: Terms) -> ColumnElement[bool]:
    return Document.id.in_(select(FTS.c.rowid).where(_match(FTS, _words(terms)[0])))


def tier(
    query: Select[Document], user: User, terms: Terms, rank: Rank, limit: int
) -> Select[Document]:
    """The tier's matches newest first — FTS5 hands its rowids over in descending order and
    stops with the page — each checked against the filters and the policy."""
    each, phrase = _words(terms)
    if rank is Rank.NUMBER:
        index, match = FTS_NUMBER, each
    else:
        index, match = FTS, phrase if rank is Rank.PHRASE else f"({each}) NOT ({phrase})"
        numbered = select(FTS_NUMBER.c.rowid).where(_match(FTS_NUMBER, each))
        query = query.where(Document.id.not_in(numbered))
    return (
        query.join(index, index.c.rowid == Document.id)
        .where(_match(index, match), readable(user))
        .order_by(index.c.rowid.desc())
        .limit(limit)
    )
