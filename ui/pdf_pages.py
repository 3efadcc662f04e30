"""The full text's pages: a PDF drawn page by page, with words of evidence, search matches and a selection.

PDFium renders on a thread of its own (ui/pdf_renderer.py). The view asks for the pages that are
visible or about to be, as the reviewer scrolls; each comes back as a QImage and is kept until the
zoom changes. Evidence (quoted words), the matches of a search (ui/pdf_search.py) and the words the
reviewer drags over are found there too, and come back as boxes drawn over their page. Selected
words can be used for the form's field focused last ("Use for …": the window decides what that does).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.pdf_page import PageWidget
from ui.pdf_renderer import Box, PageRenderer
from ui.pdf_search import PdfSearchBar

PAGE_GAP = 10
ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)


class PdfView(QWidget):
    """The full-text tab: the file's name and page count, page and zoom controls, the pages in a scroll area."""

    open_requested = Signal(int, object)
    render_requested = Signal(int, int, float)
    find_requested = Signal(int, int, object)
    search_requested = Signal(int, str)
    selection_requested = Signal(int, int, object, object)  # generation, page index, start, end (PDF points)
    boxes_shown = Signal(int)  # page number whose highlighted words came back
    words_selected = Signal(int, str)  # page number, the words (quote) the reviewer selected on it
    selection_used = Signal(int, str)  # "Use for …": page number, quote

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_view")
        self.heading = QLabel()
        self.heading.setObjectName("pdf_heading")
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pdf_page_box")
        self.page_box.setPrefix("Page ")
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(self._on_page_box_value_changed)
        self.zoom_label = QLabel("100%")
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.page_box)
        for text, step in (("−", -1), ("+", 1)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip("Zoom out" if step < 0 else "Zoom in")
            button.clicked.connect(lambda _checked=False, s=step: self.zoom_by(s))
            bar.addWidget(button)
        bar.addWidget(self.zoom_label)
        self.area = QScrollArea()
        self.area.setObjectName("pdf_pages")
        self.area.setWidgetResizable(True)
        self.area.setStyleSheet("QScrollArea#pdf_pages > QWidget > QWidget { background: #8a8f96; }")
        self.body = QWidget()
        self.column = QVBoxLayout(self.body)
        self.column.setSpacing(PAGE_GAP)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.area.setWidget(self.body)
        self.area.verticalScrollBar().valueChanged.connect(self._on_scroll_bar_value_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.search = PdfSearchBar()
        self.search.search_requested.connect(self._on_search_search_requested)
        self.search.match_chosen.connect(self._on_search_match_chosen)
        self.use_button = QToolButton()
        self.use_button.setObjectName("pdf_use_selection")
        self.use_button.setToolTip("Set the form's field focused last to the words selected on the page")
        self.use_button.clicked.connect(self._on_use_button_clicked)
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 4, 0)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.use_button)
        layout.addLayout(bar)
        layout.addLayout(tools)
        layout.addWidget(self.area, 1)
        self.selection: tuple[int, str] | None = None  # page number and words selected
        self.target = ""  # the label of the field a selection would go to ("": none)
        self.pages: list[PageWidget] = []
        self.file_name = ""
        self.sha256: str | None = None
        self.zoom = ZOOMS.index(1.0)
        self._page = 1  # the page at the top (or to be, once the view is shown)
        self._generation = 0
        self._requested: set[tuple[int, float]] = set()
        self._wanted: tuple[int, list[str]] | None = None  # a page and quotes to highlight once the pages are laid
        self._thread: QThread | None = None
        self._renderer: PageRenderer | None = None
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(60)
        self._layout_timer.timeout.connect(self._on_layout_timer_timeout)

    # -- the thread that renders -------------------------------------------------------------
    def _start(self) -> None:
        if self._thread is not None:
            return
        self._thread = QThread()
        self._thread.setObjectName("curator-pdf-pages")
        self._renderer = PageRenderer()
        self._renderer.moveToThread(self._thread)
        self.open_requested.connect(self._renderer._on_view_open_requested)
        self.render_requested.connect(self._renderer._on_view_render_requested)
        self.find_requested.connect(self._renderer._on_view_find_requested)
        self._renderer.opened.connect(self._on_renderer_opened)
        self._renderer.open_failed.connect(self._on_renderer_open_failed)
        self._renderer.page_rendered.connect(self._on_renderer_page_rendered)
        self._renderer.boxes_found.connect(self._on_renderer_boxes_found)
        self.search_requested.connect(self._renderer._on_view_search_requested)
        self.selection_requested.connect(self._renderer._on_view_selection_requested)
        self._renderer.matches_found.connect(self._on_renderer_matches_found)
        self._renderer.selection_read.connect(self._on_renderer_selection_read)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self._thread.start()

    def stop(self) -> None:
        """Close the document and end the rendering thread (the review closes, the window goes)."""
        self.clear()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._renderer = None  # its document was closed on its thread; nothing of PDFium is left to run

    # -- what is shown -----------------------------------------------------------------------
    def show_pdf(self, file_name: str, sha256: str, data: bytes, pages: int) -> None:
        """Show a PDF (its pages are laid out once the rendering thread has opened it)."""
        self._start()
        self._reset(file_name, sha256)
        self.heading.setText(f"<b>{file_name}</b> · {pages} page{'' if pages == 1 else 's'}")
        self.open_requested.emit(self._generation, data)

    def clear(self) -> None:
        self._reset("", None)
        self.heading.clear()
        if self._thread is not None:
            self.open_requested.emit(self._generation, None)

    def _reset(self, file_name: str, sha256: str | None) -> None:
        self._generation += 1
        self.file_name, self.sha256 = file_name, sha256
        self._requested.clear()
        self._wanted = None
        self._page = 1
        self.search.forget()
        self.selection = None
        self.set_target(self.target)
        for page in self.pages:
            page.deleteLater()
        self.pages = []
        self.page_box.blockSignals(True)
        self.page_box.setRange(0, 0)
        self.page_box.blockSignals(False)

    def page_count(self) -> int:
        return len(self.pages)

    def current_page(self) -> int:
        """The page (1-based) at the top of the view; 0 when no page is laid out."""
        top = self.area.verticalScrollBar().value() + PAGE_GAP
        for page in self.pages:
            if page.geometry().bottom() >= top:
                return page.number
        return len(self.pages)

    def show_evidence(self, page: int, quotes: list[str]) -> None:
        """Go to ``page`` and highlight the quoted words on it (the others' highlights go)."""
        self._wanted = (page, quotes)
        if self.pages:
            self._show_wanted()

    def _show_wanted(self) -> None:
        assert self._wanted is not None
        number, quotes = self._wanted
        self._wanted = None
        for page in self.pages:
            if page.boxes:
                page.boxes = []
                page.update()
        if 1 <= number <= len(self.pages):
            self.go_to_page(number)
            if quotes:
                self.find_requested.emit(self._generation, number - 1, quotes)

    def go_to_page(self, number: int) -> None:
        """Scroll to page ``number`` (1-based); while the view is hidden, as soon as it is shown."""
        if not 1 <= number <= len(self.pages):
            return
        self._page = number
        if self.isVisible():
            self.column.activate()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the scroll area sizes the column
            self.area.verticalScrollBar().setValue(self.pages[number - 1].y() - PAGE_GAP)
            self._request_visible()

    def zoom_by(self, step: int) -> None:
        self.zoom = min(max(self.zoom + step, 0), len(ZOOMS) - 1)
        self.zoom_label.setText(f"{ZOOMS[self.zoom]:.0%}")
        self._lay_out()

    # -- laying out and rendering ------------------------------------------------------------
    def _scale(self) -> float:
        """Screen pixels per PDF point: the widest page fits the width at 100%."""
        widest = max((p.points[0] for p in self.pages), default=595.0)
        return max(0.1, (self.area.viewport().width() - 2 * PAGE_GAP) / widest) * ZOOMS[self.zoom]

    def _lay_out(self) -> None:
        if not self.pages:
            return
        scale = self._scale()
        for page in self.pages:
            page.set_scale(scale)
        number = self._page
        self.go_to_page(number)
        self._reveal(self.pages[number - 1], self.pages[number - 1].boxes)

    def _request_visible(self) -> None:
        bar = self.area.verticalScrollBar()
        height = self.area.viewport().height()
        top, bottom = bar.value() - height // 2, bar.value() + height + height // 2
        ratio = self.devicePixelRatioF()
        for index, page in enumerate(self.pages):
            if page.y() + page.height() < top or page.y() > bottom:
                continue
            wanted = round(page.scale * ratio, 2)
            if abs(page.image_scale - wanted) > 0.01 and (index, wanted) not in self._requested:
                self._requested.add((index, wanted))
                self.render_requested.emit(self._generation, index, wanted)
        self.page_box.blockSignals(True)
        self.page_box.setValue(self.current_page())
        self.page_box.blockSignals(False)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._layout_timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self._layout_timer.start()  # laid out while hidden: again, at the page asked for

    def _on_layout_timer_timeout(self) -> None:
        self._lay_out()

    def _on_scroll_bar_value_changed(self, _value: int) -> None:
        if self.isVisible() and self.pages:
            if not self._layout_timer.isActive():  # not a move of the layout settling after a resize
                self._page = self.current_page()
            self._request_visible()

    def _on_page_box_value_changed(self, number: int) -> None:
        self.go_to_page(number)

    def _on_renderer_opened(self, generation: int, sizes: object) -> None:
        if generation != self._generation:
            return
        page_sizes: list[tuple[float, float]] = list(sizes)  # type: ignore[call-overload]
        for number, size in enumerate(page_sizes, start=1):
            page = PageWidget(number, size, self.body)
            page.dragged.connect(self._on_page_dragged)
            self.column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(page)
        self.page_box.setRange(1 if self.pages else 0, len(self.pages))
        self._lay_out()
        if self._wanted is not None:
            self._show_wanted()
        else:
            self.go_to_page(1)

    def _on_renderer_open_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.heading.setText(f"<b>{self.file_name}</b> {message}")

    def _on_renderer_page_rendered(self, generation: int, index: int, scale: float, image: QImage) -> None:
        if generation == self._generation and index < len(self.pages):
            page = self.pages[index]
            page.image, page.image_scale = image, scale
            page.update()

    def _on_renderer_boxes_found(self, generation: int, index: int, boxes: object) -> None:
        if generation != self._generation or index >= len(self.pages):
            return
        page = self.pages[index]
        page.boxes = list(boxes)  # type: ignore[call-overload]
        page.update()
        self._reveal(page, page.boxes)
        self.boxes_shown.emit(index + 1)

    def _reveal(self, page: PageWidget, boxes: list[Box]) -> None:
        """Bring the first of ``boxes`` (highlighted on ``page``) into view."""
        if boxes and self.isVisible():
            first = page.box_rect(boxes[0])
            bar, height = self.area.verticalScrollBar(), self.area.viewport().height()
            top, bottom = page.y() + int(first.top()), page.y() + int(first.bottom())
            if top < bar.value() or bottom > bar.value() + height:  # out of view: a third down from the top
                bar.setValue(top - height // 3)

    # -- searching, selecting ----------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.matches(QKeySequence.StandardKey.Find):
            event.accept()  # Ctrl+F in the full text searches it (not the window's record list)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Find):
            self.search.start()
        else:
            super().keyPressEvent(event)

    def _on_search_search_requested(self, text: str) -> None:
        if self._thread is not None and self.pages:
            self.search_requested.emit(self._generation, text)

    def _on_renderer_matches_found(self, generation: int, text: str, matches: object) -> None:
        if generation != self._generation:
            return
        found: list[tuple[int, list[Box]]] = list(matches)  # type: ignore[call-overload]
        for page in self.pages:
            page.found = [box for index, boxes in found if index == page.number - 1 for box in boxes]
            page.current = []
            page.update()
        self.search.show_matches(text, found)

    def _on_search_match_chosen(self, number: int) -> None:
        index, boxes = self.search.matches[number]
        for page in self.pages:
            if page.current:
                page.current = []
                page.update()
        if index < len(self.pages):
            page = self.pages[index]
            page.current = boxes
            page.update()
            self.go_to_page(page.number)
            self._reveal(page, boxes)

    def _on_page_dragged(self, number: int, start: object, end: object) -> None:
        self.selection_requested.emit(self._generation, number - 1, start, end)

    def _on_renderer_selection_read(self, generation: int, index: int, quote: str, boxes: object) -> None:
        if generation != self._generation or index >= len(self.pages):
            return
        for page in self.pages:
            if page.selected:
                page.selected = []
                page.update()
        self.pages[index].selected = list(boxes)  # type: ignore[call-overload]
        self.pages[index].update()
        self.selection = (index + 1, quote) if quote else None
        self.set_target(self.target)
        if quote:
            self.words_selected.emit(index + 1, quote)

    def set_target(self, label: str) -> None:
        """The field selected words would go to (its label; "" for none): the "Use for …" button says it."""
        self.target = label
        self.use_button.setText(f"Use for {label}" if label else "Use for a field")
        self.use_button.setEnabled(bool(label) and self.selection is not None)

    def _on_use_button_clicked(self) -> None:
        if self.selection is not None and self.target:
            self.selection_used.emit(*self.selection)
