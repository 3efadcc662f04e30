"""Importing from the window: the file filters, and the source's name and kind asked after choosing files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from curator.review import records
from curator.review.listing import find_record_ids
from tests.ui.seeding import SAMPLES
from tests.ui.windows import open_window
from ui.dialogs.import_source import GUESS, ImportSourceDialog, import_file_filter
from ui.main_window import MainWindow


def test_the_filter_offers_each_format_then_all_files() -> None:
    parts = import_file_filter().split(";;")
    labels = [p.split(" (")[0] for p in parts]
    assert labels == ["All supported", "Text and web pages", "RIS", "MEDLINE", "BibTeX", "EndNote XML",
                      "ClinicalTrials.gov", "Tables", "PDF", "All files"]
    assert "MEDLINE (*.nbib" in parts[3] and "*.ciw" in parts[0] and "*.pdf" in parts[0]


def test_the_dialog_starts_at_guessing(qtbot) -> None:
    dialog = ImportSourceDialog([Path("a.ris"), Path("b.ris")])
    qtbot.addWidget(dialog)
    assert dialog.kind.currentText() == GUESS and dialog.source_kind() is None and dialog.source_name() is None
    dialog.name.setText("  Hospital   website ")
    dialog.kind.setCurrentIndex(dialog.kind.findData("website"))
    assert dialog.source_name() == "Hospital website" and dialog.source_kind() == "website"


@pytest.fixture
def window(qtbot, review_path: Path) -> MainWindow:
    return open_window(qtbot, review_path)


def test_chosen_files_are_imported_under_the_named_source(qtbot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    document = tmp_path / "trial page.txt"
    shutil.copy(next(iter(sorted(SAMPLES.glob("*.txt")))), document)
    asked: list[tuple[str, str]] = []

    def choose(_parent: object, _title: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append((folder, filters))
        return [str(document)], ""

    def answer(dialog: ImportSourceDialog) -> int:
        dialog.name.setText("Sponsor's site")
        dialog.kind.setCurrentIndex(dialog.kind.findData("organisation"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    monkeypatch.setattr(ImportSourceDialog, "exec", answer)
    window.files.import_files()
    assert asked and asked[0][0] == str(window.review.path.parent) and "All supported" in asked[0][1]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.files.long_work is None, timeout=20000)
    assert window.review is not None
    [record_id] = find_record_ids(window.review)
    view = records.get_record(window.review, record_id)
    assert (view.source_name, view.source_kind) == ("Sponsor's site", "organisation")


def test_cancelling_the_source_question_imports_nothing(window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ImportSourceDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected.value)
    assert window.files.ask_and_import([tmp_path]) is None and window.files.long_work is None


def test_export_starts_beside_the_review(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, start, _filters: (asked.append(start), ("", ""))[1])
    window.files.export()
    assert window.review is not None
    assert asked == [str(window.review.path.parent / f"{window.review.name}.xlsx")]
