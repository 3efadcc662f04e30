"""Curating the current record: field edits and reverts, tags, notes (all saved at once, undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from ui.dialogs.note import NoteDialog
from ui.record_form import LABELS

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class RecordEditing(QObject):
    """Saves what the reviewer changes in the form and the decision bar, and shows the result."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.form.field_edited.connect(self._on_form_field_edited)
        window.form.field_reverted.connect(self._on_form_field_reverted)
        window.decision_bar.tag_added.connect(self._on_decision_bar_tag_added)
        window.decision_bar.tag_removed.connect(self._on_decision_bar_tag_removed)
        # Enter in the tag box ends the typing: back to the list, so the next J moves instead of typing "j".
        window.decision_bar.tag_box.returnPressed.connect(window.record_list.focus_list)

    def _on_form_field_edited(self, key: str, value: object, merge: bool) -> None:
        if self.window.desk is None or self.window.form.record_id is None:
            return
        record_id = self.window.form.record_id
        try:
            self.window.desk.set_field(record_id, key, value, merge=merge)
        except ValueError as error:
            self.window.form.show_problem(key, str(error))
            return
        self._after_field_change(record_id, key, reload_value=False)

    def _on_form_field_reverted(self, key: str) -> None:
        if self.window.desk is not None and self.window.form.record_id is not None:
            record_id = self.window.form.record_id
            try:
                self.window.desk.revert_field(record_id, key)
            except ValueError as error:
                self.window.form.show_problem(key, str(error))
                return
            self._after_field_change(record_id, key, reload_value=True)

    def _after_field_change(self, record_id: int, key: str, *, reload_value: bool) -> None:
        assert self.window.desk is not None and self.window.model is not None
        if self.window.record is not None and self.window.record.id == record_id:
            self.window.record = self.window.desk.record(record_id)
            self.window.form.show_field(self.window.record, key, reload_value=reload_value)
        if key in ("title", "kind", "status", "phase"):
            self.window.model.refresh_records([record_id])
        self.window.statusBar().showMessage(f"Saved {LABELS[key].lower()}", 2000)

    def _on_decision_bar_tag_added(self, tag: str) -> None:
        if self.window.desk is not None and self.window.record is not None:
            try:
                self.window.desk.add_tag(self.window.record.id, tag)
            except ValueError as error:
                self.window.statusBar().showMessage(str(error), 4000)
                return
            self._after_tags_change()

    def _on_decision_bar_tag_removed(self, tag: str) -> None:
        if self.window.desk is not None and self.window.record is not None:
            try:
                self.window.desk.remove_tag(self.window.record.id, tag)
            except ValueError as error:
                self.window.statusBar().showMessage(str(error), 4000)
                return
            self._after_tags_change()

    def _after_tags_change(self) -> None:
        assert self.window.desk is not None and self.window.record is not None and self.window.model is not None
        self.window.record = self.window.desk.record(self.window.record.id)
        self.window.decision_bar.show_tags(self.window.record.tags)
        self.window.model.refresh_records([self.window.record.id])
        self.window.refresh_choices()

    def write_note(self) -> NoteDialog | None:
        """Ask for a note on the current record (saved when the dialog is confirmed); the open dialog."""
        if self.window.desk is None or self.window.record is None:
            return None
        dialog = NoteDialog(self.window.record.title or "this record", self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        record_id = self.window.record.id
        dialog.accepted.connect(lambda: self._add_note(record_id, dialog.text_value()))
        dialog.finished.connect(lambda _result: self.window.record_list.focus_list())
        dialog.open()
        return dialog

    def _add_note(self, record_id: int, text: str) -> None:
        if self.window.desk is None or not text.strip():
            return
        try:
            self.window.desk.add_note(record_id, text)
        except ValueError as error:
            self.window.statusBar().showMessage(str(error), 6000)
            return
        if self.window.record is not None and self.window.record.id == record_id:
            self.window.record = self.window.desk.record(record_id)
            self.window.form.show_notes(self.window.record)
        self.window.statusBar().showMessage("Note saved", 2000)
