"""Screening keys act only when the focus is not in a field; Ctrl+Z / Ctrl+F / Ctrl+Q act everywhere.

Qt asks the focus widget first (a ShortcutOverride event) whether it wants a
key for itself. This filter answers that question for the whole window: a
field keeps its letters, digits and arrows (so "I" types an I in a title),
while the window's global commands win even inside a text box.

A screening key that reaches a widget of the window as a plain key press (no
shortcut fired: the window was shown but not yet made active by the desktop,
as after the first-run name dialog) runs its command all the same, instead of
the record list's type-ahead taking "I" as "the next title starting with I".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

GLOBAL_KEYS = ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+F", "Ctrl+Q", "Esc")


def is_field(widget: QWidget | None) -> bool:
    """True for a widget a reviewer types or picks into (where screening keys must not act)."""
    if widget is None:
        return False
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return True
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return True
    # An item view that keeps its keys (a list editor's items in the form, the conflicts table): arrows move in it.
    return isinstance(widget, QAbstractItemView) and bool(widget.property("field"))


class DeskKeyFilter(QObject):
    """Installed on the application; decides which of a field and the window gets a key."""

    def __init__(self, desk_keys: dict[int, QAction], window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._desk_keys = desk_keys
        self._global_keys = {QKeySequence(k)[0].toCombined() for k in GLOBAL_KEYS}  # type: ignore[index]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._run_desk_key(watched, event)
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        if not is_field(focus):
            return False
        combined = event.keyCombination().toCombined()
        if combined in self._global_keys:
            # Ignored override: the field does not claim the key, so the window's command runs.
            event.ignore()
            return True
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if combined in self._desk_keys or (modifiers in (Qt.KeyboardModifier.NoModifier,
                                                         Qt.KeyboardModifier.ShiftModifier) and event.text()):
            event.accept()  # the field takes the key as typing
            return True
        return False

    def _run_desk_key(self, watched: QObject, event: QKeyEvent) -> bool:
        """A screening key pressed outside a field of this window runs its command (True: the key is used)."""
        if not isinstance(watched, QWidget) or watched.window() is not self._window or is_field(watched):
            return False
        action = self._desk_keys.get(event.keyCombination().toCombined())
        if action is None or not action.isEnabled():
            return False
        if not event.isAutoRepeat() or action.autoRepeat():
            action.trigger()
        return True
