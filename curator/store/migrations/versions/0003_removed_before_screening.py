"""Records removed before screening, by a person or an automation tool, with the reason.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("removed_reason", sa.String(), nullable=True))
        batch.add_column(sa.Column("removed_by", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.drop_column("removed_by")
        batch.drop_column("removed_reason")
