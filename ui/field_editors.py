"""One editor per kind of field: text line, multi-line text, choice, whole number, list.

Each editor emits ``value_edited(value, merge)`` when the reviewer's value should
be saved: when they leave the field, press Enter, pick a choice, or pause while
typing. ``merge`` is True for the later saves of one stretch of typing, so the
stretch is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.record_list_model import words

TYPING_PAUSE_MS = 700
NO_NUMBER = -1


class FieldEditor(QWidget):
    """Base of the editors: focus and save signals, and loading a value without saving it."""

    value_edited = Signal(object, bool)
    focused = Signal()

    # Every editor defines these two: the value as the form reads it, and how to show one.
    value: Callable[[], Any]
    _show: Callable[[Any], None]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._typing_saved = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._on_pause_timeout)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def _watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            self._typing_saved = False
            self.focused.emit()
        elif event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False

    def set_value(self, value: Any) -> None:
        """Show ``value`` without saving it."""
        self._pause.stop()
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False
        self._typing_saved = False

    def _on_typed(self, *_args: Any) -> None:
        if not self._loading:
            self._pause.start()

    def _on_pause_timeout(self) -> None:
        self.value_edited.emit(self.value(), self._typing_saved)
        self._typing_saved = True

    def is_editing(self) -> bool:
        """True while the reviewer is in this field or has typed what is not saved yet."""
        focused = self.window().focusWidget()
        return self._pause.isActive() or (focused is not None and self.isAncestorOf(focused))

    def commit(self) -> None:
        """Save a pending change now (leaving the field, moving to another record)."""
        if self._pause.isActive():
            self._pause.stop()
            self._on_pause_timeout()

    def _save_now(self, *_args: Any) -> None:
        if not self._loading:
            self._pause.stop()
            self.value_edited.emit(self.value(), False)


class LineEditor(FieldEditor):
    """A one-line text (titles, sponsor, ages); dates accept 2003, 2018-09 or 2010-01-31."""

    def __init__(self, *, date: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        if date:
            pattern = QRegularExpression(r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?")
            self.line.setValidator(QRegularExpressionValidator(pattern, self.line))
            self.line.setPlaceholderText("YYYY, YYYY-MM or YYYY-MM-DD")
        self._layout.addWidget(self.line)
        self._watch(self.line)
        self.line.textEdited.connect(self._on_typed)
        self.line.returnPressed.connect(self.commit)

    def value(self) -> Any:
        return self.line.text()

    def _show(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))
        self.line.setCursorPosition(0)


class TextEditor(FieldEditor):
    """A few lines of text (abstract, PICO): as tall as its text, from ``lines`` to ``most_lines`` (then it scrolls)."""

    def __init__(self, *, lines: int = 4, most_lines: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines, self.most_lines = lines, max(lines, most_lines)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self._layout.addWidget(self.text)
        self._watch(self.text)
        self.text.textChanged.connect(self._on_typed)
        # The plain-text layout's height is its number of wrapped lines: it changes with the text and the width.
        self.text.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def _fit_height(self, *_args: Any) -> None:
        shown = min(self.most_lines, max(self.lines, round(self.text.document().size().height())))
        margins = self.text.contentsMargins()
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * shown + margins.top() + margins.bottom()
                                 + 2 * round(self.text.document().documentMargin()) + 2)

    def value(self) -> Any:
        return self.text.toPlainText()

    def _show(self, value: Any) -> None:
        self.text.setPlainText("" if value is None else str(value))
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_height()  # narrower: more wrapped lines


class ChoiceEditor(FieldEditor):
    """A vocabulary (status, phase, sex, study type, kind); "—" for not stated."""

    def __init__(self, choices: tuple[str, ...], *, allow_empty: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        if allow_empty:
            self.combo.addItem("—", None)
        for choice in choices:
            self.combo.addItem(words(choice) if choice.isupper() else choice.capitalize(), choice)
            self.combo.setItemData(self.combo.count() - 1, choice, Qt.ItemDataRole.ToolTipRole)
        self._layout.addWidget(self.combo)
        self._watch(self.combo)
        self.combo.activated.connect(self._save_now)

    def value(self) -> Any:
        return self.combo.currentData()

    def _show(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None:  # a value outside the vocabulary is shown, not lost
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))


class NumberEditor(FieldEditor):
    """A whole number (enrollment, year); "—" for not stated."""

    def __init__(self, *, maximum: int = 100_000_000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(NO_NUMBER, maximum)
        self.spin.setSpecialValueText("—")
        self.spin.setGroupSeparatorShown(True)
        self.spin.setAccelerated(True)
        self._layout.addWidget(self.spin)
        self._layout.addStretch(1)
        self._watch(self.spin)
        self.spin.valueChanged.connect(self._on_typed)
        self.spin.editingFinished.connect(self.commit)

    def value(self) -> Any:
        number = self.spin.value()
        return None if number == NO_NUMBER else number

    def _show(self, value: Any) -> None:
        self.spin.setValue(NO_NUMBER if value is None else int(value))


class ListEditor(FieldEditor):
    """A list of short texts (ids, conditions, interventions, countries ...): one item per line."""

    def __init__(self, *, rows: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = QListWidget()
        self.items.setProperty("field", True)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.items.setFixedHeight(self.fontMetrics().height() * rows + 18)
        self.items.setAlternatingRowColors(True)
        # A long item ends in "…" (whole in its tooltip): a scroll bar across would hide the third row.
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.add_button = QToolButton()
        self.add_button.setText("+")
        self.add_button.setToolTip("Add an item")
        self.remove_button = QToolButton()
        self.remove_button.setText("−")
        self.remove_button.setToolTip("Remove the selected item")
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self._layout.addWidget(self.items, 1)
        self._layout.addLayout(buttons)
        for widget in (self.items, self.add_button, self.remove_button):
            self._watch(widget)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.items.itemChanged.connect(self._on_items_item_changed)

    def value(self) -> Any:
        texts = [self.items.item(i).text().strip() for i in range(self.items.count())]
        return [t for t in texts if t]

    def _show(self, value: Any) -> None:
        self.items.clear()
        for text in value or []:
            self._append(str(text))

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.items.addItem(item)
        return item

    def add_item(self, text: str = "") -> None:
        """Add an item (and save, when it has text) or start typing a new one."""
        item = self._append(text)
        self.items.setCurrentItem(item)
        if text:
            self._save_now()
        else:
            self.items.editItem(item)

    def _on_add_button_clicked(self) -> None:
        self.add_item()

    def _on_remove_button_clicked(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)
            self._save_now()

    def _on_items_item_changed(self, _item: QListWidgetItem) -> None:
        self._save_now()
