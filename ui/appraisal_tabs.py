"""The right pane of the desk: the record's form and its risk-of-bias appraisal, as tabs.

The risk-of-bias tab is there for every record, not only those included at full text: the core
lets a record be appraised at any time (the PRISMA checks name appraised records that are not
included), and a team often appraises while the full texts are still being screened.

Every change is saved at once through :func:`curator.appraisal.appraisals.appraise` for the
desk's reviewer, as one undoable step ("Answer 1.2", "Quote 1.2", "Override D1"); a refused
value is shown with the core's sentence and the tab shows what the core holds again. The window
hands this pane the record it shows (:meth:`show_record`) and a way to read the desk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabWidget, QWidget

from curator.appraisal.appraisals import (
    KEEP_PROPOSAL,
    AppraisalChange,
    AppraisalView,
    appraise,
    resolve,
    restore_resolution,
)
from curator.appraisal.blind import AppraisalSight, appraisal_sight
from curator.review.undo import Step
from ui.document_view import DocumentView
from ui.risk_of_bias import RiskOfBiasPanel

if TYPE_CHECKING:
    from ui.curation_desk import CurationDesk


def evidence_key(question_id: str) -> str:
    """Where a support quote's evidence is kept in the document pane (``rob2 1.2``)."""
    return f"rob2 {question_id}"


class AppraisalTabs(QTabWidget):
    """Tabs "Form" and "Risk of bias"; saves what the risk-of-bias panel reports."""

    def __init__(self, form: QWidget, document: DocumentView, desk: Callable[[], CurationDesk | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appraisal_tabs")
        self.document = document
        self._desk = desk
        self.rob = RiskOfBiasPanel()
        self.addTab(form, "Form")
        self.addTab(self.rob, "Risk of bias")
        self.record_id: int | None = None
        self.sight: AppraisalSight | None = None
        self.rob.answer_chosen.connect(self._on_rob_answer_chosen)
        self.rob.quote_entered.connect(self._on_rob_quote_entered)
        self.rob.selection_requested.connect(self._on_rob_selection_requested)
        self.rob.quote_focused.connect(self._on_rob_quote_focused)
        self.rob.override_chosen.connect(self._on_rob_override_chosen)
        self.rob.resolution_chosen.connect(self._on_rob_resolution_chosen)

    # -- what is shown ---------------------------------------------------------------------------
    def show_record(self, record_id: int) -> None:
        """Show the appraisal of the record the desk now shows (after a move, an undo, a redo)."""
        self.record_id = record_id
        self._show()

    def clear(self) -> None:
        """No review is open: nothing to appraise."""
        self.record_id = self.sight = None
        self.rob.clear()

    def _show(self) -> None:
        desk = self._desk()
        if desk is None or self.record_id is None:
            self.clear()
            return
        self.sight = appraisal_sight(desk.review, self.record_id, desk.reviewer)
        self.rob.show_sight(self.sight, editable=not desk.read_only)

    def _own(self) -> AppraisalView | None:
        return self.sight.own if self.sight is not None else None

    # -- saving ----------------------------------------------------------------------------------
    def _save(self, name: str, where: str, put: Callable[[Any], AppraisalChange], new: Any, old: Any, *,
              keep_on_refusal: bool = False) -> bool:
        """Save ``put(new)`` as the undoable step ``name``; on a refusal show the core's sentence at ``where``."""
        desk, record_id = self._desk(), self.record_id
        if desk is None or record_id is None:
            return False

        def change() -> AppraisalChange:
            result = put(new)
            if result.changed:
                desk.history.record_step(Step(name, record_id, undo_change=lambda: put(old),
                                              redo_change=lambda: put(new), key=f"rob2.{where}"))
            return result

        try:
            desk.save(change)
        except (ValueError, LookupError) as error:
            if not keep_on_refusal:  # the tab shows again what is saved (the refused answer is not kept)
                self._show()
            self.rob.show_problem(where, str(error))
            return False
        self._show()
        return True

    def _putter(self, kind: str, key: str) -> Callable[[Any], AppraisalChange]:
        """Saves one value of this record's appraisal: ``kind`` is answers, support or overrides."""
        desk, record_id = self._desk(), self.record_id
        assert desk is not None and record_id is not None
        def put(value: Any) -> AppraisalChange:
            given: dict[str, Any] = {kind: {key: value}}
            return appraise(desk.review, record_id, reviewer=desk.reviewer, **given)

        return put

    def _on_rob_answer_chosen(self, question: str, answer: str | None) -> None:
        own = self._own()
        old = own.answers.get(question) if own else None
        self._save(f"Answer {question}", question, self._putter("answers", question), answer, old)

    def _on_rob_quote_entered(self, question: str, quote: str) -> bool:
        own = self._own()
        old = own.support.get(question, {}).get("text", "") if own else ""
        if quote == old:
            return False
        saved = self._save(f"Quote {question}", question, self._putter("support", question), quote, old)
        if saved:
            self._on_rob_quote_focused(question)
        return saved

    def _on_rob_selection_requested(self, question: str) -> None:
        selected = self.document.text.textCursor().selectedText().replace("\u2029", "\n").strip()
        if not selected:
            self.rob.show_problem(question, "Select the words in the document first, then press Use selected text.")
            return
        self._on_rob_quote_entered(question, selected)

    def _on_rob_quote_focused(self, question: str) -> None:
        own = self._own()
        spans = own.support.get(question, {}).get("evidence", []) if own else []
        self.document.add_evidence(evidence_key(question), spans)
        self.document.highlight_evidence(evidence_key(question))

    def _on_rob_override_chosen(self, part: str, judgement: str, reason: str) -> None:
        own = self._own()
        kept = own.overrides.get(part) if own else None
        old = (kept["judgement"], kept["reason"]) if kept else (KEEP_PROPOSAL, "")
        self._save(f"Override {part}", part, self._putter("overrides", part), (judgement, reason), old,
                   keep_on_refusal=True)

    def _on_rob_resolution_chosen(self, part: str, judgement: str, reason: str) -> None:
        """The lead settles a disputed domain (kept in the audit log; a new resolution replaces it)."""
        desk, record_id = self._desk(), self.record_id
        if desk is None or record_id is None:
            return
        earlier = self.sight.resolutions.get(part) if self.sight is not None else None

        def settle() -> None:
            resolve(desk.review, record_id, part, judgement, reason=reason, reviewer=desk.reviewer)
            desk.history.record_step(Step(
                f"Resolve {part}", record_id, key=f"rob2.resolve {part}",
                undo_change=lambda: restore_resolution(desk.review, record_id, part, earlier, reviewer=desk.reviewer),
                redo_change=lambda: resolve(desk.review, record_id, part, judgement, reason=reason,
                                            reviewer=desk.reviewer)))

        try:
            desk.save(settle)
        except (ValueError, LookupError) as error:
            self.rob.show_problem(f"resolve {part}", str(error))
            return
        self._show()
