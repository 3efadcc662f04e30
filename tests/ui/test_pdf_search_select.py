"""The full text's pane: searching its pages (n of m, next / previous), and selected words filling a field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from curator.fulltext.storage import attach_full_text
from curator.review.records import get_record
from curator.store.database import open_review
from tests.conftest import add_records
from tests.fulltext.printed_pdf import printed_pdf
from ui.main_window import MainWindow
from ui.pdf_pages import PdfView

SPONSOR_LINE = "Sponsor: Acme Pharma Ltd"
BODY = [f"Line {n} of the report, nothing to see." for n in range(150)]
BODY[3] = "Patients took apixaban twice daily."
BODY[5] = SPONSOR_LINE
BODY[100] = "Apixaban was stopped in two patients."  # page 3 (48 lines a page)


@pytest.fixture
def record_id(review_path: Path) -> int:
    with open_review(review_path) as review:
        (rid,) = add_records(review, ["Apixaban after knee surgery"], record_kind="trial")
        attach_full_text(review, rid, "report.pdf", printed_pdf("\n".join(BODY), "report"), reviewer="tester")
    return rid


@pytest.fixture
def window(qtbot, review_path: Path, record_id: int) -> Iterator[MainWindow]:
    window = MainWindow("tester")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    assert window.open_review(review_path)
    yield window
    window.close()


def shown_pdf(qtbot, window: MainWindow, record_id: int) -> PdfView:
    window.record_list.select_record(record_id)
    view = window.full_texts.pdf
    qtbot.waitUntil(lambda: view.page_count() == 4, timeout=10_000)
    window.full_texts.pane.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.pages[0].image is not None, timeout=10_000)
    return view


def test_search_finds_the_words_on_two_pages_and_moves_between_them(qtbot, window, record_id) -> None:
    view = shown_pdf(qtbot, window, record_id)
    view.area.setFocus()
    qtbot.keyClick(view.area, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: the full text's search
    box = view.search.box
    assert box.hasFocus()
    qtbot.keyClicks(box, "apixaban")
    with qtbot.waitSignal(view.search.match_chosen, timeout=10_000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert view.search.count.text() == "1 of 2"
    assert [p.number for p in view.pages if p.found] == [1, 3]
    assert view.pages[0].current and not view.pages[2].current
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the next match: page 3, brought into view
    assert view.search.count.text() == "2 of 2"
    assert view.pages[2].current and not view.pages[0].current
    qtbot.waitUntil(lambda: view.current_page() == 3, timeout=5_000)
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # back to the first
    assert view.search.count.text() == "1 of 2" and view.pages[0].current
    qtbot.waitUntil(lambda: view.current_page() == 1, timeout=5_000)
    box.setText("warfarin")
    with qtbot.waitSignal(view.search.search_requested, timeout=5_000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.search.count.text() == "no match", timeout=10_000)
    assert not any(p.found or p.current for p in view.pages)


def _drag_over(qtbot, view: PdfView, page_number: int, line: int, first: int, last: int) -> None:
    """Drag on ``page_number`` from column ``first`` to column ``last`` of body line ``line`` (as printed_pdf lays it)."""
    page = view.pages[page_number - 1]
    y = 800 - 15 * (2 + line) + 3  # two heading lines, 15 points a line, a little above the baseline
    start = QPoint(round((40 + 6 * first + 2) * page.scale), round((842 - y) * page.scale))
    end = QPoint(round((40 + 6 * last + 4) * page.scale), round((842 - y) * page.scale))
    qtbot.mousePress(page, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(page, end)
    qtbot.mouseRelease(page, Qt.MouseButton.LeftButton, pos=end)


def test_words_selected_on_a_page_fill_the_focused_field_and_undo_takes_them_back(qtbot, window, record_id) -> None:
    view = shown_pdf(qtbot, window, record_id)
    editor = window.form.rows["sponsor"].editor
    editor.line.setFocus()  # type: ignore[attr-defined]  # the field the words go to
    qtbot.waitUntil(lambda: window.full_texts.last_key == "sponsor", timeout=5_000)
    assert view.use_button.text() == "Use for sponsor" and not view.use_button.isEnabled()  # nothing selected yet
    column = SPONSOR_LINE.index("Acme")
    with qtbot.waitSignal(view.words_selected, timeout=10_000) as selected:
        _drag_over(qtbot, view, 1, 5, column, len(SPONSOR_LINE) - 1)
    assert selected.args == [1, "Acme Pharma Ltd"]
    assert view.pages[0].selected and view.use_button.isEnabled()
    qtbot.mouseClick(view.use_button, Qt.MouseButton.LeftButton)
    record = get_record(window.review, record_id)  # type: ignore[arg-type]
    assert record.value("sponsor") == "Acme Pharma Ltd" and record.origin("sponsor") == "edited"
    assert record.curated["sponsor"]["evidence"] == [{"page": 1, "quote": "Acme Pharma Ltd"}]
    assert window.form.editor_value("sponsor") == "Acme Pharma Ltd"
    assert window.form.rows["sponsor"].state.text() == "edited by tester, full text page 1"
    assert window.commands["undo"].text() == "Undo Edit sponsor"
    window.commands["undo"].trigger()
    record = get_record(window.review, record_id)  # type: ignore[arg-type]
    assert record.value("sponsor") is None and "sponsor" not in record.curated
    assert window.form.editor_value("sponsor") in (None, "")
