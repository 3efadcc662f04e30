"""Conflicts between reviewers and their resolution by the lead or a third reviewer.

A conflict is a record whose reviewers' current verdicts differ at a stage ("maybe" against
an include or an exclude is one too). A resolution is a decision of its own, by the one who
settles it, naming the reviewers' decisions it settles; their decisions are never edited.
It stands until it is undone (like any decision) or a reviewer decides the record again.

Rules: only a record in conflict can be resolved, to include or exclude; a reviewer who is
part of the conflict cannot settle it unless they are the review's lead.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby, islice
from typing import Any

from sqlalchemy import text

from curator.review.screening import (
    DecisionView,
    check_stage,
    current_decisions,
    exclusion_reasons,
    standing_resolutions,
)
from curator.review.screening_mode import conflicts_sql, current_sql, is_lead, lead_reviewer
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.models import STAGES, Decision, Record

#: The verdicts a resolution can give: a conflict is settled one way or the other.
RESOLUTION_VERDICTS = ("include", "exclude")


@dataclass(frozen=True)
class Conflict:
    """A record whose reviewers disagree at a stage: each reviewer's verdict, and the reasons given."""

    record_id: int
    stage: str
    decisions: dict[str, str]
    reasons: dict[str, str]

    def as_dict(self) -> dict[str, Any]:
        """``{"record_id": 12, "stage": ..., "decisions": {"alice": "include", ...}, "reasons": {"bob": ...}}``."""
        return {"record_id": self.record_id, "stage": self.stage, "decisions": dict(self.decisions),
                "reasons": dict(self.reasons)}


def find_conflicts(review: Review, stage: str | None = None) -> list[Conflict]:
    """Every unresolved conflict at ``stage`` (both stages when None), by stage then record."""
    stages = [check_stage(stage)] if stage else list(STAGES)
    found: list[Conflict] = []
    with review.engine.connect() as connection:
        for each in stages:
            # Only the records in conflict are read (the database keeps which they are: stage_verdicts).
            rows = connection.execute(text(
                f"SELECT record_id, reviewer, verdict, reason FROM ({current_sql(each, conflicts_sql(each))})"
                " AS current_verdicts ORDER BY record_id, reviewer"))
            for record_id, decided in groupby(rows, key=lambda row: row[0]):
                decided = list(decided)
                found.append(Conflict(record_id, each, {r[1]: r[2] for r in decided},
                                      {r[1]: r[3] for r in decided if r[3]}))
    return found


@dataclass(frozen=True)
class ConflictLine:
    """A record the reviewers disagree on at a stage, as the lead reads it: its title, each reviewer's current
    decision (verdict, reason, note) by name, and the resolution that stands (None: still to resolve)."""

    record_id: int
    stage: str
    title: str
    decisions: dict[str, DecisionView]
    resolution: DecisionView | None


def _chunks(ids: list[int], size: int = 5000) -> list[list[int]]:
    it = iter(ids)
    return list(iter(lambda: list(islice(it, size)), []))


def conflict_lines(review: Review, stage: str, *, resolved: bool = True,
                   record_ids: list[int] | None = None) -> list[ConflictLine]:
    """Every record in conflict at ``stage``, by record id: the unresolved ones (as :func:`find_conflicts`) and,
    with ``resolved``, those a resolution settled, with who settled it and how.

    ``record_ids``: only these records (the lines of records just decided on), else the whole stage.
    Not blind: the lead's view (a blind reviewer's desk does not ask for it).
    """
    check_stage(stage)
    if record_ids is None:
        candidates = conflicts_sql(stage)
        if resolved:  # a standing resolution settled a conflict, whatever the reviewers' verdicts are now
            # The database keeps each record's count of verdicts of each kind (stage_verdicts): more than one
            # kind is a disagreement; the decisions themselves are read below for these records only.
            kinds = " + ".join(f"CASE WHEN {kind} > 0 THEN 1 ELSE 0 END" for kind in ("includes", "excludes", "maybes"))
            candidates = (f"SELECT record_id FROM stage_verdicts WHERE stage = :stage"
                          f" AND (resolution_id IS NOT NULL OR {kinds} > 1)")
        with review.engine.connect() as connection:
            record_ids = [row[0] for row in connection.execute(text(candidates), {"stage": stage})]
    found: list[tuple[int, list[DecisionView], DecisionView | None]] = []
    for chunk in _chunks(sorted(set(record_ids))):
        decided = current_decisions(review, stage, chunk)
        settled = standing_resolutions(review, stage, chunk)
        for record_id in chunk:
            decisions, resolution = decided.get(record_id, []), settled.get(record_id)
            disagree = len({d.verdict for d in decisions}) > 1
            if (disagree or resolution is not None) if resolved else (disagree and resolution is None):
                found.append((record_id, decisions, resolution))
    titles: dict[int, str] = {}
    with review.engine.connect() as connection:
        for chunk in _chunks([record_id for record_id, _, _ in found]):
            titles.update(connection.execute(text(
                f"SELECT id, title FROM records WHERE id IN ({', '.join(str(int(i)) for i in chunk)})")).all())
    return [ConflictLine(record_id, stage, titles.get(record_id) or "",
                         {d.reviewer: d for d in sorted(decisions, key=lambda d: d.reviewer)}, resolution)
            for record_id, decisions, resolution in found]


def _reason(review: Review, stage: str, reason: str | None, settled: list[DecisionView]) -> str | None:
    if not reason:
        # The exclusion reason of the latest reviewer who excluded it.
        excluded = [d for d in settled if d.verdict == "exclude" and d.reason]
        return max(excluded, key=lambda d: d.id).reason if excluded else None
    labels = exclusion_reasons(review, stage)
    for label in labels:
        if label.lower() == reason.strip().lower():
            return label
    raise ValueError(f"{reason!r} is not an exclusion reason at {stage}; the reasons are: {', '.join(labels)}")


def resolve_conflict(review: Review, record_id: int, verdict: str, *, stage: str = "title-abstract",
                     reviewer: str, reason: str | None = None) -> DecisionView:
    """Settle the reviewers' conflict on a record at ``stage`` with ``reviewer``'s final verdict.

    The resolution is a decision of its own naming the decisions it settles (``resolves``);
    with an exclusion, ``reason`` is one of the stage's reasons (default: the excluding
    reviewer's); with an inclusion it is kept as the decision's note. Nothing is written when
    a rule is broken (see the module's rules).
    """
    check_stage(stage)
    if verdict not in RESOLUTION_VERDICTS:
        raise ValueError(f"a conflict is resolved to include or exclude, not {verdict!r}")
    reviewer = reviewer.strip()
    if not reviewer:
        raise ValueError("a resolution needs the name of the reviewer who settles it")
    with review.session() as session:
        if session.get(Record, record_id) is None:
            raise LookupError(f"no record {record_id} in this review")
    settled = sorted(current_decisions(review, stage, [record_id]).get(record_id, []), key=lambda d: d.reviewer)
    standing = standing_resolutions(review, stage, [record_id]).get(record_id)
    if standing is not None:
        raise ValueError(f"record {record_id}'s conflict at {stage} is already resolved ({standing.verdict}, by"
                         f" {standing.reviewer}); undo that resolution first to settle it again")
    if len({d.verdict for d in settled}) < 2:
        agreed = f" ({', '.join(d.reviewer + ': ' + d.verdict for d in settled)})" if settled else ""
        raise ValueError(f"record {record_id} has no conflict at {stage} to resolve{agreed}")
    lead = lead_reviewer(review)
    if reviewer in {d.reviewer for d in settled} and not is_lead(review, reviewer):
        raise ValueError(f"{reviewer} screened record {record_id} and cannot settle a conflict they are part of;"
                         f" the lead ({lead or 'none named: see curator screening-mode --lead'}) or a third"
                         " reviewer can")
    note = None
    if verdict == "exclude":
        reason = _reason(review, stage, reason, settled)
    else:
        note, reason = (reason or "").strip() or None, None
    with review.transaction() as session:
        decision = Decision(record_id=record_id, stage=stage, reviewer=reviewer, verdict=verdict, reason=reason,
                            note=note, actor="human", resolves=[d.id for d in settled])
        session.add(decision)
        session.flush()
        log_change(session, reviewer, "resolve conflict", record_id=record_id, field=stage,
                   old={d.reviewer: d.verdict for d in settled}, new=[verdict, reason])
        return DecisionView(decision.id or 0, record_id, stage, reviewer, verdict, reason, note, "human",
                            decision.decided_at, False, tuple(decision.resolves or ()))
