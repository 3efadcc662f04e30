"""Searching the full text: a box over the pages, "n of m", the previous and next match.

The bar keeps the matches of the last search (page index and boxes, in reading order; PDFium finds
them on the renderer's thread, see ui/pdf_renderer.py) and which one is current. Enter searches
what was typed, or goes to the next match when it was searched already; Shift+Enter goes back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ui.pdf_renderer import Box

Match = tuple[int, list[Box]]  # page index, the boxes of the matched words


class PdfSearchBar(QWidget):
    """The search row of the full-text tab. Emits ``search_requested(text)`` and ``match_chosen(n)``."""

    search_requested = Signal(str)
    match_chosen = Signal(int)  # the index of the current match in :attr:`matches`

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QLineEdit()
        self.box.setObjectName("pdf_search_box")
        self.box.setPlaceholderText("Search the full text (Ctrl+F)")
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        self.box.textChanged.connect(self._on_box_text_changed)
        self.count = QLabel()
        self.count.setObjectName("pdf_search_count")
        self.previous_button = QToolButton()
        self.previous_button.setText("▲")
        self.previous_button.setToolTip("Previous match (Shift+Enter)")
        self.previous_button.clicked.connect(self._on_previous_button_clicked)
        self.next_button = QToolButton()
        self.next_button.setText("▼")
        self.next_button.setToolTip("Next match (Enter)")
        self.next_button.clicked.connect(self._on_next_button_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(self.box, 1)
        row.addWidget(self.count)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        self.matches: list[Match] = []
        self.current = -1
        self.searched: str | None = None  # the text whose matches are held (None: none asked for)
        self._enable()

    def start(self) -> None:
        """Put the focus in the box, its text selected (Ctrl+F)."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def forget(self) -> None:
        """Another document: no matches, the typed text kept (Enter searches it there)."""
        self.matches, self.current, self.searched = [], -1, None
        self.count.clear()
        self._enable()

    def show_matches(self, text: str, matches: list[Match]) -> None:
        """The matches of ``text`` came: the first is current (a stale answer is dropped)."""
        if text != self.box.text().strip():
            return
        self.searched, self.matches = text, matches
        self.current = -1
        if matches:
            self.step(1)
        else:
            self.count.setText("no match")
            self._enable()

    def step(self, by: int) -> None:
        """Make the next (1) or previous (-1) match current, round the ends."""
        if not self.matches:
            return
        self.current = (self.current + by) % len(self.matches)
        self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        self._enable()
        self.match_chosen.emit(self.current)

    def _enable(self) -> None:
        self.previous_button.setEnabled(len(self.matches) > 1)
        self.next_button.setEnabled(len(self.matches) > 1)

    def _enter(self, backwards: bool) -> None:
        text = self.box.text().strip()
        if not text:
            return
        if text != self.searched:
            self.count.setText("searching…")
            self.search_requested.emit(text)
        else:
            self.step(-1 if backwards else 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return True
        return False

    def _on_box_text_changed(self, text: str) -> None:
        if text.strip() != self.searched:
            self.count.clear()
            self.previous_button.setEnabled(False)
            self.next_button.setEnabled(False)

    def _on_previous_button_clicked(self) -> None:
        self.step(-1)

    def _on_next_button_clicked(self) -> None:
        self.step(1)
