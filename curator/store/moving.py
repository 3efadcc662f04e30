"""Moving a review between a file and a server: ``push`` a review file into an empty server database,
``pull`` a server review into a new file (a snapshot to archive or to read offline).

Everything moves: sources, records with their text, extracted and curated fields,
decisions (undone ones too), exclusion reasons, tags, notes, duplicate links, the
audit log and the settings, with their ids, so the copy's PRISMA counts are the
original's (:func:`copy_review` copies either kind into a file). Each move is one transaction on the side written: interrupted, it leaves
nothing behind. The server fills its own search column; the file's search index is
kept by its triggers, and so is each side's table of where records stand at each stage
(``stage_verdicts``, kept by triggers on the decisions as they are copied).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Table, delete, func, select
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from curator.store.blind_rights import sees_everything
from curator.store.database import Review, ReviewError, open_review
from curator.store.dialects import advance_ids, copy_rows
from curator.store.server import is_server_location

#: Rows read and written at a time.
BATCH = 2000
#: Told after each batch: the table and the rows moved so far in it.
Progress = Callable[[str, int], None]


#: Tables the database keeps itself from others (by triggers): filled on the side written as the rows move.
DERIVED = ("stage_verdicts",)


def _tables() -> list[Table]:
    """Every table of a review, each after the tables it refers to."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name not in ("alembic_version", *DERIVED)]


def _batches(connection: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    key = list(table.primary_key.columns)
    result = connection.execution_options(yield_per=BATCH).execute(select(table).order_by(*key))
    for part in result.partitions(BATCH):
        yield [dict(row._mapping) for row in part]


#: Tables a new review already fills (its default exclusion reasons, when it was made): replaced by the copy's.
SEEDED = ("exclusion_reasons", "settings")


def _is_empty(review: Review) -> bool:
    with review.engine.connect() as connection:
        return not any(connection.execute(select(func.count()).select_from(table)).scalar_one()
                       for table in _tables() if table.name not in SEEDED)


def _clear_seeded(connection: Connection) -> None:
    for table in _tables():
        if table.name in SEEDED:
            connection.execute(delete(table))


def push(file: Path | str, location: str, *, progress: Progress | None = None) -> dict[str, int]:
    """Copy the review file ``file`` into the empty server review at ``location``; rows copied per table.

    The server review is created when the database is empty (as by ``curator server init``).
    Raises :class:`ReviewError` when the file is not a review or the server review is not empty.
    """
    if not is_server_location(location):
        raise ReviewError(f"{location} is not a server address; write postgresql://NAME@HOST:PORT/DATABASE")
    if not Path(file).is_file():
        raise ReviewError(f"no review at {file}")
    with open_review(file, create=False) as source, open_review(location) as target:
        if not _is_empty(target):
            raise ReviewError(f"the review on {target.location} already has records or decisions; push only into"
                              " an empty one")
        copied: dict[str, int] = {}
        with source.engine.connect() as reading, target.engine.begin() as writing:
            raw = writing.connection.dbapi_connection
            _clear_seeded(writing)
            for table in _tables():
                columns = [c.name for c in table.columns]
                as_json = {c.name for c in table.columns if isinstance(c.type, JSON)}
                copied[table.name] = 0
                for rows in _batches(reading, table):
                    copied[table.name] += copy_rows(raw, table.name, columns, (
                        [json.dumps(row[c]) if c in as_json and row[c] is not None else row[c] for c in columns]
                        for row in rows))
                    if progress is not None:
                        progress(table.name, copied[table.name])
            advance_ids(raw, [t.name for t in _tables() if [c.name for c in t.primary_key.columns] == ["id"]])
    return copied


def _copy_into(reading: Any, session: Any, copied: dict[str, int], progress: Progress | None) -> None:
    writing = session.connection()
    _clear_seeded(writing)
    for table in _tables():
        copied[table.name] = 0
        for rows in _batches(reading, table):
            writing.execute(table.insert(), rows)
            copied[table.name] += len(rows)
            if progress is not None:
                progress(table.name, copied[table.name])


def pull(location: str, file: Path | str, *, progress: Progress | None = None) -> dict[str, int]:
    """Copy the server review at ``location`` into a new review file ``file``; rows copied per table.

    Raises :class:`ReviewError` when ``file`` already exists (a pull never overwrites a review), and when the
    login is not a lead: the server keeps the others' blind work from it, so its copy would not be whole.
    """
    target_path = Path(file).expanduser()
    if target_path.exists():
        raise ReviewError(f"{target_path} already exists; pull into a new file")
    if not is_server_location(location):
        raise ReviewError(f"{location} is not a server address; write postgresql://NAME@HOST:PORT/DATABASE")
    copied: dict[str, int] = {}
    try:
        with open_review(location, create=False) as source, source.engine.connect() as reading:
            if not sees_everything(reading):
                login = source.engine.url.username
                raise ReviewError(f"the server keeps other reviewers' blind work (verdicts, notes, tags, appraisals)"
                                  f" from {login}, so a copy pulled as {login} would not be the whole review;"
                                  " a lead pulls it")
            with open_review(target_path) as target, target.transaction() as session:
                _copy_into(reading, session, copied, progress)
    except BaseException:
        target_path.unlink(missing_ok=True)
        for leftover in (Path(f"{target_path}-wal"), Path(f"{target_path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return copied


def copy_review(review: Review, target: Path) -> Path:
    """Write a consistent copy of the review to the new file ``target`` (Save a copy / backups).

    A file is copied by SQLite's online backup (what the write-ahead log holds too); a server review is pulled.
    """
    if review.server:
        pull(review.engine.url.render_as_string(hide_password=False), target)
        return target
    with review.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        copy = sqlite3.connect(target)
        try:
            raw.backup(copy)  # type: ignore[attr-defined]
        finally:
            copy.close()
    return target

