"""What one reviewer may see of a record's risk-of-bias appraisals: their own, the others' only when allowed.

Appraisal is blind, as dual screening is: while a reviewer's own appraisal is not complete (a
domain still without a proposal because a question on its path is open), the other reviewers'
appraisals of the record, and so the disagreements, are hidden from them. The review's lead
(:func:`curator.review.screening_mode.is_lead`) sees every appraisal, the disagreements per
domain and the resolutions at any time. The window asks :func:`appraisal_sight` and shows what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from curator.appraisal import rob2
from curator.appraisal.appraisals import (
    AppraisalView,
    Resolution,
    disagreements,
    final_appraisal,
    record_appraisals,
)
from curator.review.screening_mode import is_lead
from curator.store.database import Review


def is_complete(appraisal: AppraisalView | None) -> bool:
    """True when every domain of the appraisal has a proposed judgement (every question on its path answered)."""
    return appraisal is not None and all(appraisal.proposed.get(d) is not None for d in rob2.DOMAINS)


@dataclass(frozen=True)
class AppraisalSight:
    """One reviewer's view of a record's appraisals.

    ``others`` is empty and ``disagreements`` too while ``hidden`` is true; ``resolutions`` are the
    lead's, for the parts still disputed.
    """

    record_id: int
    reviewer: str
    own: AppraisalView | None
    others: tuple[AppraisalView, ...]
    hidden: bool
    lead: bool
    disagreements: dict[str, dict[str, str]]
    resolutions: dict[str, Resolution]


def appraisal_sight(review: Review, record_id: int, reviewer: str, tool: str = rob2.TOOL) -> AppraisalSight:
    """What ``reviewer`` may see of the record's appraisals with ``tool``."""
    appraisals = record_appraisals(review, record_id, tool)
    own = next((a for a in appraisals if a.reviewer == reviewer), None)
    others = tuple(a for a in appraisals if a.reviewer != reviewer)
    lead = is_lead(review, reviewer)
    if others and not lead and not is_complete(own):
        return AppraisalSight(record_id, reviewer, own, (), True, lead, {}, {})
    with review.session() as session:
        final = final_appraisal(session, record_id, tool)
    return AppraisalSight(record_id, reviewer, own, others, False, lead, disagreements(appraisals),
                          dict(final.resolutions) if final is not None else {})
