"""Long work (import, export) on a thread of its own; results come back to the GUI thread as signals.

The work function is called as ``work(progress, cancelled)``: ``progress(done, total, label)``
reports, ``cancelled()`` says whether the reviewer pressed Cancel. The job never
touches a widget; whoever started it connects to its signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from curator.store.errors import ReviewError
from ui.crash_report import log_traceback

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


def details_logged(error: Exception) -> str:
    """Put ``error``'s traceback in the log of problems; the sentence that says where."""
    try:
        return f"The details are in {log_traceback(error, 'doing long work')}."
    except OSError:
        return ""


class BackgroundJob(QObject):
    """One piece of long work. Emits ``progressed``, then one of ``succeeded``, ``cancelled``, ``failed``."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    cancelled = Signal(str)
    failed = Signal(str)
    ended = Signal()

    def __init__(self, work: Work, *, cancel_errors: tuple[type[BaseException], ...] = ()) -> None:
        super().__init__()
        self._work = work
        self._cancel_errors = cancel_errors
        self._cancel = threading.Event()
        self._thread: QThread | None = None

    def start(self) -> None:
        thread = QThread()
        thread.setObjectName("curator-long-work")
        self.moveToThread(thread)
        thread.started.connect(self._run)
        # Direct: quit() is thread-safe, and a queued call would wait for the GUI thread, which may be
        # the one waiting for this thread to end.
        self.ended.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread = thread
        thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the thread has finished (closing the window, tests)."""
        return self._thread.wait(milliseconds) if self._thread is not None else True

    @Slot()
    def _run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except self._cancel_errors as error:
            self.cancelled.emit(str(error) or "Cancelled; nothing was changed.")
        except (ValueError, OSError, ReviewError) as error:  # bad input, an unreadable file, a review refusing
            self.failed.emit(f"{error}" or type(error).__name__)
        except Exception as error:  # unexpected: the message, and the whole traceback in the log of problems
            self.failed.emit(f"{str(error).rstrip('.') or type(error).__name__}. {details_logged(error)}")
        else:
            # Finished before it could stop: the result stands, and is reported.
            self.succeeded.emit(result)
        finally:
            self.ended.emit()
