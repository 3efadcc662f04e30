"""Each reviewer's risk-of-bias appraisal of a record: answers, support quotes, the proposals, overrides.

A reviewer answers the RoB 2 signalling questions (in any order, a few at a time); the tool's
decision rules propose each domain's judgement and the overall one, kept with the answers. The
reviewer may override any proposal with a written reason; the proposal is kept beside it. Two
reviewers appraise independently; where their judgements differ the lead resolves the domain
(``resolve``), and :func:`final_appraisal` gives what stands for the exports. Every change is audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from curator.appraisal import rob2
from curator.review.records import RecordNotFound
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.models import Appraisal, AppraisalResolution, Record, utcnow

TOOLS = (rob2.TOOL,)
PARTS = (*rob2.DOMAINS, rob2.OVERALL)
KEEP_PROPOSAL = "proposed"  # an override set to this is dropped: the proposal stands again


@dataclass(frozen=True)
class AppraisalView:
    """One reviewer's appraisal of one record, as plain data."""

    record_id: int
    tool: str
    reviewer: str
    answers: dict[str, str]  # as given, skipped questions included
    support: dict[str, dict[str, Any]]  # question id -> {"text": quote, "evidence": [[start, end]]}
    proposed: dict[str, str | None]  # D1..D5, overall
    overrides: dict[str, dict[str, str]]  # D1..D5/overall -> {"judgement", "reason", "by", "at"}
    updated_at: datetime | None = None

    def judgement(self, part: str) -> str | None:
        """What stands for ``part`` (a domain or ``overall``): the override where there is one, else the proposal."""
        if part in self.overrides:
            return self.overrides[part]["judgement"]
        return self.proposed.get(part)

    def judgements(self) -> dict[str, str | None]:
        """What stands for every domain and overall."""
        return {part: self.judgement(part) for part in PARTS}

    def as_json(self) -> dict[str, Any]:
        """The appraisal as ``curator appraise ID --json`` prints it."""
        return {"tool": self.tool, "record": self.record_id, "reviewer": self.reviewer,
                "domains": {d: self.judgement(d) for d in rob2.DOMAINS}, "overall": self.judgement(rob2.OVERALL),
                "proposed": dict(self.proposed), "answers": rob2.effective_answers(self.answers),
                "overrides": {k: dict(v) for k, v in self.overrides.items()}, "support": dict(self.support)}


@dataclass(frozen=True)
class AppraisalChange:
    """What an appraisal step changed: the judgements that stood before and the appraisal after."""

    before: dict[str, str | None]
    after: AppraisalView
    changed: list[str] = field(default_factory=list)  # question ids and parts touched


def _view(row: Appraisal) -> AppraisalView:
    return AppraisalView(row.record_id, row.tool, row.reviewer, dict(row.answers), dict(row.support),
                         dict(row.proposed), dict(row.overrides), row.updated_at)


def _check_tool(tool: str) -> str:
    if tool not in TOOLS:
        raise ValueError(f"the appraisal tools are {', '.join(TOOLS)}, not {tool!r}")
    return tool


def _evidence(text: str, quote: str) -> list[list[int]]:
    """Where ``quote`` stands in the document (first place, any case), as evidence spans."""
    start = text.find(quote)
    if start < 0:
        start = text.lower().find(quote.lower())
    return [[start, start + len(quote)]] if start >= 0 else []


def check_answers(answers: Mapping[str, Any]) -> dict[str, str | None]:
    """Question ids -> canonical answers (None clears one); ValueError in one sentence for an unknown question
    or answer."""
    checked: dict[str, str | None] = {}
    for question, answer in answers.items():
        if answer is None:
            if str(question).strip() not in rob2.QUESTION_BY_ID:
                raise ValueError(f"RoB 2 has no question {question!r}; its questions are"
                                 f" {', '.join(rob2.QUESTION_IDS)}")
            checked[str(question).strip()] = None
        else:
            checked[str(question).strip()] = rob2.check_answer(str(question), str(answer))
    return checked


def check_overrides(overrides: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Domain -> (judgement, reason) checked: a known domain, a judgement, a written reason (or ``proposed``)."""
    checked: dict[str, tuple[str, str]] = {}
    for part, (judgement, reason) in overrides.items():
        domain = rob2.check_domain(part)
        if str(judgement).strip().lower() == KEEP_PROPOSAL:
            checked[domain] = (KEEP_PROPOSAL, "")
            continue
        if not str(reason or "").strip():
            raise ValueError(f"overriding {domain} needs a written reason")
        checked[domain] = (rob2.check_judgement(judgement), str(reason).strip())
    return checked


def _load(session: Session, record_id: int, tool: str, reviewer: str) -> Appraisal | None:
    return session.exec(select(Appraisal).where(Appraisal.record_id == record_id, Appraisal.tool == tool,
                                                Appraisal.reviewer == reviewer)).first()


def appraise(review: Review, record_id: int, *, reviewer: str, tool: str = rob2.TOOL,
             answers: Mapping[str, Any] | None = None, support: Mapping[str, str] | None = None,
             overrides: Mapping[str, tuple[str, str]] | None = None) -> AppraisalChange:
    """Give answers, support quotes and overrides for ``reviewer``'s appraisal of a record; returns what changed.

    Answers replace those of the same questions (others stay; an answer of None clears one); an empty
    quote removes one; an override of ``proposed`` drops it. Everything is checked before anything is written (ValueError,
    RecordNotFound); the proposals are computed again and every change is audited.
    """
    _check_tool(tool)
    given = check_answers(answers or {})
    quotes = {rob2.QUESTION_BY_ID[q.strip()].id: str(t or "").strip() for q, t in (support or {}).items()
              if q.strip() in rob2.QUESTION_BY_ID}
    unknown = [q for q in (support or {}) if q.strip() not in rob2.QUESTION_BY_ID]
    if unknown:
        raise ValueError(f"RoB 2 has no question {unknown[0]!r} to support; its questions are"
                         f" {', '.join(rob2.QUESTION_IDS)}")
    judged = check_overrides(overrides or {})
    with review.transaction() as session:
        record = session.get(Record, record_id)
        if record is None:
            raise RecordNotFound(f"no record {record_id} in this review")
        row = _load(session, record_id, tool, reviewer)
        if row is None:
            row = Appraisal(record_id=record_id, tool=tool, reviewer=reviewer)
        before = _view(row).judgements()
        changed: list[str] = []
        new_answers = dict(row.answers)
        for question, answer in given.items():
            if new_answers.get(question) != answer:
                log_change(session, reviewer, f"answer {tool}", record_id=record_id, field=f"{tool} {question}",
                           old=new_answers.get(question), new=answer)
                if answer is None:
                    new_answers.pop(question, None)
                else:
                    new_answers[question] = answer
                changed.append(question)
        new_support = dict(row.support)
        for question, quote in quotes.items():
            old = new_support.get(question, {}).get("text")
            if (old or "") == quote:
                continue
            if quote:
                new_support[question] = {"text": quote, "evidence": _evidence(record.text, quote)}
            else:
                new_support.pop(question, None)
            log_change(session, reviewer, f"support {tool}", record_id=record_id, field=f"{tool} {question}",
                       old=old, new=quote or None)
            changed.append(question)
        new_overrides = dict(row.overrides)
        for part, (judgement, reason) in judged.items():
            old_override = new_overrides.get(part)
            if judgement == KEEP_PROPOSAL:
                if old_override is None:
                    continue
                new_overrides.pop(part)
                new_value = None
            else:
                if old_override and (old_override["judgement"], old_override["reason"]) == (judgement, reason):
                    continue
                new_value = {"judgement": judgement, "reason": reason, "by": reviewer,
                             "at": utcnow().isoformat(timespec="seconds")}
                new_overrides[part] = new_value
            log_change(session, reviewer, f"override {tool}", record_id=record_id, field=f"{tool} {part}",
                       old=old_override, new=new_value)
            changed.append(part)
        for question, answer in given.items():
            if answer == "NA" and rob2.is_asked(question, new_answers):
                raise ValueError(f"question {question} applies given the other answers, so it cannot be NA")
        proposed = rob2.propose(new_answers)
        if proposed != row.proposed and changed:
            log_change(session, reviewer, f"propose {tool}", record_id=record_id, field=tool,
                       old=dict(row.proposed) or None, new=proposed)
        row.answers, row.support, row.overrides, row.proposed = new_answers, new_support, new_overrides, proposed
        if changed:
            row.updated_at = utcnow()
            session.add(row)
            session.flush()
        return AppraisalChange(before, _view(row), changed)


def get_appraisal(review: Review, record_id: int, reviewer: str, tool: str = rob2.TOOL) -> AppraisalView | None:
    """``reviewer``'s appraisal of the record, if they made one."""
    with review.session() as session:
        row = _load(session, record_id, _check_tool(tool), reviewer)
        return _view(row) if row is not None else None


def record_appraisals(review: Review | Session, record_id: int, tool: str = rob2.TOOL) -> list[AppraisalView]:
    """Every reviewer's appraisal of the record, by reviewer's name."""
    if not isinstance(review, Session):
        with review.session() as session:
            return record_appraisals(session, record_id, tool)
    query = select(Appraisal).where(Appraisal.record_id == record_id, Appraisal.tool == tool)
    return [_view(r) for r in review.exec(query.order_by(col(Appraisal.reviewer)))]


def disagreements(appraisals: list[AppraisalView]) -> dict[str, dict[str, str]]:
    """The domains (and overall) on which reviewers' standing judgements differ: part -> reviewer -> judgement."""
    found: dict[str, dict[str, str]] = {}
    for part in PARTS:
        said = {a.reviewer: j for a in appraisals if (j := a.judgement(part)) is not None}
        if len(set(said.values())) > 1:
            found[part] = said
    return found


@dataclass(frozen=True)
class Resolution:
    """The lead's judgement of a part the reviewers disagreed on."""

    record_id: int
    domain: str
    judgement: str
    reason: str
    resolved_by: str


def resolve(review: Review, record_id: int, part: str, judgement: str, *, reason: str, reviewer: str,
            tool: str = rob2.TOOL) -> Resolution:
    """The lead settles a domain (or overall) on which the record's reviewers disagree; returns the resolution.

    ValueError when they do not disagree on it, for an unknown domain or judgement, or without a reason.
    """
    _check_tool(tool)
    domain, judgement = rob2.check_domain(part), rob2.check_judgement(judgement)
    if not reason.strip():
        raise ValueError(f"resolving {domain} needs a written reason")
    with review.transaction() as session:
        if session.get(Record, record_id) is None:
            raise RecordNotFound(f"no record {record_id} in this review")
        if domain not in disagreements(record_appraisals(session, record_id, tool)):
            raise ValueError(f"the reviewers of record {record_id} do not disagree on {domain}; nothing to resolve")
        row = session.exec(select(AppraisalResolution).where(
            AppraisalResolution.record_id == record_id, AppraisalResolution.tool == tool,
            AppraisalResolution.domain == domain)).first()
        old = {"judgement": row.judgement, "reason": row.reason} if row else None
        if row is None:
            row = AppraisalResolution(record_id=record_id, tool=tool, domain=domain, judgement=judgement,
                                      reason=reason.strip(), resolved_by=reviewer)
        else:
            row.judgement, row.reason, row.resolved_by, row.resolved_at = judgement, reason.strip(), reviewer, utcnow()
        session.add(row)
        log_change(session, reviewer, f"resolve {tool}", record_id=record_id, field=f"{tool} {domain}", old=old,
                   new={"judgement": judgement, "reason": reason.strip()})
        return Resolution(record_id, domain, judgement, reason.strip(), reviewer)


def restore_resolution(review: Review, record_id: int, part: str, earlier: Resolution | None, *, reviewer: str,
                       tool: str = rob2.TOOL) -> None:
    """Put back what stood for ``part`` before the last resolution: ``earlier``, or no resolution (an undo).

    Audited like a resolution; the reviewers' appraisals are untouched.
    """
    _check_tool(tool)
    domain = rob2.check_domain(part)
    with review.transaction() as session:
        row = session.exec(select(AppraisalResolution).where(
            AppraisalResolution.record_id == record_id, AppraisalResolution.tool == tool,
            AppraisalResolution.domain == domain)).first()
        old = {"judgement": row.judgement, "reason": row.reason} if row else None
        if earlier is None:
            if row is not None:
                session.delete(row)
        else:
            if row is None:
                row = AppraisalResolution(record_id=record_id, tool=tool, domain=domain, judgement=earlier.judgement,
                                          reason=earlier.reason, resolved_by=earlier.resolved_by)
            row.judgement, row.reason, row.resolved_by = earlier.judgement, earlier.reason, earlier.resolved_by
            row.resolved_at = utcnow()
            session.add(row)
        new = {"judgement": earlier.judgement, "reason": earlier.reason} if earlier else None
        log_change(session, reviewer, f"undo resolve {tool}", record_id=record_id, field=f"{tool} {domain}",
                   old=old, new=new)


@dataclass(frozen=True)
class FinalAppraisal:
    """What stands for one record: each domain and overall (None: open or unresolved), who appraised, the quotes."""

    record_id: int
    reviewers: list[str]
    judgements: dict[str, str | None]
    unresolved: list[str]
    resolutions: dict[str, Resolution]
    support: dict[str, dict[str, str]]  # reviewer -> question id -> quote


def final_appraisal(session: Session, record_id: int, tool: str = rob2.TOOL) -> FinalAppraisal | None:
    """The record's standing judgements: one reviewer's, or where several agree, or the lead's resolution."""
    appraisals = record_appraisals(session, record_id, tool)
    if not appraisals:
        return None
    resolutions = {r.domain: Resolution(r.record_id, r.domain, r.judgement, r.reason, r.resolved_by)
                   for r in session.exec(select(AppraisalResolution).where(
                       AppraisalResolution.record_id == record_id, AppraisalResolution.tool == tool))}
    disputed = disagreements(appraisals)
    judgements: dict[str, str | None] = {}
    unresolved = []
    for part in PARTS:
        if part in disputed:
            resolution = resolutions.get(part)
            judgements[part] = resolution.judgement if resolution else None
            if resolution is None:
                unresolved.append(part)
        else:
            said = [j for a in appraisals if (j := a.judgement(part)) is not None]
            judgements[part] = said[0] if said else None
    return FinalAppraisal(record_id, [a.reviewer for a in appraisals], judgements, unresolved,
                          {d: r for d, r in resolutions.items() if d in disputed},
                          {a.reviewer: {q: s["text"] for q, s in a.support.items()} for a in appraisals})


def appraised_record_ids(review: Review | Session, tool: str = rob2.TOOL) -> list[int]:
    """The records that have at least one appraisal with ``tool``, in id order."""
    if not isinstance(review, Session):
        with review.session() as session:
            return appraised_record_ids(session, tool)
    query = select(Appraisal.record_id).where(Appraisal.tool == tool).distinct()
    return sorted(review.exec(query).all())


def final_appraisals(review: Review, tool: str = rob2.TOOL) -> list[FinalAppraisal]:
    """What stands for every appraised record, in record id order (for the exports)."""
    with review.session() as session:
        found = [final_appraisal(session, rid, tool) for rid in appraised_record_ids(session, tool)]
    return [f for f in found if f is not None]
