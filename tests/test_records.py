"""Curating fields, tags and notes: edits kept beside what was extracted, every change audited."""

from __future__ import annotations

import pytest

from curator.review.records import (
    RecordNotFound,
    add_note,
    add_tag,
    all_tags,
    get_record,
    remove_tag,
    revert_field,
    set_field,
)
from curator.store.audit import audit_trail
from tests.conftest import add_records


def test_edit_is_kept_beside_the_extracted_value(review) -> None:
    (rid,) = add_records(review, ["Anakinra in gout"], fields={"enrollment": 40, "conditions": ["gout"]})
    change = set_field(review, rid, "enrollment", "42", reviewer="ann")
    assert (change.old, change.new, change.edited) == (40, 42, True)
    record = get_record(review, rid)
    assert record.value("enrollment") == 42 and record.extracted_value("enrollment") == 40
    assert record.is_edited("enrollment") and record.curated["enrollment"]["by"] == "ann"
    assert record.fields()["enrollment"] == 42

    set_field(review, rid, "conditions", "gout; hyperuricaemia", reviewer="ann")
    set_field(review, rid, "pico.comparator", "placebo", reviewer="ann")
    record = get_record(review, rid)
    assert record.value("conditions") == ["gout", "hyperuricaemia"]
    assert record.fields()["pico"]["comparator"] == "placebo"

    reverted = revert_field(review, rid, "enrollment", reviewer="bob")
    assert reverted.new == 40 and not get_record(review, rid).is_edited("enrollment")


def test_setting_the_extracted_value_back_is_no_edit(review) -> None:
    (rid,) = add_records(review, ["Trial"], fields={"status": "RECRUITING"})
    set_field(review, rid, "status", "completed", reviewer="ann")
    assert get_record(review, rid).value("status") == "COMPLETED"
    set_field(review, rid, "status", "RECRUITING", reviewer="ann")
    assert not get_record(review, rid).is_edited("status")


def test_title_edit_updates_list_and_search(review) -> None:
    from curator.review.listing import RecordFilter, find_record_ids, record_rows

    (rid,) = add_records(review, ["Old title"])
    set_field(review, rid, "title", "Tocilizumab for arteritis", reviewer="ann")
    assert record_rows(review, [rid])[0].title == "Tocilizumab for arteritis"
    assert find_record_ids(review, RecordFilter(search="tocilizumab")) == [rid]


@pytest.mark.parametrize(("key", "value", "message"), [
    ("enrollment", "many", "whole number"),
    ("enrollment", "-3", "negative"),
    ("status", "Open-ish", "must be one of"),
    ("start_date", "31/01/2010", "ISO date"),
    ("colour", "red", "unknown field"),
])
def test_bad_values_are_refused_and_nothing_changes(review, key: str, value: str, message: str) -> None:
    (rid,) = add_records(review, ["Trial"])
    with pytest.raises(ValueError, match=message):
        set_field(review, rid, key, value, reviewer="ann")
    assert get_record(review, rid).curated == {}


def test_missing_record(review) -> None:
    with pytest.raises(RecordNotFound):
        get_record(review, 12345)
    with pytest.raises(RecordNotFound):
        set_field(review, 12345, "title", "x", reviewer="ann")


def test_tags_and_notes(review) -> None:
    rid, other = add_records(review, ["One", "Two"])
    assert add_tag(review, rid, "paediatric", reviewer="ann")
    assert not add_tag(review, rid, "paediatric", reviewer="ann")
    add_tag(review, other, "adults", reviewer="ann")
    assert all_tags(review) == ["adults", "paediatric"]
    assert remove_tag(review, rid, "paediatric", reviewer="ann")
    assert not remove_tag(review, rid, "never-there", reviewer="ann")
    add_note(review, rid, "check the protocol", reviewer="bob")
    record = get_record(review, rid)
    assert record.tags == [] and [n.text for n in record.notes] == ["check the protocol"]
    with pytest.raises(ValueError):
        add_note(review, rid, "   ", reviewer="bob")


def test_every_change_is_in_the_audit_log(review) -> None:
    (rid,) = add_records(review, ["Trial"], fields={"phase": "PHASE2"})
    set_field(review, rid, "phase", "PHASE3", reviewer="ann")
    revert_field(review, rid, "phase", reviewer="bob")
    add_tag(review, rid, "x", reviewer="ann")
    with review.session() as session:
        trail = list(audit_trail(session, rid))
    assert [(t.action, t.reviewer, t.field, t.old, t.new) for t in trail] == [
        ("set field", "ann", "phase", "PHASE2", "PHASE3"),
        ("revert field", "bob", "phase", "PHASE3", "PHASE2"),
        ("add tag", "ann", "tags", None, "x"),
    ]
