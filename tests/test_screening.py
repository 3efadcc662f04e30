"""Screening decisions: all kept, latest counts, reviewers reconciled, reasons per stage."""

from __future__ import annotations

import pytest

from curator.review.screening import (
    current_decisions,
    decision_log,
    exclusion_reasons,
    record_decision,
    remove_before_screening,
    set_decision_retracted,
    set_exclusion_reasons,
    verdicts,
)
from tests.conftest import add_records


def test_latest_decision_per_reviewer_is_current_and_all_are_kept(review) -> None:
    (rid,) = add_records(review, ["Trial"])
    record_decision(review, rid, "maybe", reviewer="ann")
    record_decision(review, rid, "exclude", reviewer="ann", reason="Wrong population")
    current = current_decisions(review, "title-abstract")[rid]
    assert [(d.verdict, d.reason) for d in current] == [("exclude", "wrong population")]
    assert [d.verdict for d in decision_log(review)] == ["maybe", "exclude"]
    assert verdicts(review, "title-abstract")[rid].verdict == "exclude"
    assert verdicts(review, "full-text") == {}


def test_reviewers_agree_or_conflict(review) -> None:
    agreed, split = add_records(review, ["A", "B"])
    for reviewer in ("ann", "bob"):
        record_decision(review, agreed, "include", reviewer=reviewer)
    record_decision(review, split, "include", reviewer="ann")
    record_decision(review, split, "exclude", reviewer="bob", reason="other")
    result = verdicts(review, "title-abstract")
    assert result[agreed].verdict == "include" and not result[agreed].conflict
    assert result[split].conflict and result[split].verdict is None
    assert result[split].reviewers == ("ann", "bob")


def test_undo_and_redo_a_decision(review) -> None:
    (rid,) = add_records(review, ["Trial"])
    first = record_decision(review, rid, "include", reviewer="ann")
    second = record_decision(review, rid, "exclude", reviewer="ann", reason="other")
    set_decision_retracted(review, second.id, True, reviewer="ann")
    assert verdicts(review, "title-abstract")[rid].verdict == "include"
    set_decision_retracted(review, first.id, True, reviewer="ann")
    assert rid not in verdicts(review, "title-abstract")
    set_decision_retracted(review, second.id, False, reviewer="ann")
    assert verdicts(review, "title-abstract")[rid].verdict == "exclude"
    assert len(list(decision_log(review))) == 2


@pytest.mark.parametrize(("verdict", "kwargs", "message"), [
    ("perhaps", {}, "verdict must be one of"),
    ("exclude", {"reason": "too long"}, "not an exclusion reason"),
    ("include", {"stage": "abstract"}, "stage must be one of"),
    ("include", {"actor": "robot"}, "actor must be one of"),
])
def test_bad_decisions_are_refused(review, verdict: str, kwargs: dict, message: str) -> None:
    (rid,) = add_records(review, ["Trial"])
    with pytest.raises(ValueError, match=message):
        record_decision(review, rid, verdict, reviewer="ann", **kwargs)
    assert list(decision_log(review)) == []


def test_decision_on_missing_record(review) -> None:
    with pytest.raises(LookupError):
        record_decision(review, 999, "include", reviewer="ann")


def test_reason_is_dropped_unless_excluding(review) -> None:
    (rid,) = add_records(review, ["Trial"])
    decision = record_decision(review, rid, "include", reviewer="ann", reason="other", note=" keep ")
    assert decision.reason is None and decision.note == "keep"


def test_reasons_are_per_stage_ordered_and_editable(review) -> None:
    set_exclusion_reasons(review, "full-text", ["no full text", "Wrong setting", "wrong setting", " "],
                          reviewer="ann")
    assert exclusion_reasons(review, "full-text") == ["no full text", "Wrong setting"]
    assert "wrong population" in exclusion_reasons(review, "title-abstract")
    with pytest.raises(ValueError):
        set_exclusion_reasons(review, "full-text", [], reviewer="ann")


def test_automation_decisions_are_marked(review) -> None:
    (rid,) = add_records(review, ["Trial"])
    record_decision(review, rid, "exclude", reviewer="classifier", actor="automation", reason="other")
    assert verdicts(review, "title-abstract")[rid].actor == "automation"


def test_remove_before_screening_and_restore(review) -> None:
    (rid,) = add_records(review, ["Trial"])
    remove_before_screening(review, rid, "retracted", reviewer="ann")
    with review.session() as session:
        from curator.store.models import Record

        record = session.get(Record, rid)
        assert (record.removed_reason, record.removed_by) == ("retracted", "human")
    remove_before_screening(review, rid, None, reviewer="ann")
    with review.session() as session:
        assert session.get(Record, rid).removed_reason is None


def test_only_records_to_be_screened_take_decisions(review) -> None:
    from curator.duplicates.links import mark_duplicate
    from curator.review.eligibility import eligible_ids

    original, duplicate, removed, excluded, passed = add_records(review, ["A", "A again", "B", "C", "D"])
    (website,) = add_records(review, ["From a website"], source="A site", kind="website")
    mark_duplicate(review, duplicate, original, reviewer="ann")
    remove_before_screening(review, removed, "retracted", reviewer="ann")
    record_decision(review, excluded, "exclude", reviewer="ann", reason="other")
    record_decision(review, passed, "maybe", reviewer="ann")
    assert eligible_ids(review, "title-abstract") >= {original, excluded, passed, website}
    assert removed not in eligible_ids(review, "title-abstract")
    assert eligible_ids(review, "full-text") == {passed, website}
    assert duplicate not in eligible_ids(review, "title-abstract")
    with pytest.raises(ValueError, match="is a duplicate of record"):
        record_decision(review, duplicate, "include", reviewer="ann")
    with pytest.raises(ValueError, match="removed before screening"):
        record_decision(review, removed, "include", reviewer="ann")
    with pytest.raises(ValueError, match="not passed title/abstract"):
        record_decision(review, excluded, "include", stage="full-text", reviewer="ann")
    record_decision(review, passed, "include", stage="full-text", reviewer="ann")
    record_decision(review, website, "include", stage="full-text", reviewer="ann")


def test_a_screened_record_cannot_be_removed_before_screening(review) -> None:
    (rid,) = add_records(review, ["Trial"])
    record_decision(review, rid, "include", reviewer="ann")
    with pytest.raises(ValueError, match="already been screened"):
        remove_before_screening(review, rid, "oops", reviewer="ann")
