"""The review's keywords: words that speak for inclusion (green) and exclusion (red), one per line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from curator.review.desk import Keywords, get_keywords, set_keywords
from curator.store.database import Review


class KeywordsDialog(QDialog):
    """Edits the two keyword lists of a review."""

    def __init__(self, keywords: Keywords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keywords to highlight")
        hint = QLabel("One word or phrase per line; end a word with * to match any ending (random* matches "
                      "randomised and randomly). Matching ignores case.")
        hint.setWordWrap(True)
        self.include = QPlainTextEdit("\n".join(keywords.include))
        self.include.setObjectName("include_keywords")
        self.exclude = QPlainTextEdit("\n".join(keywords.exclude))
        self.exclude.setObjectName("exclude_keywords")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QGridLayout(self)
        layout.addWidget(hint, 0, 0, 1, 2)
        layout.addWidget(QLabel("For inclusion (green)"), 1, 0)
        layout.addWidget(QLabel("For exclusion (red)"), 1, 1)
        layout.addWidget(self.include, 2, 0)
        layout.addWidget(self.exclude, 2, 1)
        layout.addWidget(buttons, 3, 0, 1, 2)
        self.resize(560, 380)

    def keywords(self) -> Keywords:
        return Keywords(self.include.toPlainText().splitlines(), self.exclude.toPlainText().splitlines())


def edit_keywords(review: Review, parent: QWidget | None = None) -> Keywords | None:
    """Ask for the review's keywords and save them; the saved keywords (None when cancelled)."""
    dialog = KeywordsDialog(get_keywords(review), parent)
    if not dialog.exec():
        return None
    kept = dialog.keywords()
    return set_keywords(review, kept.include, kept.exclude)
