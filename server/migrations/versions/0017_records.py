"""Case files and the agency archive (Decree 30/2020 Chapter IV): the year's file list with its
headings and planned files, case files with the metadata of Appendix VI Part II.III, the link
between a file and its documents (never a copy), the readers its Rights name, its history

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-10 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def _user(name: str, nullable: bool = True) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("users.id"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "file_lists",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("decision", sa.String(length=300), nullable=False),
        _user("created_by", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _user("approved_by"),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        _user("issued_by"),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("organisation_id", "year", name="uq_file_list_year"),
    )
    op.create_table(
        "file_list_headings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("file_list_id", sa.Integer(), sa.ForeignKey("file_lists.id"), nullable=False),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("file_list_headings.id"), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("abbreviation", sa.String(length=20), nullable=False),
    )
    op.create_index("ix_file_list_headings_file_list_id", "file_list_headings", ["file_list_id"])
    op.create_table(
        "planned_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("file_list_id", sa.Integer(), sa.ForeignKey("file_lists.id"), nullable=False),
        sa.Column(
            "heading_id", sa.Integer(), sa.ForeignKey("file_list_headings.id"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("notation", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=True),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        _user("responsible_user_id"),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.UniqueConstraint("file_list_id", "notation", name="uq_planned_notation"),
    )
    op.create_index("ix_planned_files_file_list_id", "planned_files", ["file_list_id"])
    op.create_index("ix_planned_files_heading_id", "planned_files", ["heading_id"])
    op.create_table(
        "case_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False
        ),
        sa.Column(
            "planned_file_id", sa.Integer(), sa.ForeignKey("planned_files.id"), nullable=True
        ),
        sa.Column("code", sa.String(length=70), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("notation", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=True),
        sa.Column("rights", sa.String(length=20), nullable=False),
        _user("creator_id", nullable=False),
        sa.Column("language", sa.String(length=50), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("doc_total", sa.Integer(), nullable=True),
        sa.Column("page_total", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("construction", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("keep_back", sa.String(length=10), nullable=True),
        sa.Column("keep_back_until", sa.Date(), nullable=True),
        sa.Column("keep_back_reason", sa.Text(), nullable=False),
        _user("keep_back_by"),
        sa.Column("retention_ends", sa.Date(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        _user("accepted_by"),
        sa.Column("returned_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("organisation_id", "year", "notation", name="uq_case_file_code"),
    )
    op.create_index("ix_case_files_planned_file_id", "case_files", ["planned_file_id"])
    op.create_index("ix_case_files_due_date", "case_files", ["due_date"])
    op.create_index("ix_case_files_retention_ends", "case_files", ["retention_ends"])
    op.create_index("ix_case_files_org_state", "case_files", ["organisation_id", "state", "id"])
    op.create_index("ix_case_files_creator", "case_files", ["creator_id", "state"])
    op.create_table(
        "case_file_documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_file_id", sa.Integer(), sa.ForeignKey("case_files.id"), nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=False),
        _user("added_by", nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("case_file_id", "document_id", name="uq_case_file_document"),
    )
    op.create_index("ix_case_file_documents_document", "case_file_documents", ["document_id"])
    op.create_table(
        "case_file_readers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_file_id", sa.Integer(), sa.ForeignKey("case_files.id"), nullable=False),
        _user("user_id", nullable=False),
        sa.UniqueConstraint("case_file_id", "user_id", name="uq_case_file_reader"),
    )
    op.create_index("ix_case_file_readers_user", "case_file_readers", ["user_id", "case_file_id"])
    op.create_table(
        "case_file_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_file_id", sa.Integer(), sa.ForeignKey("case_files.id"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        _user("user_id", nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("from_state", sa.String(length=10), nullable=False),
        sa.Column("to_state", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
    )
    op.create_index("ix_case_file_events_case_file_id", "case_file_events", ["case_file_id"])


def downgrade() -> None:
    for table in (
        "case_file_events",
        "case_file_readers",
        "case_file_documents",
        "case_files",
        "planned_files",
        "file_list_headings",
        "file_lists",
    ):
        op.drop_table(table)
