"""The record list's Qt model: it holds record ids in list order and fetches rows on demand.

A review of 100,000 records costs 100,000 ints; only the rows the view paints
are read (a block at a time) and kept in a bounded cache.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from curator.review.desk import SetAside, set_aside
from curator.review.listing import RecordFilter, RecordRow, find_record_ids, record_rows
from curator.store.database import Review

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMNS = ("title", "kind", "status", "phase", "decision", "tags")
HEADERS = ("Title", "Kind", "Status", "Phase", "Decision", "Tags")
SORTABLE = {"title": "title", "kind": "kind", "status": "status", "phase": "phase"}
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BLOCK = 128
CACHE_LIMIT = 4096
VERDICT_COLOURS = {"include": "#1e7b34", "exclude": "#b3261e", "maybe": "#8a6d00", "conflict": "#6a1b9a"}
SET_ASIDE_COLOUR = "#8a8a8a"  # duplicates and removed records: greyed, they are not screened


# Words the general rule below would spell badly ("Na", "Early phase1").
_SPELLED = {"NA": "Not applicable", "EARLY_PHASE1": "Early phase 1"}


def words(value: str | None) -> str:
    """A vocabulary word as a reviewer reads it: ``ACTIVE_NOT_RECRUITING`` → "Active not recruiting"."""
    if not value:
        return ""
    if value in _SPELLED:
        return _SPELLED[value]
    return value.replace("_", " ").capitalize().replace("Phase", "Phase ").replace("/phase", "/")


class RecordListModel(QAbstractTableModel):
    """Records of one review as the list shows them: filtered, sorted, fetched lazily."""

    ids_changed = Signal()

    def __init__(self, review: Review, parent: Any = None) -> None:
        super().__init__(parent)
        self._review = review
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._cache: OrderedDict[int, RecordRow] = OrderedDict()
        self._set_aside: dict[int, SetAside] = {}  # for the cached rows only
        self._filter = RecordFilter()
        self._order_by = "id"
        self._descending = False
        self._priority: dict[int, int] | None = None  # record id -> place, listed first (the relevance order)

    # -- contents ----------------------------------------------------------------------------
    @property
    def record_filter(self) -> RecordFilter:
        return self._filter

    @property
    def stage(self) -> str:
        return self._filter.stage

    def ids(self) -> list[int]:
        return self._ids

    def set_filter(self, record_filter: RecordFilter) -> None:
        """Show the records ``record_filter`` selects (in the current order)."""
        self._filter = record_filter
        self.reload()

    def reload(self) -> None:
        """Read the ids again (after an import, a filter change, a new sort)."""
        ids = self._arranged(find_record_ids(self._review, self._filter, order_by=self._order_by,
                                             descending=self._descending))
        self.beginResetModel()
        self._ids = ids
        self._rows = {record_id: row for row, record_id in enumerate(ids)}
        self._cache.clear()
        self._set_aside.clear()
        self.endResetModel()
        self.ids_changed.emit()

    def refresh_records(self, record_ids: list[int]) -> None:
        """Forget the cached rows of ``record_ids`` (they changed) and repaint them."""
        for record_id in record_ids:
            self._cache.pop(record_id, None)
            self._set_aside.pop(record_id, None)
            row = self._rows.get(record_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, record_id: int) -> int | None:
        return self._rows.get(record_id)

    def record_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def record_row(self, row: int) -> RecordRow | None:
        """The list row at ``row``, read from the review when not cached."""
        record_id = self.record_id(row)
        if record_id is None:
            return None
        cached = self._cache.get(record_id)
        if cached is not None:
            return cached
        first = max(0, row - BLOCK // 4)
        wanted = [i for i in self._ids[first:first + BLOCK] if i not in self._cache]
        for fetched in record_rows(self._review, wanted, reviewer=self._filter.reviewer):
            self._cache[fetched.id] = fetched
        self._set_aside.update(set_aside(self._review, wanted))
        while len(self._cache) > CACHE_LIMIT:
            evicted, _row = self._cache.popitem(last=False)
            self._set_aside.pop(evicted, None)
        return self._cache.get(record_id)

    def set_aside_of(self, record_id: int) -> SetAside | None:
        """Why a listed record is not screened (a duplicate, removed), once its row has been read."""
        return self._set_aside.get(record_id)

    # -- Qt's model interface ----------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)) or not (0 <= index.column() < len(COLUMNS)):
            return None
        if role == RECORD_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.record_row(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        aside = self._set_aside.get(row.id)
        if role == Qt.ItemDataRole.ForegroundRole:
            if aside is not None and column in ("title", "decision"):
                return QBrush(QColor(SET_ASIDE_COLOUR))
            if column == "decision":
                colour = VERDICT_COLOURS.get(row.verdict(self.stage) or "")
                return QBrush(QColor(colour)) if colour else None
            return None
        text = self._text(row, column)
        if column == "decision" and aside is not None and not text:
            text = aside.short_label
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "decision" and aside is not None:
                return f"{aside.label} — not to be screened"
            if column == "decision" and row.reason(self.stage):
                return f"{text}: {row.reason(self.stage)}"
            return row.title if column == "title" else (text or None)
        return text

    def _text(self, row: RecordRow, column: str) -> str:
        if column == "title":
            return row.title or "(no title)"
        if column == "kind":
            return row.kind.capitalize()
        if column in ("status", "phase"):
            return words(getattr(row, column))
        if column == "decision":
            verdict = row.verdict(self.stage)
            if verdict is None:
                return ""
            return verdict.capitalize()
        return ", ".join(row.tags)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = COLUMNS[column] if 0 <= column < len(COLUMNS) else "id"
        self._order_by = SORTABLE.get(name, "id")
        self._descending = order == Qt.SortOrder.DescendingOrder and name in SORTABLE
        self._relayout(self._arranged(find_record_ids(self._review, self._filter, order_by=self._order_by,
                                                      descending=self._descending)))

    @property
    def arranged(self) -> bool:
        """True while :meth:`set_priority`'s records lead the list (it is in import order, not column-sorted)."""
        return self._priority is not None and self._order_by == "id" and not self._descending

    def set_priority(self, first: list[int] | None) -> None:
        """List ``first`` (ids, best first) ahead of the other records, which keep the import order; None: the
        import order only. Holds while no column sort is chosen; the current and selected rows stay with their records."""
        self._priority = {record_id: place for place, record_id in enumerate(first)} if first is not None else None
        if self._order_by == "id" and not self._descending:
            self._relayout(self._arranged(sorted(self._ids)))

    def _arranged(self, ids: list[int]) -> list[int]:
        if not self.arranged or self._priority is None:
            return ids
        priority, last = self._priority, len(self._priority)
        return sorted(ids, key=lambda record_id: (priority.get(record_id, last), record_id))

    def _relayout(self, ids: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in old_persistent]
        self._ids = ids
        self._rows = {record_id: row for row, record_id in enumerate(ids)}
        new_persistent = [
            self.index(self._rows[rid], old.column()) if rid in self._rows else QModelIndex()
            for old, rid in zip(old_persistent, old_ids, strict=True)
        ]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()
        self.ids_changed.emit()
