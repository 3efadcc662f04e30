"""A readable list of what went wrong (files that could not be imported, and why)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

MOST_ROWS_SHOWN = 12


class ProblemsDialog(QDialog):
    """Shows a summary line and one line per problem."""

    def __init__(self, title: str, summary: str, problems: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("problems_dialog")
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.addItems(list(problems))
        self.problems.setVisible(bool(problems))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(640, 140)
        if problems:  # as tall as its lines (up to a dozen, then it scrolls): one failed file is not a blank page
            self.problems.setMinimumWidth(600)
            rows = sum(self.problems.sizeHintForRow(row) for row in range(min(len(problems), MOST_ROWS_SHOWN)))
            self.problems.setFixedHeight(rows + 2 * self.problems.frameWidth() + 6)
            self.adjustSize()
