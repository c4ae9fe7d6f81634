"""case_files.revision: every change to a case file takes a change-feed number from the same
counter as the documents (``db.next_seq``), so the desktop's cache pulls the files it may see
after its position (``/case-file-changes``). Files made before get numbers now, in id order.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-11 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_files") as batch:
        batch.add_column(sa.Column("revision", sa.BigInteger(), nullable=False, server_default="0"))
    conn = op.get_bind()
    ids = [row[0] for row in conn.execute(sa.text("SELECT id FROM case_files ORDER BY id"))]
    if ids:
        start = conn.execute(sa.text("SELECT value FROM change_counter WHERE id = 1")).scalar()
        base = int(start or 0)
        for offset, file_id in enumerate(ids, 1):
            conn.execute(
                sa.text("UPDATE case_files SET revision = :r WHERE id = :i"),
                {"r": base + offset, "i": file_id},
            )
        bump = (
            "UPDATE change_counter SET value = :v WHERE id = 1"
            if start is not None
            else "INSERT INTO change_counter (id, value) VALUES (1, :v)"
        )
        conn.execute(sa.text(bump), {"v": base + len(ids)})
    op.create_index("ix_case_files_org_revision", "case_files", ["organisation_id", "revision"])


def downgrade() -> None:
    op.drop_index("ix_case_files_org_revision", table_name="case_files")
    with op.batch_alter_table("case_files") as batch:
        batch.drop_column("revision")
