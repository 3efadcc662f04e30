"""The window finds imported records' PICO in the background: on opening, after an import, with Cancel."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from curator.importers.batch import import_paths
from curator.review import pico_filling
from curator.review.pico_filling import records_waiting
from curator.store import database
from curator.store.database import open_review
from tests.pico_export import write_export
from ui import pico_finding
from ui.main_window import MainWindow


@pytest.fixture
def waiting_path(review_path: Path, tmp_path: Path) -> Path:
    """A review whose 450 RIS records were imported by the core alone: their PICO still waits."""
    with open_review(review_path) as review:
        import_paths(review, [write_export(tmp_path / "export.ris", 450)], reviewer="tester")
        assert records_waiting(review) == 450
    return review_path


def open_watched(qtbot, path: Path, signal: str = "ended") -> tuple[MainWindow, list[object]]:  # type: ignore[no-untyped-def]
    """The window opened on ``path`` as tests/ui/windows.py opens it, every emission of the PICO finder's ``signal``
    (by default every end of a fill) kept from the start (none missed)."""
    window = MainWindow("tester")
    qtbot.addWidget(window)
    kept: list[object] = []
    getattr(window.pico, signal).connect(kept.append)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_review(path)
    return window, kept


def test_opening_a_review_finds_the_waiting_pico_and_shows_the_records(qtbot, waiting_path: Path) -> None:
    window, ended = open_watched(qtbot, waiting_path)
    qtbot.waitUntil(lambda: bool(ended), timeout=60_000)
    filled = ended[0]
    assert filled is not None, window.statusBar().currentMessage()
    assert filled.sought == 450 and not filled.stopped
    assert window.pico.job is None and window.pico.bar.isHidden()
    assert records_waiting(window.review) == 0
    assert window.statusBar().currentMessage() == f"PICO found in {filled.found:,} of 450 records"
    shown = window.record
    assert shown is not None and shown.value("pico.comparator") in ("placebo", "usual care")
    assert window.form.rows["pico.comparator"].editor.value() == shown.value("pico.comparator")
    window.close()


def test_the_shown_records_form_is_refreshed_when_its_pico_arrives(qtbot, waiting_path: Path) -> None:
    window, found = open_watched(qtbot, waiting_path, "record_found")
    qtbot.waitUntil(lambda: bool(found), timeout=60_000)
    assert found == [window.record.id]
    qtbot.waitUntil(lambda: bool(window.form.rows["pico.intervention"].editor.value()), timeout=10_000)
    assert window.document.highlight_evidence("pico.intervention") == 1  # its evidence is shown in the document
    window.close()


def test_cancel_stops_after_a_batch_and_the_rest_waits(qtbot, waiting_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_small_batches(review, *, cancelled, **kwargs):  # type: ignore[no-untyped-def]
        def asked() -> bool:
            time.sleep(0.1)  # time for the reviewer's click to arrive between two batches
            return cancelled()

        return pico_filling.fill_pico(review, cancelled=asked, batch=30, **kwargs)

    monkeypatch.setattr(pico_finding, "fill_pico", slow_small_batches)
    window, ended = open_watched(qtbot, waiting_path)
    qtbot.waitUntil(lambda: window.pico.bar.isVisible(), timeout=30_000)
    # A batch of 30 at a time; on a busy machine more than one may be done before the bar is first seen.
    assert re.search(r"Finding PICO: \d+ of 450 records", window.pico.label.text())
    window.pico.cancel_button.click()
    qtbot.waitUntil(lambda: bool(ended), timeout=60_000)
    filled = ended[0]
    assert filled.stopped and 0 < filled.sought < 450
    assert records_waiting(window.review) == 450 - filled.sought
    assert window.statusBar().currentMessage().endswith(
        f"; {450 - filled.sought:,} still to read (the next time the review is opened)")
    window.close()


def test_an_import_in_the_window_finds_the_new_records_pico(qtbot, review_path: Path, tmp_path: Path) -> None:
    window, ended = open_watched(qtbot, review_path)
    qtbot.waitUntil(lambda: window.pico.job is None, timeout=10_000)
    ended.clear()
    window.files.import_paths([write_export(tmp_path / "e.ris", 5)])
    qtbot.waitUntil(lambda: bool(ended), timeout=60_000)
    assert ended[0].sought == 5
    window.close()


def test_a_read_only_review_is_not_filled(qtbot, waiting_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "is_writable", lambda _path: False)
    window, ended = open_watched(qtbot, waiting_path)
    assert window.pico.job is None and window.pico.bar.isHidden() and ended == []
    assert records_waiting(window.review) == 450
    window.close()


def test_a_failed_fill_says_so_in_the_status_bar_and_the_records_still_wait(
        qtbot, waiting_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(review, **_kwargs):  # type: ignore[no-untyped-def]
        raise OSError("the disk is full")

    monkeypatch.setattr(pico_finding, "fill_pico", broken)
    window, ended = open_watched(qtbot, waiting_path)
    qtbot.waitUntil(lambda: bool(ended), timeout=30_000)
    assert window.statusBar().currentMessage() == "PICO not found: the disk is full"
    assert records_waiting(window.review) == 450
    window.close()


def test_a_login_that_may_not_fill_is_told_nothing(qtbot, waiting_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(review, **_kwargs):  # type: ignore[no-untyped-def]
        raise pico_filling.PicoNotAllowed("PICO of imported records is found by a lead of this review")

    monkeypatch.setattr(pico_finding, "fill_pico", refused)
    window, ended = open_watched(qtbot, waiting_path)
    qtbot.waitUntil(lambda: bool(ended), timeout=30_000)
    assert ended == [None] and "PICO" not in window.statusBar().currentMessage()
    window.close()
