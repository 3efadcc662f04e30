"""What a desk shows of another reviewer's work while its own reviewer types: shared by the tests on a file
(tests/ui/test_live_refresh.py) and on a server (tests/server/test_server_desk.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton

from curator.review import records, screening
from curator.store.database import Review
from ui.main_window import MainWindow


def line(window: MainWindow, key: str) -> QLineEdit:
    return window.form.rows[key].editor.line  # type: ignore[attr-defined]


def polled(window: MainWindow, qtbot) -> None:
    """One poll of the desk, to its end (the timer does the same every few seconds)."""
    assert window.live.poll() is not None
    qtbot.waitUntil(lambda: window.live.job is None, timeout=10_000)


def tags_shown(window: MainWindow) -> list[str]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the chips of the tags shown before
    chips = window.decision_bar.findChildren(QToolButton, "tag_chip")
    return sorted(chip.text().removesuffix("  ✕") for chip in chips)


def check_others_work_appears(window: MainWindow, other: Review, name: str, qtbot) -> None:
    """``name`` (on their own connection ``other``) decides, undoes, edits, tags and writes a note while the
    desk's reviewer is half-way through typing: the desk shows it all after a poll, where the reviewer was."""
    assert window.model is not None and window.record is not None
    current = window.record.id
    elsewhere = next(window.model.record_id(row) for row in range(window.model.rowCount())
                     if window.model.record_id(row) != current)
    decision_cell = window.model.index(window.model.row_of(elsewhere), 4)
    journal = line(window, "journal")
    journal.setFocus()
    journal.clear()
    qtbot.keyClicks(journal, "Half typed")
    counts = window.record_list.counts.text()
    before = tags_shown(window)

    decided = screening.record_decision(other, elsewhere, "include", reviewer=name)
    polled(window, qtbot)
    assert window.model.data(decision_cell) == "Include"
    assert window.record_list.counts.text() != counts

    # An undone decision is a change of the row already there, not a new one: it shows all the same.
    screening.set_decision_retracted(other, decided.id, True, reviewer=name)
    screening.record_decision(other, current, "maybe", reviewer=name)
    records.set_field(other, current, "sponsor", f"{name}'s sponsor", reviewer=name)
    records.add_tag(other, current, f"seen-by-{name}", reviewer=name)
    records.add_note(other, current, f"{name} thinks the dose is wrong", reviewer=name)
    polled(window, qtbot)
    assert not window.model.data(decision_cell)
    assert line(window, "sponsor").text() == f"{name}'s sponsor"
    assert window.form.rows["sponsor"].state.text() == f"edited by {name}"
    assert tags_shown(window) == sorted([*before, f"seen-by-{name} · {name}"])  # another's tag says whose
    assert f"{name} thinks the dose is wrong" in window.form.notes.text()
    assert f"{name}: maybe" in window.decision_bar.verdict_label.text()
    # The reviewer did not move, and what they were typing is still there.
    assert window.record is not None and window.record.id == current
    assert window.record_list.current_record_id() == current
    assert journal.text() == "Half typed"


def check_a_field_being_typed_is_kept_and_its_save_refused(window: MainWindow, other: Review, name: str,
                                                          qtbot) -> None:
    """``name`` changes the very field the desk's reviewer is typing in: the typed text stays, the save is
    refused with who changed it, and once saved neither value is lost."""
    assert window.record is not None and window.review is not None
    current = window.record.id
    sponsor = line(window, "sponsor")
    # Still typing: the pause that saves typed text must not end during the poll below, however slow the machine
    # (700 ms; a poll late in a long test run can take longer).
    window.form.rows["sponsor"].editor._pause.setInterval(60_000)
    sponsor.setFocus()
    sponsor.clear()
    qtbot.keyClicks(sponsor, "Mine, half typed")
    records.set_field(other, current, "sponsor", f"{name}'s sponsor", reviewer=name)
    polled(window, qtbot)
    assert sponsor.text() == "Mine, half typed"
    window.form.commit_pending()
    problem = window.form.rows["sponsor"].problem.text()
    assert f"changed by {name}" in problem and f"{name}'s sponsor" in problem and "Mine, half typed" in problem
    assert records.get_record(window.review, current).value("sponsor") == f"{name}'s sponsor"
    assert sponsor.text() == f"{name}'s sponsor"


def check_a_field_left_unsaved_catches_up(window: MainWindow, other: Review, name: str, qtbot) -> None:
    """The reviewer was in a field (nothing typed) when ``name`` changed it: once they leave it, it shows
    the new value."""
    assert window.record is not None
    current = window.record.id
    sponsor = line(window, "sponsor")
    sponsor.setFocus()
    records.set_field(other, current, "sponsor", f"{name} again", reviewer=name)
    polled(window, qtbot)
    assert sponsor.text() != f"{name} again"
    window.record_list.focus_list()
    polled(window, qtbot)
    assert sponsor.text() == f"{name} again"
    assert window.record is not None and window.record.id == current
