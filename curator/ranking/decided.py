"""Which records of a stage are decided (relevant or not) and which are still to screen, for the ranking.

Include and **maybe** count as relevant (a "maybe" goes on to the next stage), exclude as not.
``reviewer`` None takes the agreed decisions: a record the reviewers disagree on is neither decided
nor undecided (it waits for agreement, not for screening). A reviewer's name takes that reviewer's
own decisions, and "undecided" is then what that reviewer has not decided.
"""

from __future__ import annotations

from curator.review.eligibility import eligible_ids
from curator.review.screening import DecisionView, current_decisions, reconcile
from curator.store.database import Review

RELEVANT_VERDICTS = ("include", "maybe")


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


def screening_state(review: Review, stage: str,
                    reviewer: str | None = None) -> tuple[list[int], list[tuple[int, bool, int]], list[int]]:
    """(the eligible records, their decisions as :func:`stage_decisions` gives them, the undecided ones),
    ids ascending for the records."""
    eligible = sorted(eligible_ids(review, stage))
    eligible_set = set(eligible)
    decided = [d for d in stage_decisions(review, stage, reviewer) if d[0] in eligible_set]
    touched = set(current_decisions(review, stage)) if reviewer is None else {d[0] for d in decided}
    return eligible, decided, [i for i in eligible if i not in touched]
