"""Blind dual screening in the desk: a reviewer sees only their own verdicts and notes until both decided."""

from __future__ import annotations

from pathlib import Path

from curator.review import records, screening
from curator.store.database import open_review
from tests.ui.seeding import screen_blind_in_pairs, seed_records
from tests.ui.windows import open_window
from ui.main_window import MainWindow


def test_a_blind_reviewer_sees_only_their_own_until_both_decided(qtbot, review_path: Path) -> None:
    with open_review(review_path) as review:
        seed_records(review, 3)
        screen_blind_in_pairs(review)
        screening.record_decision(review, 1, "exclude", reason="wrong population", reviewer="alice")
        records.add_note(review, 1, "alice thinks the population is wrong", reviewer="alice")
    bob = open_window(qtbot, review_path, "bob", create=False)
    assert bob.desk is not None and bob.desk.blind
    bob.record_list.select_record(1)
    label = bob.decision_bar.verdict_label.text()
    assert "alice" not in label and "blind" in label
    assert "alice thinks" not in bob.form.notes.text()
    assert bob.model is not None and bob.model.data(bob.model.index(0, 4)) in (None, "")  # alice's exclusion hidden
    conflict = bob.record_list.decision_filter.findData("conflict")
    assert not bob.record_list.decision_filter.model().item(conflict).isEnabled()  # type: ignore[attr-defined]
    assert bob.decide("include")
    bob.record_list.select_record(1)
    label = bob.decision_bar.verdict_label.text()
    assert "alice: exclude" in label and "disagree" in label  # both decided: shown, with who decided what
    assert "alice thinks" in bob.form.notes.text()
    bob.close()
    carol = open_window(qtbot, review_path, "carol", create=False)  # the lead sees everything
    assert carol.desk is not None and not carol.desk.blind
    carol.record_list.select_record(2)
    assert "blind" not in carol.decision_bar.verdict_label.text()
    carol.close()


def test_the_screening_mode_is_set_in_the_desk(qtbot, review_path: Path, monkeypatch) -> None:
    from curator.review.screening_mode import lead_reviewer, screening_modes
    from ui.dialogs import screening_mode

    with open_review(review_path) as review:
        seed_records(review, 2)
    window = open_window(qtbot, review_path, "alice", create=False)
    assert window.desk is not None and not window.desk.blind

    def answer(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.combos["title-abstract"].setCurrentIndex(dialog.combos["title-abstract"].findData("dual"))
        dialog.lead.setText("carol")
        return 1

    monkeypatch.setattr(screening_mode.ScreeningModeDialog, "exec", answer)
    window.commands["screening_mode"].trigger()
    assert window.desk is not None and window.desk.blind  # reopened under the new settings
    assert window.review is not None
    assert screening_modes(window.review) == {"title-abstract": "dual", "full-text": "single"}
    assert lead_reviewer(window.review) == "carol"
    window.close()


def _chips(window: MainWindow) -> list[str]:
    from PySide6.QtWidgets import QToolButton

    layout = window.decision_bar.tags
    widgets = (layout.itemAt(i).widget() for i in range(layout.count()))
    return [w.text() for w in widgets if isinstance(w, QToolButton)]


def test_other_reviewers_tags_wait_for_the_decision_then_show_who_tagged(qtbot, review_path: Path) -> None:
    with open_review(review_path) as review:
        seed_records(review, 2)
        screen_blind_in_pairs(review)
        screening.record_decision(review, 1, "include", reviewer="alice")
        records.add_tag(review, 1, "RCT", reviewer="alice")
        records.add_tag(review, 1, "check dose", reviewer="bob")
    bob = open_window(qtbot, review_path, "bob", create=False)
    bob.record_list.select_record(1)
    assert _chips(bob) == ["check dose  ✕"]  # his own tag, without alice's
    assert bob.model is not None and bob.model.data(bob.model.index(0, 5)) == "check dose"  # the list hides it too
    assert bob.decide("include")
    bob.record_list.select_record(1)
    assert _chips(bob) == ["RCT · alice  ✕", "check dose  ✕"]
    bob.close()
    carol = open_window(qtbot, review_path, "carol", create=False)  # the lead sees every tag and who put it on
    carol.record_list.select_record(1)
    assert _chips(carol) == ["RCT · alice  ✕", "check dose · bob  ✕"]
    carol.close()
