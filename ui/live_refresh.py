"""Others' work appearing on a shared review (a server, or a file several people open) while the reviewer screens.

Every few seconds the desk asks the review, off the GUI thread, what other reviewers changed since it last
asked (:func:`curator.review.changes.changes_since`): decisions made or undone, field edits, tags, notes,
records imported. The rows of the records they changed are read again, with the counts; when the current
record is one of them, its decisions, fields, tags and notes are shown afresh. Nothing else moves: the
selection stays, and a field the reviewer is typing in keeps their text (it is brought up to date once they
leave it; saving it is refused if it would overwrite the other reviewer's change, see
:meth:`ui.record_form.RecordForm.seen`). A review that does not answer is said in the status bar; the next
poll tries again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar

from curator.review.changes import ChangeMarker, Changes, changes_since
from curator.store.database import Review, ReviewError
from ui.workers import BackgroundJob

if TYPE_CHECKING:
    from curator.review.records import RecordView
    from ui.curation_desk import CurationDesk
    from ui.decision_bar import DecisionBar
    from ui.record_form import RecordForm
    from ui.record_list import RecordListPane
    from ui.record_list_model import RecordListModel
    from ui.review_files import ReviewFiles

#: How often the desk asks (ms): others' changes show within this and the time the review takes to answer.
POLL_MS = 3000


class LiveWindow(Protocol):
    """What this part reads of the main window (a QMainWindow, its parent)."""

    reviewer: str
    files: ReviewFiles
    record_list: RecordListPane
    form: RecordForm
    decision_bar: DecisionBar
    desk: CurationDesk | None
    model: RecordListModel | None
    record: RecordView | None

    def statusBar(self) -> QStatusBar: ...  # noqa: N802

    def show_verdict(self) -> None: ...

    def refresh_choices(self) -> None: ...

    def after_import(self) -> None: ...


class LiveRefresh(QObject):
    """Polls the open review for other reviewers' changes and shows them (see the module); emits
    ``decisions_arrived`` with the records others decided on (or undid a decision on)."""

    decisions_arrived = Signal(list)

    def __init__(self, window: LiveWindow) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.window = window
        self.review: Review | None = None
        self.marker: ChangeMarker | None = None
        self.job: BackgroundJob | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        window.files.review_opened.connect(self._on_files_review_opened)
        window.files.review_closing.connect(self.stop)

    def _on_files_review_opened(self, review: Review) -> None:
        self.stop()
        self.review = review
        try:
            self.marker, _ = changes_since(review, None, self.window.reviewer)
        except ReviewError as error:
            self.window.statusBar().showMessage(str(error), 6000)
        self.timer.start()

    def stop(self) -> None:
        """No more polls (the review is closing): wait for one under way."""
        self.timer.stop()
        self.review = None
        self.marker = None
        if self.job is not None:
            self.job.wait()
            self.job = None

    def poll(self) -> BackgroundJob | None:
        """Ask the review what others changed since the last poll, off the GUI thread; the job (None when one
        is still under way, or no review is open)."""
        review, marker, reviewer = self.review, self.marker, self.window.reviewer
        if review is None or self.job is not None:
            return None
        job = BackgroundJob(lambda _progress, _cancelled: (review, *changes_since(review, marker, reviewer)))
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
        review, marker, changes = result  # type: ignore[misc]
        if review is not self.review:  # closed, or another review opened, while the review answered
            return
        self.marker = marker
        self.show_changes(changes)

    def show_changes(self, changes: Changes) -> None:
        """Show what others changed: the list (its rows, new records), the counts, and the current record."""
        window = self.window
        if window.desk is None or window.model is None:
            return
        window.form.catch_up()
        if not changes:
            return
        if changes.imported:
            window.after_import()  # the list, the choices and the counts, read again; the selection stays
        elif changes.choices:
            window.refresh_choices()
        window.model.refresh_records(sorted(changes.records))
        if changes.decisions:
            self.decisions_arrived.emit(sorted(changes.decisions))
        window.record_list.show_counts(*window.desk.progress())
        if window.record is not None and window.record.id in changes.records:
            self._show_current(changes, window.record.id)
        count = len(changes.records)
        who = ", ".join(sorted(changes.reviewers))
        what = "records" if count != 1 else "record"
        window.statusBar().showMessage(f"{who} changed {count} {what}" if count else f"{who} changed the review",
                                       4000)

    def _show_current(self, changes: Changes, record_id: int) -> None:
        window = self.window
        assert window.desk is not None
        desk = window.desk
        view = desk.record(record_id)
        window.record = view
        window.form.show_others_changes(view, changes.fields.get(record_id, ()), desk.custom_values(record_id))
        if record_id in changes.notes:
            window.form.show_notes(view, desk.visible_notes(view) if desk.blind else None)
        if record_id in changes.tags:
            window.decision_bar.show_tags(desk.visible_tags(view))
        if record_id in changes.decisions:
            window.show_verdict()
