"""The desk on a review it cannot write, and while another writer holds the review."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from curator.review import screening
from curator.store import database
from curator.store.database import open_review
from tests.ui.seeding import seed_records
from tests.ui.test_main_window import press
from tests.ui.windows import open_window
from ui.curation_desk import READ_ONLY, WAITING
from ui.main_window import MainWindow


@pytest.fixture
def seeded_path(review_path: Path) -> Path:
    with open_review(review_path) as review:
        seed_records(review, 4)
    return review_path


@pytest.fixture
def read_only_window(qtbot, seeded_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(database, "is_writable", lambda _path: False)
    window = open_window(qtbot, seeded_path)
    yield window
    window.close()


def test_a_read_only_review_says_so_and_refuses_decisions(qtbot, read_only_window: MainWindow) -> None:
    window = read_only_window
    assert window.desk is not None and window.desk.read_only
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == READ_ONLY)
    record_id = window.record.id if window.record else None
    press(qtbot, window, Qt.Key.Key_I)
    assert window.record is not None and window.record.id == record_id  # the desk did not move on
    assert window.statusBar().currentMessage() == READ_ONLY  # Include is disabled: nothing to refuse
    with pytest.raises(ValueError, match=READ_ONLY):
        window.desk.decide(record_id or 1, "include", None)
    assert not list(screening.decision_log(window.desk.review))
    with pytest.raises(ValueError, match=READ_ONLY):
        window.desk.add_tag(record_id or 1, "pilot")


def test_a_decision_waits_for_another_writer_and_says_so(qtbot, seeded_path: Path) -> None:
    window = open_window(qtbot, seeded_path)
    assert window.desk is not None and window.record is not None
    other = sqlite3.connect(seeded_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    seen: list[str] = []
    store_on_wait = window.desk.review.on_wait
    assert store_on_wait is not None

    def on_wait(seconds: float) -> None:  # the desk's own callback, then the other writer finishes
        store_on_wait(seconds)
        seen.append(window.statusBar().currentMessage())
        other.execute("COMMIT")

    window.desk.review.on_wait = on_wait
    record_id = window.record.id
    assert window.decide("include")
    other.close()
    assert seen == [WAITING] and window.statusBar().currentMessage() != WAITING
    assert [(d.record_id, d.verdict) for d in screening.decision_log(window.desk.review)] == [(record_id, "include")]
    window.close()


def test_a_read_only_review_offers_no_change_and_says_so_where_it_stays(read_only_window: MainWindow) -> None:
    for name in ("include", "exclude", "maybe", "note", "tag", "import_files", "keywords", "screening_mode"):
        assert not read_only_window.commands[name].isEnabled(), name
    assert read_only_window.status.text() == READ_ONLY
    read_only_window.close_review()
    assert read_only_window.status.text() == ""


def test_new_keywords_on_a_read_only_review_are_refused_in_a_sentence(read_only_window: MainWindow,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDialog, QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda _self: QDialog.DialogCode.Accepted.value)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, _title, text: warnings.append(text)))
    read_only_window.desk_settings.edit_keywords()  # (the menu offers it no more) OK pressed in the dialog
    assert len(warnings) == 1 and "read-only" in warnings[0]
