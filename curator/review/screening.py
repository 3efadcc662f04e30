"""Screening decisions and exclusion reasons.

Every decision is kept. The current decision of a reviewer on a record at a
stage is their latest one that has not been undone; with several reviewers,
the record's verdict at a stage is the one they agree on, and a disagreement
is a conflict (reported, not counted).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, text
from sqlmodel import Session, col, select

from curator.review.eligibility import why_not_eligible
from curator.review.screening_mode import is_dual
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.models import ACTORS, STAGES, VERDICTS, Decision, ExclusionReason, Record


@dataclass(frozen=True)
class DecisionView:
    """A decision as plain data."""

    id: int
    record_id: int
    stage: str
    reviewer: str
    verdict: str
    reason: str | None
    note: str | None
    actor: str
    decided_at: datetime
    retracted: bool = False
    resolves: tuple[int, ...] | None = None  # a resolution: the reviewers' decisions it settles


def _view(d: Decision) -> DecisionView:
    return DecisionView(
        d.id or 0, d.record_id, d.stage, d.reviewer, d.verdict, d.reason, d.note, d.actor, d.decided_at, d.retracted,
        tuple(d.resolves) if d.resolves is not None else None,
    )


def check_stage(stage: str) -> str:
    """``stage`` if it is one of the stages, else ValueError naming them."""
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {stage!r}")
    return stage


def exclusion_reasons(review: Review, stage: str) -> list[str]:
    """The exclusion reasons offered at ``stage``, in order."""
    check_stage(stage)
    with review.session() as session:
        return list(
            session.exec(
                select(ExclusionReason.label)
                .where(ExclusionReason.stage == stage)
                .order_by(col(ExclusionReason.position), col(ExclusionReason.id))
            ).all()
        )


def set_exclusion_reasons(review: Review, stage: str, labels: list[str], *, reviewer: str) -> list[str]:
    """Replace the ordered reason list of ``stage`` (past decisions keep their reason text)."""
    check_stage(stage)
    cleaned: list[str] = []
    for label in labels:
        label = label.strip()
        if label and label.lower() not in (c.lower() for c in cleaned):
            cleaned.append(label)
    if not cleaned:
        raise ValueError("a stage needs at least one exclusion reason")
    with review.transaction() as session:
        old = session.exec(select(ExclusionReason).where(ExclusionReason.stage == stage)).all()
        old_labels = [r.label for r in sorted(old, key=lambda r: r.position)]
        for reason in old:
            session.delete(reason)
        session.flush()
        for position, label in enumerate(cleaned):
            session.add(ExclusionReason(stage=stage, position=position, label=label))
        log_change(session, reviewer, "set exclusion reasons", field=stage, old=old_labels, new=cleaned)
    return cleaned


def _canonical_reason(session: Session, stage: str, reason: str) -> str:
    labels = session.exec(select(ExclusionReason.label).where(ExclusionReason.stage == stage)).all()
    for label in labels:
        if label.lower() == reason.strip().lower():
            return label
    raise ValueError(f"{reason!r} is not an exclusion reason at {stage}; the reasons are: {', '.join(labels)}")


def record_decision(
    review: Review,
    record_id: int,
    verdict: str,
    *,
    stage: str = "title-abstract",
    reviewer: str,
    reason: str | None = None,
    note: str | None = None,
    actor: str = "human",
) -> DecisionView:
    """Record ``reviewer``'s verdict on a record at ``stage``; returns the stored decision.

    A reason is kept only with an exclusion and must be one of the stage's reasons.
    """
    check_stage(stage)
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if actor not in ACTORS:
        raise ValueError(f"actor must be one of {', '.join(ACTORS)}")
    if not reviewer.strip():
        raise ValueError("a decision needs a reviewer's name")
    with review.transaction() as session:
        if session.get(Record, record_id) is None:
            raise LookupError(f"no record {record_id} in this review")
        blocker = why_not_eligible(session.connection(), record_id, stage)
        if blocker:
            raise ValueError(blocker)
        if reason and verdict == "exclude":
            reason = _canonical_reason(session, stage, reason)
        elif verdict != "exclude":
            reason = None
        previous = _current(session, [record_id], stage).get(record_id, {}).get(reviewer)
        decision = Decision(
            record_id=record_id, stage=stage, reviewer=reviewer, verdict=verdict,
            reason=reason or None, note=(note or "").strip() or None, actor=actor,
        )
        session.add(decision)
        session.flush()
        log_change(
            session, reviewer, "decide", record_id=record_id, field=stage,
            old=[previous.verdict, previous.reason] if previous else None, new=[verdict, reason],
        )
        return _view(decision)


def set_decision_retracted(review: Review, decision_id: int, retracted: bool, *, reviewer: str) -> DecisionView:
    """Undo (``retracted=True``) or redo a decision; it stays in the log either way."""
    with review.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            raise LookupError(f"no decision {decision_id}")
        decision.retracted = retracted
        session.add(decision)
        log_change(
            session, reviewer, "undo decision" if retracted else "redo decision",
            record_id=decision.record_id, field=decision.stage, old=[decision.verdict, decision.reason],
        )
        return _view(decision)


_DECISION_COLUMNS = (
    Decision.id, Decision.record_id, Decision.stage, Decision.reviewer, Decision.verdict, Decision.reason,
    Decision.note, Decision.actor, Decision.decided_at, Decision.retracted, Decision.resolves,
)


def _current(session: Session, record_ids: Iterable[int] | None, stage: str) -> dict[int, dict[str, DecisionView]]:
    latest = select(func.max(Decision.id)).where(Decision.stage == stage, col(Decision.retracted).is_(False),
                                                 col(Decision.resolves).is_(None))
    if record_ids is not None:
        # Restrict the grouping itself, so a page of a long list costs only its own rows.
        latest = latest.where(col(Decision.record_id).in_(list(record_ids)))
    latest = latest.group_by(col(Decision.record_id), col(Decision.reviewer))
    # Plain rows, not ORM objects: a review-wide count reads every current decision.
    query = select(*_DECISION_COLUMNS).where(col(Decision.id).in_(latest))  # type: ignore[call-overload]
    current: dict[int, dict[str, DecisionView]] = defaultdict(dict)
    for row in session.execute(query):
        current[row[1]][row[3]] = DecisionView(*row)
    return current


def _standing_resolutions(session: Session, record_ids: Iterable[int] | None, stage: str,
                          current: dict[int, dict[str, DecisionView]]) -> dict[int, DecisionView]:
    # The latest resolution per record stands unless a reviewer has decided the record again since.
    latest = select(func.max(Decision.id)).where(Decision.stage == stage, col(Decision.retracted).is_(False),
                                                 col(Decision.resolves).is_not(None))
    if record_ids is not None:
        latest = latest.where(col(Decision.record_id).in_(list(record_ids)))
    latest = latest.group_by(col(Decision.record_id))
    standing: dict[int, DecisionView] = {}
    for decision in session.exec(select(Decision).where(col(Decision.id).in_(latest))):
        if all(d.id < (decision.id or 0) for d in current.get(decision.record_id, {}).values()):
            standing[decision.record_id] = _view(decision)
    return standing


def standing_resolutions(review: Review, stage: str, record_ids: Iterable[int] | None = None
                         ) -> dict[int, DecisionView]:
    """The resolution that stands on each record at ``stage``: not undone, and no reviewer has decided since."""
    check_stage(stage)
    with review.session() as session:
        return _standing_resolutions(session, record_ids, stage, _current(session, record_ids, stage))


def current_decisions(
    review: Review, stage: str, record_ids: Iterable[int] | None = None
) -> dict[int, list[DecisionView]]:
    """Each reviewer's current decision per record at ``stage`` (all records when ``record_ids`` is None)."""
    check_stage(stage)
    with review.session() as session:
        return {rid: list(by_reviewer.values()) for rid, by_reviewer in _current(session, record_ids, stage).items()}


@dataclass(frozen=True)
class Verdict:
    """A record's verdict at one stage, reconciled across reviewers."""

    verdict: str | None
    reason: str | None
    actor: str | None
    conflict: bool
    reviewers: tuple[str, ...]
    resolved_by: str | None = None  # who settled the reviewers' conflict
    awaiting: bool = False  # dual screening: fewer than two reviewers have decided


def reconcile(decisions: list[DecisionView], *, dual: bool = False,
              resolution: DecisionView | None = None) -> Verdict:
    """The agreed verdict of several reviewers' current decisions; disagreement is a conflict.

    Reviewers agree when their verdicts are equal; for exclusions the reason of the latest
    decision is kept. In ``dual`` screening one verdict alone awaits the second reviewer's
    (an automation tool's exclusion excepted: it is no reviewer's screening).
    A standing ``resolution`` is the verdict, whatever the reviewers decided.
    """
    reviewers = tuple(sorted(d.reviewer for d in decisions))
    if resolution is not None:
        return Verdict(resolution.verdict, resolution.reason, resolution.actor, False, reviewers,
                       resolved_by=resolution.reviewer)
    if not decisions:
        return Verdict(None, None, None, False, ())
    verdicts = {d.verdict for d in decisions}
    if len(verdicts) > 1:
        return Verdict(None, None, None, True, reviewers)
    if dual and len(decisions) < 2 and decisions[0].actor != "automation":
        return Verdict(None, None, None, False, reviewers, awaiting=True)
    latest = max(decisions, key=lambda d: d.id)
    actor = "automation" if all(d.actor == "automation" for d in decisions) else "human"
    return Verdict(latest.verdict, latest.reason, actor, False, reviewers)


_STANDING = ("SELECT record_id, reviewers, first_reviewer, last_reviewer, verdict, reason, actor, conflict,"
             " awaits_second, resolution_reviewer FROM stage_verdicts WHERE stage = :stage")


def _from_standing(row: tuple, reviewers: tuple[str, ...], dual: bool) -> Verdict | None:
    """The verdict of a ``stage_verdicts`` row read in the stage's mode (what :func:`reconcile` says of it)."""
    verdict, reason, actor, conflict, awaits_second, resolved_by = row[4:10]
    if conflict:
        return Verdict(None, None, None, True, reviewers)
    if verdict is None:  # every decision on it undone
        return None
    if dual and awaits_second:
        return Verdict(None, None, None, False, reviewers, awaiting=True)
    return Verdict(verdict, reason, actor, False, reviewers, resolved_by=resolved_by)


def verdicts(review: Review, stage: str, record_ids: Iterable[int] | None = None) -> dict[int, Verdict]:
    """The reconciled verdict per record at ``stage`` (records without a decision are left out).

    Follows the stage's screening mode (see :mod:`curator.review.screening_mode`) and the
    resolutions that stand. Read from where each record stands (``stage_verdicts``, kept by the
    database as decisions are written); the names of three reviewers or more from their decisions.
    """
    check_stage(stage)
    dual = is_dual(review, stage)
    sql = _STANDING
    if record_ids is not None:
        sql += f" AND record_id IN ({', '.join(str(int(i)) for i in record_ids) or 'NULL'})"
    with review.engine.connect() as connection:
        rows = connection.execute(text(sql), {"stage": stage}).all()
    crowded = [row[0] for row in rows if row[1] > 2]
    names: dict[int, tuple[str, ...]] = {}
    if crowded:
        with review.session() as session:
            names = {rid: tuple(sorted(by_reviewer)) for rid, by_reviewer in _current(session, crowded, stage).items()}
    found: dict[int, Verdict] = {}
    for row in rows:
        n = row[1]
        reviewers = names.get(row[0], ()) if n > 2 else (row[2], row[3]) if n == 2 else (row[2],) if n else ()
        verdict = _from_standing(row, reviewers, dual)
        if verdict is not None:
            found[row[0]] = verdict
    return found


def own_verdicts(review: Review, stage: str, reviewer: str,
                 record_ids: Iterable[int] | None = None) -> dict[int, Verdict]:
    """``reviewer``'s own current verdict per record at ``stage``, blind to every other reviewer's."""
    check_stage(stage)
    with review.session() as session:
        current = _current(session, record_ids, stage)
    return {rid: reconcile([by_reviewer[reviewer]]) for rid, by_reviewer in current.items() if reviewer in by_reviewer}


def decision_log(review: Review) -> Iterator[DecisionView]:
    """Every decision ever made, oldest first (undone ones flagged; a resolution names what it ``resolves``)."""
    with review.session() as session:
        for decision in session.exec(select(Decision).order_by(col(Decision.id))):
            yield _view(decision)


def remove_before_screening(
    review: Review, record_id: int, reason: str | None, *, reviewer: str, actor: str = "human"
) -> None:
    """Mark a record removed before screening (``reason`` None puts it back).

    PRISMA counts these apart from duplicates: "marked as ineligible by
    automation tools" when ``actor`` is automation, else "removed for other reasons".
    """
    if actor not in ACTORS:
        raise ValueError(f"actor must be one of {', '.join(ACTORS)}")
    with review.transaction() as session:
        record = session.get(Record, record_id)
        if record is None:
            raise LookupError(f"no record {record_id} in this review")
        old = [record.removed_reason, record.removed_by] if record.removed_reason else None
        reason = (reason or "").strip() or None
        if reason and _current(session, [record_id], "title-abstract").get(record_id):
            raise ValueError(f"record {record_id} has already been screened; removal before screening is for"
                             " records no one has screened (exclude it with a reason instead)")
        record.removed_reason = reason
        record.removed_by = actor if reason else None
        session.add(record)
        log_change(session, reviewer, "remove before screening" if reason else "restore to screening",
                   record_id=record_id, old=old, new=[reason, actor] if reason else None)
