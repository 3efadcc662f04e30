"""Settling a record in the desk: a possible duplicate confirmed or rejected, a conflict resolved by the lead."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from curator.duplicates.links import list_links
from curator.review import screening
from curator.store.database import open_review
from tests.ui.seeding import screen_blind_in_pairs, seed_records
from tests.ui.windows import open_window


def test_a_possible_duplicate_is_confirmed_or_rejected_and_undone(qtbot, review_path: Path) -> None:
    with open_review(review_path) as review:
        seed_records(review, 3)
        with review.transaction() as session:  # what the matcher writes when it is unsure of a pair
            session.execute(text("INSERT INTO duplicate_links (record_id, duplicate_of_id, method, score, possible,"
                                 " created_at) VALUES (3, 1, 'possible: same title; but the years differ', 0.9, 1,"
                                 " CURRENT_TIMESTAMP)"))
    window = open_window(qtbot, review_path, "alice", create=False)
    window.record_list.select_record(1)
    assert not window.commands["confirm_duplicate"].isEnabled()  # nothing to settle on this one
    assert not window.commands["reject_duplicate"].isEnabled()
    window.record_list.select_record(3)
    assert "possible duplicate of record 1" in window.decision_bar.verdict_label.text()
    assert window.commands["confirm_duplicate"].isEnabled() and window.commands["reject_duplicate"].isEnabled()
    window.commands["confirm_duplicate"].trigger()
    assert window.desk is not None
    assert [link.status for link in list_links(window.desk.review, record_id=3)] == ["confirmed"]
    assert "possible duplicate" not in window.decision_bar.verdict_label.text()
    window.undo()
    assert [link.status for link in list_links(window.desk.review, record_id=3)] == ["possible"]
    window.commands["reject_duplicate"].trigger()
    assert [link.status for link in list_links(window.desk.review, record_id=3)] == ["undone"]
    window.close()


def test_the_lead_resolves_a_conflict_from_the_desk(qtbot, review_path: Path) -> None:
    with open_review(review_path) as review:
        seed_records(review, 2)
        screen_blind_in_pairs(review)
        screening.record_decision(review, 1, "include", reviewer="alice")
        screening.record_decision(review, 1, "exclude", reason="wrong outcome", reviewer="bob")
    alice = open_window(qtbot, review_path, "alice", create=False)
    alice.record_list.select_record(1)
    assert not alice.commands["resolve_include"].isEnabled()  # not the lead: the commands are not offered
    assert not alice.commands["resolve_exclude"].isEnabled()
    assert alice.settle.resolve("include") is False  # and the core refuses it all the same
    assert alice.statusBar().currentMessage().startswith("Not recorded:")
    alice.close()
    carol = open_window(qtbot, review_path, "carol", create=False)
    carol.record_list.select_record(1)
    assert "as the lead" in carol.decision_bar.verdict_label.text()
    assert carol.commands["resolve_exclude"].isEnabled()
    carol.commands["resolve_exclude"].trigger()
    assert carol.desk is not None and not carol.desk.in_conflict(1)
    assert "as the lead" not in carol.decision_bar.verdict_label.text()
    carol.close()
