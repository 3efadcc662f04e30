"""A small bar before each undecided record's title: its relevance score, unobtrusively.

The bar's length is the score scaled between the lowest and the highest score of the ranking;
the tooltip gives the rank and the score itself. Without a ranking the titles are drawn as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF
from PySide6.QtGui import QColor, QHelpEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from curator.ranking.relevance import RankedRecordId
from ui.record_list_model import RECORD_ID_ROLE

BAR_WIDTH = 22
BAR_HEIGHT = 5
GAP = 6
BAR_COLOUR = "#3d6fb4"


class ScoreBar(QStyledItemDelegate):
    """Draws the title column with the record's relevance bar in front of it (see :meth:`set_ranking`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scores: dict[int, tuple[int, float, float]] = {}  # id -> (rank from 1, score, share of the range)
        self._count = 0

    def set_ranking(self, records: list[RankedRecordId] | None) -> None:
        """The ranked undecided records, best first (None or empty: no bars)."""
        self._scores.clear()
        self._count = len(records or [])
        if not records:
            return
        low, high = min(r.score for r in records), max(r.score for r in records)
        spread = high - low
        for rank, record in enumerate(records, start=1):
            share = (record.score - low) / spread if spread > 0 else 1.0
            self._scores[record.id] = (rank, record.score, share)

    def score_of(self, record_id: int) -> tuple[int, float, float] | None:
        """(rank, score, bar length from 0 to 1) of an undecided record, None for the others."""
        return self._scores.get(record_id)

    def describe(self, record_id: int) -> str | None:
        """The tooltip of the record's bar."""
        score = self._scores.get(record_id)
        if score is None:
            return None
        rank, value, _share = score
        return f"Relevance: {rank:,} of {self._count:,} undecided (score {value:+.2f}, higher is likelier included)"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        if not self._scores:
            super().paint(painter, option, index)
            return
        rect = option.rect  # type: ignore[attr-defined]
        shifted = QStyleOptionViewItem(option)
        shifted.rect = rect.adjusted(BAR_WIDTH + GAP, 0, 0, 0)  # type: ignore[attr-defined]
        super().paint(painter, shifted, index)
        score = self._scores.get(index.data(RECORD_ID_ROLE))
        if score is None:
            return
        painter.save()
        top = rect.top() + (rect.height() - BAR_HEIGHT) / 2
        left = rect.left() + GAP / 2
        track = QColor(BAR_COLOUR)
        track.setAlpha(45)
        painter.fillRect(QRectF(left, top, BAR_WIDTH, BAR_HEIGHT), track)
        painter.fillRect(QRectF(left, top, max(1.0, BAR_WIDTH * score[2]), BAR_HEIGHT), QColor(BAR_COLOUR))
        painter.restore()

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,  # noqa: N802
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        text = self.describe(index.data(RECORD_ID_ROLE)) if index.isValid() else None
        if text is None or event.pos().x() - option.rect.left() > BAR_WIDTH + GAP:  # type: ignore[attr-defined]
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), text, view)
        return True

