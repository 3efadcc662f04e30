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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import text

from curator.ranking.decided import screening_state
from curator.ranking.model import MODEL_NAME, RankedRecord, RelevanceModel, record_text
from curator.ranking.remaining_sample import current_sample, sample_estimate
from curator.store.database import Review
from curator.store.stored_fields import unpack

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
    #: Whether each decided record was relevant, oldest decision first: the recall-so-far curve.
    screened: list[bool] = field(default_factory=list)
    #: The undecided records of the random sample drawn to estimate what is left (to screen first).
    sample_pending: list[int] = field(default_factory=list)

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
            "estimated_remaining": dict(self.estimated_remaining), "sample_to_screen": list(self.sample_pending),
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


class RankingCancelled(Exception):
    """A newer request superseded this ranking before it was finished."""


class ModelKeeper:
    """Keeps a review's :class:`RelevanceModel` between rankings, so that each one only refits.

    The features are built on the first ranking and again only when the records ranked change (an
    import, a record set aside). A ranking from the same labels as the last one is not refitted. An
    edit to a title or abstract is read when the features are next built (reopening the review).
    Not thread-safe: one ranking at a time.
    """

    def __init__(self) -> None:
        self._ids: list[int] = []
        self.model: RelevanceModel | None = None
        self._last: tuple[dict[str, bool], list[RankedRecord], dict[str, Any] | None] | None = None
        self.builds = 0  # how many times the features were built

    def model_for(self, review: Review, ids: list[int]) -> RelevanceModel:
        """The model of these records (built now if the records changed)."""
        if self.model is None or ids != self._ids:
            texts = _texts(review, ids)
            self.model = RelevanceModel([str(i) for i in ids], [texts[i] for i in ids])
            self._ids, self._last = list(ids), None
            self.builds += 1
        return self.model

    def rank(self, labels: dict[str, bool], undecided: list[str],
             estimate: bool) -> tuple[list[RankedRecord], dict[str, Any] | None]:
        """The model's ranking and (when asked) estimate from ``labels``, the last ones again if unchanged."""
        assert self.model is not None
        if self._last is not None and self._last[0] == labels and (self._last[2] is not None or not estimate):
            return self._last[1], self._last[2]
        ranked = self.model.rank(labels)
        remaining = _estimate_remaining(self.model, labels, undecided) if estimate else None
        self._last = (dict(labels), ranked, remaining)
        return ranked, remaining


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
                   estimate: bool = False, keeper: ModelKeeper | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ReviewRanking:
    """The records still to decide at ``stage``, most relevant first, learnt from the stage's decisions.

    ``reviewer`` None uses the agreed decisions; a name uses only that reviewer's (see the module).
    ``estimate`` also estimates how many relevant records are left among the undecided. A ``keeper``
    keeps the model's features from one ranking to the next (the desk retrains after each decision);
    ``cancelled`` is asked between the steps, and :class:`RankingCancelled` raised when it says True.
    """

    def check() -> None:
        if cancelled is not None and cancelled():
            raise RankingCancelled("a newer ranking was asked for")

    eligible, decided, undecided = screening_state(review, stage, reviewer)
    relevant_ids = {record_id for record_id, relevant, _ in decided if relevant}
    decided_ids = {record_id for record_id, _, _ in decided}
    trained_on = {"include": len(relevant_ids), "exclude": len(decided_ids) - len(relevant_ids)}
    ranking = ReviewRanking(stage, reviewer, trained_on, None,
                            consecutive_irrelevant=_consecutive_irrelevant(decided),
                            screened=[relevant for _, relevant, _ in decided])
    labels = {str(record_id): relevant for record_id, relevant, _ in decided}
    sample = current_sample(review, stage, reviewer)
    from_sample = None
    if sample is not None:
        undecided_set = set(undecided)
        ranking.sample_pending = [i for i in sample.ids if i in undecided_set]
        from_sample = sample_estimate(sample, {i: relevant for i, relevant, _ in decided}, set(eligible),
                                      len(undecided))
    if not RelevanceModel.can_learn(labels) or not undecided:
        ranking.records = [RankedRecordId(i, 0.0) for i in undecided]
        ranking.estimated_remaining = _with_sample({
            "value": 0 if not undecided else None, "method": ESTIMATE_METHOD,
            "reason": None if not undecided else "nothing to learn from yet: it needs an include and an exclude"},
            from_sample)
        return ranking
    check()
    # the features are of every eligible record (they use no decision); records in conflict are not ranked
    keeper = keeper or ModelKeeper()
    keeper.model_for(review, eligible)
    check()
    ranked, remaining = keeper.rank(labels, [str(i) for i in undecided], estimate)
    undecided_set = set(undecided)
    ranking.trained_at = datetime.now(UTC)
    ranking.records = [RankedRecordId(int(r.id), r.score) for r in ranked if int(r.id) in undecided_set]
    if remaining is not None or from_sample is not None:
        ranking.estimated_remaining = _with_sample(remaining or {}, from_sample)
    return ranking


def _with_sample(from_model: dict[str, Any], from_sample: dict[str, Any] | None) -> dict[str, Any]:
    """The estimate to give: the random sample's once it is decided, else the model's (and how far the sample is)."""
    if from_sample is None:
        return from_model
    if from_sample["value"] is not None or not from_model:
        return from_sample
    return from_model | {"sample": from_sample["sample"], "sample_reason": from_sample["reason"]}
