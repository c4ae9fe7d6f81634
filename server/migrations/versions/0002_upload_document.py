"""uploads may carry the document to create when complete

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 21:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("uploads", sa.Column("document_request", sa.Text(), nullable=True))
    op.add_column("uploads", sa.Column("idempotency_key", sa.String(length=200), nullable=True))
    op.add_column("uploads", sa.Column("document_id", sa.Integer(), nullable=True))
    op.add_column(
        "uploads",
        sa.Column("document_created", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("uploads") as batch:
        batch.drop_column("document_created")
        batch.drop_column("document_id")
        batch.drop_column("idempotency_key")
        batch.drop_column("document_request")
