"""The record list pane: search box, filters, the sortable list and the screening count."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator.fields import KINDS
from curator.review.listing import UNDECIDED, RecordFilter
from ui.list_columns import ColumnFit
from ui.list_hint import ListHint
from ui.record_list_model import COLUMNS, RecordListModel

SEARCH_DELAY_MS = 120
DECISION_FILTERS = (("Any decision", None), ("Undecided", UNDECIDED), ("Included", "include"),
                    ("Excluded", "exclude"), ("Maybe", "maybe"), ("Conflicts", "conflict"))


class RecordListPane(QWidget):
    """Left pane. Emits ``current_record_changed`` with the id of the record the reviewer moved to."""

    current_record_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: RecordListModel | None = None
        self._progress: tuple[int, int] | None = None
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search titles and text  ( / )")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setObjectName("search")
        self.decision_filter = QComboBox()
        self.decision_filter.setObjectName("decision_filter")
        for label, value in DECISION_FILTERS:
            self.decision_filter.addItem(label, value)
        self.reason_filter = QComboBox()
        self.reason_filter.setObjectName("reason_filter")
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tag_filter")
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem("Any kind", None)
        for kind in KINDS:
            self.kind_filter.addItem(kind.capitalize(), kind)
        self.table = QTableView()
        self.table.setObjectName("record_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setHighlightSections(False)
        self.hint = ListHint(self.table)  # an empty list says why: no records yet, or none matches
        self.columns = ColumnFit(self.table)  # a narrow list hides Phase, then Status, for a readable title
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.decision_filter, 0, 0)
        filters.addWidget(self.reason_filter, 0, 1)
        filters.addWidget(self.kind_filter, 1, 0)
        filters.addWidget(self.tag_filter, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)

        self._blind_reviewer: str | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        for combo in (self.decision_filter, self.reason_filter, self.tag_filter, self.kind_filter):
            combo.activated.connect(self.apply_filter)
        self.search_box.returnPressed.connect(self.focus_list)

    # -- wiring ------------------------------------------------------------------------------
    def set_model(self, model: RecordListModel) -> None:
        self._model = model
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        # The title takes what the other columns leave; they are as wide as what they show on screen
        # (measuring only the visible rows: the list may hold 100,000).
        header.setResizeContentsPrecision(0)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Tags can be many: a set width, elided, the whole in the tooltip.
        tags = COLUMNS.index("tags")
        header.setSectionResizeMode(tags, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(tags, self.table.fontMetrics().horizontalAdvance("tag, tag") + 16)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._show_hint)
        model.modelReset.connect(self.columns.fit)
        model.layoutChanged.connect(self.columns.fit)
        self._show_hint()
        self.columns.fit()

    @property
    def model(self) -> RecordListModel:
        assert self._model is not None, "no review is open"
        return self._model

    def set_choices(self, reasons: list[str], tags: list[str]) -> None:
        """Offer the stage's exclusion reasons and the review's tags as filters (keeping the current pick)."""
        for combo, everything, values in ((self.reason_filter, "Any reason", reasons),
                                          (self.tag_filter, "Any tag", tags)):
            current = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)

    def record_filter(self, stage: str) -> RecordFilter:
        return RecordFilter(search=self.search_box.text(), stage=stage,
                            verdict=self.decision_filter.currentData(), reason=self.reason_filter.currentData(),
                            tag=self.tag_filter.currentData(), kind=self.kind_filter.currentData(),
                            reviewer=self._blind_reviewer)

    def set_blind(self, reviewer: str | None) -> None:
        """Blind dual screening: decisions and their filters are ``reviewer``'s own, and there are no conflicts
        to list (None: every reviewer's verdicts, as agreed)."""
        self._blind_reviewer = reviewer
        index = self.decision_filter.findData("conflict")
        item = self.decision_filter.model().item(index)  # type: ignore[attr-defined]
        item.setEnabled(reviewer is None)
        if reviewer is not None and self.decision_filter.currentData() == "conflict":
            self.decision_filter.setCurrentIndex(0)

    def apply_filter(self) -> None:
        """Narrow the list to what the search and filters select, keeping the current record if it stays."""
        if self._model is None:
            return
        self._search_timer.stop()
        current = self.current_record_id()
        self._model.set_filter(self.record_filter(self._model.stage))
        if current is not None and self._model.row_of(current) is not None:
            self.select_record(current, notify=False)
        elif self._model.rowCount():
            self.select_row(0)
        if self._progress is not None:
            self.show_counts(*self._progress)

    def set_stage(self, stage: str) -> None:
        if self._model is not None:
            self._model.set_filter(self.record_filter(stage))

    # -- current record ----------------------------------------------------------------------
    def current_record_id(self) -> int | None:
        if self._model is None:
            return None
        index = self.table.currentIndex()
        return self._model.record_id(index.row()) if index.isValid() else None

    def select_row(self, row: int, *, notify: bool = True) -> None:
        if self._model is None or not (0 <= row < self._model.rowCount()):
            return
        index = self._model.index(row, 0)
        selection = self.table.selectionModel()
        if not notify:
            selection.blockSignals(True)
        try:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            selection.blockSignals(False)
        self.table.scrollTo(index)

    def select_record(self, record_id: int, *, notify: bool = True) -> bool:
        """Make ``record_id`` current; False when the list does not show it."""
        row = self._model.row_of(record_id) if self._model is not None else None
        if row is None:
            return False
        self.select_row(row, notify=notify)
        return True

    def move_by(self, step: int) -> None:
        index = self.table.currentIndex()
        self.select_row(max(0, min(self.model.rowCount() - 1, (index.row() if index.isValid() else -1) + step)))

    def show_counts(self, screened: int, total: int) -> None:
        self._progress = (screened, total)
        shown = self.model.rowCount() if self._model is not None else 0
        text = f"{screened:,} of {total:,} screened"
        if shown != total:
            text += f" · {shown:,} shown"
        self.counts.setText(text)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- slots -------------------------------------------------------------------------------
    def _show_hint(self, *_args: object) -> None:
        model = self._model
        self.hint.update(model.record_filter if model is not None else None, model.rowCount() if model else 0)

    def _on_search_box_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._model is None or not current.isValid():
            return
        record_id = self._model.record_id(current.row())
        if record_id is not None:
            self.current_record_changed.emit(record_id)
