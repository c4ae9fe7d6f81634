"""An index for the duplicate-registration warning (Decree 30/2020 Appendix VI III.1.h): the
organisation's documents by the sender's number, so the check stays one index probe at a
province's hundreds of thousands of incoming documents

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 09:10:00
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_org_code_number", "documents", ["organisation_id", "code_number"])


def downgrade() -> None:
    op.drop_index("ix_documents_org_code_number", table_name="documents")
