"""access control: departments, document grants, organisation settings, admin roles

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False
        ),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.UniqueConstraint("organisation_id", "code"),
    )
    op.create_index("ix_departments_organisation_id", "departments", ["organisation_id"])
    op.create_table(
        "document_grants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False, server_default="shared"),
        sa.Column("granted_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("document_id", "user_id"),
    )
    op.create_index("ix_document_grants_document_id", "document_grants", ["document_id"])
    op.create_index("ix_document_grants_user_id", "document_grants", ["user_id"])
    op.add_column(
        "organisations",
        sa.Column(
            "secret_in_offline_index", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
    )
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("department_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_users_department", "departments", ["department_id"], ["id"])
    # The single "admin" role becomes the province administrator; the policy filters by
    # organisation, so lists and feeds want the organisation beside the id.
    op.execute("UPDATE users SET role = 'province_admin' WHERE role = 'admin'")
    op.create_index("ix_documents_org_id", "documents", ["organisation_id", "id"])
    op.create_index("ix_documents_org_revision", "documents", ["organisation_id", "revision"])


def downgrade() -> None:
    op.drop_index("ix_documents_org_revision", "documents")
    op.drop_index("ix_documents_org_id", "documents")
    op.execute("UPDATE users SET role = 'admin' WHERE role IN ('province_admin', 'org_admin')")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("fk_users_department", type_="foreignkey")
        batch.drop_column("department_id")
    with op.batch_alter_table("organisations") as batch:
        batch.drop_column("secret_in_offline_index")
    op.drop_table("document_grants")
    op.drop_table("departments")
