"""trust list: CA certificates an organisation's or the province's clients trust or distrust

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 16:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trusted_certificates",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=True
        ),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.Column("pki", sa.String(length=20), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("added_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("organisation_id", "sha256"),
    )
    op.create_index(
        "ix_trusted_certificates_organisation_id", "trusted_certificates", ["organisation_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_trusted_certificates_organisation_id", "trusted_certificates")
    op.drop_table("trusted_certificates")
