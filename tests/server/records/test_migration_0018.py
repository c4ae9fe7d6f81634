"""Migration 0018 gives the case files made before it change-feed numbers from the documents'
counter (in id order, past every number taken), so a desktop's first pull carries them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from server.db import MIGRATIONS, Database


def _upgrade(db: Database, target: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def test_files_made_before_the_feed_get_numbers_after_every_taken_one(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    _upgrade(db, "0017")
    raw = sqlite3.connect(tmp_path / "old.db")  # the people and organisations do not matter
    with raw:  # (plain sqlite3 leaves foreign keys unchecked)
        raw.execute("INSERT INTO change_counter (id, value) VALUES (1, 41)")
        for file_id in (3, 5):
            raw.execute(
                (
                    "INSERT INTO case_files (id, organisation_id, code, year, notation, title, "
                    "rights, creator_id, language, start_date, description, construction, state, "
                    "keep_back_reason, returned_reason, created_at, updated_at) VALUES (:i, 1, "
                    ":c, 2026, :n, 'T', 'restricted', 1, 'vi', '2026-01-01', '', 0, 'open', '', "
                    "'', '2026-01-01', '2026-01-01')"
                ),
                {"i": file_id, "c": f"UBND.2026.{file_id}", "n": str(file_id)},
            )
    raw.close()
    _upgrade(db, "head")
    with db.engine.connect() as conn:
        numbers = conn.execute(text("SELECT id, revision FROM case_files ORDER BY id")).all()
        counter = conn.execute(text("SELECT value FROM change_counter")).scalar()
    db.engine.dispose()
    assert [tuple(r) for r in numbers] == [(3, 42), (5, 43)] and counter == 43
