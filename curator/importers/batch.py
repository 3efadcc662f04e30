"""Importing files into a review: every file of a batch in one transaction, read and written as it streams.

A broken file or entry is reported (file, position, reason) and skipped; the
rest of the batch still imports. Killed or cancelled half-way, the review is
left as it was: nothing is committed until the last file is read and the
duplicates are linked.

Reading and writing overlap: the calling thread reads the files and builds
ready-made rows (fields serialised, hashes and dedup keys computed); one
writer thread, the only user of the session's connection until it is done,
inserts them a chunk per statement through a small bounded queue. SQLite lets
go of the GIL while it inserts and indexes, so its work runs beside the
reading. A failed write is raised on the calling thread and rolls the batch
back; progress calls and the commit stay on the calling thread.

The search index is kept by the table's triggers, except in a large batch:
there the insert trigger is dropped inside the transaction, the writer fills
the index after each chunk, and the trigger is re-created before the commit
(SQLite's DDL is transactional, so a killed import leaves the trigger as it
was). A statement per chunk indexes far faster than a trigger per row.
"""

from __future__ import annotations

import gc
import hashlib
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

import orjson
from sqlmodel import Session

from curator.duplicates import matching as dedup
from curator.fields import empty_fields
from curator.importers import Entry, Problem, expand_paths, read_path
from curator.store import stored_fields
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.models import SOURCE_KINDS, utcnow

Progress = Callable[[int, int, str], None]  # done, total, current file name

#: Records written per bulk insert (also how often a cancel is noticed inside a large file).
CHUNK = 2000
#: A write of at least this many records switches the batch to filling the search index in one statement.
BULK_INDEX = 1000
_INDEX_TRIGGER = "records_fts_insert"
#: SQLite's page cache during an import (negative: KiB). The default 2 MB makes every index insert
#: of a large batch spill pages to the log and read them back; 64 MB keeps the indexes' pages in memory.
CACHE_SIZE = -65536

#: Jobs (chunks, mostly) waiting for the writer thread at most: memory stays flat whatever the file's size.
QUEUED_JOBS = 4

_INSERT = (
    "INSERT INTO records (id, source_id, source_entry, text, content_hash, kind, profile, title, status, phase,"
    " year, extracted, curated, evidence, imported_at) VALUES "
)
_INSERT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)"
_INSERT_SOURCE = (
    "INSERT INTO sources (id, name, kind, file_name, imported_at, imported_by, record_count)"
    " VALUES (?, ?, ?, ?, ?, ?, 0)"
)
_FILL_INDEX = "INSERT INTO records_fts(rowid, title, text) SELECT id, title, text FROM records WHERE id BETWEEN ? AND ?"


class ImportCancelled(Exception):
    """The reviewer cancelled the import; nothing was written."""


@dataclass
class ImportSummary:
    """What an import did: records imported, duplicates found, what failed and why."""

    files: int = 0
    imported: int = 0
    duplicates: int = 0
    failed: list[Problem] = field(default_factory=list)
    record_ids: list[int] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed


def content_hash(text: str) -> str:
    """Hash of a document's text, whitespace-insensitive, to recognise the same document twice."""
    return hashlib.sha256(_single_spaced(text).encode("utf-8")).hexdigest()


# ASCII whitespace other than the space and the line break (what str.split() also splits on).
_OTHER_ASCII_SPACES = ("\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``: words separated by one space.

    A labelled page's only whitespace is mostly single spaces, line breaks and
    blank lines; replacing those is three times faster than splitting into words.
    """
    if text.isascii() and not any(space in text for space in _OTHER_ASCII_SPACES):
        spaced = text.replace("\n\n", "\n").replace("\n", " ").strip()
        if "  " not in spaced:
            return spaced
    return " ".join(text.split())


def _dumps(value: Any) -> str:
    """Compact JSON with non-ASCII characters as themselves (what the json module writes with
    ``ensure_ascii=False`` and no spaces), by orjson: five times faster for a record's fields."""
    return orjson.dumps(value).decode()


def _record_row(record_id: int, entry: Entry, source_id: int, stamp: str) -> tuple[tuple[Any, ...], dedup.Candidate]:
    fields = entry.fields or empty_fields()
    evidence = fields.get("evidence") or {}
    year = fields.get("year")
    if not isinstance(year, int):
        year = None
    text = entry.text
    digest = content_hash(text) if text and not text.isspace() else ""
    row = (record_id, source_id, entry.source, text, digest, fields.get("kind") or "unknown",
           fields.get("profile") or "unknown", fields.get("title") or "", fields.get("status"), fields.get("phase"),
           year, _dumps(stored_fields.pack(fields, text, evidence)), _dumps(evidence), stamp)
    return row, dedup.candidate(record_id, fields, digest)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a batch is read: it would walk every record kept for dedup.

    An import allocates millions of short-lived objects and keeps a candidate per
    record; the collector's passes over them cost about a tenth of the import.
    Reference counting still frees everything; cycles wait until the end.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _WriterThread:
    """The one thread that uses the transaction's connection while a batch is read; its jobs run in order.

    SQLite lets go of the GIL while it inserts, indexes and tokenises, so that
    work overlaps with the reading of the next chunk. The queue is bounded, so
    a fast reader waits rather than holding the whole file in memory.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._jobs: queue.Queue[tuple[Callable[..., None], tuple[Any, ...]] | None] = queue.Queue(QUEUED_JOBS)
        self._error: BaseException | None = None
        self._abandoned = False
        self._thread = threading.Thread(target=self._run, name="curator-import-writer")
        self._thread.start()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._error is None and not self._abandoned:
                try:
                    job[0](*job[1])
                except BaseException as error:  # handed to the reading thread, which rolls everything back
                    self._error = error

    def submit(self, function: Callable[..., None], *args: Any) -> None:
        """Run ``function(*args)`` on the writer thread after the jobs before it; raises a failed job's error."""
        if self._error is not None:
            raise self._error
        self._jobs.put((function, args))

    def finish(self) -> None:
        """Wait until every job has run; the connection is the caller's again. Raises a failed job's error."""
        self._jobs.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error

    def abandon(self) -> None:
        """Skip the jobs not yet run and wait for the thread (the transaction is about to be rolled back)."""
        if self._thread.is_alive():
            self._abandoned = True
            self._jobs.put(None)
            self._thread.join()


class _RecordTables:
    """The writes of a batch, run on the writer thread: sources, records in multi-row inserts, the index."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.cursor = connection.cursor()
        variables = connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        self.rows_per_statement = max(1, min(CHUNK, variables // _INSERT_VALUES.count("?")))
        self.statements: dict[int, str] = {}
        self.index_trigger: str | None = None  # the dropped trigger's SQL while the writer fills the index

    def insert_source(self, values: tuple[Any, ...]) -> None:
        self.cursor.execute(_INSERT_SOURCE, values)

    def count_source(self, source_id: int, count: int) -> None:
        self.cursor.execute("UPDATE sources SET record_count = ? WHERE id = ?", (count, source_id))

    def insert_records(self, rows: list[tuple[Any, ...]]) -> None:
        # One statement per chunk (as many rows as SQLite takes variables for): a few passes through the GIL
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


@dataclass
class _Source:
    id: int
    name: str
    kind: str
    file_name: str
    record_count: int = 0


class _Batch:
    """One batch read on the calling thread: rows, sources and dedup candidates built here, written by the writer.

    The transaction takes the write lock before anything is read, so the ids
    handed out here (the next after the largest) stay this batch's.
    """

    def __init__(self, session: Session, reviewer: str, source_name: str | None, source_kind: str | None) -> None:
        self.session = session
        self.reviewer = reviewer
        self.source_name = source_name
        self.source_kind = source_kind
        self.stamp = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
        connection: sqlite3.Connection = session.connection().connection.dbapi_connection  # type: ignore[assignment]
        self.connection = connection
        if not connection.in_transaction:
            connection.execute("BEGIN IMMEDIATE")
        self.next_id, self.next_source_id = connection.execute(
            "SELECT (SELECT coalesce(max(id), 0) + 1 FROM records), (SELECT coalesce(max(id), 0) + 1 FROM sources)"
        ).fetchone()
        self.tables = _RecordTables(connection)
        self.writer: _WriterThread | None = None
        self.sources: list[_Source] = []
        self.candidates: list[dedup.Candidate] = []
        self.record_ids: list[int] = []

    def _submit(self, function: Callable[..., None], *args: Any) -> None:
        if self.writer is None:
            self.writer = _WriterThread(self.connection)
        self.writer.submit(function, *args)

    def start_source(self, path: Path, first: Entry) -> _Source:
        source = _Source(self.next_source_id, self.source_name or first.source_name or path.name,
                         self.source_kind or first.source_kind or "other", path.name)
        self.next_source_id += 1
        self._submit(self.tables.insert_source,
                     (source.id, source.name, source.kind, source.file_name, self.stamp, self.reviewer))
        return source

    def write(self, source: _Source, entries: list[Entry]) -> None:
        rows = []
        candidates = self.candidates
        record_id = first = self.next_id
        for entry in entries:
            row, candidate = _record_row(record_id, entry, source.id, self.stamp)
            rows.append(row)
            candidates.append(candidate)
            record_id += 1
        self.record_ids.extend(range(first, record_id))
        self.next_id = record_id
        self._submit(self.tables.insert_records, rows)
        source.record_count += len(rows)

    def finish_source(self, source: _Source) -> None:
        self._submit(self.tables.count_source, source.id, source.record_count)
        self.sources.append(source)

    def finish(self) -> None:
        """Wait for the writer (index trigger restored); then the audit entries, on the caller's thread."""
        if self.writer is not None:
            self.writer.submit(self.tables.restore_index_trigger)
            self.writer.finish()
        for source in self.sources:
            log_change(self.session, self.reviewer, "import", field="source",
                       new={"source": source.name, "kind": source.kind, "file": source.file_name,
                            "records": source.record_count})

    def abandon(self) -> None:
        """Stop the writer without waiting for its jobs (the transaction is rolled back next)."""
        if self.writer is not None:
            self.writer.abandon()


def import_paths(
    review: Review,
    paths: Iterable[Path | str],
    *,
    reviewer: str,
    source_name: str | None = None,
    source_kind: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import files and folders into ``review``; one source per file, one transaction for the batch.

    ``progress(done, total, name)`` is called before each file and while saving;
    raises :class:`ImportCancelled` (nothing written) when ``cancelled()`` turns true.
    """
    if source_kind is not None and source_kind not in SOURCE_KINDS:
        raise ValueError(f"source kind must be one of {', '.join(SOURCE_KINDS)}, not {source_kind!r}")
    files, problems = expand_paths(Path(p) for p in paths)
    summary = ImportSummary(files=len(files), failed=list(problems))

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled("import cancelled; nothing was imported")

    with _without_cycle_collection(), review.transaction() as session:
        batch = _Batch(session, reviewer, source_name, source_kind)
        cursor = batch.connection.cursor()
        previous_cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
        try:
            _read_and_write(files, batch, summary, check, progress)
        except BaseException:
            batch.abandon()
            raise
        finally:  # the writer thread has finished either way: the connection is ours again
            cursor.execute(f"PRAGMA cache_size = {int(previous_cache)}")
        check()
        if progress is not None:
            progress(len(files), len(files), "finding duplicates")
        summary.duplicates = dedup.link_new_records(session, batch.candidates)
        summary.record_ids = batch.record_ids
        summary.imported = len(batch.record_ids)
        check()
    return summary


def _read_and_write(files: list[Path], batch: _Batch, summary: ImportSummary, check: Callable[[], None],
                    progress: Progress | None) -> None:
    """Every file's entries to the writer, in chunks; problems into the summary; then wait for the writer."""
    for done, path in enumerate(files):
        check()
        if progress is not None:
            progress(done, len(files), path.name)
        source: _Source | None = None
        pending: list[Entry] = []
        for item in read_path(path):
            if isinstance(item, Problem):
                summary.failed.append(item)
                continue
            if source is None:
                source = batch.start_source(path, item)
            pending.append(item)
            if len(pending) >= CHUNK:
                check()
                batch.write(source, pending)
                pending = []
        if source is not None:
            if pending:
                batch.write(source, pending)
            batch.finish_source(source)
            summary.sources.append(f"{source.name} ({source.kind})")
    check()
    if progress is not None:
        progress(len(files), len(files), "indexing for search")
    batch.finish()
