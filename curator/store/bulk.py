"""Writing many rows at once into a server review: an import's records, a review pushed from a file.

PostgreSQL takes rows fastest through ``COPY``. Rows written with their own ids (an import
numbers its records before it writes them; a pushed review keeps its ids) leave the id
sequences behind, so :func:`advance_ids` moves each sequence past the largest id. While such
a batch is written, :func:`hold_tables` keeps other writers from adding rows to its tables
(readers and decisions go on). These functions take the driver's own (psycopg) connection.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

#: Tables whose ``id`` is numbered by a sequence (a push moves every table's whose key is ``id``).
NUMBERED_TABLES = ("sources", "records", "decisions", "exclusion_reasons", "tags", "notes", "duplicate_links",
                   "audit_log")


def _quoted(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a table or column name: {name!r}")
    return f'"{name}"'


def hold_tables(connection: Any, tables: Sequence[str]) -> None:
    """Keep other transactions from writing ``tables`` until this one ends (reading goes on)."""
    connection.execute(f"LOCK TABLE {', '.join(map(_quoted, tables))} IN SHARE ROW EXCLUSIVE MODE")


def _clean(value: Any) -> Any:
    # PostgreSQL's text holds no NUL character (SQLite's does); a document never needs one.
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "")
    return value


def copy_rows(connection: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write ``rows`` (values in ``columns`` order; JSON as text) into ``table`` with COPY; how many."""
    count = 0
    names = ", ".join(map(_quoted, columns))
    with connection.cursor() as cursor, cursor.copy(f"COPY {_quoted(table)} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([_clean(value) for value in row])
            count += 1
    return count


def advance_ids(connection: Any, tables: Iterable[str] = NUMBERED_TABLES) -> None:
    """Move each table's id sequence past its largest id, so the next row numbered by the server fits."""
    for table in tables:
        connection.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false)"
            f" FROM {_quoted(table)}")
