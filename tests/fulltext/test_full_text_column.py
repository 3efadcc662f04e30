"""The records' export names each record's full text, and says which reports sought still lack one."""

from __future__ import annotations

import csv
from pathlib import Path

from curator.export.record_table import NO_FULL_TEXT
from curator.export.records_csv import export_csv
from curator.fulltext.storage import attach_full_text
from curator.store.database import Review
from tests.export.built_review import build_review
from tests.fulltext.printed_pdf import pdf_from_pages


def test_the_records_csv_names_full_texts_and_the_missing_ones(review: Review, tmp_path: Path) -> None:
    ids = build_review(review)["ids"]
    attach_full_text(review, ids["article"], "anakinra-trial.pdf", pdf_from_pages([["Anakinra for CRPS"]]),
                     reviewer="alice")
    export_csv(review, tmp_path / "records.csv")
    with (tmp_path / "records.csv").open(encoding="utf-8-sig") as handle:
        rows = {int(row["record id"]): row for row in csv.DictReader(handle)}
    assert rows[ids["article"]]["full text"] == "anakinra-trial.pdf"
    assert rows[ids["reg_trial"]]["full text"] == NO_FULL_TEXT  # included at full text, no PDF attached yet
    assert rows[ids["cats"]]["full text"] == ""  # excluded at title/abstract: no report sought
