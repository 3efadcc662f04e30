"""Import and export off the GUI thread: progress, Cancel, readable failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from curator.review.listing import count_records
from curator.store.database import Review
from ui.long_work import LongWork, export_available, start_export, start_import


def test_a_failure_is_a_message_not_a_traceback(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        progress(1, 2, "first.ris")
        raise ValueError("first.ris, entry 3: no title")

    long_work = LongWork(parent, "Importing", work)
    ended: list[bool] = []
    # When the result is handed over, the work's thread has already ended (no waiting it out).
    long_work.finished.connect(lambda _result: ended.append(long_work.job._thread.isFinished()))
    with qtbot.waitSignal(long_work.finished, timeout=10_000) as blocker:
        long_work.start()
    assert blocker.args == [None] and ended == [True]
    assert long_work.message == "first.ris, entry 3: no title"
    box = parent.findChild(QWidget, "failure_message")
    assert box is not None and "no title" in box.informativeText()  # type: ignore[attr-defined]


def test_cancelled_import_writes_nothing(qtbot, review: Review, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    for number in range(3):
        (tmp_path / f"doc{number}.txt").write_text(f"Trial {number}\n\nSome text.", encoding="utf-8")
    results: list[object] = []
    long_work = start_import(parent, review, [tmp_path], "tester", results.append)
    long_work.job.cancel()  # Cancel pressed before the first file is read
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [None] and "nothing was imported" in long_work.message
    assert count_records(review) == 0


def test_gui_thread_keeps_running_while_work_runs(qtbot) -> None:
    import threading

    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    seen: list[tuple[int, int, str]] = []

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        progress(0, 1, "waiting")
        release.wait(10)
        return "done"

    long_work = LongWork(parent, "Working", work)
    long_work.job.progressed.connect(lambda *args: seen.append(args))
    long_work.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)  # the event loop delivered progress while work waits
    release.set()
    qtbot.waitUntil(lambda: long_work.result == "done", timeout=5000)


@pytest.mark.skipif(not export_available(), reason="the workbook export is not in this build yet")
def test_export_writes_a_workbook(qtbot, review: Review, tmp_path: Path) -> None:
    from tests.ui.seeding import seed_records

    seed_records(review, 5)
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []
    start_export(parent, review, tmp_path / "out.xlsx", results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    assert results[0] is not None and Path(str(results[0])).exists()
