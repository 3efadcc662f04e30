"""Where SQLite and PostgreSQL part: the few pieces of SQL a review writes differently on each.

The rest of the core writes SQL that both read alike (``retracted = false``, ``confirmed IS NOT
false``, ``coalesce``, ``count(DISTINCT ...)``). What differs is asked for here by the dialect's
name, ``"sqlite"`` or ``"postgresql"``, taken from an engine, a connection or a session:

- the search index: an FTS5 table on SQLite, a ``tsvector`` column with a GIN index on PostgreSQL
  (both match every word, the last one as a prefix, without stemming, accents folded);
- reading inside the JSON columns (``json_extract`` / ``->``), and a JSON array as rows;
- sorting text without regard to case, with empty values first, as SQLite does;
- keeping a subquery whole (an optimisation fence), so a value it computes once per row is not computed
  again wherever the outer query names it;
- inserting rows that may already be there (``INSERT OR IGNORE`` / ``ON CONFLICT DO NOTHING``);
- writing many rows at once into a server (an import's records, a review pushed from a file):
  PostgreSQL takes rows fastest through ``COPY``. Rows written with their own ids leave the id
  sequences behind, so :func:`advance_ids` moves each past the largest id; while such a batch is
  written, :func:`hold_tables` keeps other writers from adding rows to its tables (readers and
  decisions go on). These take the driver's own (psycopg) connection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


def dialect_of(bind: Any) -> str:
    """``"sqlite"`` or ``"postgresql"``: the dialect of an engine, a connection or a session."""
    if hasattr(bind, "get_bind"):
        bind = bind.get_bind()
    return str(bind.dialect.name)


def search_words(search: str) -> list[str]:
    """The words of a search as the index knows them (letters and digits)."""
    return re.findall(r"\w+", search, flags=re.UNICODE)


def search_query(dialect: str, search: str) -> str:
    """The index's query for ``search``: every word must occur, the last one also as the start of a word.

    Empty when ``search`` has no word. A one-letter last word is matched as a word, not a prefix
    (a one-letter prefix matches nearly every record and costs the most).
    """
    words = search_words(search)
    if not words:
        return ""
    prefix = len(words[-1]) > 1
    if dialect == POSTGRESQL:
        quoted = ["'" + w.replace("'", "") + "'" for w in words]
        if prefix:
            quoted[-1] += ":*"
        return " & ".join(quoted)
    quoted = [f'"{w}"' for w in words]
    if prefix:
        quoted[-1] += "*"
    return " AND ".join(quoted)


def search_ids_sql(dialect: str, *, ordered: str | None = None, driver: bool = False) -> str:
    """SQL selecting the ids of the records matching the query in ``:fts`` (in id order ``ordered``: ASC / DESC).

    With ``driver``, the query is written for the driver's own cursor (psycopg marks it ``%(fts)s``).
    """
    if dialect == POSTGRESQL:
        mark = "%(fts)s" if driver else ":fts"
        sql = f"SELECT id FROM records WHERE search_vector @@ to_tsquery('simple', curator_fold({mark}))"
        return sql + (f" ORDER BY id {ordered}" if ordered else "")
    sql = "SELECT rowid FROM records_fts WHERE records_fts MATCH :fts"
    return sql + (f" ORDER BY rowid {ordered}" if ordered else "")


def search_plan(dialect: str) -> list[str]:
    """Statements to run (in the same transaction) before a search alone, so the server reads the index.

    PostgreSQL does not count the cost of unpacking each record's search column when it weighs reading
    the whole table against the index; for a word found in most records it reads the table, three times
    slower (100,000 records: 230 ms against 70 ms, measured). Without the table scan it uses the index.
    """
    return ["SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off"] if dialect == POSTGRESQL else []


def json_value(dialect: str, column: str, *path: str | int, as_text: bool = False) -> str:
    """SQL reading ``column``'s JSON at ``path`` (keys and list positions).

    On PostgreSQL the value comes back as JSON (a list, a dict) unless ``as_text``; on SQLite a
    list or dict comes back as JSON text and a string as itself.
    """
    if dialect == POSTGRESQL:
        steps = [str(p) if isinstance(p, int) else "'" + p + "'" for p in path]
        arrows = ["->"] * (len(steps) - 1) + ["->>" if as_text else "->"]
        return column + "".join(f" {a} {s}" for a, s in zip(arrows, steps, strict=True))
    where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    return f"json_extract({column}, '{where}')"


def json_items(dialect: str, array_sql: str, alias: str) -> str:
    """A FROM item giving each element of a JSON array as ``alias.value`` (text on PostgreSQL)."""
    if dialect == POSTGRESQL:
        array = f"(CASE WHEN json_typeof({array_sql}) = 'array' THEN {array_sql} END)"
        return f"LATERAL json_array_elements_text({array}) AS {alias}(value)"
    return f"json_each({array_sql}) {alias}"


def contains_text(dialect: str, column: str, literal: str) -> str:
    """SQL true when the text of ``column`` (JSON or text) holds ``literal`` (no quote in it)."""
    if dialect == POSTGRESQL:
        return f"strpos({column}::text, '{literal}') > 0"
    return f"instr({column}, '{literal}') > 0"


def sort_key(dialect: str, column: str, *, ignore_case: bool = False) -> str:
    """SQL to sort by ``column`` as SQLite does: ignoring case when asked (ASCII letters)."""
    if not ignore_case:
        return column
    return f"lower({column})" if dialect == POSTGRESQL else f"{column} COLLATE NOCASE"


def empty_first(dialect: str, descending: bool) -> str:
    """What to add after a sort direction so empty (NULL) values sort as SQLite sorts them."""
    if dialect != POSTGRESQL:
        return ""
    return " NULLS LAST" if descending else " NULLS FIRST"


def computed_once(dialect: str) -> str:
    """Words that end a subquery so the database computes its rows once, as written, instead of merging it
    into the outer query (where each use of a computed column would compute it again)."""
    return " LIMIT -1 OFFSET 0" if dialect == SQLITE else " OFFSET 0"


def insert_ignoring_repeats(connection: Any, dialect: str, table: str, columns: Sequence[str],
                            rows: Iterable[Sequence[Any]]) -> None:
    """Insert ``rows`` with the driver's own cursor; a row that breaks a unique constraint is left out."""
    names = ", ".join(columns)
    if dialect == POSTGRESQL:
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING"
    else:
        marks = ", ".join(["?"] * len(columns))
        sql = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})"
    cursor = connection.cursor()
    try:
        cursor.executemany(sql, list(rows))
    finally:
        cursor.close()


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


def advance_ids(connection: Any, tables: Iterable[str]) -> None:
    """Move each table's id sequence past its largest id, so the next row numbered by the server fits."""
    for table in tables:
        connection.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false)"
            f" FROM {_quoted(table)}")
