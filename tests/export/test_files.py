"""The CSV of records, the RIS of included records, the PRISMA2020 package's CSV template."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.export import ExportCancelled, export_csv, export_prisma_csv, export_ris
from curator.export.prisma_csv import HEADER
from curator.export.record_table import COLUMNS
from curator.prisma.counts import prisma_counts
from curator.store.database import Review
from tests.export.built_review import build_review

PRISMA2020_KEYS = {
    "previous_studies", "previous_reports", "database_results", "database_specific_results", "register_results",
    "register_specific_results", "website_results", "organisation_results", "citations_results", "duplicates",
    "excluded_automatic", "excluded_other", "records_screened", "records_excluded", "dbr_sought_reports",
    "dbr_notretrieved_reports", "other_sought_reports", "other_notretrieved_reports", "dbr_assessed",
    "dbr_excluded", "other_assessed", "other_excluded", "new_studies", "new_reports", "total_studies",
    "total_reports",
}


def test_prisma_csv_template_keys_and_counts(review: Review, tmp_path: Path) -> None:
    build_review(review)
    path = export_prisma_csv(review, tmp_path / "PRISMA.csv")
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == HEADER == ("data", "node", "box", "description", "boxtext", "tooltips", "url", "n")
    n = {row[0]: row[7] for row in rows[1:]}
    assert set(n) >= PRISMA2020_KEYS
    data = prisma_counts(review).as_prisma2020_data()
    assert n["records_screened"] == str(data["records_screened"]) == "12"
    assert n["dbr_excluded"] == "wrong population, 2; wrong intervention, 1"
    assert n["database_specific_results"] == "PubMed, 10; Embase, 4"
    assert n["other_excluded"] == "wrong comparator, 1"
    assert (n["new_studies"], n["new_reports"], n["total_studies"]) == ("3", "4", "3")
    assert all(len(row) == 8 for row in rows)


def test_records_csv(review: Review, tmp_path: Path) -> None:
    built = build_review(review)
    path = export_csv(review, tmp_path / "records.csv")
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 19
    by_id = {int(row[0]): row for row in rows[1:]}
    title = COLUMNS.index("title")
    assert by_id[built["ids"]["formula"]][title].startswith("'=")  # defused for spreadsheets
    assert "\x00" not in path.read_text(encoding="utf-8-sig")


def test_ris_has_the_included_records(review: Review, tmp_path: Path) -> None:
    build_review(review)
    text = export_ris(review, tmp_path / "included.ris").read_text(encoding="utf-8")
    entries = [e for e in text.split("ER  - ") if e.strip()]
    assert len(entries) == 4
    assert "TI  - Anakinra for CRPS: a randomised trial" in text
    assert "UR  - https://clinicaltrials.gov/study/NCT01234567" in text
    assert "TI  - Cats and dogs" not in text


def test_cli_export_all_and_errors(review: Review, review_path: Path, tmp_path: Path) -> None:
    build_review(review)
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--review", str(review_path), "--csv", str(tmp_path / "r.csv"),
                                 "--ris", str(tmp_path / "r.ris"), "--prisma-csv", str(tmp_path / "p.csv")])
    assert result.exit_code == 0, result.output
    assert all((tmp_path / n).exists() for n in ("r.csv", "r.ris", "p.csv"))
    assert runner.invoke(cli, ["export", "--review", str(review_path)]).exit_code != 0
    bad = runner.invoke(cli, ["export", "--review", str(review_path), "--csv", str(tmp_path / "no" / "r.csv")])
    assert bad.exit_code == 1 and "does not exist" in bad.output


def test_csv_cancel_leaves_nothing(review: Review, tmp_path: Path) -> None:
    build_review(review)
    (tmp_path / "out").mkdir()
    with pytest.raises(ExportCancelled):
        export_csv(review, tmp_path / "out" / "r.csv", cancelled=lambda: True)
    assert list((tmp_path / "out").iterdir()) == []
