"""Importing files into a review: every file of a batch in one transaction, read and written as it streams.

A broken file or entry is reported (file, position, reason) and skipped; the
rest of the batch still imports. Killed or cancelled half-way, the review is
left as it was: nothing is committed until the last file is read and the
duplicates are linked.

Records go in with bulk inserts on the session's own connection (so they
share its transaction). The search index is kept by the table's triggers,
except in a large batch: there the insert trigger is dropped inside the
transaction, the index is filled in one statement before the commit and the
trigger re-created (SQLite's DDL is transactional, so a killed import leaves
the trigger as it was). One statement indexes far faster than a trigger per row.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session

from curator import dedup
from curator.audit import log_change
from curator.fields import empty_fields
from curator.importers import Entry, Problem, expand_paths, read_path
from curator.models import SOURCE_KINDS, Source, utcnow
from curator.store import Review

Progress = Callable[[int, int, str], None]  # done, total, current file name

#: Records written per bulk insert (also how often a cancel is noticed inside a large file).
CHUNK = 2000
#: A write of at least this many records switches the batch to filling the search index in one statement.
BULK_INDEX = 1000
_INDEX_TRIGGER = "records_fts_insert"
#: SQLite's page cache during an import (negative: KiB). The default 2 MB makes every index insert
#: of a large batch spill pages to the log and read them back; 64 MB keeps the indexes' pages in memory.
CACHE_SIZE = -65536

_INSERT = (
    "INSERT INTO records (id, source_id, source_entry, text, content_hash, kind, profile, title, status, phase,"
    " year, extracted, curated, evidence, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)"
)


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
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _record_row(record_id: int, entry: Entry, source_id: int, stamp: str) -> tuple[tuple[Any, ...], dedup.Candidate]:
    fields = dict(entry.fields) if entry.fields else empty_fields()
    evidence = fields.pop("evidence", None) or {}
    fields.pop("source", None)
    year = fields.get("year")
    if not isinstance(year, int):
        year = None
    text = entry.text
    digest = content_hash(text) if text and not text.isspace() else ""
    row = (record_id, source_id, entry.source, text, digest, fields.get("kind") or "unknown",
           fields.get("profile") or "unknown", fields.get("title") or "", fields.get("status"), fields.get("phase"),
           year, _dumps(fields), _dumps(evidence), stamp)
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


class _Writer:
    """Writes the entries of one batch: a source per file, records in chunks, candidates kept for dedup."""

    def __init__(self, session: Session, reviewer: str, source_name: str | None, source_kind: str | None) -> None:
        self.session = session
        self.reviewer = reviewer
        self.source_name = source_name
        self.source_kind = source_kind
        self.now = utcnow()
        self.stamp = self.now.strftime("%Y-%m-%d %H:%M:%S.%f")
        self.cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        self.next_id: int | None = None
        self.candidates: list[dedup.Candidate] = []
        self.record_ids: list[int] = []
        self.index_trigger: str | None = None  # the dropped trigger's SQL while the index waits for one fill
        self.index_from = 0

    def start_source(self, path: Path, first: Entry) -> Source:
        source = Source(
            name=self.source_name or first.source_name or path.name,
            kind=self.source_kind or first.source_kind or "other",
            file_name=path.name, imported_at=self.now, imported_by=self.reviewer, record_count=0,
        )
        self.session.add(source)
        self.session.flush()  # the write lock is held from here on, so the ids below stay ours
        if self.next_id is None:
            self.next_id = int(self.cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM records").fetchone()[0])
        return source

    def write(self, source: Source, entries: list[Entry]) -> None:
        assert source.id is not None and self.next_id is not None
        rows = []
        for entry in entries:
            row, candidate = _record_row(self.next_id, entry, source.id, self.stamp)
            rows.append(row)
            self.candidates.append(candidate)
            self.record_ids.append(self.next_id)
            self.next_id += 1
        if self.index_trigger is None and len(rows) >= BULK_INDEX:
            self._defer_index(rows[0][0])
        self.cursor.executemany(_INSERT, rows)
        source.record_count += len(rows)

    def _defer_index(self, first_id: int) -> None:
        found = self.cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                    (_INDEX_TRIGGER,)).fetchone()
        if found:
            self.cursor.execute(f"DROP TRIGGER {_INDEX_TRIGGER}")
            self.index_trigger, self.index_from = found[0], first_id

    def finish_index(self) -> None:
        """Index the records written since the trigger was dropped, and re-create it (same transaction)."""
        if self.index_trigger is None or self.next_id is None:
            return
        self.cursor.execute("INSERT INTO records_fts(rowid, title, text) SELECT id, title, text FROM records"
                            " WHERE id BETWEEN ? AND ?", (self.index_from, self.next_id - 1))
        self.cursor.execute(self.index_trigger)
        self.index_trigger = None

    def finish_source(self, source: Source, path: Path) -> None:
        self.session.add(source)
        log_change(self.session, self.reviewer, "import", field="source",
                   new={"source": source.name, "kind": source.kind, "file": path.name,
                        "records": source.record_count})


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
        writer = _Writer(session, reviewer, source_name, source_kind)
        previous_cache = writer.cursor.execute("PRAGMA cache_size").fetchone()[0]
        writer.cursor.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
        try:
            _read_and_write(files, writer, summary, check, progress)
        finally:
            writer.cursor.execute(f"PRAGMA cache_size = {int(previous_cache)}")
        check()
        if progress is not None:
            progress(len(files), len(files), "finding duplicates")
        summary.duplicates = dedup.link_new_records(session, writer.candidates)
        summary.record_ids = writer.record_ids
        summary.imported = len(writer.record_ids)
        check()
    return summary


def _read_and_write(files: list[Path], writer: _Writer, summary: ImportSummary, check: Callable[[], None],
                    progress: Progress | None) -> None:
    """Every file's entries into the open transaction, in chunks; problems into the summary; then the index."""
    for done, path in enumerate(files):
        check()
        if progress is not None:
            progress(done, len(files), path.name)
        source: Source | None = None
        pending: list[Entry] = []
        for item in read_path(path):
            if isinstance(item, Problem):
                summary.failed.append(item)
                continue
            if source is None:
                source = writer.start_source(path, item)
            pending.append(item)
            if len(pending) >= CHUNK:
                check()
                writer.write(source, pending)
                pending = []
        if source is not None:
            if pending:
                writer.write(source, pending)
            writer.finish_source(source, path)
            summary.sources.append(f"{source.name} ({source.kind})")
    check()
    if progress is not None:
        progress(len(files), len(files), "indexing for search")
    writer.finish_index()
