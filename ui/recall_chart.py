"""The recall-so-far chart: includes found against records screened, drawn with a plain painter.

Each decided record of the stage, oldest first, moves the curve one step right; an include (or a
maybe) also moves it one step up. A curve that has gone flat for long says the ranking is running
out of likely includes; it says nothing certain, and the chart never stops anyone.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CURVE_COLOUR = "#1e7b34"
MARGIN = 4


class RecallChart(QWidget):
    """Shows :meth:`set_screened`'s curve; ``found`` and ``screened`` hold what it draws."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recall_chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(56)
        self._steps: list[bool] = []
        self._total = 0
        self.setToolTip("Includes found (up) against records screened (right) at this stage: "
                        "a long flat stretch means many excludes in a row")

    @property
    def screened(self) -> int:
        return len(self._steps)

    @property
    def found(self) -> int:
        return sum(self._steps)

    def set_screened(self, relevant: list[bool], total: int) -> None:
        """Whether each screened record was an include, oldest first; ``total``: the records to screen in all."""
        self._steps = list(relevant)
        self._total = max(total, len(self._steps))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 64)

    def curve(self, area: QRectF) -> QPainterPath:
        """The steps of the curve in ``area`` (x: records screened of all, y: includes found of those found)."""
        path = QPainterPath(QPointF(area.left(), area.bottom()))
        if not self._steps:
            return path
        width = area.width() / max(self._total, 1)
        height = area.height() / max(self.found, 1)
        found = 0
        for number, relevant in enumerate(self._steps, start=1):
            x = area.left() + number * width
            path.lineTo(x, area.bottom() - found * height)
            if relevant:
                found += 1
                path.lineTo(x, area.bottom() - found * height)
        return path

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(palette.ColorRole.PlaceholderText)
        metrics = self.fontMetrics()
        label = (f"{self.found:,} include{'' if self.found == 1 else 's'} found in {self.screened:,} screened"
                 f" of {self._total:,}"
                 if self._total else "no records to screen at this stage")
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, 0, self.width(), metrics.height()), Qt.AlignmentFlag.AlignLeft, label)
        area = QRectF(MARGIN, metrics.height() + MARGIN, self.width() - 2 * MARGIN,
                      self.height() - metrics.height() - 2 * MARGIN)
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.setPen(QPen(QColor(CURVE_COLOUR), 1.5))
        painter.drawPath(self.curve(area))
        painter.end()
