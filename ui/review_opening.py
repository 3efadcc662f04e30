"""Opening a server review off the GUI thread: reaching the server, checking its schema and seeding it.

A server may take seconds to answer (up to the connection timeout when it does not answer at all).
Meanwhile the window keeps repainting, and a progress dialog says what is being
opened and offers Cancel. Cancelling leaves the window as it was at once; the open still under way is left
to end on its own thread, and whatever it opened is closed again. When the review cannot be opened, the
core's one sentence says why (naming the server, never the password) and nothing on the desk changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from curator.store.database import Review, ReviewError, open_review
from curator.store.server import describe, server_url
from ui.workers import BackgroundJob

#: What an open that the reviewer cancelled says: nothing (the window stays as it was, no message).
OPENING_CANCELLED = ""
#: The dialog shows after this long (ms): a server that answers at once never flashes one.
SHOW_AFTER_MS = 300

_left_running: set[BackgroundJob] = set()  # cancelled opens still ending on their own thread


def where(location: str) -> str:
    """How the dialog names the review being opened: ``the review server host:port/database``."""
    try:
        return f"the review server {describe(server_url(location))}"
    except ReviewError:
        return "the review server"


class ReviewOpening(QObject):
    """One review being opened on a worker thread, with its progress dialog (see the module)."""

    def __init__(self, parent: QWidget, location: str, *, create: bool) -> None:
        super().__init__(parent)
        self._parent = parent
        self.review: Review | None = None
        self.error: str | None = None
        self.cancelled = False
        self._ended = False
        self.job = BackgroundJob(lambda _progress, _cancelled: open_review(location, create=create))
        self.job.succeeded.connect(self._on_job_succeeded)
        self.job.failed.connect(self._on_job_failed)
        self.job.ended.connect(self._on_job_ended)
        self.dialog = QProgressDialog(f"Opening {where(location)}…", "Cancel", 0, 0, parent)
        self.dialog.setObjectName("opening_dialog")
        self.dialog.setWindowTitle("Opening the review")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(60_000)  # shown by this object's own timer (SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._on_dialog_canceled)

    def run(self) -> Review | str:
        """Open the review, the event loop running meanwhile; the review, else why not (OPENING_CANCELLED
        when the reviewer cancelled)."""
        QTimer.singleShot(SHOW_AFTER_MS, self, self._show_dialog)
        self.job.start()
        # The window's events, until the job ends or the reviewer cancels. Not a nested QEventLoop: that would
        # also run the deletions other parts left for the event loop (deleteLater), in the middle of this call.
        while not (self._ended or self.cancelled):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        shown = self.dialog.isVisible()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        if shown:  # the keys go back to the window (or the dialog) the open was asked from
            self._parent.activateWindow()
        if self.cancelled:  # this object goes once the job has ended (see _on_cancelled_job_ended)
            return OPENING_CANCELLED
        self.job.wait()
        self.deleteLater()
        if self.review is None:
            return self.error or "the review could not be opened"
        return self.review

    def _show_dialog(self) -> None:
        if not (self._ended or self.cancelled):
            self.dialog.show()

    def _on_job_succeeded(self, review: object) -> None:
        assert isinstance(review, Review)
        if self.cancelled:  # too late: the reviewer no longer wants it
            review.close()
        else:
            self.review = review

    def _on_job_failed(self, message: str) -> None:
        self.error = message

    def _on_job_ended(self) -> None:
        self._ended = True

    def _on_dialog_canceled(self) -> None:
        if self.job.is_cancelled() or self.review is not None:
            return
        self.cancelled = True
        self.job.cancel()
        _left_running.add(self.job)
        self.job.ended.connect(self._on_cancelled_job_ended)

    def _on_cancelled_job_ended(self) -> None:
        self.job.wait()
        _left_running.discard(self.job)
        self.deleteLater()


def open_in_background(parent: QWidget, location: str, *, create: bool) -> Review | str:
    """Open the review at ``location`` off the GUI thread with a progress dialog (see the module): the review,
    else the sentence saying why not, or OPENING_CANCELLED."""
    return ReviewOpening(parent, location, create=create).run()


def wait_for_cancelled_opens(milliseconds: int = 15_000) -> None:
    """Let opens the reviewer cancelled end (closing the window, quitting), so no thread outlives the desk."""
    for job in list(_left_running):
        job.wait(milliseconds)
        QCoreApplication.sendPostedEvents()  # their results: a review opened too late is closed
