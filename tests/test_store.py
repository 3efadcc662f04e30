"""The review store: one SQLite file, WAL, foreign keys, migrations with a backup, all-or-nothing writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from curator.store.database import (
    PAGE_SIZE,
    ReviewError,
    current_revision,
    default_review_path,
    get_setting,
    head_revision,
    make_engine,
    migrate,
    open_review,
    set_setting,
)
from curator.store.models import AuditEntry, Record, Source, SQLModel


def test_new_review_is_an_sqlite_file_with_wal_and_foreign_keys(review_path: Path) -> None:
    with open_review(review_path) as review:
        with review.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
            assert connection.exec_driver_sql("PRAGMA page_size").scalar() == PAGE_SIZE
        assert current_revision(review.engine) == head_revision()
    # Any SQLite tool can read it.
    with sqlite3.connect(review_path) as plain:
        tables = {row[0] for row in plain.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sources", "records", "decisions", "exclusion_reasons", "tags", "notes", "duplicate_links",
            "audit_log"} <= tables


def test_an_existing_file_keeps_its_page_size(review_path: Path) -> None:
    with sqlite3.connect(review_path) as plain:
        plain.execute("PRAGMA page_size=4096")
        plain.execute("CREATE TABLE kept (x)")
    with make_engine(review_path).connect() as connection:
        assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 4096
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_default_exclusion_reasons_are_seeded_once(review_path: Path) -> None:
    from curator.review.screening import exclusion_reasons

    with open_review(review_path) as review:
        first = exclusion_reasons(review, "full-text")
    with open_review(review_path) as review:
        assert exclusion_reasons(review, "full-text") == first
    assert first[0] == "wrong population" and "not retrievable" in first and first[-1] == "other"


def test_models_and_migrations_agree(review_path: Path) -> None:
    with open_review(review_path) as review, review.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    # The FTS5 search index is created by a migration and has no model.
    assert [d for d in differences if "records_fts" not in str(d)] == []


def test_older_schema_is_upgraded_with_a_backup_beside_it(review_path: Path) -> None:
    engine = make_engine(review_path)
    migrate(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO sources (name, kind, file_name, imported_at, imported_by, record_count)"
            " VALUES ('PubMed', 'database', 'a.nbib', '2024-01-01 00:00:00', 'ann', 1)")
        connection.exec_driver_sql(
            "INSERT INTO records (source_id, source_entry, text, content_hash, kind, profile, title, extracted,"
            " curated, evidence, imported_at) VALUES (1, 'a.nbib#1', 'Aspirin for pain', 'h', 'article',"
            " 'medline', 'Aspirin for pain', '{}', '{}', '{}', '2024-01-01 00:00:00')")
    engine.dispose()
    assert current_revision(make_engine(review_path)) == "0001"

    with open_review(review_path) as review:
        assert review.backup is not None and review.backup.exists()
        assert review.backup.parent == review_path.parent
        assert current_revision(review.engine) == head_revision()
        with review.session() as session:
            record = session.get(Record, 1)
            assert record is not None and record.title == "Aspirin for pain" and record.removed_reason is None
        # The search index was built over the records that were already there.
        from curator.review.listing import RecordFilter, find_record_ids

        assert find_record_ids(review, RecordFilter(search="aspirin")) == [1]
    with sqlite3.connect(review.backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert old.execute("SELECT title FROM records").fetchone()[0] == "Aspirin for pain"


def test_no_backup_when_nothing_to_migrate(review_path: Path) -> None:
    open_review(review_path).close()
    with open_review(review_path) as review:
        assert review.backup is None
    assert [p.name for p in review_path.parent.iterdir() if "backup" in p.name] == []


def test_review_named_by_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "named.curator.sqlite"
    monkeypatch.setenv("CURATOR_REVIEW", str(target))
    assert default_review_path() == target
    with open_review() as review:
        assert review.path == target and review.name == "named"


def test_default_review_lives_in_user_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CURATOR_REVIEW", raising=False)
    path = default_review_path()
    assert "Curator" in str(path) and path.name.endswith(".curator.sqlite")


def test_not_a_review_is_refused_clearly(tmp_path: Path) -> None:
    junk = tmp_path / "notes.curator.sqlite"
    junk.write_text("these are my notes, not a database")
    with pytest.raises(ReviewError, match="not a Curator review"):
        open_review(junk)
    assert junk.read_text() == "these are my notes, not a database"
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE x (a)")
    with pytest.raises(ReviewError, match="not a Curator review"):
        open_review(other)
    with pytest.raises(ReviewError, match="folder"):
        open_review(tmp_path)
    with pytest.raises(ReviewError, match="no review"):
        open_review(tmp_path / "missing.curator.sqlite", create=False)


def test_transaction_is_all_or_nothing(review_path: Path) -> None:
    with open_review(review_path) as review:
        with pytest.raises(IntegrityError), review.transaction() as session:
            session.add(Source(name="PubMed", kind="database"))
            session.flush()
            session.add(Record(source_id=9999, text="orphan"))  # foreign key fails
            session.flush()
        with review.session() as session:
            assert session.exec(select(Source)).all() == []


def test_audit_log_is_append_only(review_path: Path) -> None:
    with open_review(review_path) as review:
        with review.transaction() as session:
            session.add(AuditEntry(reviewer="ann", action="test"))
        with pytest.raises(Exception, match="append-only"), review.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE audit_log SET reviewer = 'bob'")
        with pytest.raises(Exception, match="append-only"), review.engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM audit_log")


def test_settings_round_trip(review_path: Path) -> None:
    with open_review(review_path) as review:
        assert get_setting(review, "keywords", {}) == {}
        set_setting(review, "keywords", {"include": ["anakinra"], "exclude": ["mice"]})
    with open_review(review_path) as review:
        assert get_setting(review, "keywords") == {"include": ["anakinra"], "exclude": ["mice"]}
