"""The screening keys work from the first second of the first start, whichever widget has the focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from curator.review import screening
from curator.store.database import open_review
from tests.ui.seeding import seed_records
from ui import app
from ui.dialogs import reviewer_name
from ui.settings import DeskSettings


def _plain_key(widget: QWidget, key: Qt.Key, text: str) -> None:
    """A key press as the desktop delivers it to the focus widget when no shortcut of the window fires."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))


def test_first_start_answers_the_name_then_i_e_m_decide(qtbot, monkeypatch: pytest.MonkeyPatch,
                                                       review_path: Path) -> None:
    with open_review(review_path) as review:
        seed_records(review, 6)
    monkeypatch.delenv("CURATOR_REVIEWER")
    settings = DeskSettings()
    assert settings.reviewer() == ""  # a fresh settings folder: the name is asked
    monkeypatch.setattr(reviewer_name.ReviewerNameDialog, "exec", lambda _self: 1)
    monkeypatch.setattr(reviewer_name.ReviewerNameDialog, "reviewer", lambda _self: "alice")
    reviewer = app.ask_reviewer(settings)
    assert reviewer == "alice"
    window = app.show_window(reviewer, settings)
    qtbot.addWidget(window)
    assert window.open_review(review_path)
    table = window.record_list.table
    window.ranking.choose_order("import")  # the keys' path in import order, not learnt by relevance
    assert window.focusWidget() is table
    assert window.record is not None and window.record.id == 1
    _plain_key(table, Qt.Key.Key_I, "i")  # not the list's type-ahead ("the next title starting with I")
    qtbot.waitUntil(lambda: window.record is not None and window.record.id == 2)
    qtbot.wait(400)  # the last decision settles before the next key counts
    _plain_key(QApplication.focusWidget() or table, Qt.Key.Key_E, "e")
    _plain_key(QApplication.focusWidget() or table, Qt.Key.Key_1, "1")
    qtbot.waitUntil(lambda: window.record is not None and window.record.id == 3)
    qtbot.wait(400)
    _plain_key(QApplication.focusWidget() or table, Qt.Key.Key_M, "m")
    qtbot.waitUntil(lambda: window.record is not None and window.record.id == 4)
    assert window.desk is not None
    decided = {(d.record_id, d.verdict) for d in screening.decision_log(window.desk.review)}
    assert decided == {(1, "include"), (2, "exclude"), (3, "maybe")}
    window.close()


def test_a_plain_key_in_a_field_still_types(qtbot, review_path: Path) -> None:
    with open_review(review_path) as review:
        seed_records(review, 2)
    window = app.show_window("alice", DeskSettings())
    qtbot.addWidget(window)
    assert window.open_review(review_path)
    search = window.record_list.search_box
    search.setFocus()
    _plain_key(search, Qt.Key.Key_I, "i")
    assert search.text() == "i"
    assert window.desk is not None and not list(screening.decision_log(window.desk.review))
    window.close()
