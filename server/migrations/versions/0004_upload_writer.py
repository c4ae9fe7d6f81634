"""one writer per upload: a lease on the upload row; versions found by digest

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("uploads", sa.Column("writer", sa.String(length=36), nullable=True))
    op.add_column("uploads", sa.Column("writer_until", sa.DateTime(), nullable=True))
    # A file is readable through the documents that hold it: find them by digest.
    op.create_index("ix_versions_sha256", "versions", ["sha256"])
    # One's own documents, newest first (the access policy's second branch).
    op.create_index("ix_documents_creator_id", "documents", ["created_by", "id"])


def downgrade() -> None:
    op.drop_index("ix_documents_creator_id", "documents")
    op.drop_index("ix_versions_sha256", "versions")
    with op.batch_alter_table("uploads") as batch:
        batch.drop_column("writer_until")
        batch.drop_column("writer")
