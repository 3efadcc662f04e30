"""Possible duplicates: a link the matcher was unsure of is kept as possible, not counted until confirmed.

``duplicate_links.possible`` is 1 for such a link. It is listed for a reviewer to
confirm or reject; until confirmed it removes no record from screening and is not
a duplicate in the PRISMA counts. Every link found before this revision was sure (0).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("duplicate_links") as batch:
        batch.add_column(sa.Column("possible", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # Possible links were never counted: dropping them keeps the counts as they were.
    op.execute("DELETE FROM duplicate_links WHERE possible = true AND confirmed IS NOT true")
    with op.batch_alter_table("duplicate_links") as batch:
        batch.drop_column("possible")
