"""Full-text search index over titles and document text; the audit log made append-only.

SQLite: an FTS5 table kept by triggers, and triggers that refuse to change the audit log.
PostgreSQL: a generated ``tsvector`` column with a GIN index, and a trigger function that
refuses the same (the server's grants refuse it to reviewers as well).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


#: The words of a record that PostgreSQL indexes: its title and the first part of its text (a tsvector
#: holds at most 1 MB), accents folded (``curator_fold``). ``simple``: no stemming and no stop words, like
#: FTS5's unicode61 with remove_diacritics.
SEARCH_VECTOR = ("to_tsvector('simple'::regconfig,"
                 " curator_fold(left(coalesce(title, '') || ' ' || coalesce(text, ''), 200000)))")
#: ``curator_fold(text)``: the text without accents ("Sjögren" is found by "sjogren", as in a file) where the
#: server has the ``unaccent`` extension (PostgreSQL's contrib; a database's owner may create it), else as it is.
FOLD_FUNCTION = """
DO $$ BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
  EXCEPTION WHEN OTHERS THEN NULL;
  END;
  IF EXISTS (SELECT FROM pg_extension WHERE extname = 'unaccent') THEN
    CREATE FUNCTION curator_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $f$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $f$;
  ELSE
    CREATE FUNCTION curator_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT $1 $f$;
  END IF;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_server()
        return
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


def _upgrade_server() -> None:
    op.execute(FOLD_FUNCTION)
    op.execute(f"ALTER TABLE records ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({SEARCH_VECTOR}) STORED")
    op.execute("CREATE INDEX ix_records_search ON records USING gin (search_vector)")
    op.execute(
        "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'the audit log is append-only'; END $$"
    )
    op.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
    op.create_index("ix_records_title", "records", ["title"])


def downgrade() -> None:
    op.drop_index("ix_records_title", "records")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
        op.execute("DROP INDEX IF EXISTS ix_records_search")
        op.execute("ALTER TABLE records DROP COLUMN IF EXISTS search_vector")
        op.execute("DROP FUNCTION IF EXISTS curator_fold(text)")
        return
    for trigger in ("audit_log_no_delete", "audit_log_no_update", "records_fts_update",
                    "records_fts_delete", "records_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS records_fts")
