"""Settling the current record: a possible duplicate confirmed or rejected, a conflict resolved by the lead.

The window owns this part and gives it the desk and the current record (callbacks); it reports
back by signals: what was settled (the window redraws the record and the list), and refusals.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ui.actions import Actions
from ui.curation_desk import CurationDesk


class SettleCommands(QObject):
    """Screening > Confirm duplicate / Not a duplicate / Resolve conflict as include or exclude."""

    settled = Signal(int, str)  # record id, what was done (for the status bar)
    refused = Signal(str)

    def __init__(self, actions: Actions, desk: Callable[[], CurationDesk | None],
                 current: Callable[[], int | None], parent: QObject) -> None:
        super().__init__(parent)
        self.desk, self.current, self.actions = desk, current, actions
        actions["confirm_duplicate"].triggered.connect(lambda: self.settle_duplicate(duplicate=True))
        actions["reject_duplicate"].triggered.connect(lambda: self.settle_duplicate(duplicate=False))
        actions["resolve_include"].triggered.connect(lambda: self.resolve("include"))
        actions["resolve_exclude"].triggered.connect(lambda: self.resolve("exclude"))

    def notice(self, record_id: int) -> str | None:
        """What is left to settle on the record, with the keys that settle it (None: nothing).

        The commands follow: a duplicate's only on a possible duplicate, a conflict's only for the lead
        (on any record: the Conflicts tab resolves the one chosen in its table)."""
        desk = self.desk()
        if desk is None:
            return None
        link = desk.possible_duplicate(record_id)
        may_change = not desk.read_only
        for name in ("confirm_duplicate", "reject_duplicate"):
            self.actions[name].setEnabled(may_change and link is not None)
        for name in ("resolve_include", "resolve_exclude"):
            self.actions[name].setEnabled(may_change and desk.is_lead())
        if link is not None:
            return (f"possible duplicate of record {link.duplicate_of_id} ({link.method}): "
                    "Shift+D confirms, Shift+N says it is not")
        if desk.is_lead() and desk.in_conflict(record_id):
            return "reviewers disagree: as the lead, Shift+I or Shift+E resolves the conflict"
        return None

    def settle_duplicate(self, *, duplicate: bool) -> None:
        desk, record_id = self.desk(), self.current()
        if desk is None or record_id is None:
            return
        link = desk.possible_duplicate(record_id)
        if link is None:
            self.refused.emit("This record has no possible duplicate to settle.")
            return
        try:
            desk.settle_duplicate(link, duplicate=duplicate)
        except ValueError as error:
            self.refused.emit(str(error))
            return
        what = f"a duplicate of record {link.duplicate_of_id}" if duplicate else "not a duplicate"
        self.settled.emit(record_id, f"Record {record_id} is {what}")

    def resolve(self, verdict: str, reason: str | None = None, record_id: int | None = None) -> bool:
        """Resolve the conflict on ``record_id`` (default: the current record); False when it was refused."""
        desk, record_id = self.desk(), record_id if record_id is not None else self.current()
        if desk is None or record_id is None:
            return False
        try:
            desk.resolve(record_id, verdict, reason)
        except (ValueError, LookupError) as error:
            self.refused.emit(str(error))
            return False
        self.settled.emit(record_id, f"Conflict on record {record_id} resolved: {verdict}")
        return True
