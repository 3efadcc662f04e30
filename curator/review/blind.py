"""What one reviewer may see of a record in dual screening: their own verdict, the others' only when allowed.

Screening is blind: while a reviewer has not decided a record at a stage, the other reviewers'
verdicts, reasons, notes and tags on it are hidden from them. They are shown (with who decided
what) once that reviewer and another have both decided, and always to the review's lead. In
single screening nothing is hidden. The window asks these functions and shows what they return.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from curator.review.records import NoteView, RecordView, get_record
from curator.review.screening import DecisionView, check_stage, current_decisions, standing_resolutions
from curator.review.screening_mode import is_dual, is_lead
from curator.store.blind_rights import hidden_stages
from curator.store.database import Review


@dataclass(frozen=True)
class ScreeningView:
    """One reviewer's view of a record at a stage.

    ``others`` is empty while ``hidden`` is true; ``resolution`` is the resolution that stands
    (shown only when the others are).
    """

    record_id: int
    stage: str
    reviewer: str
    own: DecisionView | None
    others: tuple[DecisionView, ...]
    hidden: bool
    resolution: DecisionView | None = None

    @property
    def conflict(self) -> bool:
        """True when the verdicts shown disagree and no resolution stands."""
        shown = {d.verdict for d in self.others} | ({self.own.verdict} if self.own else set())
        return len(shown) > 1 and self.resolution is None


def _hides_others(review: Review, stage: str, reviewer: str, decided: list[DecisionView]) -> bool:
    if not is_dual(review, stage) or is_lead(review, reviewer):
        return False
    names = {d.reviewer for d in decided}
    return reviewer not in names or len(names) < 2


def hides_others(review: Review, record_id: int, stage: str, reviewer: str) -> bool:
    """True when ``reviewer`` must not see other reviewers' verdicts, reasons and notes on the record."""
    check_stage(stage)
    decided = current_decisions(review, stage, [record_id]).get(record_id, [])
    return _hides_others(review, stage, reviewer, decided)


def screening_view(review: Review, record_id: int, stage: str, reviewer: str) -> ScreeningView:
    """What ``reviewer`` may see of the decisions on a record at ``stage``."""
    check_stage(stage)
    decided = current_decisions(review, stage, [record_id]).get(record_id, [])
    own = next((d for d in decided if d.reviewer == reviewer), None)
    if _hides_others(review, stage, reviewer, decided):
        return ScreeningView(record_id, stage, reviewer, own, (), True)
    others = tuple(sorted((d for d in decided if d.reviewer != reviewer), key=lambda d: d.reviewer))
    resolution = standing_resolutions(review, stage, [record_id]).get(record_id)
    return ScreeningView(record_id, stage, reviewer, own, others, False, resolution)


def visible_notes(review: Review, record_id: int, stage: str, reviewer: str,
                  notes: list[NoteView] | None = None) -> list[NoteView]:
    """The record's notes ``reviewer`` may read: all of them, or only their own while the others are hidden.

    ``notes``: the record's notes when the caller has them already (else they are read).
    """
    notes = get_record(review, record_id).notes if notes is None else notes
    if hides_others(review, record_id, stage, reviewer):
        return [n for n in notes if n.reviewer == reviewer]
    return notes


@dataclass(frozen=True)
class TagView:
    """A tag on a record as one reviewer sees it: who put it on ("" when not kept), and whether it is theirs."""

    name: str
    tagged_by: str
    own: bool


def visible_tags(review: Review, record: RecordView, stage: str, reviewer: str) -> list[TagView]:
    """The record's tags ``reviewer`` may see, by name: all of them with who tagged, or only their own while
    the others are hidden (a tag whose author was not kept counts as another's)."""
    tags = [TagView(name, record.tagged_by.get(name, ""), record.tagged_by.get(name) == reviewer)
            for name in record.tags]
    if any(not t.own for t in tags) and hides_others(review, record.id, stage, reviewer):
        return [t for t in tags if t.own]
    return tags


def screening_reviewers(review: Review) -> list[str]:
    """Everyone who has made a screening decision in the review (resolutions aside), by name."""
    with review.engine.connect() as connection:
        return [row[0] for row in connection.execute(text(
            "SELECT DISTINCT reviewer FROM decisions WHERE resolves IS NULL ORDER BY reviewer"))]


def stages_kept_from_login(review: Review) -> tuple[str, ...]:
    """The stages at which the server keeps the other reviewers' verdicts from this review's login.

    On a server review screened in dual mode, a login that is not a lead reads another reviewer's
    verdict on a record only once it has decided that record (:mod:`curator.store.blind_rights`):
    counts over the whole review are then beyond it. None on a review file, for a lead, in single mode.
    """
    if not review.server:
        return ()
    with review.engine.connect() as connection:
        return hidden_stages(connection)


def check_every_verdict_seen(review: Review, needed_for: str) -> None:
    """ValueError in one sentence when the server keeps other reviewers' verdicts from this login.

    ``needed_for``: what needs every verdict, in words ("the PRISMA counts").
    """
    stages = stages_kept_from_login(review)
    if stages:
        login = review.engine.url.username or "this login"
        raise ValueError(f"{needed_for} need every reviewer's verdicts, and in blind dual screening the server"
                         f" shows {login} another reviewer's verdict at {' and '.join(stages)} only on records"
                         f" {login} has decided; a lead sees them all: ask a lead, or log in as one")
