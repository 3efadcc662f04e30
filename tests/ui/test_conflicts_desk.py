"""Screening > Conflicts: the lead lists the records the reviewers disagree on, and resolves them there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from curator.review import screening
from curator.review.changes import Changes
from curator.review.resolution import conflict_lines
from curator.review.screening_mode import set_lead_reviewer, set_screening_mode
from curator.store.database import open_review
from tests.ui.seeding import seed_records
from tests.ui.windows import open_window
from ui.main_window import MainWindow


def _dual_review(path: Path, *, mode: str = "dual") -> None:
    """Record 1: alice includes, bob excludes (wrong outcome); 2: both include; 3: maybe against include."""
    with open_review(path) as review:
        seed_records(review, 4)
        set_screening_mode(review, mode, reviewer="carol")
        set_lead_reviewer(review, "carol", reviewer="carol")
        screening.set_exclusion_reasons(review, "title-abstract", ["wrong outcome", "wrong population"],
                                        reviewer="carol")
        for record_id, alice, bob in ((1, "include", "exclude"), (2, "include", "include"), (3, "maybe", "include")):
            screening.record_decision(review, record_id, alice, reviewer="alice")
            screening.record_decision(review, record_id, bob, reviewer="bob",
                                      reason="wrong outcome" if bob == "exclude" else None)


def _open(qtbot, path: Path, reviewer: str) -> MainWindow:
    window = open_window(qtbot, path, reviewer, create=False)
    window.commands["conflicts"].trigger()
    return window


def _cells(window: MainWindow) -> list[list[str]]:
    model = window.conflicts.view.model
    return [[model.data(model.index(row, column)) for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_the_lead_sees_both_verdicts_and_reasons_beside_the_document(qtbot, review_path: Path) -> None:
    _dual_review(review_path)
    carol = _open(qtbot, review_path, "carol")
    view = carol.conflicts.view
    assert carol.conflicts.tabs.currentWidget() is view
    model = view.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Record", "Title", "alice", "bob", "Resolution"]
    cells = _cells(carol)
    assert [row[0] for row in cells] == ["1", "3"]  # record 2: they agree
    assert cells[0][2:] == ["include", "exclude: wrong outcome", "to resolve"]
    assert cells[1][2:] == ["maybe", "include", "to resolve"]
    assert "2</b> to resolve" in view.sentence.text() and "As the lead" in view.sentence.text()
    assert carol.conflicts.tabs.tabText(1) == "Conflicts (2)"
    assert carol.record is not None and carol.record.id == 1  # the first conflict, its document in the desk
    assert carol.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # the table keeps its arrows: the next conflict, not record 2
    assert carol.record.id == 3 and "record 3" in carol.document.heading.text()
    qtbot.keyClick(view.table, Qt.Key.Key_K)
    assert view.current_record_id() == 1 and carol.record.id == 1
    carol.close()


def test_the_lead_resolves_from_the_view_and_undo_brings_the_row_back(qtbot, review_path: Path) -> None:
    _dual_review(review_path)
    carol = _open(qtbot, review_path, "carol")
    view = carol.conflicts.view
    assert all(button.isEnabled() for button in view.buttons.values())
    view.reason.setEditText("too expensive")  # not one of the stage's exclusion reasons: refused, nothing written
    view.buttons["exclude"].click()
    assert "not an exclusion reason" in carol.statusBar().currentMessage()
    assert [row[0] for row in _cells(carol)] == ["1", "3"] and carol.desk is not None and not carol.desk.history.can_undo
    view.reason.setEditText("")
    view.buttons["exclude"].click()  # no reason typed: bob's
    assert carol.review is not None
    settled = conflict_lines(carol.review, "title-abstract", record_ids=[1])[0].resolution
    assert settled is not None and (settled.reviewer, settled.verdict, settled.reason) == (
        "carol", "exclude", "wrong outcome")
    assert [row[0] for row in _cells(carol)] == ["3"]  # resolved: it leaves the list...
    assert carol.record is not None and carol.record.id == 3  # ...and the next conflict comes up
    assert "resolved: exclude" in carol.statusBar().currentMessage()
    view.reason.setEditText("the outcome is reported in the abstract")
    qtbot.keyClick(view.table, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    settled = conflict_lines(carol.review, "title-abstract", record_ids=[3])[0].resolution
    assert settled is not None and (settled.verdict, settled.note) == (
        "include", "the outcome is reported in the abstract")
    assert view.model.rowCount() == 0 and not view.table.isVisible()
    assert "No conflicts left to resolve" in view.sentence.text()
    view.show_resolved.setChecked(True)
    assert [row[4] for row in _cells(carol)] == ["exclude: wrong outcome · carol", "include · carol"]
    assert not view.buttons["include"].isEnabled()  # a resolved row is settled: undo it first
    carol.undo()
    assert [row[4] for row in _cells(carol)] == ["exclude: wrong outcome · carol", "to resolve"]
    view.show_resolved.setChecked(False)
    assert [row[0] for row in _cells(carol)] == ["3"] and carol.conflicts.tabs.tabText(1) == "Conflicts (1)"
    carol.undo()
    assert [row[0] for row in _cells(carol)] == ["1", "3"]
    carol.redo()
    assert [row[0] for row in _cells(carol)] == ["3"]
    carol.close()


def test_the_view_follows_new_decisions_and_opens_a_record_in_the_list(qtbot, review_path: Path) -> None:
    _dual_review(review_path)
    carol = _open(qtbot, review_path, "carol")
    carol.record_list.select_record(2)  # alice and bob agree; carol says otherwise: a conflict of three
    carol.decide("exclude", "wrong population")
    assert [row[0] for row in _cells(carol)] == ["1", "2", "3"]
    assert _cells(carol)[1][2:] == ["include", "include", "exclude: wrong population", "to resolve"]
    assert carol.review is not None
    screening.record_decision(carol.review, 3, "include", reviewer="alice")  # another reviewer, on a server
    carol.live.show_changes(Changes(decisions=frozenset({3}), records=frozenset({3}), reviewers=frozenset({"alice"})))
    assert [row[0] for row in _cells(carol)] == ["1", "2"]
    view = carol.conflicts.view
    view.select_record(2)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter: to the record list, on that record
    assert carol.conflicts.tabs.currentWidget() is carol.record_list
    assert carol.record_list.current_record_id() == 2
    carol.commands["conflicts"].trigger()
    assert carol.conflicts.tabs.currentWidget() is view
    carol.commands["conflicts"].trigger()  # again: back to the records
    assert carol.conflicts.tabs.currentWidget() is carol.record_list
    carol.close()


def test_a_blind_reviewer_reads_a_sentence_and_no_verdicts(qtbot, review_path: Path) -> None:
    _dual_review(review_path)
    bob = _open(qtbot, review_path, "bob")
    view = bob.conflicts.view
    assert view.model.rowCount() == 0 and not view.table.isVisible() and not view.buttons["include"].isVisible()
    assert "only the lead (carol)" in view.sentence.text()
    assert "alice" not in view.sentence.text() and bob.conflicts.tabs.tabText(1) == "Conflicts"
    bob.close()


def test_without_blindness_a_reviewer_reads_the_list_but_only_the_lead_resolves(qtbot, review_path: Path) -> None:
    _dual_review(review_path, mode="single")
    dave = _open(qtbot, review_path, "dave")
    view = dave.conflicts.view
    assert [row[0] for row in _cells(dave)] == ["1", "3"]
    assert "Only the lead (carol) resolves" in view.sentence.text()
    assert not any(button.isEnabled() for button in view.buttons.values())
    qtbot.keyClick(view.table, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    assert dave.review is not None and conflict_lines(dave.review, "title-abstract", resolved=False)[0].record_id == 1
    dave.close()


def test_no_conflicts_says_so(qtbot, review_path: Path) -> None:
    with open_review(review_path) as review:
        seed_records(review, 2)
        set_lead_reviewer(review, "carol", reviewer="carol")
        screening.record_decision(review, 1, "include", reviewer="alice")
    carol = _open(qtbot, review_path, "carol")
    view = carol.conflicts.view
    assert view.sentence.text().startswith("No conflicts at this stage")
    assert not view.table.isVisible() and not view.show_resolved.isVisible()
    carol.commands["stage_1"].trigger()  # the other stage is read anew
    assert view.sentence.text().startswith("No conflicts at this stage")
    carol.close()
