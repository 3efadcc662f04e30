"""Finding the PICO of imported bibliographic records in the background, with progress and Cancel in the status bar.

After an import, and when a review whose records still wait is opened, the core's fill
(:func:`curator.review.pico_filling.fill_pico`) runs on a thread of its own, a batch per transaction. The
status bar shows "Finding PICO: done of total" and a Cancel button (what was found stays; the rest is found
the next time the review is opened). When a batch holds the record the window shows, its form shows the PICO
found and the document pane knows where each value is.
A read-only review is left alone, and on a server only a login that may import (a lead) fills: for others the
fill is refused by the core and nothing is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStatusBar, QWidget

from curator.extraction.entry_pico import PICO_PARTS
from curator.review.pico_filling import PicoFill, PicoNotAllowed, fill_pico
from ui.workers import BackgroundJob

if TYPE_CHECKING:
    from curator.review.records import RecordView
    from curator.store.database import Review
    from ui.curation_desk import CurationDesk
    from ui.document_view import DocumentView
    from ui.record_form import RecordForm
    from ui.review_files import ReviewFiles

#: The form's keys of the PICO fields, refreshed when the shown record's PICO arrives.
PICO_KEYS = tuple(f"pico.{part}" for part in PICO_PARTS)


def said(fill: PicoFill) -> str:
    """What the status bar says when a fill ends: what was found, and what still waits."""
    text = f"PICO found in {fill.found:,} of {fill.sought:,} records"
    if fill.stopped and fill.waiting:
        text += f"; {fill.waiting:,} still to read (the next time the review is opened)"
    return text


class PicoWindow(Protocol):
    """What this part reads of the main window (a QMainWindow, its parent)."""

    reviewer: str
    files: ReviewFiles
    form: RecordForm
    document: DocumentView
    desk: CurationDesk | None
    record: RecordView | None

    @property
    def review(self) -> Review | None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802


class PicoFinding(QObject):
    """Runs the fill for the open review; ``record_found(id)`` when the shown record's PICO was written."""

    record_found = Signal(int)
    ended = Signal(object)  # the PicoFill, or None when it failed or was refused
    _batch_written = Signal(object)  # the ids of a saved batch (emitted on the work's thread)

    def __init__(self, window: PicoWindow) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.window = window
        self.job: BackgroundJob | None = None
        self._again = False
        self.bar = QWidget()
        self.bar.setObjectName("pico_finding")
        layout = QHBoxLayout(self.bar)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop finding PICO: what was found stays, the rest is found next time")
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button)
        window.statusBar().addPermanentWidget(self.bar)
        self.bar.hide()
        self._batch_written.connect(self._on_batch_written)
        window.files.review_opened.connect(self.start)
        window.files.records_imported.connect(self.start)
        window.files.review_closing.connect(self.stop_and_wait)
        self.record_found.connect(self._show_found)

    def start(self, *_args: Any) -> None:
        """Find the PICO of the records still waiting (again after the running fill, if one runs)."""
        review = self.window.review
        if review is None or review.read_only:
            return
        if self.job is not None:
            self._again = True
            return
        reviewer = self.window.reviewer

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> PicoFill:
            return fill_pico(review, reviewer=reviewer, cancelled=cancelled, written=self._batch_written.emit,
                             progress=lambda done, total: progress(done, total, ""))

        self.job = BackgroundJob(work, cancel_errors=(PicoNotAllowed,))
        self.job.progressed.connect(self._on_job_progressed)
        self.job.succeeded.connect(self._on_job_ended)
        self.job.cancelled.connect(self._on_job_refused)  # bound slots: called on the GUI thread, not the work's
        self.job.failed.connect(self._on_job_failed)
        self.job.start()

    def cancel(self) -> None:
        """Stop after the batch being written; nothing else is lost."""
        self._again = False
        if self.job is not None:
            self.job.cancel()
            self.label.setText("Stopping…")
            self.cancel_button.setEnabled(False)

    def stop_and_wait(self) -> None:
        """Before the review closes: stop the fill and wait for its thread."""
        job = self.job
        if job is not None:
            self.cancel()
            job.wait()
            self._on_job_ended(None)

    def _on_job_progressed(self, done: int, total: int, _label: str) -> None:
        if self.job is None or self.job.is_cancelled():
            return
        self.label.setText(f"Finding PICO: {done:,} of {total:,} records")
        self.cancel_button.setEnabled(True)
        self.bar.show()

    def _on_batch_written(self, ids: list[int]) -> None:
        shown = self.window.record.id if self.window.record is not None else None
        if shown is not None and shown in ids and self.job is not None:
            self.record_found.emit(shown)

    def _show_found(self, record_id: int) -> None:
        """The shown record's PICO arrived: its form shows it (a field being typed in keeps the reviewer's text)."""
        desk = self.window.desk
        if desk is None or self.window.record is None or self.window.record.id != record_id:
            return
        view = desk.record(record_id)
        self.window.record = view
        self.window.form.show_others_changes(view, PICO_KEYS, desk.custom_values(record_id))
        for key in PICO_KEYS:  # a PICO field focused highlights where its value is in the document
            if view.evidence.get(key):
                self.window.document.add_evidence(key, view.evidence[key])

    def _on_job_refused(self, _message: str) -> None:
        """A server login that may not fill (a lead's fill finds the PICO): nothing to say to this reviewer."""
        self._on_job_ended(None)

    def _on_job_failed(self, message: str) -> None:
        """A failure: the status bar says so, briefly; the records still wait for the next fill."""
        if self.job is not None:
            self.window.statusBar().showMessage(f"PICO not found: {message}", 6000)
        self._on_job_ended(None)

    def _on_job_ended(self, result: object) -> None:
        if self.job is None:
            return
        job, self.job = self.job, None
        job.wait()
        self.bar.hide()
        if isinstance(result, PicoFill) and result.sought:
            self.window.statusBar().showMessage(said(result), 8000)
        self.ended.emit(result)
        if self._again:
            self._again = False
            self.start()
