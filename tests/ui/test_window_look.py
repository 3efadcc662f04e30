"""The window as a reviewer sees it: empty panes say what to do, a narrow list keeps its titles readable,
short problem lists are short, and a PICO box shows its whole value."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.windows import open_window
from ui.dialogs.problems import ProblemsDialog
from ui.list_hint import NO_RECORDS, NONE_MATCH
from ui.main_window import MainWindow


def hint_shown(window: MainWindow) -> str | None:
    label = window.record_list.hint.label
    return label.text() if label.isVisible() else None


def test_an_empty_review_says_how_to_bring_records_in(qtbot, review_path: Path) -> None:
    window = open_window(qtbot, review_path)
    assert hint_shown(window) == NO_RECORDS
    assert "Import (Ctrl+I)" in NO_RECORDS
    assert window.document.text.toPlainText() == ""
    assert window.document.text.placeholderText().startswith("The record chosen in the list shows here")
    assert not window.form.widget().isEnabled()  # no record: no form to type in
    window.close()


def test_a_search_that_matches_nothing_says_so_and_clearing_it_brings_the_records_back(qtbot, window) -> None:
    assert hint_shown(window) is None
    assert window.form.widget().isEnabled()  # a record is shown: its form may be edited
    window.record_list.search_box.setText("zzzqqq")
    window.record_list.apply_filter()
    assert window.model.rowCount() == 0
    assert hint_shown(window) == NONE_MATCH
    window.record_list.search_box.clear()
    window.record_list.apply_filter()
    assert window.model.rowCount() == 12
    assert hint_shown(window) is None


def test_a_narrow_list_hides_phase_then_status_for_a_readable_title_and_shows_them_when_wide(qtbot, window) -> None:
    fit = window.record_list.columns
    window.resize(1800, 900)
    window.splitter.setSizes([900, 500, 400])
    qtbot.waitUntil(lambda: not fit.hidden())
    window.splitter.setSizes([330, 900, 570])
    qtbot.waitUntil(lambda: "phase" in fit.hidden())
    title_width = window.record_list.table.columnWidth(0)
    assert title_width >= window.record_list.table.fontMetrics().horizontalAdvance("Effectiveness of ketamine")
    assert not window.record_list.table.isColumnHidden(4)  # the decision always stays
    window.splitter.setSizes([900, 500, 400])
    qtbot.waitUntil(lambda: not fit.hidden())


def test_the_problems_dialog_is_as_tall_as_its_few_lines(qtbot) -> None:
    one = ProblemsDialog("Import", "Imported 0 records from 1 file; 1 file could not be read:",
                         ["broken.ris: no RIS entries found"])
    many = ProblemsDialog("Import", "Imported 0 records from 40 files; 40 files could not be read:",
                          [f"broken{n}.ris: no RIS entries found" for n in range(40)])
    qtbot.addWidget(one)
    qtbot.addWidget(many)
    row = one.problems.sizeHintForRow(0)
    assert one.problems.height() < 3 * row
    assert 10 * row < many.problems.height() < 14 * row


def test_a_pico_box_is_as_tall_as_its_text_up_to_eight_lines_then_scrolls(qtbot, window) -> None:
    box = window.form.rows["pico.population"].editor
    spacing = box.text.fontMetrics().lineSpacing()
    box.set_value("adults")
    qtbot.waitUntil(lambda: box.text.height() < 5 * spacing)  # three lines: room to type a few words
    short = box.text.height()
    box.set_value("patients with Kawasaki disease who failed to respond to standard treatment " * 3)
    qtbot.waitUntil(lambda: box.text.height() > short)  # the whole value shows, not its first three lines
    assert box.text.verticalScrollBar().maximum() == 0
    box.set_value("word " * 2000)
    qtbot.waitUntil(lambda: box.text.verticalScrollBar().maximum() > 0)  # a very long value scrolls
    assert box.text.height() <= 9 * spacing + 40


def test_a_first_window_fits_the_screen_it_opens_on(qtbot) -> None:
    window = MainWindow("tester")  # nothing remembered yet: the window is as large as the screen allows
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert screen.width() < 1440 or window.width() == 1440  # a large screen keeps the window's own size


def test_a_long_verdict_line_ends_in_an_ellipsis_and_keeps_the_whole_in_its_tooltip(qtbot, window) -> None:
    label = window.decision_bar.verdict_label
    whole = "Not screened by you · alice: include · bob: exclude (wrong outcome) · dan: maybe · eve: include"
    label.setText(whole)
    label.setToolTip(whole)
    label.resize(label.fontMetrics().horizontalAdvance(whole) // 2, label.height())
    shown = label.shown_text()
    assert shown.endswith("…") and whole.startswith(shown[:-1])
    assert label.text() == whole  # the tests and the tooltip read the whole line
    label.resize(label.fontMetrics().horizontalAdvance(whole) + 20, label.height())
    assert label.shown_text() == whole


def test_a_long_identifier_ends_in_an_ellipsis_with_no_scroll_bar_across(qtbot, window) -> None:
    identifiers = window.form.rows["ids"].editor
    identifiers.set_value(["IRAS:288397", "EudraCT:2021-000052-19-with-a-long-registry-suffix", "ISRCTN12908996"])
    assert identifiers.items.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert identifiers.items.item(1).toolTip() == "EudraCT:2021-000052-19-with-a-long-registry-suffix"
