"""The desk's retrain: features kept between rankings, a ranking cancelled between its steps, the curve."""

from __future__ import annotations

import pytest
from synthetic import screening

from curator.ranking.relevance import ModelKeeper, RankingCancelled, rank_undecided
from curator.review.screening import record_decision
from tests.conftest import add_records


def _fill(review: object, records: int = 40, includes: int = 6) -> tuple[list[int], list[int]]:
    relevant, other = [], []
    for row in screening(records=records, includes=includes):
        (record_id,) = add_records(review, [row["title"]], fields={"abstract": row["abstract"]})
        (relevant if row["label"] == "1" else other).append(record_id)
    return relevant, other


def test_the_features_are_built_once_and_again_when_records_come(review) -> None:
    relevant, other = _fill(review)
    record_decision(review, relevant[0], "include", reviewer="ann")
    record_decision(review, other[0], "exclude", reviewer="ann")
    keeper = ModelKeeper()
    first = rank_undecided(review, keeper=keeper)
    record_decision(review, other[1], "exclude", reviewer="ann")
    second = rank_undecided(review, keeper=keeper)
    assert keeper.builds == 1
    assert len(second.records) == len(first.records) - 1 and second.trained_on == {"include": 1, "exclude": 2}
    assert [r.id for r in second.records] == [r.id for r in rank_undecided(review).records]  # as without a keeper
    add_records(review, ["a new record about wheat"])
    third = rank_undecided(review, keeper=keeper)
    assert keeper.builds == 2 and len(third.records) == len(second.records) + 1


def test_a_cancelled_ranking_stops_with_rankingcancelled(review) -> None:
    relevant, other = _fill(review)
    record_decision(review, relevant[0], "include", reviewer="ann")
    record_decision(review, other[0], "exclude", reviewer="ann")
    keeper = ModelKeeper()
    with pytest.raises(RankingCancelled):
        rank_undecided(review, keeper=keeper, cancelled=lambda: True)
    assert keeper.builds == 0


def test_the_screened_records_in_order_of_decision_make_the_curve(review) -> None:
    relevant, other = _fill(review)
    record_decision(review, other[0], "exclude", reviewer="ann")
    record_decision(review, relevant[0], "include", reviewer="ann")
    record_decision(review, other[1], "exclude", reviewer="ann")
    record_decision(review, other[2], "exclude", reviewer="ann")
    ranking = rank_undecided(review, estimate=True)
    assert ranking.screened == [False, True, False, False]
    assert ranking.consecutive_irrelevant == 2
