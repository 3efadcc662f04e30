"""The ranking of a review's undecided records: agreed or per reviewer, maybe as relevant, the CLI's JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from synthetic import screening

from curator.cli import cli
from curator.ranking.relevance import MIN_PER_SIDE_FOR_ESTIMATE, rank_undecided
from curator.review.screening import record_decision
from curator.store.database import open_review
from tests.conftest import add_records


def _fill(review: object, records: int = 60, includes: int = 8) -> tuple[list[int], list[int]]:
    """Records with their own abstracts; (ids of the relevant ones, ids of the others)."""
    relevant, other = [], []
    for row in screening(records=records, includes=includes):
        (record_id,) = add_records(review, [row["title"]], fields={"abstract": row["abstract"]})
        (relevant if row["label"] == "1" else other).append(record_id)
    return relevant, other


def run(review: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"CURATOR_REVIEW": str(review)}, catch_exceptions=False)
    return result.exit_code, result.output


def test_includes_first_from_the_agreed_decisions(review) -> None:
    relevant, other = _fill(review)
    record_decision(review, relevant[0], "include", reviewer="ann")
    record_decision(review, other[0], "exclude", reviewer="ann")
    record_decision(review, other[1], "exclude", reviewer="ann")
    record_decision(review, other[1], "include", reviewer="bob")  # a conflict: neither learnt nor listed
    ranking = rank_undecided(review)
    ids = [r.id for r in ranking.records]
    assert len(ids) == 60 - 3
    assert set(ids[:7]) == set(relevant[1:])
    assert ranking.trained_on == {"include": 1, "exclude": 1}
    assert ranking.trained_at is not None and ranking.model.startswith("tfidf")


def test_maybe_counts_as_relevant_and_each_reviewer_has_an_order(review) -> None:
    relevant, other = _fill(review)
    record_decision(review, relevant[0], "maybe", reviewer="ann")
    record_decision(review, other[0], "exclude", reviewer="ann")
    record_decision(review, relevant[1], "include", reviewer="bob")
    ann = rank_undecided(review, reviewer="ann")
    assert ann.trained_on == {"include": 1, "exclude": 1}
    assert relevant[1] in {r.id for r in ann.records}  # bob decided it, ann did not
    assert {r.id for r in ann.records[:7]} == set(relevant[1:])
    bob = rank_undecided(review, reviewer="bob")
    assert bob.trained_at is None and [r.id for r in bob.records][:3] == sorted(relevant + other)[:3]
    assert len(bob.records) == 59


def test_import_order_and_no_estimate_before_it_can_learn(review) -> None:
    relevant, other = _fill(review, records=20, includes=3)
    record_decision(review, other[0], "exclude", reviewer="ann")
    ranking = rank_undecided(review, estimate=True)
    assert [r.id for r in ranking.records] == sorted(relevant + other[1:])
    summary = ranking.summary()
    assert summary["model"].startswith("import order") and summary["trained_at"] is None
    assert summary["estimated_remaining"]["value"] is None and summary["estimated_remaining"]["reason"]


def test_ranking_json_counts_the_excludes_since_the_last_include(review_path: Path) -> None:
    with open_review(review_path) as review:
        relevant, other = _fill(review, records=80, includes=10)
        record_decision(review, other[0], "exclude", reviewer="ann")
        record_decision(review, relevant[0], "include", reviewer="ann")
        for record_id in other[1:4]:
            record_decision(review, record_id, "exclude", reviewer="ann")
    code, out = run(review_path, "ranking", "--json")
    assert code == 0, out
    state = json.loads(out)
    assert set(state) >= {"model", "trained_on", "trained_at", "consecutive_irrelevant", "estimated_remaining"}
    assert state["trained_on"] == {"include": 1, "exclude": 4}
    assert state["consecutive_irrelevant"] == 3 and state["undecided"] == 75
    assert state["estimated_remaining"]["value"] is None
    assert str(MIN_PER_SIDE_FOR_ESTIMATE) in state["estimated_remaining"]["reason"]


def test_an_estimate_once_there_are_enough_decisions(review) -> None:
    relevant, other = _fill(review, records=80, includes=12)
    for record_id in relevant[:6] + other[:10]:
        record_decision(review, record_id, "include" if record_id in relevant else "exclude", reviewer="ann")
    remaining = rank_undecided(review, estimate=True).estimated_remaining
    assert remaining["method"].startswith("sum of the inclusion probabilities")
    assert 0 < remaining["value"] < 64


def test_list_in_order_of_relevance(review_path: Path) -> None:
    with open_review(review_path) as review:
        relevant, other = _fill(review)
        record_decision(review, relevant[0], "include", reviewer="ann")
        record_decision(review, other[0], "exclude", reviewer="ann")
    code, out = run(review_path, "list", "--order", "relevance", "--json")
    assert code == 0, out
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 58
    assert {line["id"] for line in lines[:7]} == set(relevant[1:])
    scores = [line["score"] for line in lines]
    assert scores == sorted(scores, reverse=True)
    code, out = run(review_path, "list", "--order", "relevance")
    assert code == 0 and len(out.splitlines()) == 58


@pytest.mark.parametrize("args, message", [
    (("list", "--order", "relevance", "--verdict", "include"), "leave out --verdict"),
    (("list", "--by", "ann"), "--by goes with --order relevance"),
])
def test_list_refuses_what_does_not_go_together(review_path: Path, args: tuple[str, ...], message: str) -> None:
    with open_review(review_path) as review:
        _fill(review, records=5, includes=1)
    code, out = run(review_path, *args)
    assert code == 2 and message in out
