"""Others' work appearing on a shared (server) review while the reviewer screens.

Every few seconds the desk asks the server, off the GUI thread, for the decisions made since it last
asked (:func:`curator.review.desk.decisions_since`). The rows of the records other reviewers decided on
are read again, with the counts and, when it is one of them, the decisions shown under the current
record. Nothing else moves: the selection, the form and whatever is being typed stay as they are.
A server that does not answer is said in the status bar; the next poll tries again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar

from curator.review.desk import decisions_since
from curator.store.database import Review, ReviewError
from ui.workers import BackgroundJob

if TYPE_CHECKING:
    from curator.review.records import RecordView
    from ui.curation_desk import CurationDesk
    from ui.record_list import RecordListPane
    from ui.record_list_model import RecordListModel
    from ui.review_files import ReviewFiles

POLL_MS = 4000


class LiveWindow(Protocol):
    """What this part reads of the main window (a QMainWindow, its parent)."""

    reviewer: str
    files: ReviewFiles
    record_list: RecordListPane
    desk: CurationDesk | None
    model: RecordListModel | None
    record: RecordView | None

    def statusBar(self) -> QStatusBar: ...  # noqa: N802

    def show_verdict(self) -> None: ...


class LiveRefresh(QObject):
    """Polls the open server review for other reviewers' decisions and shows them (see the module); emits
    ``decisions_arrived`` with the records others decided on."""

    decisions_arrived = Signal(list)

    def __init__(self, window: LiveWindow) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.window = window
        self.review: Review | None = None
        self.last_decision: int | None = None
        self.job: BackgroundJob | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        window.files.review_opened.connect(self._on_files_review_opened)
        window.files.review_closing.connect(self.stop)

    def _on_files_review_opened(self, review: Review) -> None:
        self.stop()
        if not review.server:
            return
        self.review = review
        try:
            self.last_decision, _ = decisions_since(review, None, self.window.reviewer)
        except ReviewError as error:
            self.window.statusBar().showMessage(str(error), 6000)
        self.timer.start()

    def stop(self) -> None:
        """No more polls (the review is closing): wait for one under way."""
        self.timer.stop()
        self.review = None
        if self.job is not None:
            self.job.wait()
            self.job = None

    def poll(self) -> BackgroundJob | None:
        """Ask the server for decisions made since the last poll, off the GUI thread; the job (None when one
        is still under way, or no server review is open)."""
        review, after, reviewer = self.review, self.last_decision, self.window.reviewer
        if review is None or self.job is not None:
            return None
        job = BackgroundJob(lambda _progress, _cancelled: (review, *decisions_since(review, after, reviewer)))
        job.succeeded.connect(self._on_job_succeeded)
        job.failed.connect(self._on_job_failed)
        job.ended.connect(self._on_job_ended)
        self.job = job
        job.start()
        return job

    def _on_job_ended(self) -> None:
        if self.job is not None:
            self.job.wait()
        self.job = None

    def _on_job_failed(self, message: str) -> None:
        if self.review is not None:
            self.window.statusBar().showMessage(message, 6000)

    def _on_job_succeeded(self, result: object) -> None:
        review, newest, record_ids = result  # type: ignore[misc]
        if review is not self.review:  # closed, or another review opened, while the server answered
            return
        if self.last_decision is None or newest > self.last_decision:
            self.last_decision = newest
        self.show_changes(sorted(record_ids))

    def show_changes(self, record_ids: list[int]) -> None:
        """Show the records others decided on afresh: their rows, the counts, the current record's decisions."""
        window = self.window
        if not record_ids or window.desk is None or window.model is None:
            return
        window.model.refresh_records(record_ids)
        self.decisions_arrived.emit(record_ids)
        window.record_list.show_counts(*window.desk.progress())
        if window.record is not None and window.record.id in record_ids:
            window.show_verdict()
        others = "1 record" if len(record_ids) == 1 else f"{len(record_ids)} records"
        window.statusBar().showMessage(f"Other reviewers decided on {others}", 4000)
