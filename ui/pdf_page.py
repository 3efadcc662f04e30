"""One page of the full text: its image, the boxes highlighted over it, and dragging over its words.

The page is drawn white with its number until PDFium's image of it comes (ui/pdf_renderer.py);
over the image go the matches of a search, the current match, the words selected and the
evidence of a field. Boxes are in PDF points; the page turns them into pixels at its scale.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from ui.pdf_renderer import Box

HIGHLIGHT = QColor(255, 214, 0, 110)
HIGHLIGHT_EDGE = QColor("#c98f00")
FOUND = QColor(80, 160, 255, 70)  # every match of a search
CURRENT = QColor(255, 120, 0, 120)  # the match the search is at
SELECTED = QColor(0, 90, 220, 90)

class PageWidget(QWidget):
    """One page: white until its image comes, then the image, with highlighted boxes over it.

    Dragging over it reports the stretch dragged, in PDF points: ``dragged(number, start, end)``.
    """

    dragged = Signal(int, object, object)  # page number, (x, y) pressed, (x, y) released

    def __init__(self, number: int, size: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.points = size
        self.scale = 1.0
        self.image: QImage | None = None
        self.image_scale = 0.0
        self.boxes: list[Box] = []  # evidence
        self.found: list[Box] = []  # search matches
        self.current: list[Box] = []
        self.selected: list[Box] = []
        self._press: QPointF | None = None
        self._drag: QRectF | None = None
        self.setObjectName(f"pdf_page_{number}")
        self.setCursor(Qt.CursorShape.IBeamCursor)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.setFixedSize(QSize(max(1, round(self.points[0] * scale)), max(1, round(self.points[1] * scale))))

    def box_rect(self, box: Box) -> QRectF:
        left, bottom, right, top = box
        s, height = self.scale, self.points[1]
        return QRectF(left * s, (height - top) * s, (right - left) * s, (top - bottom) * s).adjusted(-1, -1, 1, 1)

    def point_at(self, position: QPointF) -> tuple[float, float]:
        """A point of the widget in PDF points (origin at the page's bottom left)."""
        return position.x() / self.scale, self.points[1] - position.y() / self.scale

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None:
            self._drag = QRectF(self._press, event.position()).normalized()
            self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        press, self._press, self._drag = self._press, None, None
        if press is not None and event.button() == Qt.MouseButton.LeftButton:
            self.update()
            if (event.position() - press).manhattanLength() >= 3:  # a drag, not a click
                self.dragged.emit(self.number, self.point_at(press), self.point_at(event.position()))
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(self.rect()), self.image)
        else:
            painter.setPen(QColor("#999999"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, f"Page {self.number}")
        for box in self.found:
            painter.fillRect(self.box_rect(box), FOUND)
        for box in self.current:
            painter.fillRect(self.box_rect(box), CURRENT)
        for box in self.selected:
            painter.fillRect(self.box_rect(box), SELECTED)
        painter.setPen(QPen(HIGHLIGHT_EDGE, 1))
        for box in self.boxes:
            painter.fillRect(self.box_rect(box), HIGHLIGHT)
            painter.drawRect(self.box_rect(box))
        if self._drag is not None:
            painter.setPen(QPen(SELECTED, 1, Qt.PenStyle.DashLine))
            painter.drawRect(self._drag)
        painter.end()
