"""Two people on one review file: what one does (through the core, their own connection) appears on the
other's desk after a poll, without moving it or losing what is typed. The same checks run on a server in
tests/server/test_server_desk.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from curator.review import records, screening
from curator.review.changes import changes_since
from curator.store.audit import log_change
from curator.store.database import Review, open_review
from tests.ui import live_checks
from tests.ui.seeding import seed_records
from ui.main_window import MainWindow


@pytest.fixture
def bobs(seeded_path: Path) -> Iterator[Review]:
    with open_review(seeded_path, create=False) as review:
        yield review


def test_others_decisions_undoing_edits_tags_and_notes_appear(window: MainWindow, bobs: Review, qtbot) -> None:
    live_checks.check_others_work_appears(window, bobs, "bob", qtbot)


def test_a_field_being_typed_is_kept_and_its_save_refused(window: MainWindow, bobs: Review, qtbot) -> None:
    live_checks.check_a_field_being_typed_is_kept_and_its_save_refused(window, bobs, "bob", qtbot)


def test_a_field_left_unsaved_catches_up(window: MainWindow, bobs: Review, qtbot) -> None:
    live_checks.check_a_field_left_unsaved_catches_up(window, bobs, "bob", qtbot)


def test_records_another_reviewer_imports_join_the_list(window: MainWindow, bobs: Review, qtbot) -> None:
    assert window.model is not None and window.record is not None
    before, current = window.model.rowCount(), window.record.id
    seed_records(bobs, 3)
    with bobs.transaction() as session:  # as an import logs it
        log_change(session, "bob", "import", field="source", new="three more")
    live_checks.polled(window, qtbot)
    assert window.model.rowCount() == before + 3
    assert window.record.id == current and window.record_list.current_record_id() == current


def test_changes_since_reports_others_changes_once_and_never_ones_own(bobs: Review) -> None:
    marker, nothing = changes_since(bobs, None, "ann")
    assert not nothing
    decided = screening.record_decision(bobs, 1, "include", reviewer="bob")
    records.set_field(bobs, 2, "sponsor", "A sponsor", reviewer="bob")
    records.add_note(bobs, 3, "own note", reviewer="ann")
    marker, changes = changes_since(bobs, marker, "ann")
    assert changes.decisions == {1} and changes.fields == {2: {"sponsor"}} and changes.records == {1, 2}
    assert changes.reviewers == {"bob"}
    marker, again = changes_since(bobs, marker, "ann")
    assert not again
    screening.set_decision_retracted(bobs, decided.id, True, reviewer="bob")
    _, undone = changes_since(bobs, marker, "ann")
    assert undone.decisions == {1}


def test_a_change_committed_after_a_later_one_is_still_reported(bobs: Review) -> None:
    """On a server, an audit entry numbered before another may become visible after it: the missing number
    is asked for again until it appears."""
    from sqlalchemy import text

    marker, _ = changes_since(bobs, None, "ann")
    with bobs.engine.begin() as connection:  # the later entry commits first; the earlier number is a gap
        connection.execute(text("INSERT INTO audit_log (id, at, reviewer, action, record_id) VALUES"
                                " (:id, CURRENT_TIMESTAMP, 'bob', 'add tag', 5)"), {"id": marker.newest + 2})
    marker, first = changes_since(bobs, marker, "ann")
    assert first.records == {5} and [gap for gap, _ in marker.gaps][-1] == marker.newest - 1
    with bobs.engine.begin() as connection:
        connection.execute(text("INSERT INTO audit_log (id, at, reviewer, action, record_id) VALUES"
                                " (:id, CURRENT_TIMESTAMP, 'bob', 'add note', 7)"), {"id": marker.newest - 1})
    marker, late = changes_since(bobs, marker, "ann")
    assert late.notes == {7} and all(gap != marker.newest - 1 for gap, _ in marker.gaps)
