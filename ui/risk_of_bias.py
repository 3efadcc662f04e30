"""The risk-of-bias tab: RoB 2's five domains question by question, the proposals live, overrides and quotes.

The panel only shows and asks; :mod:`ui.appraisal_tabs` saves what it reports (by signals) and
hands it back what the core then holds (:class:`curator.appraisal.blind.AppraisalSight`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator.appraisal import rob2
from curator.appraisal.appraisals import KEEP_PROPOSAL, PARTS, AppraisalView
from curator.appraisal.blind import AppraisalSight

WORDS = {rob2.LOW: "Low", rob2.SOME: "Some concerns", rob2.HIGH: "High"}
COLOURS = {rob2.LOW: "#c8ecc9", rob2.SOME: "#ffe9a6", rob2.HIGH: "#f7c6c2"}
NO_ANSWER = "—"


def judgement_text(judgement: str | None) -> str:
    return WORDS.get(judgement or "", "open")


def short_name(domain: str) -> str:
    """"Randomization process" for "Risk of bias arising from the randomization process"."""
    name = rob2.DOMAIN_NAMES[domain].split(" (")[0]
    for prefix in ("Risk of bias arising from the ", "Risk of bias due to ", "Risk of bias in "):
        name = name.removeprefix(prefix)
    return name[:1].upper() + name[1:]


def allowed_answers(question: rob2.Question) -> list[str]:
    """The answers the question's combo offers, in RoB 2's order (NA only where the branching may skip it)."""
    return [a for a in rob2.ANSWERS if a in question.allows or (a == "NA" and question.may_be_not_applicable)]


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("field_problem")
    label.setWordWrap(True)
    label.hide()
    return label


def _show_problem(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


class QuoteLine(QLineEdit):
    """A support quote; reports when it takes the focus (the document then highlights the quote)."""

    focused = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focused.emit()


class QuestionRow(QWidget):
    """One signalling question: its words, the answer, the support quote and "Use selected text"."""

    def __init__(self, question: rob2.Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.words = QLabel(f"<b>{question.id}</b> {question.text}")
        self.words.setWordWrap(True)
        self.answer = QComboBox()
        self.answer.setObjectName(f"rob_answer_{question.id}")
        self.answer.addItem(NO_ANSWER, None)
        for answer in allowed_answers(question):
            self.answer.addItem(answer, answer)
        self.quote = QuoteLine()
        self.quote.setObjectName(f"rob_quote_{question.id}")
        self.quote.setPlaceholderText("Support: a quote from the document")
        self.use_selection = QToolButton()
        self.use_selection.setText("Use selected text")
        self.use_selection.setToolTip("Take the text selected in the document as this answer's support")
        self.problem = _problem_label()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.answer)
        line.addWidget(self.quote, 1)
        line.addWidget(self.use_selection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.words)
        layout.addLayout(line)
        layout.addWidget(self.problem)

    def show_answer(self, answer: str | None, quote: str, *, asked: bool, editable: bool) -> None:
        """Show the answer that counts (NA where skipped); a question the branching skips is greyed."""
        index = self.answer.findData(answer)
        self.answer.setCurrentIndex(max(index, 0))
        if self.quote.text() != quote:
            self.quote.setText(quote)
        self.setEnabled(asked)
        for widget in (self.answer, self.quote, self.use_selection):
            widget.setEnabled(editable)
        self.setToolTip("" if asked else "Not asked, given the answers so far")
        _show_problem(self.problem, None)


class JudgementRow(QWidget):
    """A domain's (or the overall) proposed judgement, and the reviewer's override with its reason."""

    def __init__(self, part: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part = part
        self.proposal = QLabel()
        self.proposal.setObjectName(f"rob_proposal_{part}")
        self.override = QComboBox()
        self.override.setObjectName(f"rob_override_{part}")
        self.override.addItem("Keep the proposal", KEEP_PROPOSAL)
        for judgement in rob2.JUDGEMENTS:
            self.override.addItem(f"Override: {WORDS[judgement]}", judgement)
        self.reason = QLineEdit()
        self.reason.setObjectName(f"rob_reason_{part}")
        self.reason.setPlaceholderText("Why (a written reason is needed to override)")
        self.problem = _problem_label()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.proposal, 0, 0)
        layout.addWidget(self.override, 0, 1)
        layout.addWidget(self.reason, 1, 0, 1, 2)
        layout.addWidget(self.problem, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    def show_judgement(self, proposed: str | None, override: dict[str, str] | None, *, editable: bool) -> None:
        name = "Overall" if self.part == rob2.OVERALL else self.part
        standing = override["judgement"] if override else proposed
        self.proposal.setText(f"{name} proposed: <b>{judgement_text(proposed)}</b>"
                              + (f" · stands: <b>{judgement_text(standing)}</b>" if override else ""))
        colour = COLOURS.get(standing or "")
        self.proposal.setStyleSheet(f"background: {colour}; padding: 2px;" if colour else "padding: 2px;")
        self.override.setCurrentIndex(max(self.override.findData(override["judgement"] if override
                                                                   else KEEP_PROPOSAL), 0))
        self.reason.setText(override["reason"] if override else "")
        self.override.setEnabled(editable)
        self.reason.setEnabled(editable)
        _show_problem(self.problem, None)


class RiskOfBiasPanel(QScrollArea):
    """The tab's contents. Reports what the reviewer does; shows an :class:`AppraisalSight`."""

    answer_chosen = Signal(str, object)  # question id, answer (None: no answer)
    quote_entered = Signal(str, str)  # question id, quote ("" removes it)
    selection_requested = Signal(str)  # question id: "Use selected text" was pressed
    quote_focused = Signal(str)  # question id
    override_chosen = Signal(str, str, str)  # part, judgement (or "proposed"), reason
    resolution_chosen = Signal(str, str, str)  # part, judgement, reason (the lead)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("risk_of_bias")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 6, 10, 6)
        intro = QLabel("RoB 2 (individually randomised trials, effect of assignment). Every answer is saved at "
                       "once; the tool proposes each domain's judgement as the answers come in.")
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.overall = JudgementRow(rob2.OVERALL)
        column.addWidget(self.overall)
        self.questions: dict[str, QuestionRow] = {}
        self.judgements: dict[str, JudgementRow] = {rob2.OVERALL: self.overall}
        for domain in rob2.DOMAINS:
            box = QGroupBox(f"{domain}: {short_name(domain)}")  # a group box is never narrower than its title
            box.setObjectName(f"rob_domain_{domain}")
            box.setToolTip(rob2.DOMAIN_NAMES[domain])
            layout = QVBoxLayout(box)
            for question in (q for q in rob2.QUESTIONS if q.domain == domain):
                row = self.questions[question.id] = QuestionRow(question)
                layout.addWidget(row)
                self._connect_question(row)
            self.judgements[domain] = JudgementRow(domain)
            layout.addWidget(self.judgements[domain])
            column.addWidget(box)
        for judgement_row in self.judgements.values():
            self._connect_judgement(judgement_row)
        others_box = QGroupBox("Other reviewers")
        others_layout = QVBoxLayout(others_box)
        self.others = QLabel()
        self.others.setObjectName("rob_others")
        self.others.setWordWrap(True)
        others_layout.addWidget(self.others)
        self.disputes = QWidget()
        self.disputes_layout = QVBoxLayout(self.disputes)
        self.disputes_layout.setContentsMargins(0, 0, 0, 0)
        others_layout.addWidget(self.disputes)
        column.addWidget(others_box)
        column.addStretch(1)
        self.setWidget(body)
        self.resolutions: dict[str, tuple[QComboBox, QLineEdit, QPushButton, QLabel]] = {}
        self._showing = False
        self.setEnabled(False)

    # -- what the reviewer does ----------------------------------------------------------------
    def _connect_question(self, row: QuestionRow) -> None:
        qid = row.question.id
        row.answer.currentIndexChanged.connect(
            lambda _i, r=row: None if self._showing else self.answer_chosen.emit(qid, r.answer.currentData()))
        row.quote.editingFinished.connect(lambda r=row: self._on_quote_editing_finished(r))
        row.quote.focused.connect(lambda: self.quote_focused.emit(qid))
        row.use_selection.clicked.connect(lambda _checked=False: self.selection_requested.emit(qid))

    def _on_quote_editing_finished(self, row: QuestionRow) -> None:
        if not self._showing and row.quote.isModified():
            row.quote.setModified(False)
            self.quote_entered.emit(row.question.id, row.quote.text().strip())

    def _connect_judgement(self, row: JudgementRow) -> None:
        row.override.currentIndexChanged.connect(lambda _i, r=row: self._on_override_changed(r, typed=False))
        row.reason.editingFinished.connect(lambda r=row: self._on_override_changed(r, typed=True))

    def _on_override_changed(self, row: JudgementRow, *, typed: bool) -> None:
        judgement = row.override.currentData()
        if self._showing or (typed and (judgement == KEEP_PROPOSAL or not row.reason.isModified())):
            return
        row.reason.setModified(False)
        self.override_chosen.emit(row.part, judgement, row.reason.text().strip())

    # -- what the core holds ---------------------------------------------------------------------
    def show_sight(self, sight: AppraisalSight, *, editable: bool) -> None:
        """Show the reviewer's own appraisal, and the others' as far as they may see them."""
        own = sight.own
        answers = own.answers if own else {}
        counted = rob2.effective_answers(answers)
        proposed = own.proposed if own and own.proposed else rob2.propose(answers)
        self._showing = True
        try:
            for qid, row in self.questions.items():
                asked = rob2.is_asked(qid, answers)
                quote = own.support.get(qid, {}).get("text", "") if own else ""
                row.show_answer(answers.get(qid) if asked else counted.get(qid), quote, asked=asked,
                                editable=editable)
            for part, judgement_row in self.judgements.items():
                judgement_row.show_judgement(proposed.get(part), own.overrides.get(part) if own else None,
                                             editable=editable)
            self._show_others(sight, editable=editable)
        finally:
            self._showing = False
        self.setEnabled(True)

    def _show_others(self, sight: AppraisalSight, *, editable: bool) -> None:
        if sight.hidden:
            self.others.setText("Another reviewer has appraised this record: their appraisal stays hidden until "
                                "yours is complete (blind appraisal).")
        elif not sight.others:
            self.others.setText("No other reviewer has appraised this record.")
        else:
            self.others.setText("\n".join(_summary(a) for a in sight.others))
        while self.disputes_layout.count():
            item = self.disputes_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.setParent(None)  # out of the pane at once (findChild, screenshots), deleted later
                widget.deleteLater()
        self.resolutions = {}
        for part in (p for p in PARTS if p in sight.disagreements):
            said = ", ".join(f"{who}: {judgement_text(j)}" for who, j in sight.disagreements[part].items())
            resolution = sight.resolutions.get(part)
            settled = (f" — resolved by {resolution.resolved_by}: {judgement_text(resolution.judgement)} "
                       f"({resolution.reason})") if resolution else " — not resolved"
            label = QLabel(f"<b>{'Overall' if part == rob2.OVERALL else part}</b> disagree ({said}){settled}")
            label.setObjectName(f"rob_dispute_{part}")
            label.setWordWrap(True)
            self.disputes_layout.addWidget(label)
            if sight.lead:
                self._add_resolver(part, editable=editable)
        if sight.disagreements and not sight.lead:
            self.disputes_layout.addWidget(QLabel("The lead resolves the disagreements."))

    def _add_resolver(self, part: str, *, editable: bool) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        judgement = QComboBox()
        for value in rob2.JUDGEMENTS:
            judgement.addItem(WORDS[value], value)
        reason = QLineEdit()
        reason.setPlaceholderText("Reason for the resolution")
        button = QPushButton("Resolve")
        button.setObjectName(f"rob_resolve_{part}")
        problem = _problem_label()
        for widget in (judgement, reason, button):
            layout.addWidget(widget, 1 if widget is reason else 0)
            widget.setEnabled(editable)
        button.clicked.connect(lambda _checked=False: self.resolution_chosen.emit(
            part, judgement.currentData(), reason.text().strip()))
        self.disputes_layout.addWidget(row)
        self.disputes_layout.addWidget(problem)
        self.resolutions[part] = (judgement, reason, button, problem)

    def show_problem(self, where: str, message: str) -> None:
        """The core refused a change: its sentence under the question, the judgement or the resolution."""
        if where.startswith("resolve "):
            _show_problem(self.resolutions[where.removeprefix("resolve ")][3], message)
        elif where in self.questions:
            _show_problem(self.questions[where].problem, message)
        else:
            _show_problem(self.judgements[where].problem, message)

    def clear(self) -> None:
        self.show_sight(AppraisalSight(0, "", None, (), False, False, {}, {}), editable=False)
        self.others.clear()
        self.setEnabled(False)


def _summary(appraisal: AppraisalView) -> str:
    parts = " · ".join(f"{'overall' if p == rob2.OVERALL else p} {judgement_text(appraisal.judgement(p))}"
                       for p in PARTS)
    return f"{appraisal.reviewer}: {parts}"
