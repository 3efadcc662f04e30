"""The PRISMA 2020 flow as data: its two columns, the box each record ends in, the counts of every box.

:mod:`~curator.prisma.counts` fills these from a review, :mod:`~curator.prisma.checks` checks
their arithmetic, :mod:`~curator.prisma.diagram` draws them and the exports write them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from curator.review.screening import Verdict

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


K = TypeVar("K")
V = TypeVar("V")


class Loaded(Mapping[K, V]):
    """A mapping read only when first asked for (what only exports need, not the counts themselves)."""

    def __init__(self, load: Callable[[], dict[K, V]]) -> None:
        self._load: Callable[[], dict[K, V]] | None = load
        self._data: dict[K, V] = {}

    def _loaded(self) -> dict[K, V]:
        if self._load is not None:
            self._data, self._load = self._load(), None
        return self._data

    def __getitem__(self, key: K) -> V:
        return self._loaded()[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


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
    outcomes: Mapping[int, str] = field(repr=False)
    study_of: Mapping[int, int] = field(repr=False)
    stage_verdicts: Mapping[str, dict[int, Verdict]] = field(default_factory=dict, repr=False)
    inconsistencies: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every rule holds and nothing contradicts."""
        return all(c.ok for c in self.checks) and not self.inconsistencies

    @property
    def consistent(self) -> bool:
        """True when nothing contradicts and every rule holds or waits only for records still to decide."""
        return all(c.status != "broken" for c in self.checks) and not self.inconsistencies

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
            "awaiting": {
                "title-abstract": len(self.dbr.awaiting_screening) + len(self.other.awaiting_screening)
                + len(self.dbr.screening_conflicts) + len(self.other.screening_conflicts),
                "full-text": len(self.dbr.awaiting_full_text) + len(self.other.awaiting_full_text)
                + len(self.dbr.full_text_conflicts) + len(self.other.full_text_conflicts),
            },
            "checks": [c.as_dict() for c in self.checks],
            "inconsistencies": list(self.inconsistencies),
            "ok": self.ok,
            "consistent": self.consistent,
        })
        return data


def _specific_text(items: list[tuple[str, int]]) -> str:
    # The package splits on ";" and ","; keep them out of names.
    return "; ".join(f"{name.replace(';', ' ').replace(',', ' ')}, {n}" for name, n in items)



@dataclass(frozen=True)
class Check:
    """One arithmetic rule of prisma.md: ``left`` must equal ``right``."""

    rule: str
    left: int
    right: int
    explanation: str = ""
    waiting: int = 0  # records still to decide (pending or in conflict) that the rule's two sides part on

    @property
    def ok(self) -> bool:
        """True when the rule holds."""
        return self.left == self.right

    @property
    def status(self) -> str:
        """``holds``; ``open`` when only records still to decide keep it from holding; else ``broken``."""
        if self.ok:
            return "holds"
        return "open" if self.waiting and self.left - self.right == self.waiting else "broken"

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON data."""
        return {"rule": self.rule, "left": self.left, "right": self.right, "ok": self.ok, "status": self.status,
                "explanation": self.explanation}
