"""users.username in its canonical form (NFC, lower case): uniqueness, sign-in and management
compare the stored name exactly, the same on SQLite (whose lower() leaves Đ alone) and
PostgreSQL

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 09:00:00
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, username FROM users ORDER BY id")).all()
    taken = {name for _, name in rows}
    for user_id, name in rows:
        canonical = unicodedata.normalize("NFC", name.strip()).lower()
        if canonical != name and canonical not in taken:  # a clash keeps its old spelling
            bind.execute(
                sa.text("UPDATE users SET username = :name WHERE id = :id"),
                {"name": canonical, "id": user_id},
            )
            taken.add(canonical)


def downgrade() -> None:
    pass  # the canonical names sign in as before
