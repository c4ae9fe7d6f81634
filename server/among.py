"""A test "the column is one of these ids" whose statement text does not depend on how many.

An expanding ``IN (…)`` is rendered again on every run, for every length of the list, so
neither SQLAlchemy's compiled statements nor PostgreSQL's prepared ones could be reused: for a
page of 50 documents, writing out the answer's lists of ids cost more Python than running the
statements. On PostgreSQL the list travels as one array (``= ANY(:ids)``): one text, which
psycopg prepares once per connection. SQLite has no arrays and keeps the expanding ``IN``.
Statements using it are built once per database kind (``functools.cache`` on the dialect's
name) and run with the list bound by name.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Integer, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute, Session

__all__ = ["among", "dialect_of"]


def among(
    column: ColumnElement[int] | ColumnElement[int | None] | InstrumentedAttribute[int | None],
    dialect: str,
    name: str = "ids",
) -> ColumnElement[bool]:
    """``column`` is one of the integers bound as ``name``."""
    if dialect == "postgresql":
        return column == any_(bindparam(name, type_=ARRAY(Integer)))
    return column.in_(bindparam(name, expanding=True))


def dialect_of(session: Session) -> str:
    """The name of the database kind ``session`` talks to ("postgresql", "sqlite")."""
    return session.get_bind().dialect.name
