"""The form pane: every field of a record with a fitting editor, whether it is extracted or edited,
and "revert to extracted"."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator.appraisal.form import FormField
from curator.fields import DATE_KEYS, FIELD_KEYS, KINDS, PHASES, SEXES, STATUSES, STUDY_TYPES
from curator.review.records import NoteView, RecordView
from ui.field_editors import ChoiceEditor, FieldEditor, LineEditor, ListEditor, NumberEditor, TextEditor

LABELS = {
    "kind": "Kind", "title": "Title", "official_title": "Official title", "ids": "Identifiers",
    "status": "Status", "status_raw": "Status as written", "phase": "Phase", "enrollment": "Enrollment",
    "study_type": "Study type", "conditions": "Conditions", "interventions": "Interventions",
    "sponsor": "Sponsor", "start_date": "Start date", "completion_date": "Completion date",
    "last_updated": "Last updated", "sex": "Sex", "min_age": "Minimum age", "max_age": "Maximum age",
    "countries": "Countries", "authors": "Authors", "journal": "Journal", "year": "Year",
    "abstract": "Abstract", "references": "References", "pico.population": "Population",
    "pico.intervention": "Intervention", "pico.comparator": "Comparator", "pico.outcome": "Outcome",
}
SECTIONS = (
    ("Study", ("title", "official_title", "kind", "ids", "status", "status_raw", "phase", "study_type",
               "enrollment", "sponsor")),
    ("PICO", ("pico.population", "pico.intervention", "pico.comparator", "pico.outcome")),
    ("Eligibility and places", ("conditions", "interventions", "sex", "min_age", "max_age", "countries")),
    ("Dates", ("start_date", "completion_date", "last_updated")),
    ("Publication", ("authors", "journal", "year", "abstract", "references")),
)
assert sorted(k for _, keys in SECTIONS for k in keys) == sorted(FIELD_KEYS), "every field has a place in the form"


def make_editor(key: str) -> FieldEditor:
    """The editor that fits ``key``."""
    choices = {"kind": KINDS, "status": STATUSES, "phase": PHASES, "study_type": STUDY_TYPES, "sex": SEXES}
    if key in choices:
        return ChoiceEditor(choices[key], allow_empty=key != "kind")
    if key in ("enrollment", "year"):
        return NumberEditor(maximum=3000 if key == "year" else 100_000_000)
    if key in ("ids", "conditions", "interventions", "countries", "authors", "references"):
        return ListEditor()
    if key.startswith("pico.") or key == "abstract":
        return TextEditor(lines=6 if key == "abstract" else 3)
    return LineEditor(date=key in DATE_KEYS)


def custom_editor(field: FormField) -> FieldEditor:
    """The editor that fits a field of the review's own form (the core checks the value when it is saved)."""
    if field.type == "choice":
        return ChoiceEditor(tuple(field.choices), allow_empty=True)
    if field.type == "yesno":
        return ChoiceEditor(("yes", "no"), allow_empty=True)
    if field.type == "choices":
        return ListEditor()
    return LineEditor(date=field.type == "date")


class FieldRow(QWidget):
    """One field: its editor, whether the value is extracted or edited, and the revert button."""

    def __init__(self, key: str, parent: QWidget | None = None, *, editor: FieldEditor | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.editor = editor or make_editor(key)
        self.editor.setObjectName(f"field_{key}")
        self.state = QLabel()
        self.state.setObjectName("field_state")
        self.revert_button = QToolButton()
        self.revert_button.setText("↺")
        self.revert_button.setObjectName("revert")
        self.revert_button.setAutoRaise(True)
        self.problem = QLabel()
        self.problem.setObjectName("field_problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(4)
        top.addWidget(self.editor, 1)
        top.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(top)
        status = QHBoxLayout()
        status.addWidget(self.state)
        status.addWidget(self.problem, 1)
        layout.addLayout(status)

    def show_state(self, view: RecordView) -> None:
        edited = view.is_edited(self.key)
        if edited:
            edit = view.curated[self.key]
            extracted = view.extracted_value(self.key)
            shown = "nothing" if extracted in (None, "", []) else (
                "; ".join(map(str, extracted)) if isinstance(extracted, list) else str(extracted))
            pages = ", ".join(map(str, sorted({e["page"] for e in edit.get("evidence") or [] if e.get("page")})))
            self.state.setText(f"edited by {edit.get('by') or 'a reviewer'}" + (f", full text page {pages}"
                                                                                 if pages else ""))
            if view.origin(self.key) == "full text":  # read from the attached PDF: say from which pages
                self.state.setText("from full text" + (f", page {pages}" if pages else ""))
            self.revert_button.setToolTip(f"Revert to the extracted value: {shown[:200]}")
        else:
            has_value = view.value(self.key) not in (None, "", [])
            self.state.setText("extracted" if has_value else "not stated")
            self.revert_button.setToolTip("The value is as extracted")
        self.revert_button.setEnabled(edited)
        # Restyle only on a change: re-polishing every row on every record is slow (and PySide6 6.12 has
        # crashed doing it thousands of times).
        if self.state.objectName() != ("field_edited" if edited else "field_state"):
            self.state.setObjectName("field_edited" if edited else "field_state")
            self.state.setStyleSheet(self.state.styleSheet())

    def show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))


class RecordForm(QScrollArea):
    """Right pane. Emits ``field_edited(key, value, merge)``, ``field_reverted(key)``, ``field_focused(key)``."""

    field_edited = Signal(str, object, bool)
    field_reverted = Signal(str)
    field_focused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("form_body")
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 6, 10, 6)
        self.rows: dict[str, FieldRow] = {}
        for title, keys in SECTIONS:
            group = QGroupBox(title)
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form.setVerticalSpacing(6)
            for key in keys:
                row = FieldRow(key)
                label = QLabel(LABELS[key])
                label.setBuddy(row.editor)
                form.addRow(label, row)
                self.rows[key] = row
                row.editor.value_edited.connect(lambda value, merge, k=key: self.field_edited.emit(k, value, merge))
                row.editor.focused.connect(lambda k=key: self.field_focused.emit(k))
                row.revert_button.clicked.connect(lambda _checked=False, k=key: self.field_reverted.emit(k))
            column.addWidget(group)
        # The review's own fields (curator fields --add ...), after the built-in ones.
        self.custom_group = QGroupBox("The review's own fields")
        self.custom_group.setObjectName("custom_fields")
        self.custom_layout = QFormLayout(self.custom_group)
        self.custom_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.custom_rows: dict[str, FieldRow] = {}
        self.custom_group.hide()
        column.addWidget(self.custom_group)
        self.notes = QLabel()
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        notes_box = QGroupBox("Notes")
        QVBoxLayout(notes_box).addWidget(self.notes)
        column.addWidget(notes_box)
        column.addStretch(1)
        self.setWidget(body)
        body.setEnabled(False)  # greyed until a record is shown: an empty review offers no form to type in
        self.record_id: int | None = None
        self.view: RecordView | None = None  # the record as shown: an edit is saved against its version
        # Fields someone else changed while the reviewer was editing them: the version and value the reviewer
        # saw, so that their save is checked against those (and refused if it would overwrite the change).
        self._seen: dict[str, tuple[int, Any]] = {}
        self._custom_values: dict[str, Any] = {}  # the record's values of the review's own fields, as shown

    def show_record(self, view: RecordView) -> None:
        """Show every field of ``view`` (nothing is saved by showing)."""
        self.record_id, self.view = view.id, view
        self._seen.clear()
        self.widget().setEnabled(True)
        for key, row in self.rows.items():
            row.editor.set_value(view.value(key))
            row.show_state(view)
            row.show_problem(None)
        self.show_notes(view)
        self.setEnabled(True)

    def set_custom_fields(self, fields: list[FormField]) -> None:
        """Lay out the review's own fields (keys ``custom.NAME``), replacing those of another review."""
        while self.custom_layout.rowCount():
            self.custom_layout.removeRow(0)
        self.custom_rows = {}
        for field in fields:
            key = f"custom.{field.name}"
            row = FieldRow(key, editor=custom_editor(field))
            row.revert_button.hide()  # nothing was extracted to go back to: clearing the value is the way back
            row.state.setText(field.help_text)
            row.state.setWordWrap(True)
            label = QLabel(field.name)
            label.setBuddy(row.editor)
            self.custom_layout.addRow(label, row)
            self.custom_rows[key] = row
            row.editor.value_edited.connect(lambda value, merge, k=key: self.field_edited.emit(k, value, merge))
        self.custom_group.setVisible(bool(fields))

    def show_custom_values(self, values: dict[str, Any]) -> None:
        """Show a record's values of the review's own fields (a name missing: empty)."""
        self._custom_values = dict(values)
        for key, row in self.custom_rows.items():
            row.editor.set_value(values.get(key.removeprefix("custom.")))
            row.show_problem(None)

    def show_notes(self, view: RecordView, notes: list[NoteView] | None = None) -> None:
        """The record's notes (``notes``: those this reviewer may read, when not all of them)."""
        shown = view.notes if notes is None else notes
        self.notes.setText("\n\n".join(f"{n.reviewer}, {n.created_at:%Y-%m-%d %H:%M}: {n.text}" for n in shown)
                           or "No notes. Press N to write one.")

    def seen(self, key: str) -> tuple[int | None, Any]:
        """The record's version and ``key``'s value as the reviewer last saw them: what an edit is saved against."""
        if key in self._seen:
            return self._seen[key]
        return (self.view.version, self.view.value(key)) if self.view is not None else (None, None)

    def show_others_changes(self, view: RecordView, keys: Iterable[str], custom_values: dict[str, Any]) -> None:
        """Show what someone else changed in the record shown (``view``, read after the change): the fields
        ``keys`` (``custom.NAME`` for the review's own, whose values are ``custom_values``). A field the reviewer is editing keeps their text, and is brought up to date
        once they leave it (:meth:`catch_up`); its save is checked against what they saw before."""
        if self.view is None or view.id != self.record_id:
            return
        before = self.view
        self.view = view
        for key in keys:
            row = self.custom_rows.get(key) or self.rows.get(key)
            if row is None:
                continue
            if row.editor.is_editing():
                self._seen.setdefault(key, (before.version, before.value(key)))
            elif key.startswith("custom."):
                row.editor.set_value(custom_values.get(key.removeprefix("custom.")))
            else:
                row.editor.set_value(view.value(key))
                row.show_state(view)
        self._custom_values = custom_values

    def catch_up(self) -> None:
        """Show the latest values of fields others changed while the reviewer was in them, now they left them."""
        if self.view is None:
            return
        for key in [k for k in self._seen if not (self.custom_rows.get(k) or self.rows[k]).editor.is_editing()]:
            del self._seen[key]
            if key.startswith("custom."):
                self.custom_rows[key].editor.set_value(self._custom_values.get(key.removeprefix("custom.")))
            else:
                self.rows[key].editor.set_value(self.view.value(key))
                self.rows[key].show_state(self.view)

    def show_field(self, view: RecordView, key: str, *, reload_value: bool) -> None:
        """Show the saved state of one field (after an edit, a revert, an undo)."""
        row = self.rows[key]
        self.view = view
        self._seen.pop(key, None)
        if reload_value:
            row.editor.set_value(view.value(key))
        row.show_state(view)
        row.show_problem(None)

    def show_problem(self, key: str, message: str) -> None:
        (self.custom_rows.get(key) or self.rows[key]).show_problem(message)

    def clear(self) -> None:
        self.record_id, self.view = None, None
        self._seen.clear()
        for row in self.custom_rows.values():
            row.editor.set_value(None)
        for row in self.rows.values():
            row.editor.set_value(None)
            row.state.clear()
            row.revert_button.setEnabled(False)
            row.show_problem(None)
        self.notes.clear()
        self.widget().setEnabled(False)
        self.setEnabled(False)

    def commit_pending(self) -> None:
        """Save what is being typed now (before moving on, undoing or closing)."""
        for row in [*self.rows.values(), *self.custom_rows.values()]:
            row.editor.commit()

    def focused_key(self) -> str | None:
        for key, row in self.rows.items():
            if row.editor.isAncestorOf(self.focusWidget()) if self.focusWidget() else False:
                return key
        return None

    def editor_value(self, key: str) -> Any:
        return (self.custom_rows.get(key) or self.rows[key]).editor.value()
