"""Importing files into a review: the files read first, with no lock; then written in one short transaction.

A broken file or entry is reported (file, position, reason) and skipped; the
rest of the batch still imports. Killed or cancelled half-way, the review is
left as it was: nothing is committed until every record is written and the
duplicates are linked.

SQLite lets one writer at a time into a review, so a reviewer's decision waits
while an import writes. The import therefore holds the write lock only for the
writing. Reading (decoding, parsing, extracting, serialising the rows, the
dedup keys) is most of an import's time and runs first, with no lock: the
ready-made rows go a chunk at a time to a spool, a temporary file of
``marshal``-ed lists that the system deletes when the import ends or dies, so
memory stays flat whatever the file's size (a large file's shares stay in the
files their workers spooled them to). Then one transaction takes the lock,
inserts the rows a chunk per statement, fills the search index, links the
duplicates (matched meanwhile on a thread of their own when a core is free:
SQLite works without Python's lock) and commits. The review never holds
anything of an unfinished import, so there is nothing to clean up after a
kill. The rows are numbered from the review's next ids when the reading
starts; when another writer added records or sources meanwhile, they are
renumbered as they are written.

A large file in a format that can be read in shares (RIS) is read by a
process per free core (:mod:`curator.importers._shares`): the same rows, ids
and problems, in the file's order, the reading's time divided among the cores.

(Writing each chunk in a transaction of its own would let go of the lock more
often, but then every reader would have to skip the rows of an import not yet
finished, and a killed import would leave rows to clean up.)

The search index is kept by the table's triggers, except in a large batch:
there the insert trigger is dropped inside the transaction, the index is
filled after each chunk, and the trigger is re-created before the commit
(SQLite's DDL is transactional, so a killed import leaves the trigger as it
was). A statement per chunk indexes far faster than a trigger per row.

On a server (PostgreSQL) the rows go in by COPY (see :mod:`curator.store.dialects`) and the
search column fills itself; other imports wait, reviewers' decisions do not.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlmodel import Session

from curator.duplicates import matching as dedup
from curator.importers import Entry, Problem, expand_paths, read_path
from curator.importers._record_tables import RecordTables as _RecordTables
from curator.importers._rows import content_hash as content_hash  # where other modules have found it
from curator.importers._rows import record_row as _record_row
from curator.importers._shares import (
    Run,
    free_cores,
    read_in_shares,
    remove_stale_spools,
    share_count,
    spool_folder,
)
from curator.importers._spool import Spool as _Spool
from curator.importers._spool import without_cycle_collection as _without_cycle_collection
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.dialects import POSTGRESQL, advance_ids, copy_rows, dialect_of, hold_tables
from curator.store.models import SOURCE_KINDS, utcnow

Progress = Callable[[int, int, str], None]  # done, total, current file name

#: Records written per bulk insert (also how often a cancel is noticed inside a large file).
CHUNK = 2000
#: SQLite's page cache during an import (negative: KiB). The default 2 MB makes every index insert
#: of a large batch spill pages to the log and read them back; 64 MB keeps the indexes' pages in memory.
CACHE_SIZE = -65536

_RECORD_COLUMNS = ("id", "source_id", "source_entry", "text", "content_hash", "kind", "profile", "title", "status",
                   "phase", "year", "extracted", "curated", "evidence", "imported_at")
_SOURCE_COLUMNS = ("id", "name", "kind", "file_name", "imported_at", "imported_by", "record_count")
_NEXT_IDS = "SELECT (SELECT coalesce(max(id), 0) + 1 FROM records), (SELECT coalesce(max(id), 0) + 1 FROM sources)"


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

    @property
    def headline(self) -> str:
        """What happened in one sentence: "Imported 1 record from 2 files; 1 file could not be read"."""
        unread_files = len({p.file for p in self.failed if p.position is None})
        unread_entries = len(self.failed) - sum(1 for p in self.failed if p.position is None)
        text = f"Imported {_count(self.imported, 'record')} from {_count(self.files, 'file')}"
        if unread_files:
            text += f"; {_count(unread_files, 'file')} could not be read"
        if unread_entries:
            text += f"; {_count(unread_entries, 'entry', 'entries')} could not be read"
        return text


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


@dataclass
class _Source:
    id: int
    name: str
    kind: str
    file_name: str
    record_count: int = 0


class _Batch:
    """One batch as it is read: rows spooled, sources and dedup candidates kept, ids counted from ``first_ids``."""

    def __init__(self, reviewer: str, source_name: str | None, source_kind: str | None,
                 first_ids: tuple[int, int]) -> None:
        self.reviewer = reviewer
        self.source_name = source_name
        self.source_kind = source_kind
        self.stamp = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
        self.first_id, self.first_source_id = first_ids
        self.next_id, self.next_source_id = first_ids
        self.spool = _Spool()
        self.folders: list[tempfile.TemporaryDirectory[str]] = []  # the shares' spools, kept until the end
        self.sources: list[_Source] = []
        self.candidates: list[dedup.Candidate] = []
        self.shifts = (0, 0)  # how far :meth:`number` moved the ids (records, sources)

    def start_source(self, path: Path, first: Entry) -> _Source:
        return self.open_source(path, first.source_name, first.source_kind)

    def open_source(self, path: Path, name: str | None, kind: str | None) -> _Source:
        """The file's source, named after its first entry's (unless the import names it)."""
        source = _Source(self.next_source_id, self.source_name or name or path.name,
                         self.source_kind or kind or "other", path.name)
        self.next_source_id += 1
        return source

    def add(self, source: _Source, entries: list[Entry]) -> None:
        rows = []
        candidates = self.candidates
        record_id = self.next_id
        for entry in entries:
            row, candidate = _record_row(record_id, entry, source.id, self.stamp)
            rows.append(row)
            candidates.append(candidate)
            record_id += 1
        self.next_id = record_id
        self.spool.add(rows)
        source.record_count += len(rows)

    def add_spooled(self, source: _Source, spooled: IO[bytes], run: Run) -> None:
        """A run's rows (spooled in ``spooled``) and duplicate keys, made elsewhere (a share of the file),
        numbered from ``next_id``."""
        self.candidates.extend(run.candidates)
        self.next_id += run.rows
        self.spool.add_spooled(spooled, run.start, run.size)
        source.record_count += run.rows

    def share_folder(self) -> tempfile.TemporaryDirectory[str]:
        """A folder for the shares of a large file to spool their rows in, kept until the import ends."""
        self.folders.append(spool_folder())
        return self.folders[-1]

    def close(self) -> None:
        """Delete the spools (the files first: an open file cannot be deleted everywhere)."""
        self.spool.close()
        for folder in self.folders:
            folder.cleanup()

    def finish_source(self, source: _Source) -> None:
        self.sources.append(source)

    @property
    def record_ids(self) -> list[int]:
        return list(range(self.first_id, self.next_id))

    def renumber(self, first_ids: tuple[int, int]) -> tuple[int, int]:
        """Number the batch from ``first_ids`` (another writer added records meanwhile); the shift of each id."""
        shift, source_shift = first_ids[0] - self.first_id, first_ids[1] - self.first_source_id
        if shift:
            self.candidates = [dataclasses.replace(c, id=c.id + shift) for c in self.candidates]
        for source in self.sources:
            source.id += source_shift
        self.first_id, self.first_source_id = first_ids
        self.next_id += shift
        self.next_source_id += source_shift
        return shift, source_shift

    def number(self, session: Session) -> None:
        """Number the batch from the review's next ids, in ``session``, which holds the write lock: the ids
        are this batch's until it commits (a server's tables are held for it first)."""
        connection = session.connection().connection.dbapi_connection
        if dialect_of(session) == POSTGRESQL:
            hold_tables(connection, ("sources", "records"))
        self.shifts = self.renumber(tuple(connection.execute(_NEXT_IDS).fetchone()))  # type: ignore[union-attr]

    def save(self, session: Session, check: Callable[[], None]) -> None:
        """Write the sources, the spooled records and the search index, and log the import, in ``session``,
        once :meth:`number` has numbered the batch."""
        connection: sqlite3.Connection = session.connection().connection.dbapi_connection  # type: ignore[assignment]
        if dialect_of(session) == POSTGRESQL:
            self._save_on_server(connection, check)
        else:
            self._save_in_file(connection, check)
        for source in self.sources:
            log_change(session, self.reviewer, "import", field="source",
                       new={"source": source.name, "kind": source.kind, "file": source.file_name,
                            "records": source.record_count})

    def _source_rows(self) -> list[tuple[Any, ...]]:
        return [(source.id, source.name, source.kind, source.file_name, self.stamp, self.reviewer,
                 source.record_count) for source in self.sources]

    def _save_on_server(self, connection: Any, check: Callable[[], None]) -> None:
        """The server's way: no other import in between (:meth:`number` held the tables), COPY, then the id
        sequences moved past the rows.

        The search index needs nothing: PostgreSQL computes each record's search column as it is written.
        """
        shift, source_shift = self.shifts
        copy_rows(connection, "sources", _SOURCE_COLUMNS, self._source_rows())
        for rows in self.spool.chunks():
            check()
            copy_rows(connection, "records", _RECORD_COLUMNS,
                           ((row[0] + shift, row[1] + source_shift, *row[2:12], "{}", *row[12:]) for row in rows))
        advance_ids(connection, ("sources", "records"))

    def _save_in_file(self, connection: sqlite3.Connection, check: Callable[[], None]) -> None:
        shift, source_shift = self.shifts
        tables = _RecordTables(connection, CHUNK)
        previous_cache = connection.execute("PRAGMA cache_size").fetchone()[0]
        connection.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
        try:
            for values in self._source_rows():
                tables.insert_source(values)
            for rows in self.spool.chunks():
                check()
                if shift or source_shift:
                    rows = [(row[0] + shift, row[1] + source_shift, *row[2:]) for row in rows]
                tables.insert_records(rows)
            tables.restore_index_trigger()
        finally:
            connection.execute(f"PRAGMA cache_size = {int(previous_cache)}")


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
    raises :class:`ImportCancelled` (nothing written) when ``cancelled()`` turns true,
    and :class:`~curator.store.database.ReviewReadOnly` before reading anything when
    the review cannot be written.
    """
    if source_kind is not None and source_kind not in SOURCE_KINDS:
        raise ValueError(f"source kind must be one of {', '.join(SOURCE_KINDS)}, not {source_kind!r}")
    review.check_writable()
    files, problems = expand_paths(Path(p) for p in paths)
    summary = ImportSummary(files=len(files), failed=list(problems))
    remove_stale_spools(Path(tempfile.gettempdir()))  # an import killed while it wrote left its shares' rows

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled("import cancelled; nothing was imported")

    with review.session() as session:
        next_record, next_source = session.connection().exec_driver_sql(_NEXT_IDS).one()
    batch = _Batch(reviewer, source_name, source_kind, (int(next_record), int(next_source)))
    try:
        with _without_cycle_collection():
            _read(files, batch, summary, check, progress)
            check()
            if progress is not None:
                progress(len(files), len(files), "saving")
            with review.transaction() as session:  # the write lock, from here to the commit
                batch.number(session)

                def write() -> None:
                    batch.save(session, check)
                    check()
                    if progress is not None:
                        progress(len(files), len(files), "finding duplicates")

                if free_cores() > 1:  # matched on a thread of their own while the rows are written
                    summary.duplicates = dedup.link_new_records(session, batch.candidates, write)
                else:  # a busy machine: after the writing (a thread would only wait for Python's lock)
                    write()
                    summary.duplicates = dedup.link_new_records(session, batch.candidates)
                check()
    finally:
        batch.close()
    summary.record_ids = batch.record_ids
    summary.imported = len(summary.record_ids)
    summary.sources = [f"{source.name} ({source.kind})" for source in batch.sources]
    return summary


def _read(files: list[Path], batch: _Batch, summary: ImportSummary, check: Callable[[], None],
          progress: Progress | None) -> None:
    """Every file's entries into the batch, in chunks; problems into the summary. Nothing is written yet."""
    for done, path in enumerate(files):
        check()
        if progress is not None:
            progress(done, len(files), path.name)
        parts = share_count(path)
        if parts > 1 and _read_in_shares(path, parts, batch, summary, check):
            continue
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
                batch.add(source, pending)
                pending = []
        if source is not None:
            if pending:
                batch.add(source, pending)
            batch.finish_source(source)


def _read_in_shares(path: Path, parts: int, batch: _Batch, summary: ImportSummary, check: Callable[[], None]) -> bool:
    """A large file read by ``parts`` processes (see :mod:`curator.importers._shares`) into the batch, in the
    file's order; False (nothing added) when the processes could not read it, so it is read here alone."""
    folder = batch.share_folder()
    shares = read_in_shares(path, parts, CHUNK, (batch.next_id, batch.next_source_id), batch.stamp, folder.name,
                            check)
    if shares is None:
        folder.cleanup()
        return False
    firsts = [share.first for share in shares if share.first is not None]
    source = batch.open_source(path, *min(firsts)[1:]) if firsts else None
    spooled = [batch.spool.open_spooled(share.spool_name) for share in shares]
    runs = [iter(share.runs) for share in shares]
    for _index, part in sorted((run.index, part) for part, share in enumerate(shares) for run in share.runs):
        run = next(runs[part])
        summary.failed.extend(run.problems)
        if source is not None and run.rows:
            batch.add_spooled(source, spooled[part], run)
    if source is not None:
        batch.finish_source(source)
    return True
