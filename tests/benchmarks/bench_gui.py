"""Benchmark of the desk on a big review: opening, moving to the next record (saving the last), search typing.

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui.py [RECORDS]   (default 100,000)
Records are bulk-inserted (tests/ui/seeding.py), not imported. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CURATOR_REVIEWER", "bench")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = Path(tempfile.mkdtemp(prefix="curator-bench-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    path = folder / "big.curator.sqlite"
    from curator.store.database import open_review
    from tests.ui.seeding import seed_records

    started = time.perf_counter()
    with open_review(path) as review:
        seed_records(review, count)
    print(f"seeded {count:,} records in {time.perf_counter() - started:.1f} s")

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.app import application
    from ui.main_window import MainWindow

    app = application()
    window = MainWindow("bench")
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.open_review(path)
    app.processEvents()
    print(f"open review and show first record: {(time.perf_counter() - started) * 1000:.0f} ms")

    def timed(action, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            action()
            app.processEvents()
            times.append((time.perf_counter() - t) * 1000)
        return times

    def report(name: str, times: list[float]) -> None:
        times = sorted(times)
        print(f"{name}: median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms,"
              f" max {times[-1]:.1f} ms (n={len(times)})")

    table = window.record_list.table
    report("next record (J)", timed(lambda: QTest.keyClick(table, Qt.Key.Key_J), 200))

    editor = window.form.rows["sponsor"].editor.line  # type: ignore[attr-defined]

    def edit_then_next() -> None:
        editor.setFocus()
        editor.setText(f"Sponsor {time.perf_counter()}")
        editor.textEdited.emit(editor.text())
        window.record_list.focus_list()  # leaving the field saves it
        QTest.keyClick(table, Qt.Key.Key_J)

    report("edit a field, then next record (saving the edit)", timed(edit_then_next, 100))

    def decide() -> None:
        window.desk._settle_until = 0.0  # type: ignore[union-attr]  # a reviewer reads between decisions
        QTest.keyClick(table, Qt.Key.Key_I)

    report("include and move to the next unscreened (I)", timed(decide, 200))
    table.scrollToBottom()
    report("scroll to the end and paint", timed(lambda: (table.scrollToBottom(), table.repaint()), 5))

    box = window.record_list.search_box
    box.setFocus()
    keystroke: list[float] = []
    search: list[float] = []
    for word in ("pain", "erosion", "interleukin", "randomised"):
        box.clear()
        for letter in word:
            t = time.perf_counter()
            QTest.keyClick(box, letter)
            app.processEvents()
            keystroke.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            window.record_list.apply_filter()  # what the 120 ms pause then runs
            app.processEvents()
            search.append((time.perf_counter() - t) * 1000)
    report("search box keystroke (echo)", keystroke)
    report("search: narrow the list after a pause", search)
    print(f"list shows {window.record_list.model.rowCount():,} records for 'randomised'")
    window.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
