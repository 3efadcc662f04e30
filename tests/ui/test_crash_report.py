"""The last resort: an unexpected error in the window is one clear sentence and a log entry, never a traceback."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.crash_report import install, log_path
from ui.main_window import MainWindow
from ui.workers import BackgroundJob


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The boxes' texts, the boxes never blocking; the hooks put back afterwards."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    return texts


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_command_is_one_sentence_and_a_log_entry(qtbot, window: MainWindow,
                                                               shown: list[str]) -> None:
    action = window.commands["back_to_list"]
    action.triggered.connect(lambda: 1 / 0)  # as if the command itself failed (connected, as all, before install)
    install(window, window.commands.all())
    action.setEnabled(True)
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    log = log_path()
    assert shown == [f'Curator hit an unexpected problem while doing "Back to the list": division by zero. Your decisions '
                     f"and edits are saved as you make them; nothing was lost. The details are in {log}."]
    text = log.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero" in text and 'While doing "Back to the list"' in text
    assert "Traceback (most recent call last)" in text and "Curator " in text.splitlines()[0]


@pytest.mark.qt_no_exception_capture
def test_a_storm_of_the_same_error_shows_one_box_and_counts_in_the_log(qtbot, shown: list[str],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    handler = install(parent, [])

    def box_open_during_storm(box: QMessageBox) -> int:
        shown.append(box.text())
        for _ in range(5):  # the same timer failing again while the box is up
            QTimer.singleShot(0, lambda: [][1])
        qtbot.wait(50)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", box_open_during_storm)
    QTimer.singleShot(0, lambda: [][1])
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.wait(100)
    assert len(shown) == 1 and "list index out of range" in shown[0]
    assert "while" not in shown[0].split(":")[0]  # no command was being carried out
    text = log_path().read_text(encoding="utf-8")
    assert text.count("IndexError") == 1 and "happened 5 more times" in text
    assert handler is not None


@pytest.mark.qt_no_exception_capture
def test_an_error_while_showing_the_box_does_not_recurse(qtbot, shown: list[str], monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    install(parent, [])
    calls: list[int] = []

    def broken_box(_box: QMessageBox) -> int:
        calls.append(1)
        raise RuntimeError("no screen")

    monkeypatch.setattr(QMessageBox, "exec", broken_box)
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(calls))
    qtbot.wait(50)
    assert calls == [1] and "no screen" in capsys.readouterr().err


def test_keyboard_interrupt_keeps_its_default(qtbot, shown: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    handler = install(parent, [])
    defaults: list[type] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, *_: defaults.append(kind))
    handler.report(KeyboardInterrupt, KeyboardInterrupt(), None)
    qtbot.wait(20)
    assert defaults == [KeyboardInterrupt] and shown == []


@pytest.mark.qt_no_exception_capture
def test_a_plain_threads_error_reaches_the_same_report(qtbot, shown: list[str]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    install(parent, [])
    thread = threading.Thread(target=lambda: {}["missing"])
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert "unexpected problem: 'missing'." in shown[0] and "KeyError" in log_path().read_text(encoding="utf-8")


def test_an_unexpected_error_in_long_work_is_logged_and_says_where(qtbot) -> None:
    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        raise AttributeError("'NoneType' object has no attribute 'title'")

    job = BackgroundJob(work)
    with qtbot.waitSignal(job.failed, timeout=10_000) as blocker:
        job.start()
    job.wait()
    assert blocker.args == [f"'NoneType' object has no attribute 'title'. The details are in {log_path()}."]
    assert "AttributeError" in log_path().read_text(encoding="utf-8")
    assert log_path().parent.name == "Curator"  # the user-data folder, beside the default review


def test_the_window_installs_the_report_when_it_starts_not_at_import(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    before = sys.excepthook
    import ui.crash_report  # noqa: F401 — importing changes nothing

    assert sys.excepthook is before
    windows: list[MainWindow] = []
    show_window = app.show_window
    monkeypatch.setattr(app, "ask_reviewer", lambda _settings: "tester")
    monkeypatch.setattr(app, "show_window", lambda *a: windows.append(show_window(*a)) or windows[-1])
    monkeypatch.setattr(app.QTimer, "singleShot", lambda *_a: None)  # no review opened
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    assert app.run(None) == 0
    qtbot.addWidget(windows[0])
    assert getattr(sys.excepthook, "__self__", None).__class__.__name__ == "CrashReport"
    assert getattr(threading.excepthook, "__self__", None) is sys.excepthook.__self__  # type: ignore[attr-defined]
