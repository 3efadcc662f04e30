"""The main window: lays out the record list, the document, the form and the decision bar, and connects them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter

from curator import APP_NAME
from curator.review.desk import get_keywords
from curator.review.records import RecordView, all_tags
from curator.store.database import Review
from ui.actions import REASON_KEYS, Actions
from ui.appraisal_tabs import AppraisalTabs
from ui.conflicts import Conflicts
from ui.curation_desk import READ_ONLY, CurationDesk
from ui.decision_bar import DecisionBar
from ui.desk_keys import DeskKeyFilter
from ui.desk_ranking import DeskRanking
from ui.dialogs.help import connect_help
from ui.document_view import DocumentView
from ui.full_texts import FullTexts
from ui.live_refresh import LiveRefresh
from ui.long_work import export_available
from ui.pico_finding import PicoFinding
from ui.record_editing import RecordEditing
from ui.record_form import RecordForm
from ui.record_list import RecordListPane
from ui.record_list_model import RecordListModel
from ui.review_files import ReviewFiles
from ui.settings import DeskSettings
from ui.settings_commands import SettingsCommands
from ui.settle_commands import SettleCommands


class MainWindow(QMainWindow):
    """The curation desk. ``reviewer`` is who decides; tests pass it, ``ui.app`` asks for it on first run."""

    review_opened = Signal(str)
    record_shown = Signal(int)

    def __init__(self, reviewer: str, settings: DeskSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or DeskSettings()
        self.reviewer = reviewer
        self.desk: CurationDesk | None = None
        self.model: RecordListModel | None = None
        self.record: RecordView | None = None
        self.awaiting_reason = False
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.commands = Actions(self)
        self.record_list = RecordListPane()
        self.document = DocumentView()
        self.form = RecordForm()
        self.decision_bar = DecisionBar(self.commands)
        self.files = ReviewFiles(self, lambda: self.reviewer)
        self.editing = RecordEditing(self.form, self.decision_bar, self)
        self.settle = SettleCommands(self.commands, lambda: self.desk, lambda: self.record.id if self.record else None,
                                     self)
        self.desk_settings = SettingsCommands(self.commands, self.settings, lambda: self.review, lambda: self.reviewer,
                                              self)
        self.sides = AppraisalTabs(self.form, self.document, lambda: self.desk)  # tabs Form / Risk of bias
        self.full_texts = FullTexts(self, self.document)  # the middle pane: the record, and its full text
        self.ranking = DeskRanking(self)  # the list's relevance order and the stopping aids, under the list
        self.live = LiveRefresh(self)  # others' decisions, edits, tags and notes, every few seconds
        self.pico = PicoFinding(self)  # imported records' PICO, found in the background (status bar: progress, Cancel)
        self.conflicts = Conflicts(self)  # Screening > Conflicts: a tab beside the record list
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("desk_splitter")
        panes = ((self.conflicts.tabs, 4), (self.full_texts.pane, 4), (self.sides, 3))  # the list's tabs, document, form
        for index, (pane, stretch) in enumerate(panes):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([600, 450, 430])  # the list's titles need the room most
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(self.splitter)
        centre.addWidget(self.decision_bar)
        centre.setCollapsible(1, False)
        centre.setStretchFactor(0, 1)
        self.setCentralWidget(centre)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self._build_menus()
        self._connect()
        self.key_filter = DeskKeyFilter(self.commands.desk_keys(), self)
        self.resize(1440, 900)
        self.settings.restore_layout(self, self.splitter)
        self._show_title()
        self._set_desk_enabled(False)

    # -- layout ------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.commands
        submenus = a.fill_menu_bar(self.menuBar())
        self.recent_menu, self.reason_menu = submenus["recent"], submenus["reason"]
        self.addActions(a.all())  # shortcuts work while the menu bar is hidden or closed
        self._fill_recent_menu()

    def _connect(self) -> None:
        a = self.commands
        self.files.connect_commands(a)
        a["quit"].triggered.connect(self.close)
        a["undo"].triggered.connect(self.undo)
        a["redo"].triggered.connect(self.redo)
        a["find"].triggered.connect(self.record_list.focus_search)
        a["search"].triggered.connect(self.record_list.focus_search)
        self.desk_settings.keywords_changed.connect(self.document.set_keywords)
        self.desk_settings.reviewer_changed.connect(self._on_desk_settings_reviewer_changed)
        self.desk_settings.screening_changed.connect(self.reopen_review)
        for verdict in ("include", "exclude", "maybe"):
            a[verdict].triggered.connect(lambda _checked=False, v=verdict: self.decide(v))
        for number in range(1, REASON_KEYS + 1):
            a[f"reason_{number}"].triggered.connect(lambda _checked=False, n=number: self.pick_reason(n))
        a["note"].triggered.connect(self.editing.write_note)
        a["tag"].triggered.connect(self.decision_bar.focus_tag_box)
        a["next_record"].triggered.connect(lambda: self.record_list.move_by(1))
        a["previous_record"].triggered.connect(lambda: self.record_list.move_by(-1))
        a["next_unscreened"].triggered.connect(self.show_next_unscreened)
        a["back_to_list"].triggered.connect(self.record_list.focus_list)
        a["stage_0"].triggered.connect(lambda: self.set_stage("title-abstract"))
        a["stage_1"].triggered.connect(lambda: self.set_stage("full-text"))
        self.record_list.current_record_changed.connect(self._on_record_list_current_record_changed)
        self.form.field_focused.connect(self.document.highlight_evidence)
        self.decision_bar.stage_changed.connect(self.set_stage)
        self.decision_bar.reason_chosen.connect(lambda reason: self.decide("exclude", reason))
        connect_help(a, self)
        # Enter in the tag box ends the typing: back to the list, so the next J moves instead of typing "j".
        self.decision_bar.tag_box.returnPressed.connect(self.record_list.focus_list)
        self.files.review_opened.connect(self._on_files_review_opened)
        self.files.review_closing.connect(self.form.commit_pending)
        self.files.review_closed.connect(self._on_files_review_closed)
        self.files.review_closed.connect(self.sides.clear)
        self.record_shown.connect(self.sides.show_record)
        self.files.records_imported.connect(self.after_import)
        self.files.export_starting.connect(self.form.commit_pending)
        self.files.status_message.connect(self.statusBar().showMessage)
        self.editing.record_changed.connect(self._on_editing_record_changed)
        self.editing.tag_choices_changed.connect(self.refresh_choices)
        self.editing.status_message.connect(self.statusBar().showMessage)
        self.editing.note_dialog_closed.connect(self.record_list.focus_list)
        self.settle.settled.connect(self._on_settle_settled)
        self.settle.refused.connect(self._refuse)
        self.full_texts.record_changed.connect(self.show_record)
        self.full_texts.status_message.connect(self.statusBar().showMessage)

    def _set_desk_enabled(self, enabled: bool) -> None:
        for name in ("import_files", "import_folder", "include", "exclude", "maybe", "note", "tag", "keywords",
                     "screening_mode", "next_record", "previous_record", "next_unscreened", "stage_0", "stage_1",
                     "conflicts"):
            self.commands[name].setEnabled(enabled)
        self.commands["export_workbook"].setEnabled(enabled and export_available())
        for widget in (self.record_list, self.form, self.decision_bar):
            widget.setEnabled(enabled)
        self._on_desk_history_changed()

    def _show_title(self) -> None:  # a server review: database@host
        self.setWindowTitle(f"{self.files.title()} — {APP_NAME}" if self.review is not None else APP_NAME)

    # -- opening a review --------------------------------------------------------------------
    @property
    def review(self) -> Review | None:
        """The open review (``self.files`` opens and closes it)."""
        return self.files.review

    def open_review(self, location: Path | str, *, create: bool = True) -> bool:
        """Open (or create) the review at ``location`` (a file or a server's address); show its first unscreened record."""
        return self.files.open(location, create=create)

    def _on_files_review_opened(self, review: Review) -> None:
        stage = self.settings.stage()
        self.desk = CurationDesk(review, self.reviewer, stage, self)
        self.desk.history_changed.connect(self._on_desk_history_changed)
        self.model = RecordListModel(review, self)
        self.record_list.set_blind(self.reviewer if self.desk.blind else None)
        self.editing.set_review(self.desk, self.model)
        self.form.set_custom_fields(self.desk.custom_fields())
        self.record_list.set_model(self.model)
        self.model.set_filter(self.record_list.record_filter(stage))
        self.decision_bar.set_stage(stage)
        self.commands["stage_0"].setChecked(stage == "title-abstract")
        self.commands["stage_1"].setChecked(stage == "full-text")
        self.document.set_keywords(get_keywords(review))
        self.refresh_choices()
        self._set_desk_enabled(True)
        if self.desk.read_only:  # nothing can be saved: say so where it stays, and offer no change
            for name in ("include", "exclude", "maybe", "note", "tag", "import_files", "import_folder", "keywords",
                         "screening_mode"):
                self.commands[name].setEnabled(False)
            self.status.setText(READ_ONLY)
        self._show_title()
        self._fill_recent_menu(self.settings.add_recent_review(self.files.address or review.path))
        self.show_next_unscreened(after=None)
        self._show_counts()
        self.record_list.focus_list()
        self.review_opened.emit(str(self.files.address))

    def close_review(self) -> None:
        self.files.close()

    def _on_files_review_closed(self) -> None:
        self.desk = self.model = self.record = None
        self.editing.set_review(None, None)
        self.status.clear()
        self.form.clear()
        self.document.clear()
        self._set_desk_enabled(False)
        self._show_title()

    def refresh_choices(self) -> None:
        assert self.desk is not None and self.review is not None
        tags = all_tags(self.review)
        self.record_list.set_choices(self.desk.reasons, tags)
        self.decision_bar.set_reasons(self.desk.reasons)
        self.decision_bar.set_tag_choices(tags)
        for number in range(1, REASON_KEYS + 1):
            reason = self.desk.reason_for_key(number)
            action = self.commands[f"reason_{number}"]
            action.setText(f"{number}  {reason}" if reason else f"Reason {number}")
            action.setVisible(reason is not None)

    def _fill_recent_menu(self, recent: list[Path | str] | None = None) -> None:
        self.recent_menu.clear()
        for path in recent if recent is not None else self.settings.recent_reviews():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_review(p, create=False))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    # -- the current record ------------------------------------------------------------------
    def show_record(self, record_id: int) -> None:
        assert self.desk is not None
        self.record = self.desk.record(record_id)
        view = self.record
        heading = view.source_name + (f", entry {view.source_entry}" if view.source_entry else "")
        self.document.show_document(f"<b>{view.title or '(no title)'}</b><br><small>{heading} · record "
                                    f"{view.id}</small>", view.text, view.evidence)
        self.form.show_record(view)
        self.form.show_custom_values(self.desk.custom_values(view.id))
        if self.desk.blind:
            self.form.show_notes(view, self.desk.visible_notes(view))
        self.decision_bar.show_tags(self.desk.visible_tags(view))
        self.awaiting_reason = False
        self.show_verdict()
        self.record_shown.emit(record_id)

    def show_verdict(self) -> None:
        assert self.desk is not None
        if self.record is not None:
            view = self.desk.screening_view(self.record.id)
            aside = self.desk.set_aside(self.record.id)
            self.decision_bar.show_decisions(view.own, list(view.others), awaiting_reason=self.awaiting_reason,
                                             set_aside=aside.label if aside else None, hidden=view.hidden,
                                             notice=self.settle.notice(self.record.id))

    def _show_counts(self) -> None:
        if self.desk is not None:
            self.record_list.show_counts(*self.desk.progress())

    def show_next_unscreened(self, after: int | None = -1) -> bool:
        """Select the next record this reviewer has not screened, in list order; False when none is left."""
        if self.desk is None or self.model is None:
            return False
        start = (self.record.id if self.record else None) if after == -1 else after
        record_id = self.ranking.next_unscreened(self.model.ids(), self.desk.unscreened, start)
        if record_id is None:
            if self.model.rowCount() and self.record_list.current_record_id() is None:
                self.record_list.select_row(0)
            self.statusBar().showMessage("Every record in the list is screened at this stage.", 5000)
            return False
        self.record_list.select_record(record_id)
        return True

    def _on_record_list_current_record_changed(self, record_id: int) -> None:
        self.form.commit_pending()  # saves into the record being left
        self.show_record(record_id)

    # -- decisions ---------------------------------------------------------------------------
    def decide(self, verdict: str, reason: str | None = None) -> bool:
        """Record a decision on the current record; after Include / Maybe / a reason, move on."""
        if self.desk is None or self.record is None:
            return False
        self.form.commit_pending()
        record_id = self.record.id
        try:
            if self.desk.decide(record_id, verdict, reason) is None:
                return False  # a repeated key while the last decision was still settling
        except (ValueError, LookupError) as error:
            self._refuse(str(error))
            return False
        assert self.model is not None
        self.model.refresh_records([record_id])
        self._show_counts()
        if verdict == "exclude" and reason is None:
            self.awaiting_reason = True
            self.show_verdict()
            return True
        self.desk.settle()
        if not self.show_next_unscreened(after=record_id):
            self.show_verdict()
        return True

    def _on_editing_record_changed(self, view: RecordView) -> None:
        if self.record is not None and self.record.id == view.id:
            self.record = view

    def _on_settle_settled(self, record_id: int, what: str) -> None:
        assert self.model is not None
        self.model.refresh_records([record_id])
        self.show_record(record_id)
        self._show_counts()
        self.statusBar().showMessage(what, 4000)

    def _refuse(self, reason: str) -> None:
        """The review refused a decision: nothing changed; say why in the bar and the status bar."""
        self.awaiting_reason = False
        self.show_verdict()
        self.decision_bar.show_refusal(reason)
        self.statusBar().showMessage(f"Not recorded: {reason}", 8000)

    def pick_reason(self, number: int) -> bool:
        """Key 1–9: the exclusion reason, after E or on a record this reviewer excluded."""
        if self.desk is None or self.record is None:
            return False
        reason = self.desk.reason_for_key(number)
        mine, _others = self.desk.decisions(self.record.id)
        if reason is None or not (self.awaiting_reason or (mine is not None and mine.verdict == "exclude")):
            self.statusBar().showMessage("Press E to exclude first, then 1–9 for the reason.", 4000)
            return False
        return self.decide("exclude", reason)

    def set_stage(self, stage: str) -> None:
        if self.desk is None or stage == self.desk.stage:
            return
        self.form.commit_pending()
        self.settings.set_stage(stage)
        self.desk.set_stage(stage)
        self.record_list.set_blind(self.reviewer if self.desk.blind else None)
        self.decision_bar.set_stage(stage)
        self.commands["stage_0"].setChecked(stage == "title-abstract")
        self.commands["stage_1"].setChecked(stage == "full-text")
        self.refresh_choices()
        self.record_list.set_stage(stage)
        self._show_counts()
        self.show_next_unscreened(after=None)

    # -- undo --------------------------------------------------------------------------------
    def undo(self) -> None:
        self._take_step(redo=False)

    def redo(self) -> None:
        self._take_step(redo=True)

    def _take_step(self, *, redo: bool) -> None:
        if self.desk is None:
            return
        self.form.commit_pending()
        step = self.desk.redo() if redo else self.desk.undo()
        if step is None:
            return
        assert self.model is not None
        self.model.refresh_records([step.record_id])
        self._show_counts()
        if self.record is not None and self.record.id == step.record_id:
            self.show_record(step.record_id)
        elif not self.record_list.select_record(step.record_id):
            self.show_record(step.record_id)  # filtered out of the list: show it all the same
        self.statusBar().showMessage(f"{'Redid' if redo else 'Undid'} {step.name.lower()}", 3000)

    def _on_desk_history_changed(self) -> None:
        history = self.desk.history if self.desk is not None else None
        self.commands["undo"].setText(history.undo_text if history else "Undo")
        self.commands["redo"].setText(history.redo_text if history else "Redo")
        self.commands["undo"].setEnabled(bool(history and history.can_undo))
        self.commands["redo"].setEnabled(bool(history and history.can_redo))

    def after_import(self) -> None:
        """New records came in: read the list, the choices and the counts again."""
        assert self.desk is not None and self.model is not None
        self.desk.reload_unscreened()
        self.model.reload()
        self.refresh_choices()
        self._show_counts()
        if self.record is None:
            self.show_next_unscreened(after=None)
        elif not self.record_list.select_record(self.record.id, notify=False):
            self.record_list.select_row(0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.review is not None and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.full_texts.take_drop(event)  # PDFs may be attached to the record shown; other files are imported

    def _on_desk_settings_reviewer_changed(self, name: str) -> None:
        self.reviewer = name
        self.reopen_review()

    def reopen_review(self) -> None:
        """Open the review again (another reviewer's name, new screening settings)."""
        self.files.reopen()

    # -- Qt events ---------------------------------------------------------------------------
    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]  # noqa: N802
        QApplication.instance().installEventFilter(self.key_filter)  # type: ignore[union-attr]
        super().showEvent(event)  # type: ignore[arg-type]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.files.long_work is not None:
            self.files.long_work.job.cancel()
            self.files.long_work.job.wait()
        self.settings.save_layout(self, self.splitter)
        self.settings.sync()
        self.close_review()
        QApplication.instance().removeEventFilter(self.key_filter)  # type: ignore[union-attr]
        super().closeEvent(event)

