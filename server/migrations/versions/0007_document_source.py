"""documents.source_id: a delivered copy names the issued document it came from;
assignments.requested_deadline: a handler's request for more time

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 12:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("source_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_documents_source", "documents", ["source_id"], ["id"])
    op.create_index("ix_documents_source_id", "documents", ["source_id"])
    with op.batch_alter_table("assignments") as batch:
        batch.add_column(sa.Column("requested_deadline", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assignments") as batch:
        batch.drop_column("requested_deadline")
    op.drop_index("ix_documents_source_id", table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_constraint("fk_documents_source", type_="foreignkey")
        batch.drop_column("source_id")
