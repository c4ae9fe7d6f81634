"""The access history (Decree 30/2020 Appendix VI III.5.a, III.6.l) and where a document came
from: audit events the desktop reports carry a key (sent once), are found by document and by
period through indexes; documents record their origin (created, scan, delivered, imported)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 11:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("client_key", sa.String(length=64), nullable=True))
        batch.create_unique_constraint("uq_audit_client_key", ["user_id", "client_key"])
    op.create_index("ix_audit_document", "audit_events", ["document_id", "id"])
    op.create_index("ix_audit_at", "audit_events", ["at"])
    with op.batch_alter_table("documents") as batch:
        batch.add_column(
            sa.Column("origin", sa.String(length=20), nullable=False, server_default="created")
        )
    # What the older server knew: a document with a source is a delivered copy.
    op.execute("UPDATE documents SET origin = 'delivered' WHERE source_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("origin")
    op.drop_index("ix_audit_at", table_name="audit_events")
    op.drop_index("ix_audit_document", table_name="audit_events")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_constraint("uq_audit_client_key", type_="unique")
        batch.drop_column("client_key")
