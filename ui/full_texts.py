"""Full texts in the desk: attaching PDFs to records, showing them beside the form, reading them into it.

The window owns this part and lays out its pane (tabs "Record" / "Full text" in the middle); it
reports back by signals: a record whose fields changed (to be shown again), a message for the
status bar. It listens to the window: the record shown, the form field focused, the review
closing. Attaching and reading run off the GUI thread, with progress and Cancel. Words selected
in the PDF go into the form's field focused last, as the reviewer's edit (undoable) with their page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QWidget

from curator.fields import INT_KEYS, LIST_KEYS
from curator.fulltext.attaching import AttachCancelled, AttachReport, attach_files
from curator.fulltext.filling import NoFullText, accept_proposals, extract_full_text, keep_selection_evidence
from curator.fulltext.reading import UnreadablePdf
from curator.fulltext.storage import FullTextInfo, detach_full_text, full_text_bytes, full_text_of
from curator.review.records import RecordView
from ui.dialogs.problems import ProblemsDialog
from ui.dialogs.proposals import ProposalsDialog
from ui.long_work import LongWork
from ui.pdf_pages import PdfView
from ui.record_form import LABELS

COMMANDS = ("attach_full_text", "detach_full_text", "read_full_text")
THIS_RECORD, THEIR_RECORDS, AS_NEW_RECORDS = "this record", "their records", "new records"


def ask_drop_choice(parent: QWidget, pdfs: list[Path], title: str) -> str | None:
    """Asked when PDFs are dropped while a record is shown: attach them, or import them as new records?"""
    box = QMessageBox(QMessageBox.Icon.Question, "PDF files dropped",
                      f"{len(pdfs)} PDF file{'' if len(pdfs) == 1 else 's'} dropped: "
                      f"{', '.join(p.name for p in pdfs[:3])}{'…' if len(pdfs) > 3 else ''}", parent=parent)
    box.setInformativeText("Attach as full text, or import as new records?")
    buttons = {}
    if len(pdfs) == 1:
        buttons[box.addButton(f"Attach to “{title[:60]}”", QMessageBox.ButtonRole.AcceptRole)] = THIS_RECORD
    buttons[box.addButton("Attach each to its record", QMessageBox.ButtonRole.AcceptRole)] = THEIR_RECORDS
    buttons[box.addButton("Import as new records", QMessageBox.ButtonRole.AcceptRole)] = AS_NEW_RECORDS
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return buttons.get(box.clickedButton())  # type: ignore[call-overload]


def choose_pdf(parent: QWidget, folder: str) -> Path | None:
    """The PDF the reviewer chooses to attach to the record shown (None: cancelled)."""
    name, _ = QFileDialog.getOpenFileName(parent, "Attach full text", folder, "PDF files (*.pdf);;All files (*)")
    return Path(name) if name else None


class FullTexts(QObject):
    """The record's full text: the Full text tab beside the record's document, and the Record menu's commands."""

    record_changed = Signal(int)  # the record's fields changed (read from the full text): show it again
    status_message = Signal(str, int)  # text, milliseconds

    def __init__(self, window: Any, document: QWidget) -> None:
        """``window``: the MainWindow (not imported: it imports this module), whose document goes in the pane."""
        super().__init__(window)
        self.window = window
        self.pdf = PdfView()
        self.pane = QTabWidget()
        self.pane.setObjectName("middle_tabs")
        self.pane.setDocumentMode(True)
        self.pane.setTabBarAutoHide(True)  # a record without a full text: its document alone
        self.pane.addTab(document, "Record")
        self.info: FullTextInfo | None = None
        self.long_work: LongWork | None = None
        self.proposals: ProposalsDialog | None = None
        self.summary: ProblemsDialog | None = None
        self._then_import: list[Path] = []
        self.last_key: str | None = None  # the form field focused last: where selected words go
        self.pdf.selection_used.connect(self._on_pdf_selection_used)
        commands = window.commands
        commands["attach_full_text"].triggered.connect(self._on_attach_full_text_triggered)
        commands["detach_full_text"].triggered.connect(self._on_detach_full_text_triggered)
        commands["read_full_text"].triggered.connect(self._on_read_full_text_triggered)
        window.record_shown.connect(self._on_window_record_shown)
        window.form.field_focused.connect(self._on_form_field_focused)
        window.files.review_closing.connect(self._on_files_review_closing)
        window.files.review_closed.connect(self._on_files_review_closed)
        self._enable()

    # -- state -------------------------------------------------------------------------------
    @property
    def record(self) -> RecordView | None:
        return self.window.record if self.window.review is not None else None

    def _writable(self) -> bool:
        return self.window.review is not None and not self.window.review.read_only

    def _enable(self) -> None:
        shown = self.record is not None and self.long_work is None
        self.window.commands["attach_full_text"].setEnabled(shown and self._writable())
        self.window.commands["detach_full_text"].setEnabled(shown and self.info is not None and self._writable())
        self.window.commands["read_full_text"].setEnabled(shown and self.info is not None and self._writable())

    def _on_window_record_shown(self, record_id: int) -> None:
        self.show_full_text(record_id)

    def show_full_text(self, record_id: int) -> None:
        """Offer the record's full text in its tab (or take the tab away when it has none)."""
        review = self.window.review
        info = full_text_of(review, record_id) if review is not None else None
        if info is None:
            self._drop_tab()
        elif self.info is None or (self.info.sha256, self.info.file_name) != (info.sha256, info.file_name):
            data = full_text_bytes(review, info.sha256)  # type: ignore[arg-type]
            self.pdf.show_pdf(info.file_name, info.sha256, data or b"", info.pages)
            if self.pane.indexOf(self.pdf) < 0:
                self.pane.addTab(self.pdf, "Full text")
        self.info = info
        self._enable()

    def _drop_tab(self) -> None:
        if self.pane.indexOf(self.pdf) >= 0:
            self.pane.removeTab(self.pane.indexOf(self.pdf))
        self.pdf.clear()
        self.info = None

    def _on_form_field_focused(self, key: str) -> None:
        self.last_key = key
        self.pdf.set_target(LABELS.get(key, key).lower())
        record = self.record
        if record is None or self.info is None or key not in record.curated:
            return
        entry = record.curated[key]
        if entry.get("sha256") != self.info.sha256:  # read from this full text, or selected in it
            return
        evidence = entry.get("evidence") or []
        page = evidence[0]["page"] if evidence else 1
        self.pane.setCurrentWidget(self.pdf)
        self.pdf.show_evidence(page, [e["quote"] for e in evidence if e.get("page") == page and e.get("quote")])

    def _on_files_review_closing(self) -> None:
        if self.long_work is not None:
            self.long_work.job.cancel()
            self.long_work.job.wait()

    def _on_files_review_closed(self) -> None:
        self._drop_tab()
        self.pdf.stop()
        self._enable()

    # -- attaching ---------------------------------------------------------------------------
    def _on_attach_full_text_triggered(self) -> None:
        record, review = self.record, self.window.review
        if record is None or review is None:
            return
        path = choose_pdf(self.window, str(review.path.parent))
        if path is not None:
            self.attach([path], record.id)

    def attach(self, paths: list[Path], record_id: int | None) -> LongWork | None:
        """Attach PDFs to ``record_id``, or (None) each to the record it reports; then say how it went."""
        review, reviewer = self.window.review, self.window.reviewer
        if review is None or self.long_work is not None or self.window.files.long_work is not None:
            return None

        def work(progress: Any, cancelled: Any) -> AttachReport:
            return attach_files(review, paths, reviewer=reviewer, record_id=record_id, progress=progress,
                                cancelled=cancelled)

        self.long_work = LongWork(self.window, "Attaching full texts", work, cancel_errors=(AttachCancelled,))
        self.long_work.finished.connect(self._on_attaching_finished)
        self._enable()
        self.long_work.start()
        return self.long_work

    def _on_attaching_finished(self, report: object) -> None:
        work, self.long_work = self.long_work, None
        if isinstance(report, AttachReport):
            if len(report.attached) == 1 and not report.failed:
                self.status_message.emit(report.attached[0], 8000)
            else:
                self.summary = ProblemsDialog("Full texts attached", f"{report.headline}:",
                                              report.attached + report.failed, self.window)
                self.summary.setObjectName("attach_summary")
                self.summary.open()
        elif work is not None and work.message:
            self.status_message.emit(work.message, 8000)
        if self.record is not None:
            self.show_full_text(self.record.id)
        self._enable()
        others, self._then_import = self._then_import, []
        if others:
            self.window.files.ask_and_import(others)

    def _on_detach_full_text_triggered(self) -> None:
        record, review = self.record, self.window.review
        if record is None or review is None or self.info is None:
            return
        answer = QMessageBox.question(self.window, "Detach full text",
                                      f"Detach {self.info.file_name} from this record? The file stays in the "
                                      "review's history; values read from it stay in the form.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        info = detach_full_text(review, record.id, reviewer=self.window.reviewer)
        self.show_full_text(record.id)
        if info is not None:
            self.status_message.emit(f"Detached {info.file_name}", 5000)

    # -- drops -------------------------------------------------------------------------------
    def take_drop(self, event: QDropEvent) -> None:
        """Files dropped on the window: PDFs may be attached (see :meth:`drop_files`), the rest imported."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.drop_files(paths))

    def drop_files(self, paths: list[Path]) -> None:
        """Dropped PDFs, while a record is shown: attach to it, to their records, or import; others import."""
        pdfs = [p for p in paths if p.is_file() and p.suffix.lower() == ".pdf"]
        record = self.record
        if not pdfs or record is None or not self._writable():
            self.window.files.ask_and_import(paths)
            return
        choice = ask_drop_choice(self.window, pdfs, record.title or f"record {record.id}")
        if choice == AS_NEW_RECORDS:
            self.window.files.ask_and_import(paths)
        elif choice in (THIS_RECORD, THEIR_RECORDS):
            self._then_import = [p for p in paths if p not in pdfs]
            if self.attach(pdfs, record.id if choice == THIS_RECORD else None) is None:
                self._then_import = []

    # -- reading into the form ---------------------------------------------------------------
    def _on_read_full_text_triggered(self) -> None:
        self.read_into_form()

    def read_into_form(self) -> LongWork | None:
        """Read the attached full text into the record's form off the GUI thread (see :mod:`curator.fulltext.filling`)."""
        record, review, reviewer = self.record, self.window.review, self.window.reviewer
        if record is None or review is None or self.info is None or self.long_work is not None:
            return None
        self.window.form.commit_pending()
        record_id = record.id

        def work(_progress: Any, _cancelled: Any) -> object:
            try:
                return extract_full_text(review, record_id, reviewer=reviewer)
            except (UnreadablePdf, NoFullText) as error:  # one sentence for the reviewer, not a failure box
                return str(error)

        self.long_work = LongWork(self.window, "Reading the full text into the form", work)
        self.long_work.finished.connect(self._on_reading_finished)
        self._enable()
        self.long_work.start()
        return self.long_work

    def _on_reading_finished(self, filling: Any) -> None:
        self.long_work = None
        self._enable()
        if filling is None:
            return
        if isinstance(filling, str):
            name = self.info.file_name if self.info else "The full text"
            QMessageBox.warning(self.window, "Read into the form", f"{name}: {filling}")
            return
        self.status_message.emit(f"From {filling.file_name}: {len(filling.filled)} fields filled, "
                                 f"{len(filling.proposed)} proposed, {len(filling.agreed)} agree", 8000)
        if self.record is not None and self.record.id == filling.record_id:
            self.record_changed.emit(filling.record_id)
        if filling.proposed:
            proposals = {p.key: (p.current, p.value, sorted({e["page"] for e in p.evidence}))
                         for p in filling.proposed}
            self.proposals = ProposalsDialog(filling.file_name, proposals, self.window)
            self.proposals.proposal_taken.connect(
                lambda key, rid=filling.record_id: self._on_proposals_proposal_taken(rid, key))
            self.proposals.open()

    def _on_proposals_proposal_taken(self, record_id: int, key: str) -> None:
        review = self.window.review
        if review is None or self.proposals is None:
            return
        try:
            accept_proposals(review, record_id, [key], reviewer=self.window.reviewer)
        except (ValueError, LookupError) as error:
            self.status_message.emit(str(error), 6000)
            return
        self.proposals.mark_taken(key)
        if self.record is not None and self.record.id == record_id:
            self.record_changed.emit(record_id)

    # -- words selected in the PDF -----------------------------------------------------------
    def _on_pdf_selection_used(self, page: int, quote: str) -> None:
        self.use_selection(page, quote)

    def use_selection(self, page: int, quote: str) -> None:
        """Set the field focused last to ``quote`` (added to a list), as the reviewer's edit with its page."""
        record, review, key, form = self.record, self.window.review, self.last_key, self.window.form
        if record is None or review is None or key is None or not self._writable() or form.record_id != record.id:
            return
        value: object = quote
        if key in LIST_KEYS:
            current = list(record.value(key) or [])
            value = current if quote in current else [*current, quote]
        elif key in INT_KEYS:
            number = re.search(r"\d[\d,]*", quote)
            value = number.group(0).replace(",", "") if number else quote
        form.field_edited.emit(key, value, False)  # saved as any edit of the form: one undoable step
        if keep_selection_evidence(review, record.id, key, value, page=page, quote=quote,
                                   reviewer=self.window.reviewer):  # else refused: the form says why
            self.status_message.emit(f"{LABELS.get(key, key)} set from page {page} of the full text", 5000)
            self.record_changed.emit(record.id)
