"""The migrations build exactly the schema the models describe: a column or table added to a
model without its migration (or the reverse) fails here, not on a province's server. The one
exception is SQLite's search index (an FTS5 table and its shadow tables, migration 0016): it is
not a model, ``server.search`` names it."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import server.exchange.models  # (its tables, and the records', join the metadata)
import server.records.models  # noqa: F401
from server.db import Database
from server.models import Base
from server.search import FTS


def _not_the_search_index(name: str | None, kind: str, _parent: object) -> bool:
    return not (kind == "table" and name is not None and name.startswith(FTS.name))


def test_migrating_to_the_newest_revision_gives_the_models_schema(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'schema.db'}")
    db.migrate()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_the_search_index})
        differences = compare_metadata(context, Base.metadata)
    db.engine.dispose()
    assert differences == []
