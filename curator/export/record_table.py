"""Every record as one row of plain values, read in batches (a 100,000-record review stays flat in memory).

The columns are the same in the workbook's Records sheet and the CSV: ids, source,
duplicate-of, removal, the verdict and reason per stage, every field (the curated value
where edited, else the extracted one), tags and notes, then the review's custom fields.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from curator.appraisal.custom_values import custom_values
from curator.appraisal.form import form_fields
from curator.fields import FIELD_KEYS, LIST_KEYS
from curator.fulltext.storage import full_texts_of
from curator.prisma.flow import (
    AWAITING_FULL_TEXT,
    EXCLUDED_FULL_TEXT,
    FULL_TEXT_CONFLICT,
    INCLUDED,
    PrismaCounts,
)
from curator.store.database import Review
from curator.store.dialects import contains_text, dialect_of
from curator.store.models import LINK_COUNTS, STAGES
from curator.store.stored_fields import IN_TEXT, unpack

BATCH = 2000
LIST_SEPARATOR = "; "

STAGE_LABELS = {"title-abstract": "title/abstract", "full-text": "full text"}
LEAD_COLUMNS = ("record id", "PRISMA box", "study", "source", "source kind", "source file", "entry",
                "duplicate of", "removed before screening", "removed by")
STAGE_COLUMNS = tuple(
    f"{STAGE_LABELS[stage]} {what}" for stage in STAGES for what in ("verdict", "reason", "reviewers")
)
TAIL_COLUMNS = ("edited fields", "tags", "notes", "full text")
#: PRISMA boxes of records whose report is sought: a missing full text is named in the "full text" column.
SOUGHT = frozenset((AWAITING_FULL_TEXT, FULL_TEXT_CONFLICT, EXCLUDED_FULL_TEXT, INCLUDED))
NO_FULL_TEXT = "none attached"
COLUMNS: tuple[str, ...] = (*LEAD_COLUMNS, *STAGE_COLUMNS, *FIELD_KEYS, *TAIL_COLUMNS)


@dataclass(frozen=True)
class RecordRowData:
    """One record for export: its effective fields and everything said about it."""

    id: int
    values: list[Any]  # in COLUMNS order; lists joined, numbers kept as numbers
    fields: dict[str, Any]  # effective values by field key (lists as lists)


# (key, PICO part or None) per field: the effective fields are read without a call per key.
_FIELD_PATHS = tuple((key, key[5:] if key.startswith("pico.") else None) for key in FIELD_KEYS)
# Values a cell takes as they are (exact classes: a bool is written as text, see _cell).
_AS_IS = frozenset({str, int, float, type(None)})


# The document text only for records whose stored fields keep a value by its position in it.
def _text_if_needed(dialect: str) -> str:
    return f"CASE WHEN {contains_text(dialect, 'extracted', chr(34) + IN_TEXT + chr(34))} THEN text END"


def _effective_fields(extracted: dict[str, Any], curated: dict[str, Any]) -> dict[str, Any]:
    """Every field's value: the curated one where edited, else the extracted one (as ``get_field`` reads it)."""
    fields: dict[str, Any] = {}
    pico: dict[str, Any] | None = None
    for key, part in _FIELD_PATHS:
        if key in curated:
            fields[key] = curated[key].get("value")
        elif part is None:
            fields[key] = extracted.get(key)
        else:
            if pico is None:
                pico = extracted.get("pico") or {}
            fields[key] = pico.get(part)
    for key in LIST_KEYS:
        if fields[key] is None:
            fields[key] = []
    return fields


def _json(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return {} if value == "{}" else json.loads(value)  # type: ignore[no-any-return]
    return value or {}


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value if v is not None) or None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    return str(value)


def _notes_text(notes: list[tuple[str, str, Any]]) -> str | None:
    if not notes:
        return None
    return "\n".join(f"{reviewer} ({str(at)[:16]}): {body}" for reviewer, body, at in notes)


def custom_columns(review: Review) -> tuple[str, ...]:
    """The review's custom fields, in form order: the columns after :data:`COLUMNS` in the Records sheet and CSV."""
    return tuple(f.name for f in form_fields(review))


def iter_record_rows(review: Review, counts: PrismaCounts, *, batch: int = BATCH,
                     only: set[int] | None = None, custom: tuple[str, ...] = ()) -> Iterator[RecordRowData]:
    """Every record (or those in ``only``) as a row, in id order, read ``batch`` records at a time.

    ``custom`` names custom fields whose values follow the :data:`COLUMNS` (see :func:`custom_columns`).
    """
    sources = {s.id: s for s in counts.sources}
    stage_verdicts = counts.stage_verdicts
    last = 0
    with review.engine.connect() as connection:
        duplicate_of: dict[int, int] = {}
        for rid, original in connection.execute(text(
                f"SELECT record_id, min(duplicate_of_id) FROM duplicate_links WHERE {LINK_COUNTS}"
                " GROUP BY record_id")):
            duplicate_of[rid] = original
        while True:
            rows = connection.execute(text(
                "SELECT id, source_id, source_entry, extracted, curated, removed_reason, removed_by,"
                f" {_text_if_needed(dialect_of(connection))} FROM records WHERE id > :last ORDER BY id LIMIT :n"),
                {"last": last, "n": batch}).all()
            if not rows:
                return
            first, last = rows[0][0], rows[-1][0]
            tags: dict[int, list[str]] = defaultdict(list)
            for rid, name in connection.execute(text(
                    "SELECT rt.record_id, t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id"
                    " WHERE rt.record_id BETWEEN :a AND :b ORDER BY t.name"), {"a": first, "b": last}):
                tags[rid].append(name)
            notes: dict[int, list[tuple[str, str, Any]]] = defaultdict(list)
            for rid, reviewer, body, at in connection.execute(text(
                    "SELECT record_id, reviewer, text, created_at FROM notes"
                    " WHERE record_id BETWEEN :a AND :b ORDER BY id"), {"a": first, "b": last}):
                notes[rid].append((reviewer, body, at))
            own = custom_values(review, range(first, last + 1)) if custom else {}
            attached = full_texts_of(review, range(first, last + 1))
            for rid, source_id, entry, extracted_json, curated_json, removed_reason, removed_by, document in rows:
                if only is not None and rid not in only:
                    continue
                curated = _json(curated_json)
                fields = _effective_fields(unpack(_json(extracted_json), document or ""), curated)
                source = sources.get(source_id)
                values: list[Any] = [
                    rid, counts.outcomes.get(rid), counts.study_of.get(rid),
                    source.name if source else None, source.kind if source else None,
                    (source.file_name or None) if source else None, entry or None,
                    duplicate_of.get(rid), removed_reason, removed_by if removed_reason else None,
                ]
                for stage in STAGES:
                    verdict = stage_verdicts.get(stage, {}).get(rid)
                    if verdict is None:
                        values += [None, None, None]
                    else:
                        values += ["conflict" if verdict.conflict else verdict.verdict, verdict.reason,
                                   LIST_SEPARATOR.join(verdict.reviewers) or None]
                values += [v if v.__class__ in _AS_IS else _cell(v) for v in fields.values()]
                full_text = attached.get(rid)
                values += [", ".join(sorted(curated)) or None, LIST_SEPARATOR.join(tags.get(rid, [])) or None,
                           _notes_text(notes.get(rid, [])),
                           full_text.file_name if full_text else (
                               NO_FULL_TEXT if counts.outcomes.get(rid) in SOUGHT else None)]
                if custom:
                    values += [_cell(own.get(rid, {}).get(name)) for name in custom]
                yield RecordRowData(rid, values, fields)
