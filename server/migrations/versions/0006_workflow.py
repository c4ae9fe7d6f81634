"""workflow: assignments (lead, co-handlers, informed) and each document's trace

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 17:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("assigned_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_assignments_document_id", "assignments", ["document_id"])
    op.create_index("ix_assignments_user_state", "assignments", ["user_id", "state"])
    op.create_table(
        "trace_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("from_status", sa.String(length=30), nullable=False),
        sa.Column("to_status", sa.String(length=30), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
    )
    op.create_index("ix_trace_events_document_id", "trace_events", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_trace_events_document_id", "trace_events")
    op.drop_table("trace_events")
    op.drop_index("ix_assignments_user_state", "assignments")
    op.drop_index("ix_assignments_document_id", "assignments")
    op.drop_table("assignments")
