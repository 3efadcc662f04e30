"""The full text's renderer: PDFium, on a thread of its own, draws pages and finds words on them.

PDFium is not made for several threads at once, so every call to it is made on the renderer's
thread (:class:`PageRenderer`, one document at a time). It answers the view (ui/pdf_pages.py) by
signals: the pages' sizes once a document is open, a page's image at a scale, the boxes of quoted
words (evidence) on a page, every match of a searched text across pages, and the words under a
stretch the reviewer dragged over on a page. Boxes are in PDF points (left, bottom, right, top).
"""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

Box = tuple[float, float, float, float]  # left, bottom, right, top, in PDF points
# What PDFium reads at a line's end: a hyphen it marks as the word's break (dropped: the word is joined).
LINE_BREAK_HYPHENS = ("\ufffe", "\x02")
NEAR = 4.0  # points around a character that still count as on it (get_index's tolerance)


def find_boxes(text_page: Any, quote: str) -> list[Box]:
    """The boxes (PDF points) of ``quote`` on a page: its characters matched in order, case and spaces aside.

    A quote read from the joined text crosses line ends the page shows as breaks; matching without
    the spaces finds it all the same. Returns [] when the page does not hold it.
    """
    wanted = "".join(quote.split()).casefold()
    if not wanted:
        return []
    text = text_page.get_text_range()
    if len(text) != text_page.count_chars():  # characters and indexes disagree: the plain search API then
        searcher = text_page.search(quote.split("\n")[0][:200], match_case=False)
        found = searcher.get_next()
        spans = [found] if found else []
    else:
        kept = [(i, c) for i, c in enumerate(text.casefold()) if not c.isspace()]
        joined = "".join(c for _, c in kept)
        at = joined.find(wanted)
        if at < 0:  # a hyphen the reading dropped at a line's end
            kept = [(i, c) for i, c in kept if c not in "-\u00ad"]
            joined = "".join(c for _, c in kept)
            at = joined.find(wanted.replace("-", ""))
            wanted = wanted.replace("-", "")
        if at < 0:
            return []
        first, last = kept[at][0], kept[at + len(wanted) - 1][0]
        spans = [(first, last - first + 1)]
    boxes = []
    for index, count in spans:
        for k in range(text_page.count_rects(index, count)):
            boxes.append(tuple(text_page.get_rect(k)))
    return boxes  # type: ignore[return-value]


def char_boxes(text_page: Any, first: int, count: int) -> list[Box]:
    """The boxes PDFium gives for ``count`` characters from ``first`` (one per run of a line)."""
    return [tuple(text_page.get_rect(k)) for k in range(text_page.count_rects(first, count))]  # type: ignore[misc]


def search_boxes(text_page: Any, text: str) -> list[list[Box]]:
    """Every match of ``text`` on a page (case aside), each as its boxes, in reading order."""
    if not text.strip():
        return []
    searcher = text_page.search(text, match_case=False)
    matches = []
    while (found := searcher.get_next()) is not None:
        matches.append(char_boxes(text_page, *found))
    return matches


def selected_span(text_page: Any, start: tuple[float, float], end: tuple[float, float]) -> tuple[int, int] | None:
    """The characters (first index, count) from the one at ``start`` to the one at ``end`` (PDF points).

    Dragged from word to word, the characters between them in reading order; started or ended
    beside the text (a margin), the characters whose boxes the dragged rectangle touches.
    """
    ends = [text_page.get_index(x, y, NEAR, NEAR) for x, y in (start, end)]
    ends = [i for i in ends if i is not None and i >= 0]
    if len(ends) < 2:
        left, right = sorted((start[0], end[0]))
        bottom, top = sorted((start[1], end[1]))
        ends = [i for i in range(text_page.count_chars())
                if _touches(text_page.get_charbox(i), (left, bottom, right, top))]
    if not ends:
        return None
    first, last = min(ends), max(ends)
    return first, last - first + 1


def _touches(box: Box, area: Box) -> bool:
    return box[0] < area[2] and box[2] > area[0] and box[1] < area[3] and box[3] > area[1] and box[2] > box[0]


def quote_of(text: str) -> str:
    """Selected characters as a quote: a word broken at a line's end joined, every run of spaces one space."""
    for mark in LINE_BREAK_HYPHENS:
        text = text.replace(mark, "")
    return " ".join(text.split())


class PageRenderer(QObject):
    """Lives on its own thread: opens one PDF at a time, renders its pages, finds words on them."""

    opened = Signal(int, object)  # generation, [(width, height)] of every page in points
    open_failed = Signal(int, str)
    page_rendered = Signal(int, int, float, QImage)  # generation, page index, scale, image
    boxes_found = Signal(int, int, object)  # generation, page index, [Box]
    matches_found = Signal(int, str, object)  # generation, text searched, [(page index, [Box])] in order
    selection_read = Signal(int, int, str, object)  # generation, page index, quote, [Box] ("" and []: nothing)

    def __init__(self) -> None:
        super().__init__()
        self._document: Any = None
        self._generation = -1

    @Slot(int, object)
    def _on_view_open_requested(self, generation: int, data: object) -> None:
        self._close()
        self._generation = generation
        if data is None:
            return
        try:
            self._document = pdfium.PdfDocument(data)
            sizes = [self._document.get_page_size(i) for i in range(len(self._document))]
        except pdfium.PdfiumError as error:
            self._close()
            self.open_failed.emit(generation, f"cannot be shown: {error}")
            return
        self.opened.emit(generation, sizes)

    @Slot(int, int, float)
    def _on_view_render_requested(self, generation: int, index: int, scale: float) -> None:
        if generation != self._generation or self._document is None:
            return  # another document was opened since
        page = self._document[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            image_format = QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, image_format).copy()
        finally:
            page.close()
        self.page_rendered.emit(generation, index, scale, image)

    @Slot(int, int, object)
    def _on_view_find_requested(self, generation: int, index: int, quotes: object) -> None:
        if generation != self._generation or self._document is None or not 0 <= index < len(self._document):
            return
        page = self._document[index]
        text_page = page.get_textpage()
        try:
            boxes = [box for quote in quotes for box in find_boxes(text_page, quote)]  # type: ignore[attr-defined]
        finally:
            text_page.close()
            page.close()
        self.boxes_found.emit(generation, index, boxes)

    @Slot(int, str)
    def _on_view_search_requested(self, generation: int, text: str) -> None:
        if generation != self._generation or self._document is None:
            return
        found = []
        for index in range(len(self._document)):
            page = self._document[index]
            text_page = page.get_textpage()
            try:
                found.extend((index, boxes) for boxes in search_boxes(text_page, text))
            finally:
                text_page.close()
                page.close()
        self.matches_found.emit(generation, text, found)

    @Slot(int, int, object, object)
    def _on_view_selection_requested(self, generation: int, index: int, start: object, end: object) -> None:
        if generation != self._generation or self._document is None or not 0 <= index < len(self._document):
            return
        page = self._document[index]
        text_page = page.get_textpage()
        try:
            span = selected_span(text_page, start, end)  # type: ignore[arg-type]
            quote = quote_of(text_page.get_text_range(*span)) if span else ""
            boxes = char_boxes(text_page, *span) if span and quote else []
        finally:
            text_page.close()
            page.close()
        self.selection_read.emit(generation, index, quote, boxes)

    def _close(self) -> None:
        if self._document is not None:
            self._document.close()
        self._document = None
