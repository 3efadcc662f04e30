"""Curating the current record: field edits and reverts, tags, notes (all saved at once, undoable).

The window owns this part and hands it the desk and the list model of the open review
(:meth:`RecordEditing.set_review`); it reports back by signals: the record's new view, that
the tag choices changed, a message for the status bar, the note dialog closing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from curator.store.errors import EditConflict
from ui.decision_bar import DecisionBar
from ui.dialogs.note import NoteDialog
from ui.record_form import LABELS, RecordForm

if TYPE_CHECKING:
    from curator.review.records import RecordView
    from ui.curation_desk import CurationDesk
    from ui.record_list_model import RecordListModel

# Fields shown in the record list: a change to one of them redraws its row.
LISTED_KEYS = ("title", "kind", "status", "phase")


class RecordEditing(QObject):
    """Saves what the reviewer changes in the form and the decision bar, and shows the result there."""

    record_changed = Signal(object)  # the record's RecordView after the change
    tag_choices_changed = Signal()
    status_message = Signal(str, int)  # text, milliseconds
    note_dialog_closed = Signal()

    def __init__(self, form: RecordForm, decision_bar: DecisionBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.form = form
        self.decision_bar = decision_bar
        self.desk: CurationDesk | None = None
        self.model: RecordListModel | None = None
        form.field_edited.connect(self._on_form_field_edited)
        form.field_reverted.connect(self._on_form_field_reverted)
        decision_bar.tag_added.connect(self._on_decision_bar_tag_added)
        decision_bar.tag_removed.connect(self._on_decision_bar_tag_removed)

    def set_review(self, desk: CurationDesk | None, model: RecordListModel | None) -> None:
        """The desk and list model of the open review (None, None when none is open)."""
        self.desk, self.model = desk, model

    def _current(self) -> int | None:
        return self.form.record_id if self.desk is not None else None

    def _on_form_field_edited(self, key: str, value: object, merge: bool) -> None:
        record_id = self._current()
        if record_id is None:
            return
        assert self.desk is not None
        custom = key.removeprefix("custom.") if key.startswith("custom.") else None
        seen_version, seen_value = self.form.seen(key) if custom is None else (None, None)
        try:
            if custom is not None:
                self.desk.set_custom(record_id, custom, value, merge=merge)
            else:  # refused when someone else changed the field since the reviewer saw it
                self.desk.set_field(record_id, key, value, merge=merge, seen_version=seen_version,
                                    seen_value=seen_value)
        except ValueError as error:
            if isinstance(error.__cause__, EditConflict):
                self._show_conflict(record_id, key, str(error.__cause__))
            else:
                self.form.show_problem(key, str(error))
            return
        if custom is not None:
            self.form.show_problem(key, "")
            self.status_message.emit(f"Saved {custom}", 2000)
            return
        self._after_field_change(record_id, key, reload_value=False)

    def _show_conflict(self, record_id: int, key: str, message: str) -> None:
        """Someone else saved the field first: show their value in the field, and both in its problem line."""
        assert self.desk is not None
        view = self.desk.record(record_id)
        self.form.show_field(view, key, reload_value=True)
        self.form.show_problem(key, f"Not saved: {message}")
        self.record_changed.emit(view)
        self.status_message.emit(f"Not saved: {LABELS[key].lower()} was changed by someone else", 6000)

    def _on_form_field_reverted(self, key: str) -> None:
        record_id = self._current()
        if record_id is None:
            return
        assert self.desk is not None
        try:
            self.desk.revert_field(record_id, key)
        except ValueError as error:
            self.form.show_problem(key, str(error))
            return
        self._after_field_change(record_id, key, reload_value=True)

    def _after_field_change(self, record_id: int, key: str, *, reload_value: bool) -> None:
        assert self.desk is not None and self.model is not None
        if self.form.record_id == record_id:
            view = self.desk.record(record_id)
            self.form.show_field(view, key, reload_value=reload_value)
            self.record_changed.emit(view)
        if key in LISTED_KEYS:
            self.model.refresh_records([record_id])
        self.status_message.emit(f"Saved {LABELS[key].lower()}", 2000)

    def _on_decision_bar_tag_added(self, tag: str) -> None:
        self._change_tags(tag, add=True)

    def _on_decision_bar_tag_removed(self, tag: str) -> None:
        self._change_tags(tag, add=False)

    def _change_tags(self, tag: str, *, add: bool) -> None:
        record_id = self._current()
        if record_id is None:
            return
        assert self.desk is not None and self.model is not None
        try:
            (self.desk.add_tag if add else self.desk.remove_tag)(record_id, tag)
        except ValueError as error:
            self.status_message.emit(str(error), 4000)
            return
        view = self.desk.record(record_id)
        self.decision_bar.show_tags(self.desk.visible_tags(view))
        self.model.refresh_records([record_id])
        self.record_changed.emit(view)
        self.tag_choices_changed.emit()

    def write_note(self) -> NoteDialog | None:
        """Ask for a note on the current record (saved when the dialog is confirmed); the open dialog."""
        record_id = self._current()
        if record_id is None:
            return None
        assert self.desk is not None
        parent = self.parent()
        dialog = NoteDialog(self.desk.record(record_id).title or "this record",
                            parent if isinstance(parent, QWidget) else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add_note(record_id, dialog.text_value()))
        dialog.finished.connect(lambda _result: self.note_dialog_closed.emit())
        dialog.open()
        return dialog

    def _add_note(self, record_id: int, text: str) -> None:
        if self.desk is None or not text.strip():
            return
        try:
            self.desk.add_note(record_id, text)
        except ValueError as error:
            self.status_message.emit(str(error), 6000)
            return
        if self.form.record_id == record_id:
            view: RecordView = self.desk.record(record_id)
            self.form.show_notes(view, self.desk.visible_notes(view) if self.desk.blind else None)
            self.record_changed.emit(view)
        self.status_message.emit("Note saved", 2000)
