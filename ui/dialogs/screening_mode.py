"""The review's screening settings: single or blind dual screening at each stage, and the lead reviewer."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from curator.review.screening_mode import (
    lead_reviewer,
    screening_modes,
    set_lead_reviewer,
    set_screening_mode,
)
from curator.store.database import Review
from curator.terms import STAGES

MODES = (("Single: one reviewer's decision counts", "single"),
         ("Blind dual: two reviewers decide independently", "dual"))
STAGE_NAMES = {"title-abstract": "Title/abstract", "full-text": "Full text"}


class ScreeningModeDialog(QDialog):
    """Each stage's mode and the lead (who sees every verdict and resolves conflicts)."""

    def __init__(self, modes: dict[str, str], lead: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Screening mode")
        self.setObjectName("screening_mode_dialog")
        intro = QLabel("In blind dual screening each reviewer sees only their own verdicts until both have "
                       "decided a record; a record is decided when two reviewers agree, or the lead resolves "
                       "their conflict. Switching keeps every decision made so far.")
        intro.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(intro)
        self.combos: dict[str, QComboBox] = {}
        for stage in STAGES:
            combo = QComboBox()
            combo.setObjectName(f"mode_{stage}")
            for label, value in MODES:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(modes.get(stage, "single"))))
            layout.addRow(STAGE_NAMES.get(stage, stage), combo)
            self.combos[stage] = combo
        self.lead = QLineEdit(lead or "")
        self.lead.setObjectName("lead_reviewer")
        self.lead.setPlaceholderText("the reviewer who resolves conflicts (sees every verdict)")
        layout.addRow("Lead reviewer", self.lead)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.resize(520, self.sizeHint().height())  # as tall as what it asks, no blank band under the buttons

    def modes(self) -> dict[str, str]:
        return {stage: str(combo.currentData()) for stage, combo in self.combos.items()}

    def lead_name(self) -> str | None:
        return " ".join(self.lead.text().split()) or None


def save_screening_settings(review: Review, modes: dict[str, str], lead: str | None, *, reviewer: str) -> bool:
    """Save each stage's mode and the lead; True when something changed."""
    before = (screening_modes(review), lead_reviewer(review))
    for stage, mode in modes.items():
        if before[0].get(stage) != mode:
            set_screening_mode(review, mode, [stage], reviewer=reviewer)
    if before[1] != lead:
        set_lead_reviewer(review, lead, reviewer=reviewer)
    return (screening_modes(review), lead_reviewer(review)) != before


def edit_screening_mode(review: Review, reviewer: str, parent: QWidget | None = None) -> bool:
    """Ask for the screening settings and save them; True when they changed."""
    dialog = ScreeningModeDialog(screening_modes(review), lead_reviewer(review), parent)
    return bool(dialog.exec()) and save_screening_settings(review, dialog.modes(), dialog.lead_name(),
                                                           reviewer=reviewer)
