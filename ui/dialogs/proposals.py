"""What the full text proposes for fields that hold another value: each taken (or not) one by one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.record_form import LABELS


def shown_value(value: Any) -> str:
    """A field's value as one line for the reviewer (a list joined with "; ", nothing as "(empty)")."""
    if value in (None, "", []):
        return "(empty)"
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


class ProposalsDialog(QDialog):
    """One row per proposal: the field, the form's value, the full text's value and page, and "Take".

    Emits ``proposal_taken(key)`` when the reviewer takes one; :meth:`mark_taken` then shows it taken.
    """

    proposal_taken = Signal(str)

    def __init__(self, file_name: str, proposals: dict[str, tuple[Any, Any, list[int]]],
                 parent: QWidget | None = None) -> None:
        """``proposals``: key → (the form's value, the proposed value, the pages it is read from)."""
        super().__init__(parent)
        self.setWindowTitle("Proposals from the full text")
        self.setObjectName("proposals_dialog")
        intro = QLabel(f"{file_name} gives other values for these fields. The form keeps its values "
                       "unless you take the full text's.")
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, heading in enumerate(("Field", "In the form", "In the full text", "")):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        self.buttons: dict[str, QPushButton] = {}
        for row, (key, (current, proposed, pages)) in enumerate(proposals.items(), start=1):
            where = f" (page {', '.join(map(str, pages))})" if pages else ""
            for column, text in enumerate((LABELS.get(key, key), shown_value(current)[:300],
                                           shown_value(proposed)[:300] + where)):
                label = QLabel(text)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
            button = QPushButton("Take")
            button.setObjectName(f"take_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.proposal_taken.emit(k))
            grid.addWidget(button, row, 3, Qt.AlignmentFlag.AlignTop)
            self.buttons[key] = button
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(close)
        self.resize(760, min(520, 150 + 60 * len(proposals)))

    def mark_taken(self, key: str) -> None:
        button = self.buttons[key]
        button.setText("Taken")
        button.setEnabled(False)
