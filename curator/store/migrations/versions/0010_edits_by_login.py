"""Each edit and tag says who made it, and a record counts its edits (a version), for a team on a server.

``records.version`` grows by one with every saved edit, so a second save of a field someone
else changed meanwhile is refused instead of overwriting it; ``edited_by`` / ``edited_at``
name the last edit. ``record_tags.tagged_by`` names who put a tag on. On a server the
rights bind these names to the login (see ``curator.store.rights``).

Revision ID: 0010
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("edited_by", sa.String(), nullable=True))
        batch.add_column(sa.Column("edited_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("record_tags") as batch:
        batch.add_column(sa.Column("tagged_by", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("record_tags") as batch:
        batch.drop_column("tagged_by")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("edited_at")
        batch.drop_column("edited_by")
        batch.drop_column("version")
