"""The conflicts pane: the records the reviewers disagree on, each reviewer's verdict and reason side by side.

A widget only: it shows what it is given and reports by signals. Choosing a row (a click, Up / Down,
J / K) reports the record to show in the desk; Enter opens it in the record list; Shift+I / Shift+E
and the two buttons ask to resolve the chosen record, with the optional reason typed below.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator.review.resolution import ConflictLine
from ui.conflicts_model import ConflictsModel

VERDICT_WIDTH = 140  # pixels: the widest a reviewer's column grows (its reason wraps), so the title keeps room
REASON_TIP = ("With exclude: one of the stage's exclusion reasons (left empty: the excluding reviewer's). "
              "With include: kept as a note on the resolution.")


class ConflictsTable(QTableView):
    """The table keeps its keys (it is a "field" for the desk's key filter): arrows and J / K move, Enter opens,
    Shift+I / Shift+E resolve; no other letter does anything here."""

    key_resolve = Signal(str)
    key_open = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("field", True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ShiftModifier and key in (Qt.Key.Key_I, Qt.Key.Key_E):
            if not event.isAutoRepeat():
                self.key_resolve.emit("include" if key == Qt.Key.Key_I else "exclude")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_open.emit()
        elif modifiers == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_J, Qt.Key.Key_K):
            step = 1 if key == Qt.Key.Key_J else -1
            row = max(0, min(self.model().rowCount() - 1, self.currentIndex().row() + step))
            self.selectRow(row)
        else:
            super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        """Letters never jump to a title here (I and E are screening keys elsewhere)."""


class ConflictsView(QWidget):
    """Emits ``record_chosen`` (show it in the desk), ``record_opened`` (Enter: to the record list) and
    ``resolve_requested`` (record id, include or exclude, the reason typed or "")."""

    record_chosen = Signal(int)
    record_opened = Signal(int)
    resolve_requested = Signal(int, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.model = ConflictsModel(self)
        self.sentence = QLabel()
        self.sentence.setObjectName("conflicts_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # alone: at the top
        self.show_resolved = QCheckBox("Show resolved")
        self.show_resolved.setObjectName("show_resolved")
        self.table = ConflictsTable()
        self.table.setObjectName("conflicts_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)  # two lines a row: the title, and a verdict with its reason, fit
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.reason = QComboBox()
        self.reason.setObjectName("resolution_reason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.lineEdit().setPlaceholderText("Reason (optional)")
        self.reason.setToolTip(REASON_TIP)
        self.reason.setMinimumContentsLength(14)
        self.buttons: dict[str, QPushButton] = {}
        for verdict, key in (("include", "Shift+I"), ("exclude", "Shift+E")):
            button = QPushButton(f"Resolve: {verdict}  ({key})")
            button.setObjectName(f"resolve_{verdict}_button")
            button.setToolTip(f"Settle the reviewers' conflict on the chosen record: {verdict}")
            button.clicked.connect(lambda _checked=False, v=verdict: self.request(v))
            self.buttons[verdict] = button

        top = QHBoxLayout()
        top.addWidget(self.sentence, 1)
        top.addWidget(self.show_resolved, 0, Qt.AlignmentFlag.AlignTop)
        self.resolve_row = QWidget()
        bottom = QHBoxLayout(self.resolve_row)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.reason, 1)
        for button in self.buttons.values():
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.resolve_row)

        self._may_resolve = False
        self._about = ""
        self._choosing = True  # False while rows change under the selection: only the reviewer chooses
        self.show_resolved.toggled.connect(self._on_show_resolved_toggled)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(lambda _index: self._open())
        self.table.key_open.connect(self._open)
        self.table.key_resolve.connect(self.request)

    # -- what it shows -----------------------------------------------------------------------
    def set_reasons(self, reasons: list[str]) -> None:
        self.reason.clear()
        self.reason.addItems(reasons)
        self.reason.setCurrentIndex(-1)

    def set_access(self, *, may_resolve: bool, about: str) -> None:
        """Whether this reviewer may resolve here, and the sentence that says who does (shown above the table)."""
        self._may_resolve, self._about = may_resolve, about
        self._show_state()

    def hide_all(self, sentence: str) -> None:
        """Blind screening: nothing of the conflicts is shown, only ``sentence``."""
        self.model.set_lines([])
        self._about = ""
        self.sentence.setText(sentence)
        for widget in (self.table, self.resolve_row, self.show_resolved):
            widget.hide()

    def show_lines(self, lines: list[ConflictLine]) -> None:
        """A stage's conflicts read anew."""
        current = self.current_record_id()
        with self._rows_changing():
            self.model.set_lines(lines)
            if current is not None:
                self.select_record(current, notify=False)
        self._fit_columns()
        self._show_state()

    def replace_lines(self, record_ids: list[int], lines: list[ConflictLine]) -> None:
        """Some records were decided on: their lines are ``lines`` now (those of them still in conflict)."""
        columns = self.model.columnCount()
        with self._rows_changing():
            self.model.replace_lines(record_ids, lines)
        if self.model.columnCount() != columns:
            self._fit_columns()
        self._show_state()

    @contextmanager
    def _rows_changing(self) -> Iterator[None]:
        """While rows change, the selection Qt moves is not the reviewer's choice: no ``record_chosen``."""
        choosing, self._choosing = self._choosing, False
        try:
            yield
        finally:
            self._choosing = choosing

    def _fit_columns(self) -> None:
        """The title takes what is left; a reviewer's column is as wide as its verdicts and reasons, up to
        :data:`VERDICT_WIDTH` (on two lines, the whole in the tooltip); the resolution only with resolved rows."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)  # a long list: its first rows
        last = self.model.columnCount() - 1
        self.table.setColumnHidden(last, not self.show_resolved.isChecked())
        for column in range(self.model.columnCount()):
            if column == 1:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), VERDICT_WIDTH))

    def _show_state(self) -> None:
        open_, resolved = self.model.counts()
        if open_ + resolved == 0:
            text = "No conflicts at this stage: the reviewers agree on every record both decided."
        elif open_ == 0 and not self.show_resolved.isChecked():
            text = (f"No conflicts left to resolve at this stage ({resolved} resolved: <i>Show resolved</i> "
                    "lists them).")
        else:
            text = f"<b>{open_}</b> to resolve" + (f", {resolved} resolved" if resolved else "") + "."
        self.sentence.setText(f"{text} {self._about}".strip())
        rows = self.model.rowCount() > 0
        self.table.setVisible(rows)
        self.show_resolved.setVisible(resolved > 0 or self.show_resolved.isChecked())
        self.resolve_row.setVisible(rows)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        line = self.model.line(self.table.currentIndex().row())
        allowed = self._may_resolve and line is not None and line.resolution is None
        for button in self.buttons.values():
            button.setEnabled(allowed)
        self.reason.setEnabled(self._may_resolve)

    # -- the chosen record -------------------------------------------------------------------
    def current_record_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def select_record(self, record_id: int, *, notify: bool = True) -> bool:
        """Make the record's row current (False: not listed); ``notify``: report it as chosen."""
        row = self.model.row_of(record_id)
        if row is None:
            return False
        with self._rows_changing():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, 0))
        self._enable_buttons()
        if notify:
            self.record_chosen.emit(record_id)
        return True

    def next_to_resolve(self, record_id: int) -> int | None:
        """The record of the first unresolved row after ``record_id``'s (else before it), other than it."""
        row = self.model.row_of(record_id)
        rows = list(range(row + 1, self.model.rowCount())) + list(range(row - 1, -1, -1)) if row is not None else []
        for other in rows:
            line = self.model.line(other)
            if line is not None and line.resolution is None:
                return line.record_id
        return None

    def request(self, verdict: str) -> None:
        record_id = self.current_record_id()
        if record_id is not None and self.buttons[verdict].isEnabled():
            self.resolve_requested.emit(record_id, verdict, self.reason.currentText().strip())

    def clear_reason(self) -> None:
        self.reason.setCurrentIndex(-1)
        self.reason.clearEditText()

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    # -- slots -------------------------------------------------------------------------------
    def _open(self) -> None:
        record_id = self.current_record_id()
        if record_id is not None:
            self.record_opened.emit(record_id)

    def _on_show_resolved_toggled(self, _checked: bool) -> None:
        current = self.current_record_id()
        with self._rows_changing():
            self.model.set_show_resolved(self.show_resolved.isChecked())
            if current is not None:
                self.select_record(current, notify=False)
        self._fit_columns()
        self._show_state()

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._enable_buttons()
        record_id = self.model.record_id(current.row()) if current.isValid() else None
        if self._choosing and record_id is not None:
            self.record_chosen.emit(record_id)

