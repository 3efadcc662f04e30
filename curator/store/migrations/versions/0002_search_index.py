"""Full-text search index over titles and document text; the audit log made append-only.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # External-content FTS5 table: the text lives once, in records; triggers keep the index in step.
    op.execute(
        "CREATE VIRTUAL TABLE records_fts USING fts5("
        "title, text, content='records', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN "
        "INSERT INTO records_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN "
        "INSERT INTO records_fts(records_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER records_fts_update AFTER UPDATE OF title, text ON records BEGIN "
        "INSERT INTO records_fts(records_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
        "INSERT INTO records_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute("INSERT INTO records_fts(records_fts) VALUES ('rebuild')")
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
        "SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
        "SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    op.create_index("ix_records_title", "records", ["title"])


def downgrade() -> None:
    op.drop_index("ix_records_title", "records")
    for trigger in ("audit_log_no_delete", "audit_log_no_update", "records_fts_update",
                    "records_fts_delete", "records_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS records_fts")
