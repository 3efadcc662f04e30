"""Opening a server review off the GUI thread: the window keeps working while a server is slow to answer, Cancel
leaves it as it was, and a server that cannot be reached is one sentence naming it, the open review kept."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from curator.store.database import open_review
from tests.ui.seeding import seed_records
from tests.ui.windows import open_window
from ui import review_opening
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, review_path: Path) -> Iterator[MainWindow]:
    with open_review(review_path) as review:
        seed_records(review, 5)
    window = open_window(qtbot, review_path)
    yield window
    window.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    return said


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens there once the probe is closed


def test_an_unreachable_server_is_one_sentence_and_the_open_review_stays(window: MainWindow,
                                                                       warnings: list[str]) -> None:
    review, title, record = window.review, window.windowTitle(), window.record
    port = _closed_port()
    assert not window.open_review(f"postgresql://ann:secret-pw@127.0.0.1:{port}/review", create=False)
    assert warnings == [f"cannot reach the review server 127.0.0.1:{port}/review: is it running, and is the"
                        " address right?"]
    assert window.review is review and window.windowTitle() == title and window.record is record
    assert window.model is not None and window.model.rowCount() == 5


def test_while_a_server_is_slow_to_answer_the_window_works_and_cancel_leaves_it_as_it_was(
        window: MainWindow, warnings: list[str], qtbot) -> None:
    review, title = window.review, window.windowTitle()
    silent = socket.socket()  # takes connections and never answers: the open waits for it
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    port = silent.getsockname()[1]
    ticks: list[int] = []
    seen: list[QProgressDialog] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(50)

    def cancel_when_shown() -> None:
        shown = [d for d in window.findChildren(QProgressDialog, "opening_dialog") if d.isVisible()]
        if not shown:
            QTimer.singleShot(50, cancel_when_shown)
            return
        dialog = shown[0]
        seen.append(dialog)
        assert "127.0.0.1" in dialog.labelText() and "secret" not in dialog.labelText()
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel

    QTimer.singleShot(0, cancel_when_shown)
    try:
        assert not window.open_review(f"postgresql://ann:secret-pw@127.0.0.1:{port}/review", create=False)
    finally:
        ticker.stop()
        silent.close()  # the open left running now fails at once
    assert seen and len(ticks) >= 5  # the event loop ran all along: timers fired, the dialog showed
    assert warnings == []  # cancelled: nothing to say
    assert window.review is review and window.windowTitle() == title
    review_opening.wait_for_cancelled_opens()
    assert not review_opening._left_running
