"""The desk's full texts: attach a PDF (command or drop), see its pages, read it into the form."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from curator.fulltext.storage import full_text_of
from curator.review.records import get_record, set_field
from curator.store.database import open_review
from tests.conftest import SAMPLES, add_records
from tests.fulltext.printed_pdf import printed_pdf
from tests.ui.windows import open_window
from ui import full_texts
from ui.main_window import MainWindow

NAME = "004_d447a14818565f2a.txt"
SPONSOR = "Hospital Universitari Vall d'Hebron Research Institute"
LUPUS = "Lenalidomide for refractory cutaneous lupus"


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "lupus.pdf"
    path.write_bytes(printed_pdf((SAMPLES / NAME).read_text(encoding="utf-8"), NAME))
    return path


@pytest.fixture
def ids(review_path: Path) -> dict[str, int]:
    with open_review(review_path) as review:
        (lupus,) = add_records(review, [LUPUS], record_kind="trial",
                               fields={"ids": ["NCT01408199"], "sponsor": "Vall d'Hebron"})
        (other,) = add_records(review, ["Anakinra in complex regional pain syndrome"], source="Embase")
    return {"lupus": lupus, "other": other}


@pytest.fixture
def window(qtbot, review_path: Path, ids: dict[str, int]) -> Iterator[MainWindow]:
    window = open_window(qtbot, review_path)
    yield window
    window.close()


def show(qtbot, window: MainWindow, record_id: int) -> None:
    window.record_list.select_record(record_id)
    assert window.record is not None and window.record.id == record_id


def finish(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.full_texts.long_work is None, timeout=20_000)


def full_text_tab(window: MainWindow) -> bool:
    pane = window.full_texts.pane
    return window.full_texts.pdf in [pane.widget(i) for i in range(pane.count())]


def attach_through_command(qtbot, window: MainWindow, monkeypatch, pdf: Path) -> None:
    monkeypatch.setattr(full_texts, "choose_pdf", lambda _parent, _folder: pdf)
    window.commands["attach_full_text"].trigger()
    finish(qtbot, window)


def test_attach_through_the_command_shows_the_full_text_tab_and_its_pages(qtbot, window, ids, monkeypatch,
                                                                          pdf: Path) -> None:
    show(qtbot, window, ids["lupus"])
    assert not full_text_tab(window) and not window.commands["read_full_text"].isEnabled()
    attach_through_command(qtbot, window, monkeypatch, pdf)
    assert full_text_of(window.review, ids["lupus"]).file_name == "lupus.pdf"  # type: ignore[arg-type, union-attr]
    assert full_text_tab(window) and window.full_texts.pane.tabText(1) == "Full text"
    view = window.full_texts.pdf
    qtbot.waitUntil(lambda: view.page_count() == 6, timeout=10_000)
    assert "lupus.pdf" in view.heading.text() and "6 pages" in view.heading.text()
    window.full_texts.pane.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.pages[0].image is not None, timeout=10_000)  # drawn by PDFium, off the GUI thread
    assert view.pages[0].image.width() > 100
    assert window.commands["read_full_text"].isEnabled() and window.commands["detach_full_text"].isEnabled()
    show(qtbot, window, ids["other"])  # a record without a full text: its document alone
    assert not full_text_tab(window) and window.full_texts.pane.currentIndex() == 0
    show(qtbot, window, ids["lupus"])
    assert full_text_tab(window)


def test_detach_takes_the_tab_away(qtbot, window, ids, monkeypatch, pdf: Path) -> None:
    show(qtbot, window, ids["lupus"])
    attach_through_command(qtbot, window, monkeypatch, pdf)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.commands["detach_full_text"].trigger()
    assert full_text_of(window.review, ids["lupus"]) is None  # type: ignore[arg-type]
    assert not full_text_tab(window) and not window.commands["detach_full_text"].isEnabled()


def _drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropped_pdfs_attach_to_the_records_they_report_and_the_rest_are_listed(qtbot, window, ids, monkeypatch,
                                                                                pdf: Path, tmp_path: Path) -> None:
    stray = tmp_path / "stray.pdf"
    stray.write_bytes(printed_pdf("Nothing here names a record of this review.\n" * 5, "stray"))
    notes = tmp_path / "notes.txt"
    notes.write_text("A document to import as a new record.\n", encoding="utf-8")
    asked: list[list[str]] = []
    monkeypatch.setattr(full_texts, "ask_drop_choice",
                        lambda _parent, pdfs, _title: asked.append([p.name for p in pdfs]) or full_texts.THEIR_RECORDS)
    imported: list[list[Path]] = []
    monkeypatch.setattr(window.files, "ask_and_import", lambda paths: imported.append(paths))
    show(qtbot, window, ids["other"])  # shown: another record; the PDF goes to the one it reports
    _drop(window, [pdf, stray, notes])
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    finish(qtbot, window)
    assert asked == [["lupus.pdf", "stray.pdf"]]
    assert full_text_of(window.review, ids["lupus"]).file_name == "lupus.pdf"  # type: ignore[arg-type, union-attr]
    assert full_text_of(window.review, ids["other"]) is None  # type: ignore[arg-type]
    summary = window.full_texts.summary
    assert summary is not None and "Attached 1 of 2 PDF files" in summary.summary.text()
    lines = [summary.problems.item(i).text() for i in range(summary.problems.count())]
    assert any(line.startswith("lupus.pdf: attached to record") and "NCT01408199" in line for line in lines)
    assert any(line.startswith("stray.pdf: not attached: no DOI, PMID") for line in lines)
    assert imported == [[notes]]  # the other files are imported as before


def test_pdfs_dropped_with_no_record_shown_are_imported(qtbot, window, monkeypatch, pdf: Path) -> None:
    window.record = None
    monkeypatch.setattr(full_texts, "ask_drop_choice", lambda *_args: pytest.fail("asked with no record shown"))
    imported: list[list[Path]] = []
    monkeypatch.setattr(window.files, "ask_and_import", lambda paths: imported.append(paths))
    window.full_texts.drop_files([pdf])
    assert imported == [[pdf]]


def test_read_into_the_form_fills_proposes_and_never_overwrites(qtbot, window, ids, monkeypatch, pdf: Path) -> None:
    set_field(window.review, ids["lupus"], "enrollment", "12", reviewer="tester")  # type: ignore[arg-type]
    show(qtbot, window, ids["lupus"])
    attach_through_command(qtbot, window, monkeypatch, pdf)
    window.commands["read_full_text"].trigger()
    finish(qtbot, window)
    record = get_record(window.review, ids["lupus"])  # type: ignore[arg-type]
    assert record.origin("conditions") == "full text" and record.value("conditions")
    assert record.value("enrollment") == 12 and record.origin("enrollment") == "edited"  # the reviewer's value
    assert record.value("sponsor") == "Vall d'Hebron"  # held a value: only proposed
    form = window.form
    assert form.rows["conditions"].state.text().startswith("from full text, page")
    assert form.rows["conditions"].editor.value() == record.value("conditions")
    dialog = window.full_texts.proposals
    assert dialog is not None and dialog.isVisible() and {"sponsor", "enrollment"} <= set(dialog.buttons)
    qtbot.mouseClick(dialog.buttons["sponsor"], Qt.MouseButton.LeftButton)
    record = get_record(window.review, ids["lupus"])  # type: ignore[arg-type]
    assert record.value("sponsor") == SPONSOR and record.origin("sponsor") == "full text"
    assert form.editor_value("sponsor") == SPONSOR and form.rows["sponsor"].state.text().startswith("from full text")
    assert not dialog.buttons["sponsor"].isEnabled() and dialog.buttons["enrollment"].isEnabled()
    assert record.value("enrollment") == 12


def test_focusing_a_field_from_the_full_text_shows_its_page_and_words(qtbot, window, ids, monkeypatch,
                                                                      pdf: Path) -> None:
    show(qtbot, window, ids["lupus"])
    attach_through_command(qtbot, window, monkeypatch, pdf)
    window.commands["read_full_text"].trigger()
    finish(qtbot, window)
    window.full_texts.proposals.close()  # type: ignore[union-attr]
    evidence = get_record(window.review, ids["lupus"]).curated["conditions"]["evidence"]  # type: ignore[arg-type]
    page = evidence[0]["page"]
    view = window.full_texts.pdf
    qtbot.waitUntil(lambda: view.page_count() == 6, timeout=10_000)
    window.full_texts.pane.setCurrentIndex(0)
    window.activateWindow()  # back from the proposals dialog
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    with qtbot.waitSignal(view.boxes_shown, timeout=10_000) as shown:
        window.form.rows["conditions"].editor.items.setFocus()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: window.full_texts.pane.currentWidget() is view, timeout=5_000)
    assert shown.args == [page]
    qtbot.waitUntil(lambda: view.current_page() == page, timeout=5_000)  # once the shown tab is laid out
    assert view.page_box.value() == page
    assert view.pages[page - 1].boxes and not any(p.boxes for p in view.pages if p.number != page)
    window.form.rows["title"].editor.line.setFocus()  # type: ignore[attr-defined]  # not from the full text: the PDF stays as it was
    assert view.pages[page - 1].boxes
