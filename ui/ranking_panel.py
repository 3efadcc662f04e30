"""Under the record list: the list's order (import / by relevance) and the stopping aids.

The stopping aids inform and never decide: how many records in a row were excluded since the
last include, the estimate of the relevant records still undecided with the method that made it,
and the recall-so-far chart. No record is ever hidden by them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from curator.ranking.relevance import ReviewRanking
from ui.recall_chart import RecallChart

ORDERS = (("By relevance", "relevance"), ("Import order", "import"))
COLD_START = "Import order: the ranking starts after one include and one exclude"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def estimate_text(estimate: dict[str, Any]) -> tuple[str, str]:
    """The estimate of the relevant records left, as (the line shown, its tooltip naming the method in full): whole
    records, since a tenth of a record would claim a precision the estimate does not have."""
    method = str(estimate.get("method") or "")
    value = estimate.get("value")
    sample = estimate.get("sample_reason")
    after = f"\nRandom sample to estimate what is left: {sample}" if sample else ""
    if value is None:
        reason = estimate.get("reason") or "nothing to estimate from yet"
        return f"Relevant still undecided: not estimated ({reason}){after}", method
    interval = estimate.get("interval")
    if interval:  # from a random sample the reviewer screened
        return (f"Relevant still undecided: about {round(value):,}, 95% interval {round(interval[0]):,} to"
                f" {round(interval[1]):,}"
                f" (estimated from a {method})", f"{method}; {estimate.get('interval_method', '')}")
    # The model's method takes three lines to name: the line says what it is, the tooltip says how it is made.
    return f"Relevant still undecided: about {round(value):,} (the ranking's rough estimate){after}", method


class RankingPanel(QFrame):
    """Emits ``order_chosen`` ("relevance" or "import") when the reviewer picks the list's order."""

    order_chosen = Signal(str)
    sample_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ranking_panel")
        self.order = QComboBox()
        self.order.setObjectName("order")
        self.order.setToolTip("The list's order: the likeliest includes first (learnt from the decisions at this "
                              "stage, retrained after each one), or the order the records were imported in")
        for label, value in ORDERS:
            self.order.addItem(label, value)
        self.order_note = QLabel(COLD_START)
        self.order_note.setObjectName("order_note")
        self.order_note.setWordWrap(True)
        self.streak = QLabel()
        self.streak.setObjectName("streak")
        self.estimate = QLabel()
        self.estimate.setObjectName("estimate")
        self.estimate.setWordWrap(True)
        self.chart = RecallChart()
        self.estimate_button = QPushButton("Estimate what is left…")
        self.estimate_button.setObjectName("estimate_button")
        self.estimate_button.setToolTip("Screen a random sample of the undecided records (they come first in the"
                                        " list): once they are decided, the share of includes among them estimates"
                                        " how many relevant records are left")
        self.estimate_button.setEnabled(False)
        for small in (self.order_note, self.streak, self.estimate):
            small.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = small.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            small.setFont(font)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel("Order"))
        top.addWidget(self.order)
        top.addWidget(self.order_note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.streak)
        estimate_row = QHBoxLayout()
        estimate_row.setContentsMargins(0, 0, 0, 0)
        estimate_row.addWidget(self.estimate, 1)
        estimate_row.addWidget(self.estimate_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(estimate_row)
        layout.addWidget(self.chart)
        self.order.activated.connect(self._on_order_activated)
        self.estimate_button.clicked.connect(self.sample_asked)

    def chosen_order(self) -> str:
        return str(self.order.currentData())

    def show_state(self, ranking: ReviewRanking, *, by_relevance: bool, eligible: int) -> None:
        """Show what ``ranking`` learnt and the stopping aids; ``by_relevance``: the list is in its order."""
        learnt = ranking.trained_on
        taught = f"{_plural(learnt['include'], 'include')} (or maybe) and {_plural(learnt['exclude'], 'exclude')}"
        whose = "your own decisions" if ranking.reviewer else "the agreed decisions"
        if ranking.trained_at is None:
            self.order_note.setText(COLD_START)
        elif by_relevance:
            self.order_note.setText(f"Likeliest includes first, learnt from {whose}: {taught}")
        else:
            self.order_note.setText(f"Import order (a ranking learnt from {taught} is ready: pick By relevance)")
        self.order_note.setToolTip(f"Model: {ranking.model}")
        self.streak.setText(f"Excluded in a row since the last include: {ranking.consecutive_irrelevant:,}")
        line, method = estimate_text(ranking.estimated_remaining)
        self.estimate.setText(line)
        self.estimate.setToolTip(method)
        self.chart.set_screened(ranking.screened, eligible)
        self.estimate_button.setEnabled(bool(ranking.records))

    def show_busy(self, busy: bool) -> None:
        """Say that a newer order is being learnt (the list stays as it is meanwhile)."""
        text = self.order_note.text().removesuffix(" · relearning…")
        self.order_note.setText(text + (" · relearning…" if busy else ""))

    def clear(self) -> None:
        self.estimate_button.setEnabled(False)
        self.order_note.setText(COLD_START)
        self.streak.clear()
        self.estimate.clear()
        self.chart.set_screened([], 0)

    def _on_order_activated(self, _index: int) -> None:
        self.order_chosen.emit(self.chosen_order())
