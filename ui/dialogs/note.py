"""The note dialog (N): a few lines on the current record, confirmed with Ctrl+Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

LABEL_WIDTH = 440


class NoteDialog(QDialog):
    """Enter starts a new line; Ctrl+Enter saves, Esc cancels, Tab moves on to the buttons."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note_dialog")
        self.setWindowTitle("Note")
        self.label = QLabel()
        self.label.setObjectName("note_title")
        self.label.setToolTip(title)
        self.label.setText(self.label.fontMetrics().elidedText(f"Note on “{title}”", Qt.TextElideMode.ElideRight,
                                                               LABEL_WIDTH))
        self.text = QPlainTextEdit()
        self.text.setObjectName("note_text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("Ctrl+Enter saves the note, Esc cancels")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Save note")
        save.setToolTip("Ctrl+Enter")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(LABEL_WIDTH + 40, 240)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def text_value(self) -> str:
        return self.text.toPlainText()

    def set_text_value(self, text: str) -> None:
        self.text.setPlainText(text)
