"""audit_events.detail as text: a change of metadata keeps every old and new value (Decree
30/2020 Appendix VI III.5.d), which does not fit 1,000 characters

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 08:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.alter_column("detail", type_=sa.Text(), existing_type=sa.String(length=1000))


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.alter_column("detail", type_=sa.String(length=1000), existing_type=sa.Text())
