"""The sentence an empty record list shows: how to bring records in, or that the search and filters hide them all."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel

from curator.review.listing import RecordFilter

NO_RECORDS = ("No records yet.\n\nFile > Import (Ctrl+I) reads database exports, registry pages and PDFs; "
              "you can also drop files and folders on the window.")
NONE_MATCH = "No record matches the search and filters."


def hint_for(record_filter: RecordFilter) -> str:
    """What an empty list says under ``record_filter``."""
    narrowed = any((record_filter.search.strip(), record_filter.verdict, record_filter.reason,
                    record_filter.tag, record_filter.kind))
    return NONE_MATCH if narrowed else NO_RECORDS


class ListHint(QObject):
    """A grey sentence over the list's empty viewport, shown only while the list has no rows."""

    def __init__(self, table: QAbstractItemView) -> None:
        super().__init__(table)
        self.table = table
        self.label = QLabel(NO_RECORDS, table.viewport())
        self.label.setObjectName("list_hint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMargin(16)
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        self.label.setPalette(palette)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        table.viewport().installEventFilter(self)
        self.label.hide()

    def update(self, record_filter: RecordFilter | None, rows: int) -> None:
        """Show the hint for ``record_filter`` when there are no ``rows`` (no filter: no review open, no hint)."""
        if record_filter is None or rows:
            self.label.hide()
            return
        self.label.setText(hint_for(record_filter))
        self._place()
        self.label.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        viewport = self.table.viewport()
        self.label.setGeometry(0, 0, viewport.width(), max(viewport.height() // 2, self.label.sizeHint().height()))
