"""The conflicts table's Qt model: one row per record the reviewers disagree on, a column per reviewer.

It holds the stage's conflict lines (resolved ones too) and shows the unresolved ones, or all of
them with "show resolved". Lines of a few records are replaced as decisions change, row by row,
so the selection stays where it is.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from curator.review.resolution import ConflictLine
from curator.review.screening import DecisionView
from ui.record_list_model import SET_ASIDE_COLOUR, VERDICT_COLOURS

ModelIndex = QModelIndex | QPersistentModelIndex
FIXED_HEADERS = ("Record", "Title")


def decision_text(decision: DecisionView | None) -> str:
    """ "exclude: wrong outcome", "include", or "—" for a reviewer who has not decided the record."""
    if decision is None:
        return "—"
    return f"{decision.verdict}: {decision.reason}" if decision.reason else decision.verdict


def decision_tip(decision: DecisionView | None, who: str) -> str:
    if decision is None:
        return f"{who} has not decided this record"
    note = f"\nNote: {decision.note}" if decision.note else ""
    return f"{who}: {decision_text(decision)} ({decision.decided_at:%Y-%m-%d %H:%M}){note}"


class ConflictsModel(QAbstractTableModel):
    """Conflict lines by record id; columns: record, title, one per reviewer, the resolution."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: dict[int, ConflictLine] = {}
        self._shown: list[int] = []  # record ids of the rows, in order
        self._reviewers: list[str] = []
        self._show_resolved = False

    # -- contents ----------------------------------------------------------------------------
    def set_lines(self, lines: list[ConflictLine]) -> None:
        """Show these lines (a stage read anew)."""
        self.beginResetModel()
        self._lines = {line.record_id: line for line in lines}
        self._reviewers = self._names()
        self._shown = self._wanted()
        self.endResetModel()

    def replace_lines(self, record_ids: list[int], lines: list[ConflictLine]) -> None:
        """The records ``record_ids`` were decided on: ``lines`` are those of them still in conflict."""
        for record_id in record_ids:
            self._lines.pop(record_id, None)
        self._lines.update((line.record_id, line) for line in lines)
        if self._names() != self._reviewers:  # a reviewer's column comes or goes
            self.set_lines(list(self._lines.values()))
            return
        wanted = set(self._wanted())
        for record_id in sorted(set(record_ids)):
            row = bisect_left(self._shown, record_id)
            there = row < len(self._shown) and self._shown[row] == record_id
            if there and record_id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._shown[row]
                self.endRemoveRows()
            elif not there and record_id in wanted:
                self.beginInsertRows(QModelIndex(), row, row)
                self._shown.insert(row, record_id)
                self.endInsertRows()
            elif there:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_show_resolved(self, show: bool) -> None:
        self._show_resolved = show
        self.set_lines(list(self._lines.values()))

    def _names(self) -> list[str]:
        return sorted({name for line in self._lines.values() for name in line.decisions})

    def _wanted(self) -> list[int]:
        return sorted(rid for rid, line in self._lines.items() if self._show_resolved or line.resolution is None)

    def counts(self) -> tuple[int, int]:
        """How many conflicts are still to resolve, and how many are resolved."""
        open_ = sum(1 for line in self._lines.values() if line.resolution is None)
        return open_, len(self._lines) - open_

    def record_id(self, row: int) -> int | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, record_id: int) -> int | None:
        row = bisect_left(self._shown, record_id)
        return row if row < len(self._shown) and self._shown[row] == record_id else None

    def line(self, row: int) -> ConflictLine | None:
        record_id = self.record_id(row)
        return self._lines.get(record_id) if record_id is not None else None

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(FIXED_HEADERS) + len(self._reviewers) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (*FIXED_HEADERS, *self._reviewers, "Resolution")
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line(index.row()) if index.isValid() else None
        if line is None:
            return None
        column = index.column()
        reviewer = self._reviewers[column - 2] if 2 <= column < 2 + len(self._reviewers) else None
        decision = line.decisions.get(reviewer) if reviewer else None
        resolution = line.resolution
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(line.record_id)
            if column == 1:
                return line.title or "(no title)"
            if reviewer is not None:
                return decision_text(decision)
            return f"{decision_text(resolution)} · {resolution.reviewer}" if resolution else "to resolve"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return line.title
            if reviewer is not None:
                return decision_tip(decision, reviewer)
            return (decision_tip(resolution, f"Resolved by {resolution.reviewer}") if resolution
                    else "No one has resolved this conflict yet")
        if role == Qt.ItemDataRole.ForegroundRole:
            shown = decision if reviewer is not None else resolution if column > 1 else None
            if shown is not None:
                return QBrush(QColor(VERDICT_COLOURS.get(shown.verdict, SET_ASIDE_COLOUR)))
            if column > 1 or resolution is not None:  # "—", "to resolve", and a resolved record's id and title
                return QBrush(QColor(SET_ASIDE_COLOUR))
        if role == Qt.ItemDataRole.FontRole and column == len(FIXED_HEADERS) + len(self._reviewers) and resolution:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
