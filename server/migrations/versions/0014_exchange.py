"""Inter-agency exchange (QCVN 102 edXML, the national axis): agency codes, document
identifiers, the outbox, the inbox, recipients' statuses, the agency list, the agent's lease

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(sa.Column("agency_code", sa.String(length=35), nullable=True))
        batch.create_unique_constraint("uq_organisations_agency_code", ["agency_code"])
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("document_identifier", sa.String(length=120), nullable=True))
    op.create_index("ix_documents_document_identifier", "documents", ["document_identifier"])
    op.create_table(
        "exchange_connections",
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), primary_key=True
        ),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("system_id", sa.String(length=100), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("poll_seconds", sa.Integer(), nullable=False),
        sa.Column("last_contact_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "exchange_outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False
        ),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("recipient", sa.String(length=35), nullable=False),
        sa.Column("business_type", sa.Integer(), nullable=True),
        sa.Column("status_code", sa.String(length=2), nullable=True),
        sa.Column("sha256", sa.String(length=64), sa.ForeignKey("blobs.sha256"), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("remote_id", sa.String(length=100), nullable=True),
        sa.Column("created_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_exchange_outbox_due", "exchange_outbox", ["state", "next_attempt_at"])
    op.create_index("ix_exchange_outbox_organisation_id", "exchange_outbox", ["organisation_id"])
    op.create_index("ix_exchange_outbox_document_id", "exchange_outbox", ["document_id"])
    op.create_table(
        "exchange_inbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False
        ),
        sa.Column("dedup_key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("remote_id", sa.String(length=100), nullable=True),
        sa.Column("sender", sa.String(length=35), nullable=False),
        sa.Column("sender_name", sa.String(length=300), nullable=False),
        sa.Column("document_identifier", sa.String(length=120), nullable=False),
        sa.Column("business_type", sa.Integer(), nullable=True),
        sa.Column("status_code", sa.String(length=2), nullable=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("verdicts", sa.JSON(), nullable=False),
        sa.Column("attachments", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("received_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("organisation_id", "dedup_key", name="uq_exchange_inbox_key"),
    )
    op.create_index("ix_exchange_inbox_remote", "exchange_inbox", ["organisation_id", "remote_id"])
    op.create_index("ix_exchange_inbox_organisation_id", "exchange_inbox", ["organisation_id"])
    op.create_index("ix_exchange_inbox_document_id", "exchange_inbox", ["document_id"])
    op.create_table(
        "exchange_statuses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("agency_code", sa.String(length=35), nullable=False),
        sa.Column("agency_name", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("staff", sa.String(length=300), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_exchange_statuses_doc", "exchange_statuses", ["document_id", "agency_code", "id"]
    )
    op.create_table(
        "exchange_agencies",
        sa.Column("code", sa.String(length=35), primary_key=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("parent_code", sa.String(length=35), nullable=False),
        sa.Column("folded", sa.String(length=400), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "exchange_agent_lease",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("holder", sa.String(length=100), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "exchange_agent_lease",
        "exchange_agencies",
        "exchange_statuses",
        "exchange_inbox",
        "exchange_outbox",
        "exchange_connections",
    ):
        op.drop_table(table)
    op.drop_index("ix_documents_document_identifier", table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("document_identifier")
    with op.batch_alter_table("organisations") as batch:
        batch.drop_constraint("uq_organisations_agency_code", type_="unique")
        batch.drop_column("agency_code")
