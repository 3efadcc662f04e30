"""The document pane: the source text, wrapped and readable, with keywords and evidence highlighted."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from curator.extraction.labels import foreign_labels
from curator.extraction.unwrap import unwrapped
from curator.review.desk import Keywords, evidence_spans, keyword_spans
from curator.review.undo import field_label

INCLUDE_COLOUR = QColor("#c8ecc9")
EXCLUDE_COLOUR = QColor("#f7c6c2")
EVIDENCE_COLOUR = QColor("#ffe36e")


#: A line of at least this many characters that ends mid-sentence and goes on in lower case was wrapped
#: by the source's line length, not by its author.
_WRAPPED_LINE = re.compile(r"(?m)^([^\n]{40,}[^\s.:;!?])\n(?=[a-z(])")


def reading_text(document: str) -> str:
    """The document with the lines its source hard-wrapped joined again, for reading: a text wrapped at a fixed
    width as extraction reads it (a PubMed text save's title and authors too), and any line that goes on in lower
    case. Each joining newline becomes a space, so every position in it is the document's (evidence and keywords)."""
    return _WRAPPED_LINE.sub(r"\1 ", unwrapped(document))


def _format(background: QColor, *, bold: bool = False) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setBackground(background)
    if bold:
        char_format.setFontWeight(QFont.Weight.DemiBold)
        char_format.setProperty(QTextFormat.Property.FullWidthSelection, False)
    return char_format


class DocumentView(QWidget):
    """Centre pane: a heading naming the source, then the document text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("document_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit()
        self.text.setObjectName("document_text")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFont(self.font())
        font.setPointSizeF(max(11.0, font.pointSizeF() * 1.1))
        self.text.setFont(font)
        self.text.document().setDocumentMargin(14)
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.text.setPlaceholderText("The record chosen in the list shows here: its title, abstract or page.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        self._keywords = Keywords()
        self._evidence: dict[str, list[list[int]]] = {}
        self._keyword_selections: list[QTextEdit.ExtraSelection] = []
        self._evidence_selections: list[QTextEdit.ExtraSelection] = []
        self.evidence_key: str | None = None

    def show_document(self, heading: str, document: str, evidence: dict[str, list[list[int]]]) -> None:
        """Show a record's text (keywords highlighted; no evidence until a field is chosen)."""
        glossary = foreign_labels(document)
        if glossary:  # a page in another script: what its headings mean, in the reviewer's words
            heading += "<br><small>Labels: " + " · ".join(f"{escape(w)} = {escape(m)}" for w, m in glossary) + "</small>"
        self.heading.setText(heading)
        self.text.setPlainText(reading_text(document))
        self._evidence = evidence
        self.evidence_key = None
        self._evidence_selections = []
        self._highlight_keywords()

    def clear(self) -> None:
        self.show_document("", "", {})

    def set_keywords(self, keywords: Keywords) -> None:
        self._keywords = keywords
        self._highlight_keywords()

    def _selection(self, start: int, end: int, char_format: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[misc]
        selection.format = char_format  # type: ignore[misc]
        return selection

    def _highlight_keywords(self) -> None:
        document = self.text.toPlainText()
        selections = []
        for words, colour in ((self._keywords.include, INCLUDE_COLOUR), (self._keywords.exclude, EXCLUDE_COLOUR)):
            char_format = _format(colour)
            selections += [self._selection(s, e, char_format) for s, e in keyword_spans(document, words)]
        self._keyword_selections = selections
        self._apply()

    def add_evidence(self, key: str, spans: list[list[int]]) -> None:
        """Evidence kept beside the record's (a risk-of-bias quote): ``highlight_evidence(key)`` shows it."""
        self._evidence = {**self._evidence, key: spans}

    def highlight_evidence(self, key: str | None) -> int:
        """Highlight the evidence of field ``key`` and scroll to it; returns how many spans there are."""
        self.evidence_key = key
        spans = evidence_spans(self._evidence, key, len(self.text.toPlainText())) if key else []
        char_format = _format(EVIDENCE_COLOUR, bold=True)
        self._evidence_selections = [self._selection(s, e, char_format) for s, e in spans]
        self._apply()
        if spans:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(spans[0][1])
            self.text.setTextCursor(cursor)
            cursor.setPosition(spans[0][0])
            self.text.setTextCursor(cursor)
            self.text.centerCursor()
            self.text.setToolTip("")
        elif key:
            self.text.setToolTip(f"The document gives no evidence for {field_label(key)}")
        return len(spans)

    def _apply(self) -> None:
        # Evidence last, so it paints over a keyword inside it.
        self.text.setExtraSelections(self._keyword_selections + self._evidence_selections)

    def evidence_selections(self) -> list[tuple[int, int]]:
        """(start, end) of what is highlighted as evidence now (for tests and screenshots)."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self._evidence_selections]

    def keyword_selections(self) -> list[tuple[int, int]]:
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self._keyword_selections]
