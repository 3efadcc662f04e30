"""The record list's columns on a narrow list: the title keeps room to be read, Phase then Status give way.

The list's columns other than the title are as wide as what they show; on a small screen (1280x720)
they left the title a dozen letters. When the list is too narrow for a readable title, the columns a
screener needs least are hidden (Phase first, then Status, then Kind), and shown again when the list
is widened. The form shows every one of them for the record at hand.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView

from ui.record_list_model import COLUMNS

#: The columns that give way, first to last; the title and the decision always stay.
GIVING_WAY = ("phase", "status", "kind")
#: A title the list keeps room for, in characters of the list's font.
READABLE_TITLE = "Effectiveness of ketamine in"


class ColumnFit(QObject):
    """Hides and shows the giving-way columns of ``table`` as its width and rows change."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._later = QTimer(self)  # after the resize: the viewport has its new width only then
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        table.installEventFilter(self)

    def hidden(self) -> list[str]:
        """The columns hidden now."""
        return [name for name in GIVING_WAY if self.table.isColumnHidden(COLUMNS.index(name))]

    def fit(self, *_args: object) -> None:
        """Hide what must give way for a readable title; show again what fits."""
        model = self.table.model()
        if model is None:
            return
        room = self.table.viewport().width() - self.table.fontMetrics().horizontalAdvance(READABLE_TITLE)
        header = self.table.horizontalHeader()
        widths = {name: max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
                  for column, name in enumerate(COLUMNS) if name != "title"}
        if "tags" in widths:
            widths["tags"] = header.sectionSize(COLUMNS.index("tags")) or widths["tags"]
        shown = set(widths)
        for name in GIVING_WAY:
            if sum(widths[n] for n in shown) <= room:
                break
            shown.discard(name)
        for name in GIVING_WAY:
            self.table.setColumnHidden(COLUMNS.index(name), name not in shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._later.start()
        return False
