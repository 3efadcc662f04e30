"""Dual screening: a decision can settle a conflict between reviewers (a lead's or third reviewer's verdict).

``decisions.resolves`` holds the ids of the reviewers' decisions a resolution settles
(a JSON list); it is NULL on every ordinary screening decision.

Revision ID: 0009
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("resolves", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("resolves")
