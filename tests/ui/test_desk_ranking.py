"""The desk's relevance order: learnt off the GUI thread after each decision, the list re-ordered in place,
and the stopping aids under the list."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from curator.ranking import relevance
from curator.review.screening import record_decision
from curator.store.database import open_review
from tests.conftest import add_records
from tests.ranking.synthetic import screening
from tests.ui.seeding import screen_blind_in_pairs
from tests.ui.windows import open_window
from ui import desk_ranking
from ui.main_window import MainWindow
from ui.ranking_panel import COLD_START

WAIT_MS = 30_000  # a generous bound for a retrain to come back; nothing is timed


@pytest.fixture
def synthetic_path(review_path: Path) -> tuple[Path, list[int], list[int]]:
    """60 records, 8 of them about nudging doctors (relevant), the others about farming; (path, relevant, other)."""
    relevant, other = [], []
    with open_review(review_path) as review:
        for row in screening(records=60, includes=8):
            (record_id,) = add_records(review, [row["title"]], fields={"abstract": row["abstract"]})
            (relevant if row["label"] == "1" else other).append(record_id)
    return review_path, relevant, other


def _open(qtbot, path: Path, reviewer: str = "tester") -> MainWindow:
    window = open_window(qtbot, path, reviewer, create=False)
    _settled(qtbot, window)
    return window


@pytest.fixture
def desk(qtbot, synthetic_path) -> Iterator[tuple[MainWindow, list[int], list[int]]]:
    path, relevant, other = synthetic_path
    window = _open(qtbot, path)
    yield window, relevant, other
    window.close()


def _settled(qtbot, window: MainWindow) -> None:
    """Wait until no retrain is running and its result has reached the list."""
    qtbot.waitUntil(lambda: not window.ranking.busy, timeout=WAIT_MS)


def _decide(window: MainWindow, record_id: int, verdict: str) -> None:
    """A decision on any record, the current one staying current (as a second desk's decision would)."""
    assert window.desk is not None
    reason = window.desk.reasons[0] if verdict == "exclude" else None
    assert window.desk.decide(record_id, verdict, reason) is not None


def test_import_order_until_an_include_and_an_exclude_then_by_relevance(qtbot, desk) -> None:
    window, relevant, other = desk
    assert window.model is not None and window.model.ids() == sorted(relevant + other)
    assert not window.ranking.by_relevance and window.ranking.panel.order_note.text() == COLD_START
    _decide(window, relevant[0], "include")
    _settled(qtbot, window)
    assert not window.ranking.by_relevance and window.ranking.panel.order_note.text() == COLD_START
    _decide(window, other[0], "exclude")
    _settled(qtbot, window)
    assert window.ranking.by_relevance
    assert "Likeliest includes first" in window.ranking.panel.order_note.text()
    ids = window.model.ids()
    assert set(ids[:7]) == set(relevant[1:])  # the likely includes first
    assert sorted(ids) == sorted(relevant + other)  # nothing hidden: the decided ones follow
    top = window.ranking.score_bar.score_of(ids[0])
    assert top is not None and top[0] == 1 and top[2] == 1.0
    assert window.ranking.score_bar.score_of(relevant[0]) is None  # decided: no bar
    window.ranking.choose_order("import")  # switchable
    assert window.model.ids() == sorted(relevant + other) and not window.ranking.by_relevance
    window.ranking.choose_order("relevance")
    assert set(window.model.ids()[:7]) == set(relevant[1:])


def test_the_current_record_and_what_is_typed_stay_when_the_list_reorders(qtbot, desk) -> None:
    window, relevant, other = desk
    assert window.model is not None
    current = other[-1]
    assert window.record_list.select_record(current)
    before = window.model.row_of(current)
    sponsor = window.form.rows["sponsor"].editor.line  # type: ignore[attr-defined]
    sponsor.setFocus()
    qtbot.keyClicks(sponsor, "Acme half typed")
    moves: list[int] = []
    window.record_list.current_record_changed.connect(moves.append)
    _decide(window, relevant[0], "include")
    _decide(window, other[0], "exclude")
    _settled(qtbot, window)
    assert window.ranking.by_relevance and window.model.row_of(current) != before  # the list did move
    assert moves == []
    assert window.record_list.current_record_id() == current and window.record is not None
    assert window.record.id == current
    assert sponsor.text() == "Acme half typed" and QApplication.focusWidget() is sponsor


def test_next_unscreened_follows_the_relevance_order(qtbot, desk) -> None:
    window, relevant, other = desk
    assert window.model is not None
    _decide(window, relevant[0], "include")
    _decide(window, other[0], "exclude")
    _settled(qtbot, window)
    best = window.model.ids()[0]
    assert window.record_list.select_record(other[-1])  # somewhere down the list
    assert window.decide("exclude", window.desk.reasons[0] if window.desk else None)
    assert window.record is not None and window.record.id == best  # the best left, not the next in import order
    _settled(qtbot, window)
    assert window.record.id == best and window.record_list.current_record_id() == best


def test_the_stopping_aids_count_excludes_in_a_row_and_estimate_what_is_left(qtbot, desk) -> None:
    window, relevant, other = desk
    panel = window.ranking.panel
    _decide(window, other[0], "exclude")
    _decide(window, relevant[0], "include")
    for record_id in other[1:4]:
        _decide(window, record_id, "exclude")
    _settled(qtbot, window)
    assert panel.streak.text() == "Excluded in a row since the last include: 3"
    assert (panel.chart.found, panel.chart.screened) == (1, 5)
    assert "not estimated" in panel.estimate.text() and "needs 5" in panel.estimate.text()
    for record_id in relevant[1:5]:
        _decide(window, record_id, "include")
    for record_id in other[4:10]:
        _decide(window, record_id, "exclude")
    _settled(qtbot, window)
    assert panel.streak.text() == "Excluded in a row since the last include: 6"
    assert (panel.chart.found, panel.chart.screened) == (5, 15)
    assert "about" in panel.estimate.text() and "rough estimate" in panel.estimate.text()
    assert panel.estimate.toolTip() == relevance.ESTIMATE_METHOD


def test_the_retrain_runs_off_the_gui_thread(qtbot, desk, monkeypatch: pytest.MonkeyPatch) -> None:
    window, relevant, other = desk
    threads: list[bool] = []
    real = desk_ranking.rank_undecided

    def spying(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(desk_ranking, "rank_undecided", spying)
    _decide(window, relevant[0], "include")
    assert window.ranking.busy  # the decision returned while its retrain still runs
    _decide(window, other[0], "exclude")
    _settled(qtbot, window)
    assert threads and not any(threads)
    assert window.ranking.by_relevance


def test_a_newer_decision_cancels_the_running_retrain(qtbot, desk, monkeypatch: pytest.MonkeyPatch) -> None:
    window, relevant, other = desk
    gate = threading.Event()
    seen: list[bool] = []  # whether each retrain had been cancelled when it began
    real = desk_ranking.rank_undecided

    def held(review, stage, reviewer, **kwargs):  # type: ignore[no-untyped-def]
        if not seen:
            gate.wait(WAIT_MS / 1000)  # the first retrain is still running when the next decision comes
        seen.append(kwargs["cancelled"]())
        return real(review, stage, reviewer, **kwargs)

    monkeypatch.setattr(desk_ranking, "rank_undecided", held)
    _decide(window, relevant[0], "include")
    _decide(window, other[0], "exclude")
    _decide(window, other[1], "exclude")
    gate.set()
    _settled(qtbot, window)
    assert seen == [True, False]  # the first superseded, one more for the latest decision
    assert window.ranking.ranking is not None and window.ranking.ranking.trained_on == {"include": 1, "exclude": 2}


def test_blind_dual_learns_from_the_reviewers_own_decisions(qtbot, synthetic_path) -> None:
    path, relevant, other = synthetic_path
    with open_review(path) as review:
        screen_blind_in_pairs(review)
        record_decision(review, relevant[0], "include", reviewer="alice")
        record_decision(review, other[0], "exclude", reviewer="alice")
    bob = _open(qtbot, path, "bob")
    assert bob.desk is not None and bob.desk.blind and bob.ranking.ranking is not None
    assert bob.ranking.ranking.reviewer == "bob" and not bob.ranking.by_relevance  # alice's decisions teach bob nothing
    _decide(bob, relevant[1], "include")
    _decide(bob, other[1], "exclude")
    _settled(qtbot, bob)
    assert bob.ranking.by_relevance and bob.ranking.ranking.trained_on == {"include": 1, "exclude": 1}
    assert "your own decisions" in bob.ranking.panel.order_note.text()
    assert bob.model is not None
    assert set(bob.model.ids()[:7]) == set(relevant) - {relevant[1]}  # alice's include is still undecided for bob
    bob.close()


def test_a_random_sample_leads_the_list_and_then_estimates_what_is_left(qtbot, desk, monkeypatch) -> None:
    window, relevant, other = desk
    _decide(window, relevant[0], "include")
    _decide(window, other[0], "exclude")
    _settled(qtbot, window)
    panel = window.ranking.panel
    assert panel.estimate_button.isEnabled()
    monkeypatch.setattr(desk_ranking.QInputDialog, "getInt", lambda *args: (6, True))
    panel.estimate_button.click()
    _settled(qtbot, window)
    assert window.model is not None and window.ranking.ranking is not None
    sample = window.ranking.ranking.sample_pending
    assert len(sample) == 6 and window.model.ids()[:6] == sample  # the sample first, whatever its relevance
    assert "0 of the 6" in panel.estimate.text()
    assert window.desk is not None
    assert window.ranking.next_unscreened(window.model.ids(), window.desk.unscreened, None) == sample[0]
    window.ranking.choose_order("import")
    assert window.model.ids()[:6] == sample and not window.ranking.by_relevance  # in import order too
    for record_id in sample:
        _decide(window, record_id, "include" if record_id in relevant else "exclude")
    _settled(qtbot, window)
    included = len(set(sample) & set(relevant))
    assert window.ranking.ranking.sample_pending == []
    assert f"random sample of 6: {included} included" in panel.estimate.text()
    assert "95% interval" in panel.estimate.text() and "Clopper-Pearson" in panel.estimate.toolTip()
    assert window.model.ids() == sorted(relevant + other)  # import order again, nothing hidden


def test_the_chosen_order_is_kept_per_review_and_reviewer(qtbot, synthetic_path) -> None:
    path, relevant, other = synthetic_path
    with open_review(path) as review:
        record_decision(review, relevant[0], "include", reviewer="ann")
        record_decision(review, other[0], "exclude", reviewer="ann")
    ann = _open(qtbot, path, "ann")
    assert ann.ranking.by_relevance
    ann.ranking.panel.order.setCurrentIndex(ann.ranking.panel.order.findData("import"))
    ann.ranking.panel.order.activated.emit(ann.ranking.panel.order.currentIndex())  # as the reviewer picks it
    assert not ann.ranking.by_relevance
    ann.close()
    ann = _open(qtbot, path, "ann")
    assert ann.ranking.panel.chosen_order() == "import" and not ann.ranking.by_relevance
    assert ann.model is not None and ann.model.ids() == sorted(relevant + other)
    bob = _open(qtbot, path, "bob")  # another reviewer's choice is their own
    assert bob.ranking.panel.chosen_order() == "relevance" and bob.ranking.by_relevance
    bob.close()
    ann.ranking.choose_order("relevance")
    ann.close()
    ann = _open(qtbot, path, "ann")
    assert ann.ranking.by_relevance
    ann.close()


def test_the_estimate_of_what_is_left_is_shown_in_whole_records() -> None:
    from ui.ranking_panel import estimate_text

    line, tooltip = estimate_text({"value": 456.7, "method": "sum of the inclusion probabilities"})
    assert line == "Relevant still undecided: about 457 (the ranking's rough estimate)"
    assert tooltip == "sum of the inclusion probabilities"  # the method, named in full where the line points
    line, _ = estimate_text({"value": 1234.4, "interval": [980.2, 1520.6], "method": "random sample of 100: 6 included",
                             "interval_method": "Clopper-Pearson"})
    assert line.startswith("Relevant still undecided: about 1,234, 95% interval 980 to 1,521")
