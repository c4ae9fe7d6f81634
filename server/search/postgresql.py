"""PostgreSQL: two full-text GIN indexes (migration 0016, configuration ``simple``) — the words
of ``search_text`` and the words of its number part — and a walk down the organisation's
newest documents.

A tier is asked in two steps, because neither plan alone is good for every query and the
planner cannot tell which is which (a phrase's frequency is estimated from its words'; on a
million documents it took 119 ms to fetch and re-check the 1,093 documents of one organisation
holding "đất đai" through the index, where the walk finds the newest 51 of them in 300 rows):

1. the newest ``WINDOW`` documents of the organisation under the list's filters (down
   ``(organisation_id, id)`` or ``(organisation_id, status, id)``), each tested with ``LIKE``
   on its words — a common query fills its page here — and the documents granted to the user
   (few) from the window's oldest id up, tested the same way;
2. only when the page is not full yet: the organisation's older documents through the word
   index (materialised, so the planner cannot turn it into a walk through the whole
   organisation), asked for the words but the last (whole words: cheap for GIN), then tested
   row by row — by now the words are known to be rare among the newest — and the older
   grants.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Executable,
    Integer,
    Row,
    and_,
    bindparam,
    func,
    literal_column,
    not_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import QueryableAttribute, Session

from ..lists import ListFilters, filter_tests
from ..models import Document, User
from ..policy import Reader, granted_newest, readable_own, reader_parameters, role_of
from ..roles import Role
from ..text import NUMBER_END
from .terms import Rank, Terms

__all__ = ["WINDOW", "ts_condition", "like_condition", "tier"]

WINDOW = 500
"""How many of the organisation's newest documents a tier tests one by one before it asks the
word index for older ones."""

_Text = ColumnElement[str] | QueryableAttribute[str]
_SIMPLE: ColumnElement[Any] = literal_column("'simple'::regconfig")
"""Text search without a language: its words are ours (``search_text`` is already folded and
cut), and ``simple`` keeps every one of them, as FTS5 does."""


def _matches(text: _Text, joined: str | ColumnElement[str]) -> ColumnElement[bool]:
    words = func.to_tsvector(_SIMPLE, text)
    return words.bool_op("@@")(func.to_tsquery(_SIMPLE, joined))


def _number_part(text: _Text) -> ColumnElement[str]:
    """The number part of ``search_text`` (" 123 qd ubnd "), spelled as its index is (literal
    arguments: a bound one would not match the index's expression in a generic plan)."""
    return func.split_part(text, literal_column(f"'{NUMBER_END}'"), literal_column("1"))


def ts_condition(terms: Terms) -> ColumnElement[bool]:
    """Every word, the last as a prefix, as the word index has them (unranked)."""
    quoted = [f"'{w}'" for w in terms.words]
    quoted[-1] += ":*"
    return _matches(Document.search_text, " & ".join(quoted))


def _index_condition(rank: Rank) -> ColumnElement[bool]:
    """What a tier asks the word index (``p_index``, see ``_values``) before ``like_condition``
    decides row by row."""
    text = _number_part(Document.search_text) if rank is Rank.NUMBER else Document.search_text
    return _matches(text, bindparam("p_index"))


def _each(text: _Text, words: int) -> ColumnElement[bool]:
    head = (text.like(bindparam(f"p_each_{i}")) for i in range(words - 1))
    return and_(*head, text.like(bindparam("p_last")))


def like_condition(words: int, rank: Rank, text: _Text) -> ColumnElement[bool]:
    """One tier as ``LIKE`` on the stored words (" w1 w2 … "), the patterns bound
    (``_values``): a microsecond a row, where ``to_tsvector`` costs tens."""
    number = _each(_number_part(text), words)
    if rank is Rank.NUMBER:
        return number
    # a phrase may run on from the number part into the rest, as in the index's tsvector
    joined = func.replace(text, f" {NUMBER_END} ", " ")
    phrase = joined.like(bindparam("p_phrase"))
    if rank is Rank.PHRASE:
        return and_(phrase, not_(number))
    return and_(_each(text, words), not_(phrase), not_(number))


def _values(terms: Terms) -> dict[str, str]:
    """The bound patterns of a query: each word but the last whole (" w "), the last as a
    start (" w…"), the phrase; and what the word index is asked — the words but the last,
    whole (a prefix makes GIN gather every document of every word it begins, and "văn"
    begins the "văn" of every "Công văn"), or the one word as a prefix."""
    *head, last = terms.words
    values = {f"p_each_{i}": f"% {w} %" for i, w in enumerate(head)}
    values |= {"p_last": f"% {last}%", "p_phrase": f"% {' '.join(terms.words)}%"}
    values["p_index"] = " & ".join(f"'{w}'" for w in head) if head else f"'{last}':*"
    return values


@lru_cache(maxsize=1024)  # one per shape asked
def _statements(
    role: Role | None, given: tuple[str, ...], bounded: bool, words: int, rank: Rank
) -> tuple[Executable, Executable]:
    """A tier's two statements for one shape of question, built once (building and hashing
    them cost more than running the first); each answers rows with the documents' columns."""
    query = select(Document).where(*filter_tests({n: bindparam(f"f_{n}") for n in given}))
    if bounded:
        query = query.where(Document.id < bindparam("page_below", type_=Integer))
    reader = Reader.bound(role)
    limit = bindparam("page_limit", type_=Integer)
    own = query.where(readable_own(reader))
    window = bindparam("p_window", type_=Integer)
    recent = own.order_by(Document.id.desc()).limit(window).subquery("recent")
    in_window = (
        select(recent)
        .where(like_condition(words, rank, recent.c.search_text))
        .order_by(recent.c.id.desc())
        .limit(limit)
    )
    matching = like_condition(words, rank, Document.search_text)
    # The window's edge splits the question in two without a gap: the first statement answers
    # for every id from the edge up (the window's own documents, and the grants among them),
    # the second for every id below it (the organisation's older ones, and older grants). A
    # page the first fills is then the newest of all; a grant of any age in the first would
    # fill it while own documents just below the window were never asked for. No window (no
    # own document under the filters): every grant is the second's.
    edge = func.coalesce(select(func.min(recent.c.id)).scalar_subquery(), 2**62)
    granted = granted_newest(query.where(matching, Document.id >= edge), reader).limit(limit)
    first = union_all(select(in_window.subquery()), select(granted.subquery()))
    newest = first.order_by(literal_column("id").desc()).limit(limit)
    older = (
        own.where(_index_condition(rank), matching, Document.id < edge)
        .with_only_columns(Document.id)
        .cte("older")
        .prefix_with("MATERIALIZED")
    )
    older_grants = (
        granted_newest(query.where(matching, Document.id < edge), reader)
        .with_only_columns(Document.id)
        .limit(limit)
    )
    # The two sets of ids first, then their documents: "id IN (older) OR id IN (grants)" made
    # PostgreSQL walk the whole primary key backwards testing each row against both (293 ms
    # at a million documents when nothing matched); joined, each found id is one probe.
    found = union(select(older.c.id), select(older_grants.subquery().c.id)).subquery("found")
    rest = (
        select(Document)
        .join(found, found.c.id == Document.id)
        .order_by(Document.id.desc())
        .limit(limit)
    )
    return newest, rest


def tier(
    session: Session,
    user: User,
    filters: ListFilters,
    terms: Terms,
    rank: Rank,
    limit: int,
    below: int | None,
) -> list[Row[Any]]:
    """The newest ``limit`` documents under ``filters`` (below the id ``below``) in tier
    ``rank`` that ``user`` may read."""
    given = filters.given()
    first, rest = _statements(
        role_of(user), tuple(sorted(given)), below is not None, len(terms.words), rank
    )
    values: dict[str, Any] = {f"f_{name}": value for name, value in given.items()}
    values |= _values(terms) | reader_parameters(user) | {"page_limit": limit, "p_window": WINDOW}
    if below is not None:
        values["page_below"] = below
    connection = session.connection()
    found = list(connection.execute(first, values))
    if len(found) < limit:
        found += connection.execute(rest, values)
        found = sorted(found, key=lambda d: d.id, reverse=True)[:limit]
    return found
