"""How well reviewers agree: percentage agreement and Cohen's kappa per stage and pair, and the pilot.

Agreement is measured over the records both reviewers of a pair screened at a stage, on
include against not-include (an exclusion and a "maybe" count alike, as they do for what
goes on to full text), from each reviewer's current decision. Cohen's kappa is computed
exactly (fractions) and is undefined (None, with the reason) when a reviewer gave every
record the same verdict: there is then no spread to correct for chance against.

A pilot is a random sample of the records to be screened at title/abstract that every
reviewer screens first; its agreement is reported on its own, so a team can calibrate.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlalchemy import text

from curator.review.eligibility import eligible_ids
from curator.review.screening import check_stage
from curator.review.screening_mode import current_sql, standing_resolutions_sql
from curator.store.audit import change_setting
from curator.store.database import Review, get_setting
from curator.store.models import STAGES

#: The setting holding the pilot sample's record ids.
PILOT_SETTING = "pilot_records"
ALL = "all"
PILOT = "pilot"


@dataclass(frozen=True)
class Agreement:
    """Agreement of one pair of reviewers at one stage over one set of records (all, or the pilot)."""

    stage: str
    reviewers: tuple[str, str]
    set: str
    both_include: int
    first_only: int  # the first reviewer included, the second did not
    second_only: int
    neither: int
    conflicts: int  # records their verdicts differ on (a "maybe" against include or exclude too)
    resolved_by: dict[str, int] = field(default_factory=dict)

    @property
    def records(self) -> int:
        """Records both reviewers screened."""
        return self.both_include + self.first_only + self.second_only + self.neither

    @property
    def agreement(self) -> float | None:
        """The share of records on which both included or both did not (None without records)."""
        return float(Fraction(self.both_include + self.neither, self.records)) if self.records else None

    @property
    def kappa_undefined(self) -> str | None:
        """Why Cohen's kappa cannot be computed here, or None when it can."""
        if not self.records:
            return "no record was screened by both reviewers"
        first, second = self.reviewers
        for name, includes in ((first, self.both_include + self.first_only),
                               (second, self.both_include + self.second_only)):
            if includes in (0, self.records):
                verdict = "include" if includes else "not include"
                return f"kappa is undefined: {name} gave every record the same verdict ({verdict})"
        return None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa, exact (None when undefined: see :attr:`kappa_undefined`)."""
        return cohens_kappa(self.both_include, self.first_only, self.second_only, self.neither)

    def as_dict(self) -> dict[str, Any]:
        """``{"stage", "reviewers", "set", "records", "agreement", "kappa", ...}`` as plain JSON data."""
        return {"stage": self.stage, "reviewers": list(self.reviewers), "set": self.set, "records": self.records,
                "agreement": self.agreement, "kappa": self.kappa if self.kappa_undefined is None else None,
                "kappa_undefined": self.kappa_undefined, "conflicts": self.conflicts,
                "resolved": sum(self.resolved_by.values()), "resolved_by": dict(self.resolved_by)}


def cohens_kappa(both: int, first_only: int, second_only: int, neither: int) -> float | None:
    """Cohen's kappa of a 2×2 table, exact; None when chance agreement is total (undefined)."""
    n = both + first_only + second_only + neither
    if not n:
        return None
    observed = Fraction(both + neither, n)
    chance = Fraction((both + first_only) * (both + second_only) + (second_only + neither) * (first_only + neither),
                      n * n)
    if chance == 1:
        return None
    return float((observed - chance) / (1 - chance))


def _pair_rows(review: Review, stage: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The pairs' 2×2 counts (all records and the pilot), and the conflicts each resolver settled.

    A record two reviewers decided is one row of ``stage_verdicts`` (the pair and their verdicts);
    only records three reviewers or more decided are read from their decisions.
    """
    # The pilot's ids written into the query (a few dozen numbers): no dialect's JSON functions needed.
    pilot = ", ".join(str(int(i)) for i in pilot_records(review)) or "-1"
    s = f"'{check_stage(stage)}'"
    pairs = ("SELECT v.first_reviewer, v.last_reviewer, v.record_id IN (" + pilot + "),"
             " v.first_verdict = 'include', v.last_verdict = 'include', v.first_verdict <> v.last_verdict, count(*)"
             f" FROM stage_verdicts v WHERE v.stage = {s} AND v.reviewers = 2 GROUP BY 1, 2, 3, 4, 5, 6")
    resolved = ("SELECT v.first_reviewer, v.last_reviewer, v.record_id IN (" + pilot + "), v.resolution_reviewer,"
                f" count(*) FROM stage_verdicts v WHERE v.stage = {s} AND v.reviewers = 2"
                " AND v.resolution_id IS NOT NULL AND v.first_verdict <> v.last_verdict GROUP BY 1, 2, 3, 4")
    crowded = f"SELECT record_id FROM stage_verdicts WHERE stage = {s} AND reviewers > 2"
    cur = f"WITH cur AS MATERIALIZED ({current_sql(stage, crowded)})"
    both = " FROM cur a JOIN cur b ON a.record_id = b.record_id AND a.reviewer < b.reviewer"
    crowded_pairs = (cur + " SELECT a.reviewer, b.reviewer, a.record_id IN (" + pilot + "),"
                     " a.verdict = 'include', b.verdict = 'include', a.verdict <> b.verdict, count(*)"
                     + both + " GROUP BY 1, 2, 3, 4, 5, 6")
    crowded_resolved = (cur + f", res AS MATERIALIZED ({standing_resolutions_sql(stage)} AND reviewers > 2)"
                        " SELECT a.reviewer, b.reviewer, a.record_id IN (" + pilot + "), res.reviewer, count(*)"
                        " FROM res JOIN cur a ON a.record_id = res.record_id"
                        " JOIN cur b ON b.record_id = res.record_id AND a.reviewer < b.reviewer"
                        " WHERE a.verdict <> b.verdict GROUP BY 1, 2, 3, 4")
    with review.engine.connect() as connection:
        return ([*connection.execute(text(pairs)), *connection.execute(text(crowded_pairs))],
                [*connection.execute(text(resolved)), *connection.execute(text(crowded_resolved))])


def reviewer_agreement(review: Review, stage: str | None = None) -> list[Agreement]:
    """Agreement per stage and pair of reviewers (all records, then the pilot on its own line)."""
    stages = [check_stage(stage)] if stage else list(STAGES)
    found: list[Agreement] = []
    for each in stages:
        tables: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        resolvers: dict[tuple[str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        counted, resolved = _pair_rows(review, each)
        for first, second, in_pilot, first_in, second_in, differ, n in counted:
            for chosen in (ALL, PILOT) if in_pilot else (ALL,):
                cell = 0 if first_in and second_in else 1 if first_in else 2 if second_in else 3
                tables[(first, second, chosen)][cell] += n
                tables[(first, second, chosen)][4] += n if differ else 0
        for first, second, in_pilot, resolver, n in resolved:
            for chosen in (ALL, PILOT) if in_pilot else (ALL,):
                resolvers[(first, second, chosen)][resolver] += n
        for key in sorted(tables, key=lambda k: (k[2] != ALL, k[0], k[1])):
            both, first_only, second_only, neither, conflicts = tables[key]
            found.append(Agreement(each, (key[0], key[1]), key[2], both, first_only, second_only, neither,
                                   conflicts, dict(resolvers.get(key, {}))))
    return found


def pilot_records(review: Review) -> list[int]:
    """The pilot sample's record ids (empty when there is no pilot)."""
    return [int(i) for i in get_setting(review, PILOT_SETTING) or []]


def mark_pilot(review: Review, size: int, *, seed: int | None = None, reviewer: str) -> list[int]:
    """Draw a pilot of ``size`` records to be screened at title/abstract (``seed`` repeats a draw); returns them."""
    if size < 1:
        raise ValueError("a pilot needs at least one record")
    candidates = sorted(eligible_ids(review, "title-abstract"))
    if size > len(candidates):
        raise ValueError(f"a pilot of {size} records is larger than the {len(candidates)} records to be screened")
    chosen = sorted(random.Random(seed).sample(candidates, size))
    with review.transaction() as session:
        change_setting(session, PILOT_SETTING, lambda _old: chosen, reviewer=reviewer, action="mark pilot")
    return chosen


_SCREENED = {"title-abstract": "titles and abstracts", "full-text": "full-text reports"}


def _disagreements(n: int, verb: str) -> str:
    """ "1 disagreement was" / "188 disagreements were" (``verb`` is "was" or "is")."""
    plural = {"was": "were", "is": "are"}[verb]
    return f"{n:,} disagreement {verb}" if n == 1 else f"{n:,} disagreements {plural}"


def methods_sentence(review: Review, stage: str = "title-abstract") -> str | None:
    """A sentence for a review's methods section on dual screening at ``stage`` (None if no pair screened).

    "Two reviewers independently screened 4,212 titles and abstracts (agreement 91%, Cohen's kappa
    0.72); 188 disagreements were resolved by a third reviewer." Several pairs are pooled.
    """
    pairs = [a for a in reviewer_agreement(review, stage) if a.set == ALL and a.records]
    if not pairs:
        return None
    pooled = Agreement(stage, ("", ""), ALL, *(sum(getattr(a, f) for a in pairs) for f in (
        "both_include", "first_only", "second_only", "neither", "conflicts")))
    kappa = "" if pooled.kappa_undefined else f", Cohen's kappa {pooled.kappa:.2f}"
    share = pooled.agreement or 0.0
    reviewers = {name for a in pairs for name in a.reviewers}
    who = "Two reviewers" if len(reviewers) == 2 else f"Pairs of {len(reviewers)} reviewers"
    sentence = (f"{who} independently screened {pooled.records:,} {_SCREENED[stage]} "
                f"(agreement {share:.0%}{kappa})")
    resolved_by: dict[str, int] = defaultdict(int)
    for a in pairs:
        for name, n in a.resolved_by.items():
            resolved_by[name] += n
    resolved = sum(resolved_by.values())
    if pooled.conflicts:
        by = "a third reviewer" if not set(resolved_by) & reviewers else "the lead reviewer"
        if not resolved:
            sentence += f"; {_disagreements(pooled.conflicts, 'is')} not resolved yet"
        else:
            sentence += f"; {_disagreements(resolved, 'was')} resolved by {by}"
        if resolved and resolved < pooled.conflicts:
            sentence += f" ({pooled.conflicts - resolved:,} not resolved yet)"
    return sentence + "."
