"""A one-line label that ends in "…" when it is too narrow, instead of being cut mid-word (the whole in its tooltip)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel


class ElidingLabel(QLabel):
    """``text()`` is the whole text; what is painted is as much of it as fits, then "…"."""

    def shown_text(self) -> str:
        rect = self.contentsRect()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), QPalette.ColorRole.WindowText)
