"""The first-run question: who is screening? (Every decision carries the name.)"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class ReviewerNameDialog(QDialog):
    """Asks for the reviewer's name; OK only once there is one."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Curator — who is reviewing?")
        intro = QLabel("Your name goes with every decision and edit you make, so that a second reviewer's "
                       "work can be told from yours. It is remembered on this computer.")
        intro.setWordWrap(True)
        self.name = QLineEdit(current)
        self.name.setPlaceholderText("e.g. Ada Lovelace")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._on_name_text_changed)
        self._on_name_text_changed(current)
        self.resize(460, 160)

    def reviewer(self) -> str:
        return " ".join(self.name.text().split())

    def _on_name_text_changed(self, _text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reviewer()))
