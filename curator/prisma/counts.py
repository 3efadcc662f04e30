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
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import text

from curator.prisma.checks import Check, arithmetic_checks, duplicate_cycles, name_ids
from curator.review.screening import Verdict, exclusion_reasons, verdicts
from curator.review.studies import study_groups
from curator.store.database import Review
from curator.store.models import NOT_RETRIEVABLE, STAGES

DATABASES_AND_REGISTERS = "databases and registers"
OTHER_METHODS = "other methods"
COLUMN_OF_KIND = {
    "database": DATABASES_AND_REGISTERS,
    "register": DATABASES_AND_REGISTERS,
    "website": OTHER_METHODS,
    "organisation": OTHER_METHODS,
    "citation": OTHER_METHODS,
    "other": OTHER_METHODS,
}
NO_REASON = "no reason given"

# Where a record ends in the flow diagram (one per record).
DUPLICATE = "duplicate removed"
REMOVED_AUTOMATION = "marked ineligible by automation"
REMOVED_OTHER = "removed for other reasons"
EXCLUDED_SCREENING = "excluded at title/abstract"
AWAITING_SCREENING = "awaiting title/abstract screening"
SCREENING_CONFLICT = "title/abstract conflict"
NOT_RETRIEVED = "report not retrieved"
EXCLUDED_FULL_TEXT = "excluded at full text"
AWAITING_FULL_TEXT = "awaiting full-text assessment"
FULL_TEXT_CONFLICT = "full-text conflict"
INCLUDED = "included"

@dataclass(frozen=True)
class SourceCount:
    """One import and what became of its records."""

    id: int
    name: str
    kind: str
    file_name: str
    imported_at: datetime | None
    imported_by: str
    records: int
    duplicates: int
    stated_records: int  # the count written when it was imported

    @property
    def column(self) -> str:
        """The diagram column its records feed."""
        return COLUMN_OF_KIND.get(self.kind, OTHER_METHODS)


@dataclass
class ColumnCounts:
    """The boxes of one column of the diagram."""

    identified: int = 0
    duplicates: int = 0
    removed_automation: int = 0
    removed_other: int = 0
    screened: int = 0
    excluded_human: int = 0
    excluded_automation: int = 0
    screening_reasons: Counter[str] = field(default_factory=Counter)
    sought: int = 0
    not_retrieved: int = 0
    assessed: int = 0
    excluded_reasons: Counter[str] = field(default_factory=Counter)
    included_reports: int = 0
    awaiting_screening: list[int] = field(default_factory=list)
    screening_conflicts: list[int] = field(default_factory=list)
    awaiting_full_text: list[int] = field(default_factory=list)
    full_text_conflicts: list[int] = field(default_factory=list)

    @property
    def excluded(self) -> int:
        """Records excluded at title/abstract (human and automation together)."""
        return self.excluded_human + self.excluded_automation


@dataclass
class PrismaCounts:
    """Every count of the PRISMA 2020 flow diagram, with the checks of its arithmetic."""

    sources: list[SourceCount]
    dbr: ColumnCounts
    other: ColumnCounts
    identified_by_kind: dict[str, int]
    new_studies: int
    new_reports: int
    screening_reason_order: list[str]
    full_text_reason_order: list[str]
    outcomes: dict[int, str] = field(repr=False)
    study_of: dict[int, int] = field(repr=False)
    stage_verdicts: dict[str, dict[int, Verdict]] = field(default_factory=dict, repr=False)
    inconsistencies: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every rule holds and nothing contradicts."""
        return all(c.ok for c in self.checks) and not self.inconsistencies

    def specific_results(self, kinds: tuple[str, ...]) -> list[tuple[str, int]]:
        """Records identified per source name (imports of one name added up), for sources of ``kinds``."""
        totals: dict[str, int] = {}
        for source in self.sources:
            if source.kind in kinds:
                totals[source.name] = totals.get(source.name, 0) + source.records
        return list(totals.items())

    def ordered_reasons(self, counts: Counter[str], order: list[str]) -> dict[str, int]:
        """``counts`` by reason in the stage's reason order (reasons no longer offered last)."""
        ordered = {r: counts[r] for r in order if counts.get(r)}
        for reason, n in sorted(counts.items()):
            if reason not in ordered and n:
                ordered[reason] = n
        return ordered

    def as_prisma2020_data(self) -> dict[str, Any]:
        """The counts under the ``data`` keys of the PRISMA2020 package's CSV template.

        ``*_specific_results`` are in that package's ``"Name, n; Name, n"`` form; ``dbr_excluded``
        and ``other_excluded`` are reason → n.
        """
        k = self.identified_by_kind
        return {
            "previous_studies": None,
            "previous_reports": None,
            "database_results": k.get("database", 0),
            "database_specific_results": _specific_text(self.specific_results(("database",))),
            "register_results": k.get("register", 0),
            "register_specific_results": _specific_text(self.specific_results(("register",))),
            "website_results": k.get("website", 0),
            "organisation_results": k.get("organisation", 0),
            "citations_results": k.get("citation", 0),
            "duplicates": self.dbr.duplicates,
            "excluded_automatic": self.dbr.removed_automation,
            "excluded_other": self.dbr.removed_other,
            "records_screened": self.dbr.screened,
            "records_excluded": self.dbr.excluded,
            "dbr_sought_reports": self.dbr.sought,
            "dbr_notretrieved_reports": self.dbr.not_retrieved,
            "other_sought_reports": self.other.sought,
            "other_notretrieved_reports": self.other.not_retrieved,
            "dbr_assessed": self.dbr.assessed,
            "dbr_excluded": self.ordered_reasons(self.dbr.excluded_reasons, self.full_text_reason_order),
            "other_assessed": self.other.assessed,
            "other_excluded": self.ordered_reasons(self.other.excluded_reasons, self.full_text_reason_order),
            "new_studies": self.new_studies,
            "new_reports": self.new_reports,
            "total_studies": self.new_studies,
            "total_reports": self.new_reports,
        }

    def as_dict(self) -> dict[str, Any]:
        """The PRISMA2020 ``data`` keys plus the detail behind them (per source, reasons, pending, checks)."""
        data = self.as_prisma2020_data()
        data.update({
            "other_results": self.identified_by_kind.get("other", 0),
            "records_excluded_human": self.dbr.excluded_human,
            "records_excluded_automation": self.dbr.excluded_automation,
            "records_excluded_reasons": self.ordered_reasons(self.dbr.screening_reasons, self.screening_reason_order),
            "other_records_excluded": self.other.excluded,
            "other_records_excluded_reasons": self.ordered_reasons(self.other.screening_reasons,
                                                                   self.screening_reason_order),
            "other_duplicates": self.other.duplicates,
            "other_excluded_automatic": self.other.removed_automation,
            "other_excluded_other": self.other.removed_other,
            "sources": [
                {"name": s.name, "kind": s.kind, "column": s.column, "file": s.file_name,
                 "imported_at": s.imported_at.isoformat(timespec="seconds") if s.imported_at else None,
                 "records": s.records, "duplicates": s.duplicates}
                for s in self.sources
            ],
            "pending": {
                "title_abstract": sorted(self.dbr.awaiting_screening + self.other.awaiting_screening),
                "full_text": sorted(self.dbr.awaiting_full_text + self.other.awaiting_full_text),
            },
            "conflicts": {
                "title_abstract": sorted(self.dbr.screening_conflicts + self.other.screening_conflicts),
                "full_text": sorted(self.dbr.full_text_conflicts + self.other.full_text_conflicts),
            },
            "checks": [c.as_dict() for c in self.checks],
            "inconsistencies": list(self.inconsistencies),
            "ok": self.ok,
        })
        return data


def _specific_text(items: list[tuple[str, int]]) -> str:
    # The package splits on ";" and ","; keep them out of names.
    return "; ".join(f"{name.replace(';', ' ').replace(',', ' ')}, {n}" for name, n in items)


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
                "SELECT record_id, duplicate_of_id FROM duplicate_links WHERE confirmed IS NOT 0")):
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


__all__ = [
    "Check",
    "ColumnCounts",
    "PrismaCounts",
    "SourceCount",
    "prisma_counts",
]
