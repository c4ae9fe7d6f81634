"""idempotency_keys.request_sha256: a key is bound to the request it was first used for, so the
same key with another step or body is refused instead of replaying the first answer

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 08:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.add_column(sa.Column("request_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.drop_column("request_sha256")
