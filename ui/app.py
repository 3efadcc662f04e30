"""Starting the window: ``curator-gui [REVIEW]`` and ``curator gui`` both end up in :func:`run`."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from curator import APP_ID, APP_NAME, __version__
from resources import resource_path
from ui.settings import APPLICATION, ORGANISATION, DeskSettings
from ui.system_libraries import missing_libraries_message, missing_packages, uses_xcb

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def application() -> QApplication:
    """The running QApplication, created (with Curator's names, icon and style) when there is none."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    for candidate in (resource_path("icons", "curator.svg"), resource_path("icons", "curator.png")):
        if candidate.exists():
            app.setWindowIcon(QIcon(str(candidate)))
            break
    style = resource_path("styles", "curator.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


NO_DISPLAY = ("Curator's window needs a desktop session (no DISPLAY/WAYLAND_DISPLAY); "
              "use the command line, or run under xvfb-run")
NO_REVIEWER = "No reviewer name given; Curator needs one to record decisions."


def missing_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True on Linux when there is no display to open a window on (and Qt was not told of another platform)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def ask_reviewer(settings: DeskSettings) -> str | None:
    """The reviewer's name: remembered, from ``CURATOR_REVIEWER``, or asked once (None if they cancel)."""
    name = settings.reviewer()
    if name:
        return name
    from ui.dialogs.reviewer_name import ReviewerNameDialog

    dialog = ReviewerNameDialog()
    if not dialog.exec() or not dialog.reviewer():
        return None
    settings.set_reviewer(dialog.reviewer())
    return dialog.reviewer()


def review_location(named: str) -> Path | str:
    """A review named on the command line or in ``$CURATOR_REVIEW``: a server's address as it is, else a path."""
    from curator.store.server import is_server_location

    return named if is_server_location(named) else Path(named).expanduser()


def where_to_open(settings: DeskSettings) -> Path | str:
    """The review the window opens when none is named: ``$CURATOR_REVIEW``, else the last review opened in
    the window, else the default review in the user-data folder (the command line's rule, with the last one).
    A server review is its ``postgresql://`` address."""
    from curator.store.database import REVIEW_ENV, default_review_path

    named = os.environ.get(REVIEW_ENV, "").strip()
    if named:
        return review_location(named)
    last = settings.last_review()
    if isinstance(last, str) or last is not None and last.exists():
        return last
    return default_review_path()


def show_window(reviewer: str, settings: DeskSettings) -> MainWindow:
    """Show the main window and make it the active one, so its keys work before any click."""
    from ui.main_window import MainWindow  # loads the core (SQLAlchemy) once Qt is up

    window = MainWindow(reviewer, settings)
    window.show()
    # After the name dialog closes, a desktop need not activate the next window it sees; without
    # this, the window's shortcuts stay asleep until the reviewer clicks into it.
    window.raise_()
    window.activateWindow()
    return window


def run(review_path: Path | str | None) -> int:
    """Open the window on ``review_path`` (when None, see :func:`where_to_open`); the exit code."""
    if missing_display():
        # Without this, Qt aborts (exit 134) with its raw plugin error.
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    if uses_xcb():
        packages = missing_packages()
        if packages:  # else Qt aborts the process while loading its xcb plugin
            print(missing_libraries_message(packages), file=sys.stderr)
            return 2
    app = application()
    settings = DeskSettings()
    reviewer = ask_reviewer(settings)
    if reviewer is None:
        print(NO_REVIEWER, file=sys.stderr)
        return 1
    started = time.perf_counter()  # after the name: the time to open, not the time to type
    window = show_window(reviewer, settings)
    from ui.crash_report import install

    install(window, window.commands.all())  # from now on, an unexpected error is a sentence and a log entry
    review_path = review_path or where_to_open(settings)

    def open_first() -> None:
        window.open_review(review_path)
        window.statusBar().showMessage(f"Opened in {time.perf_counter() - started:.2f} s", 4000)

    # Paint the window first, then read the review.
    QTimer.singleShot(0, open_first)
    return app.exec()


def main() -> None:
    """The ``curator-gui`` entry point: ``curator-gui [REVIEW]``."""
    arguments = [a for a in sys.argv[1:] if not a.startswith("-")]
    if any(a in ("-h", "--help") for a in sys.argv[1:]):
        print("usage: curator-gui [REVIEW FILE or postgresql://NAME@HOST:PORT/DATABASE]\n\nOpen Curator's window on "
              "a review: the one named, else "
              "$CURATOR_REVIEW, else the last one opened in the window, else the default review in your "
              "user-data folder.")
        raise SystemExit(0)
    raise SystemExit(run(review_location(arguments[0]) if arguments else None))


if __name__ == "__main__":
    main()
