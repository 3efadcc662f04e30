"""Full texts: PDFs stored in the review once each (keyed by SHA-256) and attached to records.

``full_texts`` holds each file once, however many records it reports; ``record_full_texts`` says
which record has which file under which name, who attached it and when, and keeps the row when it
is detached (``detached_at``), so a review's history still names every file it once had.

Revision ID: 0008
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "full_texts",
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "record_full_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("attached_by", sa.String(), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.Column("detached_by", sa.String(), nullable=True),
        sa.Column("detached_at", sa.DateTime(), nullable=True),
        sa.Column("proposals", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"]),
        sa.ForeignKeyConstraint(["sha256"], ["full_texts.sha256"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_record_full_texts_record_id"), "record_full_texts", ["record_id"], unique=False)
    op.create_index(op.f("ix_record_full_texts_sha256"), "record_full_texts", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_record_full_texts_sha256"), table_name="record_full_texts")
    op.drop_index(op.f("ix_record_full_texts_record_id"), table_name="record_full_texts")
    op.drop_table("record_full_texts")
    op.drop_table("full_texts")
