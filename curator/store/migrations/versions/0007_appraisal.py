"""The review's own form and risk-of-bias appraisal: custom fields and their values, RoB 2 appraisals, resolutions.

Revision ID: 0007
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "custom_fields",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("help_text", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "custom_values",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("set_by", sa.String(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["field_id"], ["custom_fields.id"]),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"]),
        sa.PrimaryKeyConstraint("record_id", "field_id"),
    )
    op.create_index(op.f("ix_custom_values_field_id"), "custom_values", ["field_id"], unique=False)
    op.create_table(
        "appraisals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("tool", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("support", sa.JSON(), nullable=False),
        sa.Column("proposed", sa.JSON(), nullable=False),
        sa.Column("overrides", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_id", "tool", "reviewer"),
    )
    op.create_index(op.f("ix_appraisals_record_id"), "appraisals", ["record_id"], unique=False)
    op.create_table(
        "appraisal_resolutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("tool", sa.String(), nullable=False),
        sa.Column("domain", sa.String(), nullable=False),
        sa.Column("judgement", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("resolved_by", sa.String(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_id", "tool", "domain"),
    )
    op.create_index(op.f("ix_appraisal_resolutions_record_id"), "appraisal_resolutions", ["record_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_appraisal_resolutions_record_id"), table_name="appraisal_resolutions")
    op.drop_table("appraisal_resolutions")
    op.drop_index(op.f("ix_appraisals_record_id"), table_name="appraisals")
    op.drop_table("appraisals")
    op.drop_index(op.f("ix_custom_values_field_id"), table_name="custom_values")
    op.drop_table("custom_values")
    op.drop_table("custom_fields")
