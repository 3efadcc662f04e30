"""Importing files into a review: read every file, then write the whole batch in one transaction.

A broken file or entry is reported (file, position, reason) and skipped; the
rest of the batch still imports. Killed or cancelled half-way, the review is
left as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from curator import dedup
from curator.audit import log_change
from curator.fields import empty_fields
from curator.importers import Entry, Problem, expand_paths, read_path
from curator.models import SOURCE_KINDS, Record, Source, utcnow
from curator.store import Review

Progress = Callable[[int, int, str], None]  # done, total, current file name


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


def _record_row(entry: Entry, source_id: int, now: Any) -> dict[str, Any]:
    fields = dict(entry.fields) if entry.fields else empty_fields()
    evidence = fields.pop("evidence", None) or {}
    fields.pop("source", None)
    return {
        "source_id": source_id,
        "source_entry": entry.source,
        "text": entry.text,
        "content_hash": content_hash(entry.text) if entry.text.strip() else "",
        "kind": fields.get("kind") or "unknown",
        "profile": fields.get("profile") or "unknown",
        "title": fields.get("title") or "",
        "status": fields.get("status"),
        "phase": fields.get("phase"),
        "year": fields.get("year") if isinstance(fields.get("year"), int) else None,
        "extracted": fields,
        "curated": {},
        "evidence": evidence,
        "imported_at": now,
    }


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

    Raises :class:`ImportCancelled` (nothing written) when ``cancelled()`` turns true.
    """
    if source_kind is not None and source_kind not in SOURCE_KINDS:
        raise ValueError(f"source kind must be one of {', '.join(SOURCE_KINDS)}, not {source_kind!r}")
    files, problems = expand_paths(Path(p) for p in paths)
    summary = ImportSummary(files=len(files), failed=list(problems))
    batches: list[tuple[Path, list[Entry]]] = []
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            raise ImportCancelled("import cancelled; nothing was imported")
        if progress is not None:
            progress(done, len(files), path.name)
        entries: list[Entry] = []
        for item in read_path(path):
            if isinstance(item, Problem):
                summary.failed.append(item)
            else:
                entries.append(item)
        if entries:
            batches.append((path, entries))
    if progress is not None:
        progress(len(files), len(files), "saving")
    if cancelled is not None and cancelled():
        raise ImportCancelled("import cancelled; nothing was imported")
    if not batches:
        return summary
    now = utcnow()
    with review.transaction() as session:
        for path, entries in batches:
            first = entries[0]
            source = Source(
                name=source_name or first.source_name or path.name,
                kind=source_kind or first.source_kind or "other",
                file_name=path.name,
                imported_at=now,
                imported_by=reviewer,
                record_count=len(entries),
            )
            session.add(source)
            session.flush()
            assert source.id is not None
            rows = [_record_row(entry, source.id, now) for entry in entries]
            ids = session.execute(
                insert(Record).returning(Record.id, sort_by_parameter_order=True),  # type: ignore[arg-type]
                rows,
            ).scalars().all()
            summary.record_ids.extend(ids)
            summary.sources.append(f"{source.name} ({source.kind})")
            log_change(session, reviewer, "import", field="source", new={"source": source.name, "file": path.name,
                                                                             "records": len(entries)})
        summary.duplicates = dedup.link_duplicates(session, summary.record_ids)
        summary.imported = len(summary.record_ids)
    return summary
