"""Screening > Conflicts (Ctrl+Shift+C): the records the reviewers disagree on, in a tab beside the record list.

The tab lists the stage's conflicts with each reviewer's verdict and reason, and once resolved who
resolved it and how. Choosing a row shows the record's document and form in the desk, side by side
with the list; the lead resolves it there (the resolution is a decision: Ctrl+Z undoes it and the row
comes back). Blind dual screening hides it all from a reviewer who is not the lead: they read a
sentence saying the lead resolves. The list follows the desk's decisions, its undo and redo, and
others' decisions arriving on a server review; it is read only while the tab is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QTabBar, QTabWidget

from ui.conflicts_view import ConflictsView

if TYPE_CHECKING:
    from curator.review.records import RecordView
    from ui.actions import Actions
    from ui.curation_desk import CurationDesk
    from ui.live_refresh import LiveRefresh
    from ui.record_form import RecordForm
    from ui.record_list import RecordListPane
    from ui.review_files import ReviewFiles
    from ui.settle_commands import SettleCommands


class ConflictsWindow(Protocol):
    """What this part uses of the main window (a QMainWindow, its parent)."""

    desk: CurationDesk | None
    record: RecordView | None
    record_list: RecordListPane
    commands: Actions
    settle: SettleCommands
    live: LiveRefresh
    files: ReviewFiles
    form: RecordForm
    review_opened: SignalInstance
    record_shown: SignalInstance

    def show_record(self, record_id: int) -> None: ...


class Conflicts(QObject):
    """Owns the tabs of the left pane (``tabs``: the record list, and Conflicts while it is open)."""

    def __init__(self, window: ConflictsWindow) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.window = window
        self.view = ConflictsView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("list_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)  # the record list alone: no tab bar
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(window.record_list, "Records")
        for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
            self.tabs.tabBar().setTabButton(0, side, None)  # the record list stays
        self.loaded = False  # the list holds the open review's conflicts at the desk's stage
        self.tabs.tabCloseRequested.connect(self._on_tabs_tab_close_requested)
        window.commands["conflicts"].triggered.connect(self.toggle)
        window.commands["back_to_list"].triggered.connect(self._on_back_to_list)
        window.review_opened.connect(self._on_window_review_opened)
        window.files.review_closed.connect(self._on_files_review_closed)
        window.record_shown.connect(self._on_window_record_shown)
        window.live.decisions_arrived.connect(self.refresh_records)
        self.view.record_chosen.connect(self.show_record)
        self.view.record_opened.connect(self.open_in_list)
        self.view.resolve_requested.connect(self.resolve)

    # -- the tab -----------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.tabs.indexOf(self.view) >= 0

    def toggle(self) -> None:
        """Ctrl+Shift+C: to the conflicts; from them, back to the record list."""
        if self.tabs.currentWidget() is self.view:
            self.tabs.setCurrentWidget(self.window.record_list)
            self.window.record_list.focus_list()
        else:
            self.open()

    def open(self) -> None:
        if self.window.desk is None:
            return
        if not self.is_open:
            self.tabs.addTab(self.view, "Conflicts")
        self.tabs.setCurrentWidget(self.view)
        if not self.loaded:
            self.reload()
        self.view.focus_table()

    def _on_tabs_tab_close_requested(self, index: int) -> None:
        if self.tabs.widget(index) is self.view:
            self.tabs.removeTab(index)
            self.loaded = False  # nothing is read while it is closed
            self.window.record_list.focus_list()

    def _label(self) -> None:
        index, desk = self.tabs.indexOf(self.view), self.window.desk
        if index >= 0:
            counted = self.loaded and desk is not None and not desk.blind
            self.tabs.setTabText(index, f"Conflicts ({self.view.model.counts()[0]})" if counted else "Conflicts")

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the stage's conflicts again, and what this reviewer may do with them."""
        desk = self.window.desk
        if desk is None:
            return
        self.loaded = True
        lead = desk.lead()
        self.view.set_reasons(desk.reasons)
        if desk.blind:
            self.view.hide_all(f"You screen this stage blind: only the lead ({lead or 'none named yet'}) sees the "
                               "reviewers' verdicts side by side and resolves their conflicts. You see another "
                               "reviewer's verdict on a record once you have both decided it.")
        else:
            if desk.is_lead():
                about = ("The review is read-only: nothing can be resolved." if desk.read_only else
                         "As the lead you resolve them: Shift+I or Shift+E, with a reason if you like.")
            elif lead:
                about = f"Only the lead ({lead}) resolves conflicts."
            else:
                about = "Only the lead resolves conflicts, and none is named yet (Edit > Screening mode)."
            self.view.set_access(may_resolve=desk.is_lead() and not desk.read_only, about=about)
            self.view.show_lines(desk.conflict_lines())
            if self.window.record is not None:
                self.view.select_record(self.window.record.id, notify=False)
        self._label()

    def refresh_records(self, record_ids: list[int]) -> None:
        """Records were decided on (here, by undo or redo, or by others on a server): their rows follow."""
        desk = self.window.desk
        if desk is None or not self.loaded or desk.blind:
            return
        self.view.replace_lines(record_ids, desk.conflict_lines(record_ids))
        self._label()

    def _on_window_review_opened(self, _address: str) -> None:
        desk = self.window.desk
        assert desk is not None
        desk.decisions_changed.connect(self.refresh_records)
        desk.stage_changed.connect(self._on_desk_stage_changed)
        self.loaded = False
        if self.is_open:
            self.reload()

    def _on_desk_stage_changed(self, _stage: str) -> None:
        self.loaded = False
        if self.is_open:
            self.reload()

    def _on_files_review_closed(self) -> None:
        self.loaded = False
        self.view.hide_all("No review is open.")
        self._label()

    # -- the chosen record -------------------------------------------------------------------
    def show_record(self, record_id: int) -> None:
        """Show the chosen conflict in the desk (the record list follows when it lists the record)."""
        if not self.window.record_list.select_record(record_id):
            self.window.form.commit_pending()  # saves into the record being left
            self.window.show_record(record_id)

    def open_in_list(self, record_id: int) -> None:
        """Enter: to the record list, on this record, to screen it with every key."""
        self.tabs.setCurrentWidget(self.window.record_list)
        self.show_record(record_id)
        self.window.record_list.focus_list()

    def _on_window_record_shown(self, record_id: int) -> None:
        if self.loaded:
            self.view.select_record(record_id, notify=False)

    def _on_back_to_list(self) -> None:
        if self.tabs.currentWidget() is self.view:  # Esc: back to the list on screen, the conflicts
            self.view.focus_table()

    def resolve(self, record_id: int, verdict: str, reason: str) -> None:
        """The lead resolves the chosen conflict; the next one still to resolve comes up."""
        after = self.view.next_to_resolve(record_id)
        if self.window.settle.resolve(verdict, reason or None, record_id):
            self.view.clear_reason()
            if after is not None:
                self.view.select_record(after)
            self.view.focus_table()
