"""Estimating the relevant records still undecided from a random sample of them that the reviewer screens.

The reviewer asks for N random undecided records of a stage and decides them like any other. Once
every record of the sample is decided, the share of relevant ones (include or maybe) in it,
times the records still undecided, estimates how many relevant records are left, with a 95%
Clopper-Pearson (exact binomial) interval. Unlike the model's own estimate it does not depend on
the ranking that chose what was screened: the sample is drawn at random from what was left.

The draw is reproducible (``random.Random(seed).sample`` over the undecided record ids, ascending)
and kept in the review's settings (key :data:`SAMPLE_SETTING`, one sample per stage and reviewer,
a newer draw replacing the older), so the estimate can be made once the sample is decided, in
another session or on another computer. The records decided since the draw by the ranking's order
were the likeliest includes, so as screening goes on the estimate leans high: draw a new sample
for a fresh one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from curator.ranking.decided import screening_state
from curator.store.audit import change_setting
from curator.store.database import Review, get_setting

SAMPLE_SETTING = "ranking random samples"
CONFIDENCE = 0.95
INTERVAL_METHOD = "95% Clopper-Pearson (exact binomial) interval of the share, times the records undecided"


@dataclass(frozen=True)
class RemainingSample:
    """A random sample of a stage's undecided records, drawn to estimate what is left."""

    stage: str
    reviewer: str | None
    ids: list[int]
    seed: int
    drawn_at: str
    undecided_at_draw: int

    def stored(self) -> dict[str, Any]:
        return {"ids": list(self.ids), "seed": self.seed, "drawn_at": self.drawn_at,
                "undecided_at_draw": self.undecided_at_draw}


def _key(stage: str, reviewer: str | None) -> str:
    return f"{stage}|{reviewer or ''}"


def draw_sample(review: Review, size: int, stage: str = "title-abstract", reviewer: str | None = None, *,
                seed: int | None = None, actor: str) -> RemainingSample:
    """Draw ``size`` random records among the undecided ones of ``stage`` (all of them when fewer) and keep them.

    ``reviewer`` None samples what is undecided by the agreed decisions; a name, what that reviewer has
    not decided. The same ``seed`` and undecided records give the same sample; None picks a seed at random
    (kept with the sample). ``actor`` is who asked (the change is logged).
    """
    if size < 1:
        raise ValueError("a sample needs at least one record")
    undecided = screening_state(review, stage, reviewer)[2]
    if not undecided:
        raise ValueError(f"no records are undecided at {stage}: there is nothing left to estimate")
    if seed is None:
        seed = random.SystemRandom().randrange(2**31)
    chosen = sorted(random.Random(seed).sample(undecided, min(size, len(undecided))))
    sample = RemainingSample(stage, reviewer, chosen, int(seed), datetime.now(UTC).isoformat(timespec="seconds"),
                             len(undecided))
    with review.transaction() as session:
        change_setting(session, SAMPLE_SETTING, lambda old: dict(old or {}) | {_key(stage, reviewer): sample.stored()},
                       reviewer=actor, action="draw a random sample to estimate the relevant records left")
    return sample


def current_sample(review: Review, stage: str = "title-abstract", reviewer: str | None = None) -> RemainingSample | None:
    """The latest sample drawn for ``stage`` and ``reviewer``, or None."""
    stored = (get_setting(review, SAMPLE_SETTING) or {}).get(_key(stage, reviewer))
    if not isinstance(stored, dict):
        return None
    return RemainingSample(stage, reviewer, [int(i) for i in stored.get("ids", [])], int(stored.get("seed", 0)),
                           str(stored.get("drawn_at", "")), int(stored.get("undecided_at_draw", 0)))


def clopper_pearson(successes: int, trials: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The exact (Clopper-Pearson) binomial interval of a share: ``successes`` out of ``trials``."""
    from scipy.stats import beta

    if trials < 1 or not 0 <= successes <= trials:
        raise ValueError("the successes must be between 0 and the trials, and there must be trials")
    tail = (1 - confidence) / 2
    low = 0.0 if successes == 0 else float(beta.ppf(tail, successes, trials - successes + 1))
    high = 1.0 if successes == trials else float(beta.ppf(1 - tail, successes + 1, trials - successes))
    return low, high


def sample_estimate(sample: RemainingSample, relevant: dict[int, bool], eligible: set[int],
                    undecided: int) -> dict[str, Any]:
    """The estimate of the relevant records left from ``sample`` (the ``estimated_remaining`` shape).

    ``relevant`` holds the decided records (id -> relevant?), ``eligible`` the records of the stage now
    (a sampled record set aside since is left out of the sample), ``undecided`` how many are undecided now.
    ``value`` is None, with a ``reason``, until every record of the sample is decided.
    """
    ids = [i for i in sample.ids if i in eligible]
    decided = [relevant[i] for i in ids if i in relevant]
    progress = {"size": len(ids), "decided": len(decided), "included": sum(decided), "seed": sample.seed,
                "drawn_at": sample.drawn_at, "undecided_at_draw": sample.undecided_at_draw}
    method = f"random sample of {len(ids)}"
    if not ids:
        return {"value": None, "method": method, "sample": progress,
                "reason": "every sampled record was set aside since: draw a new sample"}
    if len(decided) < len(ids):
        return {"value": None, "method": method, "sample": progress,
                "reason": f"{len(decided)} of the {len(ids)} sampled records decided: the estimate comes once all are"}
    included = sum(decided)
    low, high = clopper_pearson(included, len(ids))
    share = included / len(ids)
    return {"value": round(share * undecided, 1), "method": f"{method}: {included} included",
            "interval": [round(low * undecided, 1), round(high * undecided, 1)], "confidence": CONFIDENCE,
            "interval_method": INTERVAL_METHOD, "sample": progress}
