"""State every worker process shares: failed logins (the throttle) and background-job leases

The throttle lived in one process's memory and each background job had its own lease table (or
none: the blob scrub ran once per process). With ``serve --workers N`` and several machines on
PostgreSQL both live in the database.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 21:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("kind", sa.String(length=10), primary_key=True),
        sa.Column("key", sa.String(length=400), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_login_failures_last_at", "login_failures", ["last_at"])
    op.create_table(
        "job_leases",
        sa.Column("name", sa.String(length=40), primary_key=True),
        sa.Column("holder", sa.String(length=100), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
        sa.Column("last_started_at", sa.DateTime(), nullable=True),
        sa.Column("last_finished_at", sa.DateTime(), nullable=True),
        sa.Column("last_result", sa.String(length=400), nullable=False),
        sa.Column("last_ok", sa.Boolean(), nullable=True),
        sa.Column("runs", sa.Integer(), nullable=False, server_default="0"),
    )
    op.drop_table("exchange_agent_lease")  # a lease is seconds long: nothing to carry over


def downgrade() -> None:
    op.create_table(
        "exchange_agent_lease",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("holder", sa.String(length=100), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
    )
    op.drop_table("job_leases")
    op.drop_index("ix_login_failures_last_at", table_name="login_failures")
    op.drop_table("login_failures")
