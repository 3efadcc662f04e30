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
  in dual screening that includes a record only one reviewer has decided (one exclusion
  is not an exclusion until the second reviewer agrees or a resolution settles it);
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
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import text

from curator.appraisal.appraisals import appraised_record_ids
from curator.prisma.boxes import BOXES, REMOVED_EARLY, box_counts_sql, boxes_sql
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
    Loaded,
    PrismaCounts,
    SourceCount,
)
from curator.review.screening import exclusion_reasons, verdicts
from curator.review.screening_mode import DUAL, screening_modes
from curator.review.studies import study_groups
from curator.store.database import Review
from curator.store.dialects import dialect_of
from curator.store.models import LINK_COUNTS, STAGES


def _sources(review: Review) -> list[dict[str, Any]]:
    with review.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(text(
            "SELECT id, name, kind, file_name, imported_at, imported_by, record_count FROM sources ORDER BY id"))]


def _duplicate_links(review: Review) -> dict[int, list[int]]:
    links: dict[int, list[int]] = defaultdict(list)
    with review.engine.connect() as connection:
        for rid, original in connection.execute(text(
                f"SELECT record_id, duplicate_of_id FROM duplicate_links WHERE {LINK_COUNTS}")):
            links[rid].append(original)
    return links


#: The lists of a column that name their records, by box.
_LISTED = {AWAITING_SCREENING: "awaiting_screening", SCREENING_CONFLICT: "screening_conflicts",
           AWAITING_FULL_TEXT: "awaiting_full_text", FULL_TEXT_CONFLICT: "full_text_conflicts"}
_EARLY = REMOVED_EARLY
_NOT_SOUGHT = (EXCLUDED_SCREENING, AWAITING_SCREENING, SCREENING_CONFLICT)


def _count_box(column: ColumnCounts, box: str, reason: str | None, actor: str | None, n: int) -> None:
    """Add ``n`` records ending in ``box`` to the boxes of ``column`` they pass through."""
    column.identified += n
    if box == DUPLICATE:
        column.duplicates += n
    elif box == REMOVED_AUTOMATION:
        column.removed_automation += n
    elif box == REMOVED_OTHER:
        column.removed_other += n
    if box in _EARLY:
        return
    column.screened += n
    if box == EXCLUDED_SCREENING:
        if actor == "automation":
            column.excluded_automation += n
        else:
            column.excluded_human += n
        column.screening_reasons[reason or NO_REASON] += n
    if box in _NOT_SOUGHT:
        return
    column.sought += n
    if box == NOT_RETRIEVED:
        column.not_retrieved += n
    elif box == EXCLUDED_FULL_TEXT:
        column.assessed += n
        column.excluded_reasons[reason or NO_REASON] += n
    elif box == INCLUDED:
        column.assessed += n
        column.included_reports += n


def prisma_counts(review: Review) -> PrismaCounts:
    """Every PRISMA 2020 count of ``review`` from its records, duplicates, removals and agreed decisions.

    The database answers which box each record ends in (:mod:`curator.prisma.boxes`); the verdicts of
    each stage and the records' studies are read only when asked for (exports).
    """
    source_rows, links = _sources(review), _duplicate_links(review)
    kind_of = {s["id"]: s["kind"] for s in source_rows}
    ta_stage, ft_stage = STAGES
    needed = {stage: 2 if mode == DUAL else 1 for stage, mode in screening_modes(review).items()}
    dbr, other = ColumnCounts(), ColumnCounts()
    tally: Counter[tuple[int, str, str | None, str | None]] = Counter()
    named: list[tuple[int, int, str]] = []  # (record, source, box) of the records box_counts_sql names
    full_text: set[int] = set()  # of those, the records with a decision at full text
    with review.engine.connect() as connection:
        for source_id, code, reason, actor, record, at_full_text, n in connection.execute(
                text(box_counts_sql(needed, dialect_of(review.engine)))):
            box = BOXES[code]
            tally[(source_id, box, reason, actor)] += n
            if record is not None:
                named.append((record, source_id, box))
                if at_full_text:
                    full_text.add(record)
    named.sort()

    def column_of(source_id: int) -> ColumnCounts:
        return other if COLUMN_OF_KIND.get(kind_of.get(source_id, "other"), OTHER_METHODS) == OTHER_METHODS else dbr

    for record, source_id, box in named:
        if box in _LISTED:
            getattr(column_of(source_id), _LISTED[box]).append(record)
    decided = [(record, box) for record, _source, box in named
               if box in _EARLY or box in _NOT_SOUGHT and record in full_text]
    by_source: Counter[int] = Counter()
    dup_by_source: Counter[int] = Counter()
    identified_by_kind: Counter[str] = Counter()
    for (source_id, box, reason, actor), n in tally.items():
        kind = kind_of.get(source_id, "other")
        _count_box(column_of(source_id), box, reason, actor, n)
        identified_by_kind[kind] += n
        by_source[source_id] += n
        if box == DUPLICATE:
            dup_by_source[source_id] += n
    sources = [
        SourceCount(s["id"], s["name"], s["kind"], s["file_name"] or "", _as_datetime(s["imported_at"]),
                    s["imported_by"] or "", by_source[s["id"]], dup_by_source[s["id"]], s["record_count"] or 0)
        for s in source_rows
    ]
    included = [record for record, _source, box in named if box == INCLUDED]

    def boxes() -> dict[int, str]:
        with review.engine.connect() as connection:
            return {rid: BOXES[code] for rid, code in connection.execute(text(boxes_sql(needed,
                                                                                        dialect_of(review.engine))))}

    outcomes: Mapping[int, str] = Loaded(boxes)
    study_of: Mapping[int, int] = Loaded(lambda: {rid: group[0] for group in study_groups(review) for rid in group})
    counts = PrismaCounts(
        sources=sources, dbr=dbr, other=other, identified_by_kind=dict(identified_by_kind),
        new_studies=len({study_of[rid] for rid in included}), new_reports=len(included),
        screening_reason_order=exclusion_reasons(review, ta_stage),
        full_text_reason_order=exclusion_reasons(review, ft_stage),
        outcomes=outcomes, study_of=study_of,
        stage_verdicts=Loaded(lambda: {stage: verdicts(review, stage) for stage in STAGES}),
    )
    counts.inconsistencies = _inconsistencies(counts, links, decided)
    appraised_early = sorted(set(appraised_record_ids(review)) - set(included))
    if appraised_early:
        counts.inconsistencies.append(f"records {name_ids(appraised_early)} have a risk-of-bias appraisal but are"
                                      " not included at full text")
    counts.checks = arithmetic_checks(counts)
    return counts


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime) or value is None:
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _inconsistencies(counts: PrismaCounts, links: dict[int, list[int]], decided: list[tuple[int, str]]) -> list[str]:
    """What contradicts; ``decided``: (record, box) of the records decided at full text, or decided and removed."""
    found: list[str] = []
    for source in counts.sources:
        if source.stated_records != source.records:
            found.append(f"source {source.name!r} ({source.file_name}) was imported with {source.stated_records}"
                         f" records but holds {source.records}")
    cycles = duplicate_cycles(links)
    if cycles:
        found.append(f"records {name_ids(cycles)} are duplicates of each other with no original kept;"
                     " every one of them is counted as a duplicate")
    decided_but_removed = [rid for rid, box in decided if box in _EARLY]
    if decided_but_removed:
        found.append(f"records {name_ids(decided_but_removed)} have screening decisions but were removed before"
                     " screening (duplicate or removed); they are counted as removed")
    full_text_early = [rid for rid, box in decided if box in _NOT_SOUGHT]
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

