"""The relevance ranking of a review's undecided records at a stage, and how far screening has got.

The model learns from the decisions of the stage: include and **maybe** count as relevant (a
"maybe" goes on to the next stage, so records like it are the ones to see early), exclude as not
relevant. By default the decisions are the agreed ones (reviewers who disagree teach nothing);
naming a reviewer uses that reviewer's own decisions only, and "undecided" then means not yet
decided by that reviewer, so that in blind dual screening each reviewer gets an order of their own.

Until there is at least one relevant and one irrelevant decision the order is the import order.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import text

from curator.ranking.model import MODEL_NAME, RelevanceModel, record_text
from curator.review.eligibility import eligible_ids
from curator.review.screening import DecisionView, current_decisions, reconcile
from curator.store.database import Review
from curator.store.stored_fields import unpack

RELEVANT_VERDICTS = ("include", "maybe")
_KEYWORDS_LINE = re.compile(r"^Keywords: (.*)$", re.M)
#: Fewer decisions than this on either side and the number of includes left is not estimated.
MIN_PER_SIDE_FOR_ESTIMATE = 5
ESTIMATE_METHOD = ("sum of the inclusion probabilities of the undecided records, from a logistic regression"
                   " on the decided ones (rough: the decided records were picked by the ranking)")


@dataclass(frozen=True)
class RankedRecordId:
    """An undecided record of the review and its relevance score (higher: screen it sooner)."""

    id: int
    score: float


@dataclass
class ReviewRanking:
    """The undecided records of a stage, best first, and what the order was learnt from."""

    stage: str
    reviewer: str | None
    trained_on: dict[str, int]
    trained_at: datetime | None
    records: list[RankedRecordId] = field(default_factory=list)
    consecutive_irrelevant: int = 0
    estimated_remaining: dict[str, Any] = field(default_factory=dict)

    @property
    def model(self) -> str:
        """The model's name, or what orders the records before there is one."""
        return MODEL_NAME if self.trained_at else "import order (no include and exclude decided yet)"

    def summary(self) -> dict[str, Any]:
        """The state of the ranking as JSON-ready data (the shape of ``curator ranking --json``)."""
        return {
            "model": self.model, "stage": self.stage, "reviewer": self.reviewer,
            "trained_on": dict(self.trained_on),
            "trained_at": self.trained_at.isoformat(timespec="seconds") if self.trained_at else None,
            "undecided": len(self.records), "consecutive_irrelevant": self.consecutive_irrelevant,
            "estimated_remaining": dict(self.estimated_remaining),
        }


def _texts(review: Review, ids: list[int]) -> dict[int, str]:
    """The model's text of each record: effective title, abstract (curated where edited) and keywords."""
    out: dict[int, str] = {}
    wanted = set(ids)
    with review.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, title, text, extracted, curated FROM records ORDER BY id"))
        for row in rows:
            record_id: int = row[0]
            if record_id not in wanted:
                continue
            title: str = row[1] or ""
            page: str = row[2] or ""
            stored: dict[str, Any] = json.loads(row[3]) if isinstance(row[3], str) else (row[3] or {})
            edits: dict[str, Any] = json.loads(row[4]) if isinstance(row[4], str) else (row[4] or {})
            abstract = edits["abstract"]["value"] if "abstract" in edits else unpack(stored, page)["abstract"]
            keywords = "; ".join(_KEYWORDS_LINE.findall(page))
            out[record_id] = record_text(title, str(abstract or ""), keywords)
    return out


def stage_decisions(review: Review, stage: str, reviewer: str | None = None) -> list[tuple[int, bool, int]]:
    """(record id, relevant?, decision id) of every decided record, oldest decision first.

    ``reviewer`` None takes the agreed decisions (conflicts left out); a name takes that reviewer's.
    """
    decided: list[tuple[int, bool, int]] = []
    for record_id, decisions in current_decisions(review, stage).items():
        mine: list[DecisionView] = [d for d in decisions if reviewer is None or d.reviewer == reviewer]
        if not mine:
            continue
        agreed = reconcile(mine)
        if agreed.verdict is None:
            continue
        decided.append((record_id, agreed.verdict in RELEVANT_VERDICTS, max(d.id for d in mine)))
    decided.sort(key=lambda item: item[2])
    return decided


def _consecutive_irrelevant(decided: list[tuple[int, bool, int]]) -> int:
    count = 0
    for _record_id, relevant, _decision in reversed(decided):
        if relevant:
            break
        count += 1
    return count


def _estimate_remaining(model: RelevanceModel, labels: dict[str, bool], undecided: list[str]) -> dict[str, Any]:
    relevant = sum(labels.values())
    irrelevant = len(labels) - relevant
    if not undecided:
        return {"value": 0, "method": "no undecided records are left"}
    if min(relevant, irrelevant) < MIN_PER_SIDE_FOR_ESTIMATE:
        return {"value": None, "method": ESTIMATE_METHOD,
                "reason": f"too few decisions to estimate: it needs {MIN_PER_SIDE_FOR_ESTIMATE} relevant and"
                          f" {MIN_PER_SIDE_FOR_ESTIMATE} irrelevant (now {relevant} and {irrelevant})"}
    from sklearn.linear_model import LogisticRegression

    rows = [model.position[i] for i in labels]
    y = np.array([1 if labels[i] else 0 for i in labels])
    regression = LogisticRegression(C=1.0, max_iter=1000)
    regression.fit(model.features[rows], y)
    pool = [model.position[i] for i in undecided]
    expected = float(regression.predict_proba(model.features[pool])[:, 1].sum())
    return {"value": round(expected, 1), "method": ESTIMATE_METHOD}


def rank_undecided(review: Review, stage: str = "title-abstract", reviewer: str | None = None, *,
                   estimate: bool = False) -> ReviewRanking:
    """The records still to decide at ``stage``, most relevant first, learnt from the stage's decisions.

    ``reviewer`` None uses the agreed decisions; a name uses only that reviewer's (see the module).
    ``estimate`` also estimates how many relevant records are left among the undecided.
    """
    eligible = sorted(eligible_ids(review, stage))
    eligible_set = set(eligible)
    decided = [d for d in stage_decisions(review, stage, reviewer) if d[0] in eligible_set]
    relevant_ids = {record_id for record_id, relevant, _ in decided if relevant}
    decided_ids = {record_id for record_id, _, _ in decided}
    # agreed mode: a record in conflict is not undecided either (it waits for agreement, not for screening)
    touched = set(current_decisions(review, stage)) if reviewer is None else decided_ids
    undecided = [i for i in eligible if i not in touched]
    trained_on = {"include": len(relevant_ids), "exclude": len(decided_ids) - len(relevant_ids)}
    ranking = ReviewRanking(stage, reviewer, trained_on, None,
                            consecutive_irrelevant=_consecutive_irrelevant(decided))
    labels = {str(record_id): relevant for record_id, relevant, _ in decided}
    if not RelevanceModel.can_learn(labels) or not undecided:
        ranking.records = [RankedRecordId(i, 0.0) for i in undecided]
        ranking.estimated_remaining = {
            "value": 0 if not undecided else None, "method": ESTIMATE_METHOD,
            "reason": None if not undecided else "nothing to learn from yet: it needs an include and an exclude"}
        return ranking
    undecided_set = set(undecided)
    known = [i for i in eligible if i in decided_ids or i in undecided_set]
    texts = _texts(review, known)
    model = RelevanceModel([str(i) for i in known], [texts[i] for i in known])
    ranked = model.rank(labels)
    ranking.trained_at = datetime.now(UTC)
    ranking.records = [RankedRecordId(int(r.id), r.score) for r in ranked]
    if estimate:
        ranking.estimated_remaining = _estimate_remaining(model, labels, [str(i) for i in undecided])
    return ranking
