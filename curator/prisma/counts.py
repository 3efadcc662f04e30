"""PRISMA 2020 flow-diagram counts, computed from the records' own state (never typed by hand).

Which box a record ends in (see ``shared/docs/prisma.md``):

* its source's kind puts it in a column: ``database`` and ``register`` sources feed the
  "databases and registers" column, ``website``, ``organisation``, ``citation`` and
  ``other`` sources the "other methods" column;
* a record linked as a duplicate (a link not undone by a reviewer) is a duplicate removed;
  else a record removed before screening is "marked ineligible by automation tools" or
  "removed for other reasons", by who removed it;
* the rest are screened at title/abstract. The agreed verdict counts; a disagreement
  between reviewers is a conflict, reported and not counted. An exclusion is a record
  excluded (human and automation apart). An inclusion **or a "maybe"** is a report
  sought for retrieval: "maybe" means the title and abstract could not rule the record
  out, so its full text has to be read. A record with no agreed verdict yet is pending;
* at full text, an exclusion for "not retrievable" is a report not retrieved, any other
  exclusion a report excluded for its reason, an inclusion a report of an included study;
  a "maybe" or no agreed verdict is pending. Studies included are the distinct studies
  among the included reports: records that share a registry id are one study.

The "other methods" column of the template has no duplicate or screening boxes: its
records go straight to retrieval unless a reviewer excluded them at title/abstract; those
removed or excluded earlier are kept in the detail and named in the checks.

Every arithmetic rule of prisma.md is checked; a rule that does not hold is named with
the records that break it (pending screening, conflicts, contradictory decisions).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text

from curator.prisma.checks import arithmetic_checks, duplicate_cycles, name_ids
from curator.prisma.flow import (
    AWAITING_FULL_TEXT,
    AWAITING_SCREENING,
    COLUMN_OF_KIND,
    DUPLICATE,
    EXCLUDED_FULL_TEXT,
    EXCLUDED_SCREENING,
    FULL_TEXT_CONFLICT,
    INCLUDED,
    NO_REASON,
    NOT_RETRIEVED,
    OTHER_METHODS,
    REMOVED_AUTOMATION,
    REMOVED_OTHER,
    SCREENING_CONFLICT,
    ColumnCounts,
    PrismaCounts,
    SourceCount,
)
from curator.review.screening import Verdict, exclusion_reasons, verdicts
from curator.review.studies import study_groups
from curator.store.database import Review
from curator.store.models import NOT_RETRIEVABLE, STAGES


@dataclass
class _RecordState:
    id: int
    source_id: int
    kind: str
    removed_by: str | None


def _load_sources_and_records(review: Review) -> tuple[list[dict[str, Any]], list[_RecordState], set[int],
                                                       dict[int, list[int]]]:
    with review.engine.connect() as connection:
        sources = [dict(row._mapping) for row in connection.execute(text(
            "SELECT id, name, kind, file_name, imported_at, imported_by, record_count FROM sources ORDER BY id"))]
        kind_of = {s["id"]: s["kind"] for s in sources}
        records: list[_RecordState] = []
        rows = connection.execute(text(
            "SELECT id, source_id, removed_reason, removed_by FROM records ORDER BY id"))
        for rid, source_id, removed_reason, removed_by in rows:
            removed = (removed_by or "human") if removed_reason else None
            records.append(_RecordState(rid, source_id, kind_of.get(source_id, "other"), removed))
        links: dict[int, list[int]] = defaultdict(list)
        for rid, original in connection.execute(text(
                "SELECT record_id, duplicate_of_id FROM duplicate_links WHERE confirmed IS NOT false")):
            links[rid].append(original)
    return sources, records, set(links), links


def _classify(record: _RecordState, is_duplicate: bool, column: ColumnCounts, other_column: bool,
              ta: Verdict | None, ft: Verdict | None) -> str:
    column.identified += 1
    if is_duplicate:
        column.duplicates += 1
        return DUPLICATE
    if record.removed_by == "automation":
        column.removed_automation += 1
        return REMOVED_AUTOMATION
    if record.removed_by is not None:
        column.removed_other += 1
        return REMOVED_OTHER
    column.screened += 1
    if ta is not None and ta.verdict == "exclude":
        if ta.actor == "automation":
            column.excluded_automation += 1
        else:
            column.excluded_human += 1
        column.screening_reasons[ta.reason or NO_REASON] += 1
        return EXCLUDED_SCREENING
    if not other_column:
        if ta is None:
            column.awaiting_screening.append(record.id)
            return AWAITING_SCREENING
        if ta.conflict:
            column.screening_conflicts.append(record.id)
            return SCREENING_CONFLICT
    column.sought += 1
    if ft is None or ft.verdict == "maybe":
        column.awaiting_full_text.append(record.id)
        return AWAITING_FULL_TEXT
    if ft.conflict:
        column.full_text_conflicts.append(record.id)
        return FULL_TEXT_CONFLICT
    if ft.verdict == "exclude" and (ft.reason or "").lower() == NOT_RETRIEVABLE:
        column.not_retrieved += 1
        return NOT_RETRIEVED
    column.assessed += 1
    if ft.verdict == "exclude":
        column.excluded_reasons[ft.reason or NO_REASON] += 1
        return EXCLUDED_FULL_TEXT
    column.included_reports += 1
    return INCLUDED


def prisma_counts(review: Review) -> PrismaCounts:
    """Every PRISMA 2020 count of ``review`` from its records, duplicates, removals and agreed decisions."""
    source_rows, records, duplicates, links = _load_sources_and_records(review)
    ta_stage, ft_stage = STAGES
    ta_verdicts = verdicts(review, ta_stage)
    ft_verdicts = verdicts(review, ft_stage)
    dbr, other = ColumnCounts(), ColumnCounts()
    outcomes: dict[int, str] = {}
    by_source: Counter[int] = Counter()
    dup_by_source: Counter[int] = Counter()
    identified_by_kind: Counter[str] = Counter()
    for record in records:
        other_column = COLUMN_OF_KIND.get(record.kind, OTHER_METHODS) == OTHER_METHODS
        column = other if other_column else dbr
        identified_by_kind[record.kind] += 1
        by_source[record.source_id] += 1
        if record.id in duplicates:
            dup_by_source[record.source_id] += 1
        outcomes[record.id] = _classify(record, record.id in duplicates, column, other_column,
                                        ta_verdicts.get(record.id), ft_verdicts.get(record.id))
    sources = [
        SourceCount(s["id"], s["name"], s["kind"], s["file_name"] or "", _as_datetime(s["imported_at"]),
                    s["imported_by"] or "", by_source[s["id"]], dup_by_source[s["id"]], s["record_count"] or 0)
        for s in source_rows
    ]
    included = [rid for rid, outcome in outcomes.items() if outcome == INCLUDED]
    study_of = {rid: group[0] for group in study_groups(review) for rid in group}
    counts = PrismaCounts(
        sources=sources, dbr=dbr, other=other, identified_by_kind=dict(identified_by_kind),
        new_studies=len({study_of[rid] for rid in included}), new_reports=len(included),
        screening_reason_order=exclusion_reasons(review, ta_stage),
        full_text_reason_order=exclusion_reasons(review, ft_stage),
        outcomes=outcomes, study_of=study_of, stage_verdicts={ta_stage: ta_verdicts, ft_stage: ft_verdicts},
    )
    counts.inconsistencies = _inconsistencies(counts, links, ta_verdicts, ft_verdicts)
    counts.checks = arithmetic_checks(counts)
    return counts


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime) or value is None:
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _inconsistencies(counts: PrismaCounts, links: dict[int, list[int]], ta: dict[int, Verdict],
                     ft: dict[int, Verdict]) -> list[str]:
    found: list[str] = []
    for source in counts.sources:
        if source.stated_records != source.records:
            found.append(f"source {source.name!r} ({source.file_name}) was imported with {source.stated_records}"
                         f" records but holds {source.records}")
    cycles = duplicate_cycles(links)
    if cycles:
        found.append(f"records {name_ids(cycles)} are duplicates of each other with no original kept;"
                     " every one of them is counted as a duplicate")
    outcomes = counts.outcomes
    early = {DUPLICATE, REMOVED_AUTOMATION, REMOVED_OTHER}
    decided_but_removed = [rid for rid in set(ta) | set(ft) if outcomes.get(rid) in early]
    if decided_but_removed:
        found.append(f"records {name_ids(decided_but_removed)} have screening decisions but were removed before"
                     " screening (duplicate or removed); they are counted as removed")
    not_sought = {EXCLUDED_SCREENING, AWAITING_SCREENING, SCREENING_CONFLICT}
    full_text_early = [rid for rid in ft if outcomes.get(rid) in not_sought]
    if full_text_early:
        found.append(f"records {name_ids(full_text_early)} have a full-text decision but were not included at"
                     " title/abstract; they are counted by their title/abstract verdict")
    kinds_other = counts.identified_by_kind.get("other", 0)
    if kinds_other:
        found.append(f"{kinds_other} records come from sources of kind 'other', which the PRISMA 2020 template has"
                     " no box for (set the source's kind to database, register, website, organisation or citation)")
    if counts.other.duplicates or counts.other.removed_automation or counts.other.removed_other:
        found.append(f"{counts.other.duplicates} duplicates and"
                     f" {counts.other.removed_automation + counts.other.removed_other} records removed before"
                     " screening come from other methods, whose column has no box for them")
    return found

