"""The migrations build exactly the schema the models describe: a column or table added to a
model without its migration (or the reverse) fails here, not on a province's server."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import server.exchange.models  # noqa: F401  (its tables join the metadata)
from server.db import Database
from server.models import Base


def test_migrating_to_the_newest_revision_gives_the_models_schema(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'schema.db'}")
    db.migrate()
    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.engine.dispose()
    assert differences == []
