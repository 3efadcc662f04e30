"""The relevance ranking in the desk: the list's order, retrained off the GUI thread after each decision.

The window creates this part once; it follows the window's review (opened, closing), the desk's
decisions (its history) and the list's stage. Each retrain runs on a thread of its own from a
:class:`ModelKeeper` kept per stage, so the records' features are built once and only the classifier
is refitted; a newer decision cancels the running retrain and starts another once it has stopped.
A finished ranking re-orders the list in place (the current record stays current, the form and
what is typed in it are left alone) and refreshes the stopping aids of :class:`RankingPanel`.

"Estimate what is left…" draws a random sample of the undecided records (kept in the review): its
records lead the list, whatever the order, until they are decided, and the estimate then comes from
them. The order the reviewer picks is kept per review and reviewer, so reopening the review keeps it.

In blind dual screening the order is learnt from this reviewer's own decisions only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QInputDialog, QStatusBar

from curator.ranking.list_order import choose_list_order, chosen_list_order
from curator.ranking.relevance import ModelKeeper, RankingCancelled, ReviewRanking, rank_undecided
from curator.ranking.remaining_sample import draw_sample
from curator.review.desk import next_unscreened
from ui.ranking_panel import RankingPanel
from ui.score_bar import ScoreBar
from ui.workers import BackgroundJob

if TYPE_CHECKING:
    from ui.curation_desk import CurationDesk
    from ui.record_list import RecordListPane
    from ui.record_list_model import RecordListModel
    from ui.review_files import ReviewFiles


class DeskWindow(Protocol):
    """What this part reads of the main window (a QMainWindow, its parent)."""

    record_list: RecordListPane
    files: ReviewFiles
    desk: CurationDesk | None
    model: RecordListModel | None
    review_opened: SignalInstance  # emitted once the window shows the review: its desk and model are set

    def statusBar(self) -> QStatusBar: ...  # noqa: N802


#: The sample size offered first: with none of 100 relevant, the share left is under 3.6% (95% upper bound).
DEFAULT_SAMPLE_SIZE = 100


@dataclass(frozen=True)
class Retrained:
    """What a retrain sends back: which request it answered, and the ranking or why there is none."""

    generation: int
    ranking: ReviewRanking | None
    error: str | None = None


class DeskRanking(QObject):
    """Owns the list's relevance order. Emits ``order_changed`` when a ranking was applied to the list."""

    order_changed = Signal()
    status_message = Signal(str, int)  # text, milliseconds

    def __init__(self, window: DeskWindow) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.record_list = window.record_list
        self.panel = RankingPanel()
        self.score_bar = ScoreBar(self.record_list.table)
        pane = self.record_list.layout()
        assert pane is not None
        pane.addWidget(self.panel)  # under the list and its counts
        self.desk: CurationDesk | None = None
        self.model: RecordListModel | None = None
        self.ranking: ReviewRanking | None = None
        self.chosen = "relevance"
        self._relevance_shown = False  # the list leads with the ranking (not only with a random sample)
        self._stage: str | None = None
        self._keepers: dict[tuple[str, str | None], ModelKeeper] = {}
        self._job: BackgroundJob | None = None
        self._running: int | None = None  # the request the running job answers
        self._generation = 0  # the latest request
        self._window = window
        window.review_opened.connect(self._on_window_review_opened)
        window.files.review_closing.connect(self._on_files_review_closing)
        window.files.records_imported.connect(self.retrain)
        self.panel.order_chosen.connect(self._on_panel_order_chosen)
        self.panel.sample_asked.connect(self._on_panel_sample_asked)
        self.record_list.table.horizontalHeader().sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.status_message.connect(window.statusBar().showMessage)

    # -- what the window asks ----------------------------------------------------------------
    @property
    def by_relevance(self) -> bool:
        """True while the list shows the relevance order (a model exists and the reviewer wants it)."""
        return self.model is not None and self.model.arranged and self._relevance_shown

    @property
    def busy(self) -> bool:
        """True while a retrain runs."""
        return self._job is not None

    def next_unscreened(self, ordered_ids: Iterable[int], unscreened: set[int], after: int | None) -> int | None:
        """The record "next unscreened" goes to: by relevance the best one left (other than ``after``),
        else the next one after ``after`` in the list's order."""
        pending = self.ranking.sample_pending if self.ranking is not None else []
        sampled = next((i for i in pending if i in unscreened and i != after), None)
        if sampled is not None:  # the random sample first: it was asked for
            return sampled
        if not self.by_relevance:
            return next_unscreened(ordered_ids, unscreened, after)
        return next((i for i in ordered_ids if i in unscreened and i != after), None)

    def draw_sample(self, size: int) -> bool:
        """Draw ``size`` random undecided records to screen first, for the estimate of what is left."""
        if self.desk is None:
            return False
        reviewer = self.desk.reviewer if self.desk.blind else None
        try:
            sample = draw_sample(self.desk.review, size, self.desk.stage, reviewer, actor=self.desk.reviewer)
        except Exception as error:  # nothing undecided, a read-only review: said in the status bar
            self.status_message.emit(f"No sample drawn: {error}", 8000)
            return False
        self.status_message.emit(f"{len(sample.ids):,} random undecided records come first in the list: once they"
                                 " are decided, the panel estimates the relevant records left", 8000)
        self.retrain()
        return True

    def retrain(self) -> None:
        """Learn the order again from the decisions as they are now (off the GUI thread)."""
        if self.desk is None:
            return
        self._generation += 1
        if self._job is not None:
            self._job.cancel()  # superseded: the newest request starts once it has stopped
            return
        self._start()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the running retrain (if any) has finished (closing, tests)."""
        return self._job.wait(milliseconds) if self._job is not None else True

    # -- the background retrain --------------------------------------------------------------
    def _start(self) -> None:
        assert self.desk is not None
        review, stage, generation = self.desk.review, self.desk.stage, self._generation
        reviewer = self.desk.reviewer if self.desk.blind else None
        keeper = self._keepers.setdefault((stage, reviewer), ModelKeeper())

        def work(_progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Retrained:
            try:
                ranking = rank_undecided(review, stage, reviewer, estimate=True, keeper=keeper, cancelled=cancelled)
            except RankingCancelled:
                return Retrained(generation, None)
            except Exception as error:  # told in the status bar; the list keeps its order
                return Retrained(generation, None, f"{error}" or type(error).__name__)
            return Retrained(generation, ranking)

        self._job = BackgroundJob(work)
        self._running = generation
        self._job.succeeded.connect(self._on_job_succeeded)
        self.panel.show_busy(True)
        self._job.start()

    def _on_job_succeeded(self, result: Retrained) -> None:
        if result.generation != self._running or self._job is None:
            return  # a retrain stopped when its review closed
        self._job.wait()
        self._job, self._running = None, None
        if result.error:
            self.status_message.emit(f"The relevance ranking failed: {result.error}", 8000)
        if result.generation != self._generation and self.desk is not None:
            self._start()  # a newer decision came meanwhile
            return
        self.panel.show_busy(False)
        if result.ranking is not None and self.desk is not None and result.ranking.stage == self.desk.stage:
            self.show(result.ranking)

    def _stop(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job.wait()
        self._job, self._running = None, None

    # -- showing -----------------------------------------------------------------------------
    def show(self, ranking: ReviewRanking | None) -> None:
        """Order the list by ``ranking`` (when wanted and learnt), keeping the current record current."""
        self.ranking = ranking
        if self.model is None:
            return
        learnt = ranking is not None and ranking.trained_at is not None
        self._relevance_shown = relevance = self.chosen == "relevance" and learnt
        pending = list(ranking.sample_pending) if ranking is not None else []
        ranked = [r.id for r in ranking.records if r.id not in set(pending)] if relevance and ranking else []
        self.model.set_priority(pending + ranked if relevance or pending else None)
        self.score_bar.set_ranking(ranking.records if self.by_relevance and ranking else None)
        table = self.record_list.table
        table.viewport().update()
        if table.currentIndex().isValid():
            table.scrollTo(table.currentIndex())
        if ranking is None:
            self.panel.clear()
        else:
            eligible = len(ranking.screened) + len(ranking.records)
            self.panel.show_state(ranking, by_relevance=self.by_relevance, eligible=eligible)
        self.order_changed.emit()

    # -- slots -------------------------------------------------------------------------------
    def _on_window_review_opened(self, _path: str) -> None:
        self.desk, self.model = self._window.desk, self._window.model
        if self.desk is None or self.model is None:
            return
        self._keepers.clear()
        self._stage = self.desk.stage
        self.chosen = chosen_list_order(self.desk.review, self.desk.reviewer)
        self.panel.order.setCurrentIndex(self.panel.order.findData(self.chosen))
        self.record_list.table.setItemDelegateForColumn(0, self.score_bar)
        self.desk.history_changed.connect(self.retrain)
        self.model.ids_changed.connect(self._on_model_ids_changed)
        self.show(None)
        self.retrain()

    def _on_files_review_closing(self) -> None:
        self._stop()
        self.desk = self.model = self.ranking = None
        self.score_bar.set_ranking(None)
        self.panel.clear()

    def _on_model_ids_changed(self) -> None:
        if self.desk is not None and self.desk.stage != self._stage:  # a new stage: a ranking of its own
            self._stage = self.desk.stage
            self.show(None)
            self.retrain()

    def choose_order(self, order: str) -> None:
        """List by "relevance" (once a model exists) or in "import" order, as the panel's Order box does."""
        self.panel.order.setCurrentIndex(self.panel.order.findData(order))
        self._on_panel_order_chosen(order)

    def _on_panel_sample_asked(self) -> None:
        size, ok = QInputDialog.getInt(self.record_list, "Estimate what is left",
                                       "Undecided records to screen at random (they come first in the list):",
                                       DEFAULT_SAMPLE_SIZE, 1, 1_000_000)
        if ok:
            self.draw_sample(size)

    def _on_panel_order_chosen(self, order: str) -> None:
        self.chosen = order
        if self.desk is not None:
            choose_list_order(self.desk.review, self.desk.reviewer, order)
        if order == "relevance":  # a column sort would hide the relevance order: back to the list's own
            self.record_list.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        if self.ranking is not None:
            self.show(self.ranking)

    def _on_header_sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        if section >= 0 and self.chosen == "relevance":  # the reviewer sorted by a column instead
            self.chosen = "import"
            self.panel.order.setCurrentIndex(self.panel.order.findData("import"))
            if self.ranking is not None:
                self.show(self.ranking)
