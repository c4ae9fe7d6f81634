"""``server.among``: "one of these ids" with one statement text whatever the list's length."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, select

from base.workflow import Origin
from server.among import among, dialect_of
from server.db import Database
from server.documents import born
from server.models import Document, User
from server.seed import seed_base


@cache
def _statement(dialect: str) -> Select[int]:
    return select(Document.id).where(among(Document.id, dialect)).order_by(Document.id)


def test_it_finds_exactly_the_ids_asked_for_any_length(database: Database) -> None:
    with database.session() as session:
        org = seed_base(session).id
        author = session.scalars(select(User.id).where(User.organisation_id == org)).first()
        assert author is not None
        made = []
        for i in range(60):
            doc = born(
                session,
                Origin.CREATED,
                direction="incoming",
                status="arrived",
                organisation_id=org,
                created_by=author,
                subject=f"Văn bản {i}",
            )
            session.add(doc)
            session.flush()
            made.append(doc.id)
        session.commit()
        statement = _statement(dialect_of(session))
        missing = max(made) + 1000
        for asked in ([], [made[0]], made[:50], [*made[:3], made[1], missing], made):
            found = list(session.scalars(statement, {"ids": asked}))
            assert found == sorted(set(asked) - {missing}), asked


def test_on_postgresql_the_text_does_not_depend_on_the_length(database: Database) -> None:
    """One text for one id or fifty: psycopg prepares it once per connection. SQLite's
    expanding IN is written out anew for every length."""
    with database.session() as session:
        dialect = session.get_bind().dialect
        statement = _statement(dialect.name)
        texts = {
            str(
                statement.params(ids=asked).compile(
                    dialect=dialect, compile_kwargs={"render_postcompile": True}
                )
            )
            for asked in ([1], list(range(1, 51)))
        }
        assert len(texts) == (1 if dialect.name == "postgresql" else 2), texts
