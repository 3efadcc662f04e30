"""The last resort: an unexpected error anywhere in the window becomes one clear sentence and a log entry.

:func:`install` (called by ``ui.app`` once the window is up) replaces ``sys.excepthook`` and
``threading.excepthook``. The full traceback, with the time and Curator's version, goes to
:func:`log_path` in the user-data folder; the reviewer sees one message box that says what Curator was
doing, what went wrong, and that nothing was lost. A storm of the same error shows one box and
counts the repeats in the log; an error while reporting is printed, never reported again.
"""

from __future__ import annotations

import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from curator import APP_NAME, __version__

LOG_NAME = "problems.log"


def log_path() -> Path:
    """The log of unexpected problems: beside the default review, in the user-data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / LOG_NAME


def write_log(text: str) -> Path:
    """Append ``text`` to the log with the time and Curator's version; the log's path."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {stamp} · {APP_NAME} {__version__}\n{text.rstrip()}\n\n")
    return path


def log_traceback(error: BaseException, doing: str = "") -> Path:
    """Append ``error``'s full traceback (and what was being done) to the log; the log's path."""
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return write_log((f"While {doing}:\n" if doing else "") + details)


def problem_sentence(error: BaseException, doing: str, log: Path) -> str:
    """What the reviewer reads: one sentence on what went wrong, and that nothing was lost."""
    message = (str(error).strip() or type(error).__name__).rstrip(".")
    during = f" while {doing}" if doing else ""
    return (f"{APP_NAME} hit an unexpected problem{during}: {message}. Your decisions and edits are saved as "
            f"you make them; nothing was lost. The details are in {log}.")


def command_name(action: QAction) -> str:
    """A command's menu text as the reviewer reads it: "Export workbook" for "&Export workbook…"."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class CrashReport(QObject):
    """The installed handler. ``watch`` the window's commands so a report can say which one failed."""

    problem = Signal(object)  # the error, queued to the GUI thread

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._doing = ""
        self._showing = False
        self._same: tuple[type, str] | None = None  # the error the box on screen is about
        self._repeats = 0
        self.problem.connect(self._on_problem, Qt.ConnectionType.QueuedConnection)

    def watch(self, actions: list[QAction]) -> None:
        """Note each command as it is carried out. Connected here, the note is taken after the command's
        own slots ran, before the queued report of their error is read; it is forgotten right after."""
        for action in actions:
            action.triggered.connect(lambda _checked=False, a=action: self._note(command_name(a)))

    def _note(self, doing: str) -> None:
        self._doing = f'doing "{doing}"'
        QTimer.singleShot(0, self._forget)

    def _forget(self) -> None:
        self._doing = ""

    def report(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        """``sys.excepthook``: any thread; KeyboardInterrupt keeps its default."""
        if issubclass(kind, KeyboardInterrupt) or not isinstance(error, BaseException):
            sys.__excepthook__(kind, error, trace)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        self.problem.emit(error)

    def report_thread(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: a plain thread's error, reported the same way (SystemExit stays silent)."""
        if args.exc_value is not None and not issubclass(args.exc_type, SystemExit):
            self.report(args.exc_type, args.exc_value, args.exc_traceback)

    def _on_problem(self, error: BaseException) -> None:
        doing = self._doing
        same = (type(error), str(error))
        if self._showing:
            if same == self._same:
                self._repeats += 1
            else:
                self._log(error, doing)
            return
        self._showing, self._same, self._repeats = True, same, 0
        try:
            log = self._log(error, doing)
            self._show(problem_sentence(error, doing, log))
        except Exception:  # noqa: BLE001 — reporting must never report itself
            sys.__excepthook__(*sys.exc_info())  # type: ignore[arg-type]
        finally:
            self._showing = False
            if self._repeats:
                self._log_quietly(f"The same problem happened {self._repeats} more times while it was shown.")

    def _log(self, error: BaseException, doing: str) -> Path:
        try:
            return log_traceback(error, doing)
        except OSError:  # the folder is not writable: the traceback goes to the terminal instead
            traceback.print_exception(type(error), error, error.__traceback__)
            return log_path()

    def _log_quietly(self, text: str) -> None:
        try:
            write_log(text)
        except OSError:
            print(text, file=sys.stderr)

    def _show(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text, parent=self._parent)
        box.setObjectName("problem_message")
        box.exec()


def install(window: QWidget, actions: list[QAction]) -> CrashReport:
    """Make ``window`` the place unexpected errors are reported, from now on."""
    handler = CrashReport(window)
    handler.watch(actions)
    sys.excepthook = handler.report
    threading.excepthook = handler.report_thread
    return handler
