"""The risk-of-bias tab of the desk: RoB 2 question by question, saved at once, undoable, blind, resolved by the lead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from curator.appraisal.appraisals import appraise, get_appraisal
from curator.appraisal.blind import appraisal_sight
from curator.review.screening_mode import set_lead_reviewer
from curator.store.database import open_review
from tests.appraisal.test_appraisals import ANSWERS
from tests.ui.seeding import seed_records
from tests.ui.windows import open_window
from ui.main_window import MainWindow
from ui.risk_of_bias import RiskOfBiasPanel


def _open(qtbot, path: Path, reviewer: str) -> MainWindow:
    window = open_window(qtbot, path, reviewer, create=False)
    window.sides.setCurrentWidget(window.sides.rob)
    return window


def _seed(path: Path) -> None:
    with open_review(path) as review:
        seed_records(review, 3)
        set_lead_reviewer(review, "carol", reviewer="carol")


def _answer(panel: RiskOfBiasPanel, question: str, answer: str | None) -> None:
    """Pick ``answer`` in the question's combo, as the reviewer does."""
    combo = panel.questions[question].answer
    index = combo.findData(answer)
    assert index >= 0 and combo.isEnabled() and panel.questions[question].isEnabled()
    combo.setCurrentIndex(index)


def _saved(window: MainWindow, reviewer: str | None = None):  # type: ignore[no-untyped-def]
    assert window.desk is not None and window.record is not None
    return get_appraisal(window.desk.review, window.record.id, reviewer or window.reviewer)


def test_answers_grey_the_skipped_questions_and_update_the_proposal(qtbot, review_path: Path) -> None:
    _seed(review_path)
    window = _open(qtbot, review_path, "alice")
    panel = window.sides.rob
    assert window.sides.tabText(1) == "Risk of bias" and panel.isVisible()
    assert not panel.questions["2.3"].isEnabled()  # waits for 2.1 and 2.2
    assert panel.questions["2.5"].answer.currentData() is None  # not NA while 2.3 is open
    assert "open" in panel.judgements["D1"].proposal.text()
    _answer(panel, "1.1", "Y")
    _answer(panel, "1.2", "PY")
    assert "open" in panel.judgements["D1"].proposal.text()
    _answer(panel, "1.3", "N")
    assert "Low" in panel.judgements["D1"].proposal.text()
    assert _saved(window).proposed["D1"] == "low"
    _answer(panel, "2.1", "N")
    _answer(panel, "2.2", "N")
    for skipped in ("2.3", "2.4", "2.5"):
        row = panel.questions[skipped]
        assert not row.isEnabled() and row.answer.currentData() == "NA"
    assert "open" in panel.judgements["D2"].proposal.text()  # 2.6 still to answer
    _answer(panel, "2.6", "N")
    assert panel.questions["2.7"].isEnabled()
    _answer(panel, "2.7", "Y")
    assert "High" in panel.judgements["D2"].proposal.text()
    _answer(panel, "2.1", "PY")  # now 2.3 is asked
    assert panel.questions["2.3"].isEnabled() and panel.questions["2.3"].answer.currentData() is None
    _answer(panel, "2.3", "NA")  # refused: the core's sentence, nothing kept
    assert panel.questions["2.3"].problem.text() == "question 2.3 applies given the other answers, so it cannot be NA"
    assert panel.questions["2.3"].answer.currentData() is None and "2.3" not in _saved(window).answers
    _answer(panel, "3.1", "Y")
    for question, answer in (("4.1", "N"), ("4.2", "N"), ("4.3", "N"), ("5.1", "Y"), ("5.2", "N"), ("5.3", "N")):
        _answer(panel, question, answer)
    assert "open" in panel.overall.proposal.text()  # D2 open again: 2.3 unanswered
    _answer(panel, "2.3", "N")
    assert "High" in panel.overall.proposal.text() and _saved(window).proposed["overall"] == "high"
    window.close()


def test_an_override_needs_a_written_reason_and_keeps_the_proposal(qtbot, review_path: Path) -> None:
    _seed(review_path)
    window = _open(qtbot, review_path, "alice")
    panel = window.sides.rob
    for question, answer in (("1.1", "Y"), ("1.2", "Y"), ("1.3", "N")):
        _answer(panel, question, answer)
    row = panel.judgements["D1"]
    row.override.setCurrentIndex(row.override.findData("high"))
    assert row.problem.isVisibleTo(panel) and row.problem.text() == "overriding D1 needs a written reason"
    assert _saved(window).overrides == {}
    qtbot.keyClicks(row.reason, "baseline imbalance in age")
    qtbot.keyClick(row.reason, Qt.Key.Key_Return)
    saved = _saved(window)
    assert saved.overrides["D1"]["judgement"] == "high" and saved.overrides["D1"]["reason"] == "baseline imbalance in age"
    assert saved.proposed["D1"] == "low"
    assert "proposed: <b>Low</b>" in row.proposal.text() and "stands: <b>High</b>" in row.proposal.text()
    assert not row.problem.isVisibleTo(panel)
    row.override.setCurrentIndex(row.override.findData("proposed"))
    assert _saved(window).overrides == {} and row.reason.text() == ""
    window.close()


def test_a_quote_taken_from_the_document_selection_is_saved_and_highlighted(qtbot, review_path: Path) -> None:
    _seed(review_path)
    window = _open(qtbot, review_path, "alice")
    text = window.document.text.toPlainText()
    quote = "University of Liverpool" if "University of Liverpool" in text else text.split("\n", 1)[0][:30]
    start = text.index(quote)
    cursor = QTextCursor(window.document.text.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(quote), QTextCursor.MoveMode.KeepAnchor)
    window.document.text.setTextCursor(cursor)
    row = window.sides.rob.questions["1.2"]
    qtbot.mouseClick(row.use_selection, Qt.MouseButton.LeftButton)
    saved = _saved(window)
    assert saved.support["1.2"] == {"text": quote, "evidence": [[start, start + len(quote)]]}
    assert row.quote.text() == quote
    assert window.document.evidence_selections() == [(start, start + len(quote))]
    window.document.text.setTextCursor(QTextCursor(window.document.text.document()))  # nothing selected
    qtbot.mouseClick(window.sides.rob.questions["1.3"].use_selection, Qt.MouseButton.LeftButton)
    assert "Select the words in the document first" in window.sides.rob.questions["1.3"].problem.text()
    assert "1.3" not in _saved(window).support
    window.close()


def test_undo_restores_an_answer(qtbot, review_path: Path) -> None:
    _seed(review_path)
    window = _open(qtbot, review_path, "alice")
    panel = window.sides.rob
    _answer(panel, "1.2", "Y")
    _answer(panel, "1.2", "PN")
    assert window.commands["undo"].text() == "Undo Answer 1.2"
    window.undo()
    assert _saved(window).answers == {"1.2": "Y"} and panel.questions["1.2"].answer.currentData() == "Y"
    window.undo()
    assert _saved(window).answers == {} and panel.questions["1.2"].answer.currentData() is None
    window.redo()
    assert _saved(window).answers == {"1.2": "Y"} and panel.questions["1.2"].answer.currentData() == "Y"
    window.close()


def test_a_second_reviewer_does_not_see_the_first_before_finishing_their_own(qtbot, review_path: Path) -> None:
    _seed(review_path)
    with open_review(review_path) as review:
        appraise(review, 1, reviewer="alice", answers=ANSWERS)
        appraise(review, 1, reviewer="bob", answers={q: a for q, a in ANSWERS.items() if q != "5.3"} | {"1.2": "N"})
    bob = _open(qtbot, review_path, "bob")
    bob.record_list.select_record(1)
    panel = bob.sides.rob
    assert "hidden" in panel.others.text() and "alice" not in panel.others.text()
    assert panel.resolutions == {} and panel.disputes_layout.count() == 0
    _answer(panel, "5.3", "N")  # bob's appraisal is complete: alice's is shown, and where they disagree
    assert "alice: D1 Low" in panel.others.text()
    assert panel.findChild(type(panel.others), "rob_dispute_D1") is not None
    assert panel.resolutions == {}  # only the lead resolves
    bob.close()


def _lead_on_a_dispute(qtbot, review_path: Path) -> MainWindow:
    """The lead carol's window on record 1, which alice and bob appraised differently (D1 and overall)."""
    _seed(review_path)
    with open_review(review_path) as review:
        appraise(review, 1, reviewer="alice", answers=ANSWERS)
        appraise(review, 1, reviewer="bob", answers=ANSWERS | {"1.2": "N"})
    carol = _open(qtbot, review_path, "carol")
    carol.record_list.select_record(1)
    return carol


def test_the_lead_resolves_a_disagreement(qtbot, review_path: Path) -> None:
    carol = _lead_on_a_dispute(qtbot, review_path)
    panel = carol.sides.rob
    assert set(panel.resolutions) == {"D1", "overall"}
    judgement, reason, button, problem = panel.resolutions["D1"]
    judgement.setCurrentIndex(judgement.findData("some concerns"))
    button.click()  # (laid out only when the event loop turns: a click, not a mouse press at its place)
    assert problem.text() == "resolving D1 needs a written reason"
    judgement, reason, button, _problem = panel.resolutions["D1"]
    qtbot.keyClicks(reason, "concealment is unclear, not absent")
    button.click()
    assert carol.desk is not None
    sight = appraisal_sight(carol.desk.review, 1, "carol")
    assert sight.resolutions["D1"].judgement == "some concerns" and sight.resolutions["D1"].resolved_by == "carol"
    label = panel.findChild(type(panel.others), "rob_dispute_D1")
    assert label is not None and "resolved by carol: Some concerns" in label.text()
    carol.close()


def test_the_leads_resolution_is_undone_and_redone(qtbot, review_path: Path) -> None:
    carol = _lead_on_a_dispute(qtbot, review_path)
    panel = carol.sides.rob
    judgement, reason, button, _problem = panel.resolutions["D1"]
    judgement.setCurrentIndex(judgement.findData("some concerns"))
    qtbot.keyClicks(reason, "concealment is unclear")
    button.click()
    assert carol.desk is not None
    assert appraisal_sight(carol.desk.review, 1, "carol").resolutions["D1"].judgement == "some concerns"
    assert carol.commands["undo"].text() == "Undo Resolve D1"
    carol.undo()
    assert "D1" not in appraisal_sight(carol.desk.review, 1, "carol").resolutions
    label = panel.findChild(type(panel.others), "rob_dispute_D1")
    assert label is not None and "not resolved" in label.text()
    carol.redo()
    assert appraisal_sight(carol.desk.review, 1, "carol").resolutions["D1"].reason == "concealment is unclear"
    carol.close()
