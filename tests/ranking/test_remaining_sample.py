"""The random sample a reviewer screens to estimate the relevant records left: drawn, kept, estimated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.ranking.relevance import rank_undecided
from curator.ranking.remaining_sample import clopper_pearson, current_sample, draw_sample
from curator.review.screening import record_decision
from curator.store.database import open_review
from tests.conftest import add_records


def _records(review: object, count: int) -> list[int]:
    return add_records(review, [f"Record number {k} about topic {k % 7}" for k in range(count)],
                       fields={"abstract": "Words about a study of something measured in a trial."})


def test_the_draw_is_reproducible_kept_and_only_of_undecided_records(review) -> None:
    ids = _records(review, 40)
    for record_id in ids[:10]:
        record_decision(review, record_id, "exclude", reviewer="ann")
    sample = draw_sample(review, 8, seed=3, actor="ann")
    assert len(sample.ids) == 8 and set(sample.ids) <= set(ids[10:])
    assert sample.undecided_at_draw == 30
    again = draw_sample(review, 8, seed=3, actor="ann")
    assert again.ids == sample.ids
    assert draw_sample(review, 8, seed=4, actor="ann").ids != sample.ids  # the newest draw replaces the older
    kept = current_sample(review)
    assert kept is not None and kept.seed == 4 and current_sample(review, reviewer="ann") is None
    assert len(draw_sample(review, 500, seed=1, actor="ann").ids) == 30  # all of them when fewer


def test_the_estimate_comes_once_the_sample_is_decided(review) -> None:
    ids = _records(review, 60)
    record_decision(review, ids[0], "include", reviewer="ann")
    record_decision(review, ids[1], "exclude", reviewer="ann")
    sample = draw_sample(review, 10, seed=0, actor="ann")
    ranking = rank_undecided(review, estimate=True)
    assert ranking.sample_pending == sample.ids
    remaining = ranking.estimated_remaining
    assert remaining["sample"]["decided"] == 0 and "0 of the 10" in remaining["sample_reason"]
    for k, record_id in enumerate(sample.ids):
        record_decision(review, record_id, "include" if k < 2 else "exclude", reviewer="ann")
    ranking = rank_undecided(review, estimate=True)
    assert ranking.sample_pending == []
    remaining = ranking.estimated_remaining
    assert remaining["method"] == "random sample of 10: 2 included"
    assert remaining["value"] == pytest.approx(0.2 * 48, abs=0.05)  # 60 - 2 priors - 10 sampled undecided
    low, high = clopper_pearson(2, 10)
    assert remaining["interval"] == [round(low * 48, 1), round(high * 48, 1)]
    assert remaining["interval"][0] < remaining["value"] < remaining["interval"][1]
    assert "Clopper-Pearson" in remaining["interval_method"]


def test_a_maybe_counts_as_relevant_and_each_reviewer_has_a_sample(review) -> None:
    ids = _records(review, 30)
    mine = draw_sample(review, 3, reviewer="bob", seed=1, actor="bob")
    for record_id in mine.ids:
        record_decision(review, record_id, "maybe", reviewer="bob")
    assert rank_undecided(review, reviewer="bob", estimate=True).estimated_remaining["method"].endswith("3 included")
    assert rank_undecided(review, estimate=False).sample_pending == []  # no sample drawn for the agreed decisions
    assert len(ids) == 30


def test_clopper_pearson_against_known_values() -> None:
    assert clopper_pearson(0, 50) == (0.0, pytest.approx(1 - 0.025 ** (1 / 50)))
    low, high = clopper_pearson(50, 50)
    assert high == 1.0 and low == pytest.approx(0.025 ** (1 / 50))
    with pytest.raises(ValueError):
        clopper_pearson(3, 2)


def test_nothing_to_sample_is_said_in_a_sentence(review) -> None:
    with pytest.raises(ValueError, match="no records are undecided"):
        draw_sample(review, 5, actor="ann")
    _records(review, 3)
    with pytest.raises(ValueError, match="at least one record"):
        draw_sample(review, 0, actor="ann")


def test_ranking_json_gives_the_sample_estimate(review_path: Path) -> None:
    with open_review(review_path) as review:
        ids = _records(review, 20)
        sample = draw_sample(review, 5, seed=2, actor="ann")
        for record_id in sample.ids:
            record_decision(review, record_id, "exclude", reviewer="ann")
    result = CliRunner().invoke(cli, ["ranking", "--json"], env={"CURATOR_REVIEW": str(review_path)},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    remaining = json.loads(result.output)["estimated_remaining"]
    assert remaining["method"] == "random sample of 5: 0 included" and remaining["value"] == 0
    assert remaining["interval"][0] == 0 and remaining["interval"][1] == pytest.approx(0.522 * 15, abs=0.1)
    assert len(ids) == 20


def test_ranking_draws_a_sample_from_the_command_line(review_path: Path) -> None:
    with open_review(review_path) as review:
        _records(review, 12)
    env = {"CURATOR_REVIEW": str(review_path), "CURATOR_REVIEWER": "ann"}
    result = CliRunner().invoke(cli, ["ranking", "--draw-sample", "4", "--seed", "9", "--json"], env=env,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    state = json.loads(result.output)
    with open_review(review_path) as review:
        kept = current_sample(review)
    assert kept is not None and state["sample_to_screen"] == kept.ids and len(kept.ids) == 4
    assert "0 of the 4" in state["estimated_remaining"]["sample_reason"]
    result = CliRunner().invoke(cli, ["ranking", "--seed", "9"], env=env)
    assert result.exit_code == 2 and "--seed goes with --draw-sample" in result.output
