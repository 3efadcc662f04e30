"""An index on the removal reason, so counting the records to screen reads no document text.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_removed_reason", "records", ["removed_reason"])


def downgrade() -> None:
    op.drop_index("ix_records_removed_reason", "records")
