"""Every command of the window, one by one, on an empty, a seeded and a read-only review: none may raise.

Modal dialogs are answered at once, "Cancel" / "No" in one run and "OK" / "Yes" in the other; windows opened
without blocking (help, summaries) are closed after each command. pytest-qt's capture of exceptions in
slots is on (the default), and each command is checked on its own so a failure names it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox
from shiboken6 import isValid

from curator.store import database
from curator.store.database import open_review
from tests.conftest import SAMPLES, add_records
from tests.fulltext.printed_pdf import printed_pdf
from tests.ui.windows import open_window
from ui import full_texts
from ui.main_window import MainWindow

# Quit closes the window (and, in the app, ends it): nothing left to check after it. No command opens an
# external program.
LEAVES_THE_APP = {"quit"}


@pytest.fixture(autouse=True, params=["cancelled", "accepted"])
def _dialogs_answered(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every modal dialog answered at once: Cancel / No, or OK / Yes with what it holds (no file chosen)."""
    accepted = request.param == "accepted"
    code = (QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected).value
    button = QMessageBox.StandardButton.Yes if accepted else QMessageBox.StandardButton.No
    monkeypatch.setattr(QDialog, "exec", lambda _self: code)
    monkeypatch.setattr(QMessageBox, "exec", lambda _self: button.value)
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *_a, **_k: button))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *_a, **_k: None))
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *_a, **_k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: ""))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("smoke", accepted)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda _p, _t, _l, items, *_a, **_k:
                                                             (items[0] if items else "", accepted)))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *_a, **_k: (100, accepted)))


def every_action(window: MainWindow) -> list[QAction]:
    """The entries of the menus that are not commands (the recent reviews), then every command; once each."""
    commands = window.commands.all()
    actions: list[QAction] = []
    menus = [window.menuBar()]
    while menus:
        for action in menus.pop().actions():
            if action.menu() is not None:
                menus.append(action.menu())  # type: ignore[arg-type]
            elif not action.isSeparator() and action not in commands + actions:
                actions.append(action)
    return actions + commands


def close_other_windows(window: MainWindow) -> None:
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible() and not isinstance(widget, QMenu):
            widget.close()


def trigger_every_command(qtbot, window: MainWindow) -> list[str]:
    """Trigger each enabled action; the names triggered. Fails on the first that raises or leaves the window unusable."""
    triggered: list[str] = []
    # The commands twice round: the first round's decisions open what was closed (undo, redo, reasons).
    for action in every_action(window) + window.commands.all():
        if not isValid(action):  # an entry of the recent reviews, rebuilt when a review opened
            continue
        name = action.objectName() or action.text()
        if name in LEAVES_THE_APP or not action.isEnabled():
            continue
        with qtbot.capture_exceptions() as exceptions:
            action.trigger()
            qtbot.wait(5)
            close_other_windows(window)
        assert not exceptions, f"{name}: {exceptions[0][1]!r}"
        assert window.isVisible(), name
        qtbot.waitUntil(lambda: window.full_texts.long_work is None, timeout=20_000)  # reading a full text
        window.record_list.focus_list()  # the window still answers
        if window.model is not None:
            assert window.model.rowCount() >= 0
        triggered.append(name)
    return triggered


def test_every_command_without_a_review(qtbot) -> None:
    window = MainWindow("tester")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "about" in trigger_every_command(qtbot, window)


def test_every_command_on_a_new_empty_review(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "new.curator.sqlite")
    triggered = trigger_every_command(qtbot, window)
    assert {"include", "find", "keywords", "export_workbook", "import_files"} <= set(triggered)


@pytest.fixture
def seeded_window(qtbot, seeded_path: Path) -> Iterator[MainWindow]:
    window = open_window(qtbot, seeded_path)
    yield window
    window.close()


def test_every_command_on_a_seeded_review_with_a_record_shown(qtbot, seeded_window: MainWindow) -> None:
    assert seeded_window.record is not None
    triggered = trigger_every_command(qtbot, seeded_window)
    assert {"include", "exclude", "reason_1", "note", "undo", "redo", "stage_1"} <= set(triggered)


def test_every_command_on_a_read_only_review(qtbot, seeded_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "is_writable", lambda _path: False)
    window = open_window(qtbot, seeded_path)
    assert window.desk is not None and window.desk.read_only and window.record is not None
    triggered = trigger_every_command(qtbot, window)
    assert "include" not in triggered and "next_record" in triggered


def test_every_command_on_a_record_with_its_full_text(qtbot, review_path: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    name = "004_d447a14818565f2a.txt"
    pdf = tmp_path / "lupus.pdf"
    pdf.write_bytes(printed_pdf((SAMPLES / name).read_text(encoding="utf-8"), name))
    with open_review(review_path) as review:
        add_records(review, ["Lenalidomide for refractory cutaneous lupus"], record_kind="trial",
                    fields={"ids": ["NCT01408199"]})
    window = open_window(qtbot, review_path)
    monkeypatch.setattr(full_texts, "choose_pdf", lambda _parent, _folder: pdf)
    window.commands["attach_full_text"].trigger()
    qtbot.waitUntil(lambda: window.full_texts.long_work is None, timeout=20_000)
    triggered = trigger_every_command(qtbot, window)
    assert {"detach_full_text", "attach_full_text"} <= set(triggered)  # read: until detached (Yes)
