"""An import's writes on a review file's connection, inside the batch's transaction: its sources, its records
in multi-row inserts, and the search index filled a chunk at a time (see :mod:`curator.importers.batch`)."""

from __future__ import annotations

import sqlite3
from itertools import chain
from typing import Any

#: A write of at least this many records switches the batch to filling the search index in one statement.
BULK_INDEX = 1000
_INDEX_TRIGGER = "records_fts_insert"

_INSERT = (
    "INSERT INTO records (id, source_id, source_entry, text, content_hash, kind, profile, title, status, phase,"
    " year, extracted, curated, evidence, imported_at) VALUES "
)
_INSERT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)"
_INSERT_SOURCE = (
    "INSERT INTO sources (id, name, kind, file_name, imported_at, imported_by, record_count)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_FILL_INDEX = "INSERT INTO records_fts(rowid, title, text) SELECT id, title, text FROM records WHERE id BETWEEN ? AND ?"


class RecordTables:
    """The writes of a batch on the transaction's connection: sources, records in multi-row inserts, the index."""

    def __init__(self, connection: sqlite3.Connection, chunk: int) -> None:
        self.cursor = connection.cursor()
        variables = connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        self.rows_per_statement = max(1, min(chunk, variables // _INSERT_VALUES.count("?")))
        self.statements: dict[int, str] = {}
        self.index_trigger: str | None = None  # the dropped trigger's SQL while the index is filled per chunk

    def insert_source(self, values: tuple[Any, ...]) -> None:
        self.cursor.execute(_INSERT_SOURCE, values)

    def insert_records(self, rows: list[tuple[Any, ...]]) -> None:
        # One statement per chunk (as many rows as SQLite takes variables for): a few calls into SQLite
        # per chunk, not a few per row.
        if self.index_trigger is None and len(rows) >= BULK_INDEX:
            self._defer_index()
        size = self.rows_per_statement
        for start in range(0, len(rows), size):
            part = rows[start:start + size]
            statement = self.statements.get(len(part))
            if statement is None:
                statement = self.statements[len(part)] = _INSERT + ", ".join([_INSERT_VALUES] * len(part))
            self.cursor.execute(statement, list(chain.from_iterable(part)))
        if self.index_trigger is not None:
            self.cursor.execute(_FILL_INDEX, (rows[0][0], rows[-1][0]))

    def _defer_index(self) -> None:
        found = self.cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                    (_INDEX_TRIGGER,)).fetchone()
        if found:
            self.cursor.execute(f"DROP TRIGGER {_INDEX_TRIGGER}")
            self.index_trigger = found[0]

    def restore_index_trigger(self) -> None:
        if self.index_trigger is not None:
            self.cursor.execute(self.index_trigger)
            self.index_trigger = None
