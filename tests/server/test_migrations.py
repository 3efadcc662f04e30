"""Every migration runs up and down on both kinds of review: an SQLite file and a PostgreSQL database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from curator.store.database import make_engine
from curator.store.schema import current_revision, downgrade, migrate, revisions
from curator.store.server import make_server_engine
from tests.server.conftest import ServerReview


def _up_and_down(engine: Engine) -> None:
    known = revisions()
    tables_at: dict[str, set[str]] = {}
    for revision in known:
        migrate(engine, revision)
        assert current_revision(engine) == revision
        tables_at[revision] = set(inspect(engine).get_table_names())
    for previous, revision in zip(reversed(known[:-1]), reversed(known[1:]), strict=True):
        downgrade(engine, previous)
        assert current_revision(engine) == previous, f"down from {revision}"
        assert set(inspect(engine).get_table_names()) == tables_at[previous]
    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate(engine)
    assert current_revision(engine) == known[-1]


def test_every_migration_up_and_down_in_a_file(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.curator.sqlite")
    try:
        _up_and_down(engine)
    finally:
        engine.dispose()


def test_every_migration_up_and_down_on_a_server(server: ServerReview) -> None:
    engine = make_server_engine(server.url())
    try:
        _up_and_down(engine)
        columns = {c["name"] for c in inspect(engine).get_columns("records")}
        assert "search_vector" in columns  # the server's search index, where SQLite has records_fts
    finally:
        engine.dispose()


@pytest.mark.parametrize("kind", ["file", "server"])
def test_the_audit_log_refuses_changes_on_both(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    from sqlalchemy.exc import DBAPIError

    from curator.store.errors import ReviewError

    if kind == "file":
        engine = make_engine(tmp_path / "a.curator.sqlite")
    else:
        engine = make_server_engine(request.getfixturevalue("server").url())
    try:
        migrate(engine)
        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO audit_log (at, reviewer, action) VALUES"
                                       " ('2026-01-01 00:00:00', 'ann', 'decide')")
        for change in ("UPDATE audit_log SET reviewer = 'bob'", "DELETE FROM audit_log"):
            with pytest.raises((DBAPIError, ReviewError), match="append-only"), engine.begin() as connection:
                connection.exec_driver_sql(change)
    finally:
        engine.dispose()
