"""The document list: its filters, and a page of it under the access policy.

A page is asked many times a minute by every desktop, so its statement is built once per shape
(the reader's role, which filters are given, whether it goes on from a cursor) with bound
parameters, and reused: building the policy's union and hashing it for SQLAlchemy's cache cost
more than running it (1.3 ms against 0.07 ms for the list without the policy, measured).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Row, Select, and_, bindparam, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import CompoundSelect

from .models import Document, User
from .policy import Reader, newest_readable, reader_parameters, role_of
from .roles import Role

__all__ = ["ListFilters", "filter_tests", "list_query", "newest_page"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ListFilters:
    """The list's filters (None or empty: not asked)."""

    direction: str | None = None
    doc_type: str | None = None
    urgency: int | None = None
    secrecy: int | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def given(self) -> dict[str, Any]:
        return {
            f.name: value
            for f in dataclasses.fields(self)
            if (value := getattr(self, f.name)) is not None and value != ""
        }


def filter_tests(values: Mapping[str, Any]) -> list[ColumnElement[bool]]:
    """The filters' tests; a value may be a bound parameter."""
    tests: list[ColumnElement[bool]] = [Document.deleted.is_(False)]
    for name in ("direction", "doc_type", "urgency", "secrecy", "status"):
        if name in values:
            tests.append(getattr(Document, name) == values[name])
    day, arrived = Document.issued_date, Document.arrival_date
    if "date_from" in values:
        since = values["date_from"]
        tests.append(or_(day >= since, and_(day.is_(None), arrived >= since)))
    if "date_to" in values:
        until = values["date_to"]
        tests.append(or_(day <= until, and_(day.is_(None), arrived <= until)))
    return tests


def list_query(
    *,
    direction: str | None,
    doc_type: str | None,
    urgency: int | None,
    secrecy: int | None,
    status: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    q: str | None = None,
) -> Select[Document]:
    """The list's filters, as values. ``q``: every word, anywhere, unranked; the list route's
    ranked search is ``server.search.ranked_page`` on top of the rest."""
    from .search import Terms, every_word  # the search builds on these filters

    filters = ListFilters(direction, doc_type, urgency, secrecy, status, date_from, date_to)
    query = select(Document).where(*filter_tests(filters.given()))
    if (terms := Terms.parse(q)) is not None:
        query = query.where(every_word(terms))
    return query


@lru_cache(maxsize=512)  # one per shape asked: role, filters given, cursor
def _page_statement(
    role: Role | None, given: tuple[str, ...], from_cursor: bool
) -> CompoundSelect[Any]:
    query = select(Document).where(*filter_tests({name: bindparam(f"f_{name}") for name in given}))
    if from_cursor:
        query = query.where(Document.id < bindparam("page_below", type_=Integer))
    limit = bindparam("page_limit", type_=Integer)
    return newest_readable(query, Reader.bound(role), limit)


def newest_page(
    session: Session, user: User, filters: ListFilters, limit: int, below: int | None
) -> list[Row[Any]]:
    """Up to ``limit`` documents under ``filters`` that ``user`` may read, newest first, below
    the id ``below`` (None: from the newest); rows with the documents' columns."""
    given = filters.given()
    statement = _page_statement(role_of(user), tuple(sorted(given)), below is not None)
    parameters: dict[str, Any] = {f"f_{name}": value for name, value in given.items()}
    parameters |= reader_parameters(user) | {"page_limit": limit}
    if below is not None:
        parameters["page_below"] = below
    return list(session.connection().execute(statement, parameters))
