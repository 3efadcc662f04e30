"""Finding the PICO of imported bibliographic records after the import: batches, resuming, curated values, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.importers.batch import import_paths
from curator.review import pico_filling
from curator.review.pico_filling import fill_pico, records_waiting
from curator.review.records import get_record, set_field
from curator.store import database
from curator.store.database import ReviewReadOnly, open_review
from tests.pico_export import write_export


@pytest.fixture
def imported(review_path: Path, tmp_path: Path, samples: list[Path]) -> Path:
    """A review with 7 RIS records (one without an abstract) and the five sample documents."""
    with open_review(review_path) as review:
        import_paths(review, [write_export(tmp_path / "export.ris", 7, without_abstract=1), *samples], reviewer="ann")
    return review_path


def _pico(review: database.Review, record_id: int) -> dict:
    return get_record(review, record_id).fields()["pico"]


def test_an_import_leaves_the_pico_of_bibliographic_records_waiting_then_the_fill_finds_it(imported: Path) -> None:
    with open_review(imported) as review:
        assert records_waiting(review) == 7  # the RIS records, not the documents read by extraction
        told: list[tuple[int, int]] = []
        filled = fill_pico(review, reviewer="ann", batch=3, progress=lambda done, total: told.append((done, total)))
        assert (filled.sought, filled.found, filled.waiting, filled.stopped) == (7, 6, 0, False)
        assert told == [(3, 7), (6, 7), (7, 7)]
        assert records_waiting(review) == 0
        record = get_record(review, 1)
        assert record.fields()["pico"] == {"population": "children with acute diarrhoea", "intervention": "oral zinc",
                                           "comparator": "placebo", "outcome": "duration of diarrhoea"}
        for part, value in record.fields()["pico"].items():
            (start, end), = record.evidence[f"pico.{part}"]
            assert record.text[start:end] == value
        assert not record.is_edited("pico.intervention")
        # the record without an abstract states no control and no outcome: nothing guessed, and it waits no more
        assert _pico(review, 7)["comparator"] is None and _pico(review, 7)["outcome"] is None
        assert fill_pico(review, reviewer="ann").sought == 0


def test_a_stopped_fill_keeps_its_batches_and_the_next_one_carries_on(imported: Path) -> None:
    with open_review(imported) as review:
        asked = iter([False, True])
        filled = fill_pico(review, reviewer="ann", batch=2, cancelled=lambda: next(asked))
        assert (filled.sought, filled.stopped, filled.waiting) == (2, True, 5)
        assert _pico(review, 2)["comparator"] == "usual care" and _pico(review, 3)["comparator"] is None
        again = fill_pico(review, reviewer="ann", batch=2)
        assert (again.sought, again.waiting) == (5, 0)
        assert _pico(review, 3)["intervention"] == "intranasal ketamine"


def test_a_fill_killed_in_a_batch_loses_only_that_batch(imported: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pico_filling.entry_pico
    calls = [0]

    def dies_on_the_fourth(text: str, evidence: dict) -> dict:
        calls[0] += 1
        if calls[0] == 4:
            raise KeyboardInterrupt
        return real(text, evidence)

    monkeypatch.setattr(pico_filling, "entry_pico", dies_on_the_fourth)
    with open_review(imported) as review:
        with pytest.raises(KeyboardInterrupt):
            fill_pico(review, reviewer="ann", batch=3)
        assert records_waiting(review) == 4  # the first batch was written, the second not at all
        assert _pico(review, 4)["intervention"] is None
        monkeypatch.setattr(pico_filling, "entry_pico", real)
        assert fill_pico(review, reviewer="ann").sought == 4
        assert _pico(review, 4)["intervention"] == "oral zinc"


def test_a_curated_value_stays_in_front_of_what_the_fill_finds(imported: Path) -> None:
    with open_review(imported) as review:
        set_field(review, 1, "pico.comparator", "matched placebo sachets", reviewer="bea")
        fill_pico(review, reviewer="ann")
        record = get_record(review, 1)
        assert record.value("pico.comparator") == "matched placebo sachets"
        assert record.is_edited("pico.comparator") and record.extracted_value("pico.comparator") == "placebo"
        assert record.value("pico.intervention") == "oral zinc"


def test_a_read_only_review_is_refused_in_one_sentence(imported: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "is_writable", lambda _path: False)
    with open_review(imported) as review:
        with pytest.raises(ReviewReadOnly, match="^this review is read-only"):
            fill_pico(review, reviewer="ann")
        assert records_waiting(review) == 7
    result = CliRunner().invoke(cli, ["find-pico", "--review", str(imported)])
    assert result.exit_code == 1 and "read-only" in result.output and "Traceback" not in result.output


def test_the_import_command_finds_the_pico_after_saving(review_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(write_export(tmp_path / "e.ris", 4)), "--review", str(review_path)])
    assert result.exit_code == 0, result.output
    assert "Finding PICO in 4 records" in result.output and "PICO: found in 4 of 4 records" in result.output
    with open_review(review_path) as review:
        assert records_waiting(review) == 0 and _pico(review, 2)["outcome"] == "maximal walking distance"
    again = CliRunner().invoke(cli, ["find-pico", "--review", str(review_path)])
    assert again.exit_code == 0 and "no record is waiting" in again.output


def test_an_older_reviews_all_null_pico_waits_too(imported: Path) -> None:
    from curator.store.models import Record

    with open_review(imported) as review:
        with review.transaction() as session:
            record = session.get(Record, 2)
            record.extracted = {**record.extracted,
                                "pico": {"population": None, "intervention": None, "comparator": None, "outcome": None}}
        assert records_waiting(review) == 7
        fill_pico(review, reviewer="ann")
        assert _pico(review, 2)["intervention"] == "supervised walking"


def test_ctrl_c_stops_the_import_commands_fill_after_the_batch_being_written(
        review_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal

    real, calls = pico_filling.entry_pico, [0]

    def interrupted_on_the_third(text: str, evidence: dict) -> dict:
        calls[0] += 1
        if calls[0] == 3:
            os.kill(os.getpid(), signal.SIGINT)  # the reviewer presses Ctrl+C in the second batch
        return real(text, evidence)

    monkeypatch.setattr(pico_filling, "BATCH", 2)
    monkeypatch.setattr(pico_filling, "entry_pico", interrupted_on_the_third)
    result = CliRunner().invoke(cli, ["import", str(write_export(tmp_path / "e.ris", 7)), "--review", str(review_path)])
    assert result.exit_code == 0, result.output
    assert "PICO: stopped after 4 records; 3 still waiting (`curator find-pico` carries on)" in result.output
    monkeypatch.setattr(pico_filling, "entry_pico", real)
    again = CliRunner().invoke(cli, ["find-pico", "--review", str(review_path)])
    assert again.exit_code == 0 and "PICO: found in 3 of 3 records" in again.output
