"""The desk tests' one way to open the window on a review, as a reviewer would: shown, exposed and active."""

from __future__ import annotations

from pathlib import Path

from ui.main_window import MainWindow


def open_window(qtbot, path: Path, reviewer: str = "tester", *, create: bool = True) -> MainWindow:
    window = MainWindow(reviewer)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert window.open_review(path, create=create)
    return window
