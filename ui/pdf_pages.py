"""The full text's pages: a PDF drawn page by page (pypdfium2), with words of evidence highlighted.

PDFium renders on a thread of its own (:class:`PageRenderer`, one document at a time; PDFium is not
made for several threads at once, so every call to it is made there). The view asks for the pages
that are visible or about to be, as the reviewer scrolls; each comes back as a QImage and is kept
until the zoom changes. Quoted words are found on their page through PDFium's text page: their
characters, spaces and case aside, give the boxes that are highlighted.
"""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSize, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

HIGHLIGHT = QColor(255, 214, 0, 110)
HIGHLIGHT_EDGE = QColor("#c98f00")
PAGE_GAP = 10
ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
Box = tuple[float, float, float, float]  # left, bottom, right, top, in PDF points


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


class PageRenderer(QObject):
    """Lives on its own thread: opens one PDF at a time, renders its pages, finds words on them."""

    opened = Signal(int, object)  # generation, [(width, height)] of every page in points
    open_failed = Signal(int, str)
    page_rendered = Signal(int, int, float, QImage)  # generation, page index, scale, image
    boxes_found = Signal(int, int, object)  # generation, page index, [Box]

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

    def _close(self) -> None:
        if self._document is not None:
            self._document.close()
        self._document = None


class PageWidget(QWidget):
    """One page: white until its image comes, then the image, with highlighted boxes over it."""

    def __init__(self, number: int, size: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.points = size
        self.scale = 1.0
        self.image: QImage | None = None
        self.image_scale = 0.0
        self.boxes: list[Box] = []
        self.setObjectName(f"pdf_page_{number}")

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.setFixedSize(QSize(max(1, round(self.points[0] * scale)), max(1, round(self.points[1] * scale))))

    def box_rect(self, box: Box) -> QRectF:
        left, bottom, right, top = box
        s, height = self.scale, self.points[1]
        return QRectF(left * s, (height - top) * s, (right - left) * s, (top - bottom) * s).adjusted(-1, -1, 1, 1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(self.rect()), self.image)
        else:
            painter.setPen(QColor("#999999"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, f"Page {self.number}")
        painter.setPen(QPen(HIGHLIGHT_EDGE, 1))
        for box in self.boxes:
            painter.fillRect(self.box_rect(box), HIGHLIGHT)
            painter.drawRect(self.box_rect(box))
        painter.end()


class PdfView(QWidget):
    """The full-text tab: the file's name and page count, page and zoom controls, the pages in a scroll area."""

    open_requested = Signal(int, object)
    render_requested = Signal(int, int, float)
    find_requested = Signal(int, int, object)
    boxes_shown = Signal(int)  # page number whose highlighted words came back

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
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
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
        self._reveal_boxes(self.pages[number - 1])

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
        self._reveal_boxes(page)
        self.boxes_shown.emit(index + 1)

    def _reveal_boxes(self, page: PageWidget) -> None:
        """Bring the first highlighted line of ``page`` into view (the page's top is shown already)."""
        if page.boxes and self.isVisible():
            first = page.box_rect(page.boxes[0])
            bar, height = self.area.verticalScrollBar(), self.area.viewport().height()
            top, bottom = page.y() + int(first.top()), page.y() + int(first.bottom())
            if top < bar.value() or bottom > bar.value() + height:  # out of view: a third down from the top
                bar.setValue(top - height // 3)
