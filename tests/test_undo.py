"""Undo and redo in the core: named steps over field edits, decisions and tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.review import records, screening
from curator.review.undo import UndoHistory, field_label
from curator.store.database import Review, open_review
from tests.ui.seeding import seed_records


@pytest.fixture
def record_ids(review: Review) -> list[int]:
    return seed_records(review, 5)


def test_field_edit_undo_redo(review: Review, record_ids: list[int]) -> None:
    history = UndoHistory(review, "tester")
    rid = record_ids[0]
    extracted = records.get_record(review, rid).value("title")
    history.set_field(rid, "title", "A curated title")
    assert history.undo_text == "Undo Edit title"
    assert records.get_record(review, rid).value("title") == "A curated title"
    step = history.undo()
    assert step is not None and step.record_id == rid
    view = records.get_record(review, rid)
    assert view.value("title") == extracted and not view.is_edited("title")
    assert history.redo_text == "Redo Edit title"
    history.redo()
    assert records.get_record(review, rid).value("title") == "A curated title"


def test_edit_over_an_edit_undoes_to_the_first_edit(review: Review, record_ids: list[int]) -> None:
    history = UndoHistory(review, "tester")
    rid = record_ids[0]
    history.set_field(rid, "enrollment", 70)
    history.set_field(rid, "enrollment", 85)
    history.undo()
    view = records.get_record(review, rid)
    assert view.value("enrollment") == 70 and view.is_edited("enrollment")


def test_merged_edits_are_one_step(review: Review, record_ids: list[int]) -> None:
    history = UndoHistory(review, "tester")
    rid = record_ids[1]
    before = records.get_record(review, rid).value("pico.outcome")
    for text in ("p", "pa", "pain"):
        history.set_field(rid, "pico.outcome", text, merge=True)
    assert history.undo_text == "Undo Edit outcome"
    history.undo()
    assert records.get_record(review, rid).value("pico.outcome") == before
    assert not history.can_undo
    history.redo()
    assert records.get_record(review, rid).value("pico.outcome") == "pain"


def test_revert_is_undoable(review: Review, record_ids: list[int]) -> None:
    history = UndoHistory(review, "tester")
    rid = record_ids[0]
    history.set_field(rid, "sponsor", "Someone")
    history.revert_field(rid, "sponsor")
    assert history.undo_text == "Undo Revert sponsor"
    assert not records.get_record(review, rid).is_edited("sponsor")
    history.undo()
    assert records.get_record(review, rid).value("sponsor") == "Someone"


def test_decision_undo_restores_the_previous_decision(review: Review, record_ids: list[int]) -> None:
    history = UndoHistory(review, "tester")
    rid = record_ids[2]
    history.record_decision(rid, "include", stage="title-abstract")
    history.record_decision(rid, "exclude", stage="title-abstract", reason="wrong population")
    assert history.undo_text == "Undo Set exclusion reason"
    assert screening.verdicts(review, "title-abstract")[rid].verdict == "exclude"
    history.undo()
    assert screening.verdicts(review, "title-abstract")[rid].verdict == "include"
    assert history.undo_text == "Undo Set decision"
    history.undo()
    assert rid not in screening.verdicts(review, "title-abstract")
    assert len(list(screening.decision_log(review))) == 2  # undone decisions stay in the log
    history.redo()
    assert screening.verdicts(review, "title-abstract")[rid].verdict == "include"


def test_a_new_step_clears_redo(review: Review, record_ids: list[int]) -> None:
    history = UndoHistory(review, "tester")
    history.record_decision(record_ids[0], "maybe", stage="title-abstract")
    history.undo()
    assert history.can_redo
    history.add_tag(record_ids[0], "pain")
    assert not history.can_redo and history.redo() is None


def test_tags_undo(review: Review, record_ids: list[int]) -> None:
    history = UndoHistory(review, "tester")
    rid = record_ids[3]
    assert history.add_tag(rid, "crps")
    assert not history.add_tag(rid, "crps")  # no second step for a tag already there
    history.remove_tag(rid, "crps")
    history.undo()
    assert records.get_record(review, rid).tags == ["crps"]
    history.undo()
    assert records.get_record(review, rid).tags == []
    assert history.undo() is None and history.undo_text == "Undo"


def test_unchanged_value_is_no_step(review: Review, record_ids: list[int]) -> None:
    history = UndoHistory(review, "tester")
    rid = record_ids[0]
    history.set_field(rid, "title", records.get_record(review, rid).value("title"))
    assert not history.can_undo


def test_state_survives_reopening(review_path: Path) -> None:
    with open_review(review_path) as review:
        rid = seed_records(review, 5)[0]
        history = UndoHistory(review, "tester")
        history.set_field(rid, "phase", "PHASE2")
        history.record_decision(rid, "maybe", stage="full-text")
    with open_review(review_path) as review:
        assert records.get_record(review, rid).value("phase") == "PHASE2"
        assert screening.verdicts(review, "full-text")[rid].verdict == "maybe"


def test_field_label() -> None:
    assert field_label("pico.population") == "population"
    assert field_label("start_date") == "start date"


def test_a_note_can_be_undone_and_redone(tmp_path) -> None:
    from curator.review.records import get_record
    from curator.review.undo import UndoHistory
    from curator.store.database import open_review
    from tests.conftest import add_records

    with open_review(tmp_path / "notes.curator.sqlite") as review:
        (rid,) = add_records(review, ["Trial"])
        history = UndoHistory(review, "ann")
        history.add_note(rid, "ask the sponsor")
        assert history.undo_text == "Undo Add note"
        history.undo()
        assert get_record(review, rid).notes == []
        history.redo()
        assert [n.text for n in get_record(review, rid).notes] == ["ask the sponsor"]
        history.undo()
        assert get_record(review, rid).notes == []
