"""The decision bar: the stage, Include / Exclude / Maybe, the reason, a note, tags."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from curator.review.blind import TagView
from curator.review.screening import DecisionView
from curator.terms import STAGES
from ui.actions import Actions
from ui.eliding_label import ElidingLabel

STAGE_LABELS = {"title-abstract": "Title/abstract", "full-text": "Full text"}
VERDICT_WORDS = {"include": "Included", "exclude": "Excluded", "maybe": "Marked maybe"}


class DecisionBar(QFrame):
    """Across the bottom of the desk. Buttons run the window's actions; the rest is signalled."""

    stage_changed = Signal(str)
    reason_chosen = Signal(str)
    tag_added = Signal(str)
    tag_removed = Signal(str)

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decision_bar")
        self.stage = QComboBox()
        self.stage.setObjectName("stage")
        for stage in STAGES:
            self.stage.addItem(STAGE_LABELS[stage], stage)
        self.stage.setToolTip("The screening stage (Ctrl+1 / Ctrl+2)")
        self.buttons: dict[str, QToolButton] = {}
        for verdict in ("include", "exclude", "maybe"):
            button = QToolButton()
            button.setObjectName(f"{verdict}_button")
            action = actions[verdict]
            button.setText(f"{action.text().replace('&', '')}  ({action.shortcut().toString()})")
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons[verdict] = button
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.setToolTip("Exclusion reason: press 1–9 after E")
        self.reason.setMinimumContentsLength(16)
        self.verdict_label = ElidingLabel()  # at 1280 wide the others' verdicts end in "…", not mid-word
        self.verdict_label.setObjectName("verdict_label")
        # Long texts (several reviewers, a refusal) end in "…", not allowed to widen the window; the tooltip has all.
        self.verdict_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note_button = QToolButton()
        self.note_button.setObjectName("note_button")
        self.note_button.setText("Note…  (N)")
        self.note_button.setToolTip(actions["note"].toolTip())
        self.note_button.clicked.connect(actions["note"].trigger)
        self.tag_box = QLineEdit()
        self.tag_box.setObjectName("tag_box")
        self.tag_box.setPlaceholderText("Add a tag (T)")
        self.tag_box.setMaximumWidth(160)
        self.tags = QHBoxLayout()
        self.tags.setSpacing(2)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(QLabel("Stage"))
        layout.addWidget(self.stage)
        layout.addSpacing(12)
        for button in self.buttons.values():
            layout.addWidget(button)
        layout.addWidget(self.reason)
        layout.addSpacing(8)
        layout.addWidget(self.verdict_label, 1)
        layout.addWidget(self.note_button)
        layout.addLayout(self.tags)
        layout.addWidget(self.tag_box)

        self.stage.activated.connect(self._on_stage_activated)
        self.reason.activated.connect(self._on_reason_activated)
        self.tag_box.returnPressed.connect(self._on_tag_box_return_pressed)

    # -- showing -----------------------------------------------------------------------------
    def set_stage(self, stage: str) -> None:
        self.stage.setCurrentIndex(max(0, self.stage.findData(stage)))

    def set_reasons(self, reasons: list[str]) -> None:
        self.reason.clear()
        self.reason.addItem("Reason…", None)
        for number, reason in enumerate(reasons, start=1):
            self.reason.addItem(f"{number}  {reason}" if number <= 9 else reason, reason)

    def set_tag_choices(self, tags: list[str]) -> None:
        completer = QCompleter(tags, self.tag_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_box.setCompleter(completer)

    def show_decisions(self, mine: DecisionView | None, others: list[DecisionView], *,
                       awaiting_reason: bool = False, set_aside: str | None = None, hidden: bool = False,
                       notice: str | None = None) -> None:
        """Show this reviewer's own decision at the stage (``mine``) beside the other reviewers' ones.

        The buttons and the reason are the reviewer's own: a colleague's exclusion is shown, never lit.
        """
        for name, button in self.buttons.items():
            button.setChecked(name == (mine.verdict if mine else None))
        mine_excluded = mine is not None and mine.verdict == "exclude"
        self.reason.setEnabled(mine_excluded or awaiting_reason)
        index = self.reason.findData(mine.reason) if mine_excluded and mine and mine.reason else 0
        self.reason.setCurrentIndex(max(0, index))
        if mine is not None:
            text = f"{VERDICT_WORDS.get(mine.verdict, mine.verdict)} by you"
            if mine.reason:
                text += f": {mine.reason}"
        elif others:
            text = "Not screened by you"
        else:
            text = "Not screened yet"
        for other in sorted(others, key=lambda d: d.reviewer.lower()):
            text += f" · {other.reviewer}: {other.verdict}" + (f" ({other.reason})" if other.reason else "")
        if mine is not None and any(other.verdict != mine.verdict for other in others):
            text += " — reviewers disagree"
        if hidden:
            text += " · blind: the other reviewers' verdicts show once both of you have decided"
        if set_aside:
            text = f"{set_aside} — not to be screened"
        if notice:
            text += f" · {notice}"
        state = "verdict_label"
        if awaiting_reason:
            text, state = "Excluded — pick a reason: 1–9", "verdict_awaiting"
        self._show_text(text, state)

    def show_refusal(self, reason: str) -> None:
        """A decision the review refused: say why, in place of the decision."""
        self._show_text(f"Not recorded: {reason}", "verdict_refused")

    def _show_text(self, text: str, state: str) -> None:
        self.verdict_label.setText(text)
        self.verdict_label.setToolTip(text)
        if self.verdict_label.objectName() != state:
            self.verdict_label.setObjectName(state)
            self.verdict_label.setStyleSheet(self.verdict_label.styleSheet())  # re-read the style for the new name

    def show_tags(self, tags: list[TagView]) -> None:
        """One chip per tag the reviewer may see; another reviewer's tag names who put it on."""
        while self.tags.count():
            item = self.tags.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for tag in tags:
            by = "" if tag.own or not tag.tagged_by else f" · {tag.tagged_by}"
            chip = QToolButton()
            chip.setText(f"{tag.name}{by}  ✕")
            chip.setObjectName("tag_chip")
            chip.setToolTip(f"Remove the tag {tag.name!r}" + (f" (put on by {tag.tagged_by})" if by else ""))
            chip.clicked.connect(lambda _checked=False, t=tag.name: self.tag_removed.emit(t))
            self.tags.addWidget(chip)

    def focus_tag_box(self) -> None:
        self.tag_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- slots -------------------------------------------------------------------------------
    def _on_stage_activated(self, _index: int) -> None:
        self.stage_changed.emit(self.stage.currentData())

    def _on_reason_activated(self, _index: int) -> None:
        reason = self.reason.currentData()
        if reason:
            self.reason_chosen.emit(reason)

    def _on_tag_box_return_pressed(self) -> None:
        tag = self.tag_box.text().strip()
        self.tag_box.clear()
        if tag:
            self.tag_added.emit(tag)
