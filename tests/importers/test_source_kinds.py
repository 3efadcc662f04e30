"""The kind of source (PRISMA) each file is guessed to come from, and the reviewer's word over the guess."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from curator.cli import cli
from curator.importers import READERS, Entry, choose_reader, read_path
from curator.importers.batch import import_paths
from tests.importers.conftest import fixture

REGISTER_FILES = ("NCT00195494.json", "ctgov_classic_full_studies.json", "NCT00000620.xml", "euctr_download.txt",
                  "euctr_full_text.txt", "ctgov_studies.csv")
DATABASE_FILES = ("embase_scopus.ris", "pubmed.nbib", "library.bib", "endnote.xml", "savedrecs.txt", "wos_sheet.tsv")


@pytest.mark.parametrize("name", REGISTER_FILES + DATABASE_FILES)
def test_every_entry_carries_the_kind_of_its_source(name: str) -> None:
    entries = [item for item in read_path(fixture(name)) if isinstance(item, Entry)]
    assert entries
    expected = "register" if name in REGISTER_FILES else "database"
    assert {entry.source_kind for entry in entries} == {expected}


def test_the_reader_declares_the_kind_of_its_files() -> None:
    choose_reader(Path("x.ris"), b"")  # loads every format
    kinds = {reader.name: reader.source_kind for reader in READERS}
    assert {name for name, kind in kinds.items() if kind == "register"} >= {"ctgov-json", "ctgov-xml", "euctr"}
    assert {name for name, kind in kinds.items() if kind == "database"} == {
        "ris", "medline", "pubmed-xml", "pubmed-text", "bibtex", "endnote-xml", "wos"}
    assert kinds["text"] is None and kinds["table"] is None  # their content decides, entry by entry


def test_a_saved_registry_record_page_is_from_a_register(tmp_path: Path) -> None:
    page = tmp_path / "isrctn.txt"
    page.write_text("ISRCTN registry\n\nISRCTN ISRCTN12345678\n\nTitle\nSteroid injection for knee pain\n\n"
                    "Overall status\nOngoing\n\nCondition\nKnee osteoarthritis\n\nIntervention\n"
                    "Steroid injection versus saline\n\nPhase\nPhase III\n\nTarget number of participants\n140\n")
    (entry,) = list(read_path(page))
    assert isinstance(entry, Entry) and entry.fields["profile"] == "isrctn-record"
    assert entry.source_kind == "register"
    essay = tmp_path / "notes.txt"
    essay.write_text("Notes from the team meeting about the search strategy and the screening workload.\n")
    (entry,) = list(read_path(essay))
    assert isinstance(entry, Entry) and entry.source_kind is None


def test_import_keeps_the_guessed_kind_unless_the_reviewer_gives_one(review, tmp_path: Path) -> None:
    summary = import_paths(review, [fixture("euctr_full_text.txt"), fixture("library.bib")], reviewer="ann")
    assert summary.sources == ["EU Clinical Trials Register (register)", "library.bib (database)"]
    summary = import_paths(review, [fixture("ctgov_classic_full_study.json")], reviewer="ann",
                           source_kind="other")
    assert summary.sources == ["ClinicalTrials.gov (other)"]
    with review.session() as session:
        kinds = session.execute(text("SELECT file_name, kind FROM sources ORDER BY id")).all()
    assert [tuple(k) for k in kinds] == [("euctr_full_text.txt", "register"), ("library.bib", "database"),
                                         ("ctgov_classic_full_study.json", "other")]


def test_cli_source_kind_overrides_the_guess(tmp_path: Path) -> None:
    review = tmp_path / "r.curator.sqlite"
    result = CliRunner().invoke(cli, ["import", str(fixture("euctr_full_text.txt")), "--source-kind", "website"],
                                env={"CURATOR_REVIEW": str(review)}, catch_exceptions=False)
    assert result.exit_code == 0 and "source: EU Clinical Trials Register (website)" in result.stdout
    result = CliRunner().invoke(cli, ["import", str(fixture("euctr_full_text.txt"))],
                                env={"CURATOR_REVIEW": str(review)}, catch_exceptions=False)
    assert result.exit_code == 0 and "source: EU Clinical Trials Register (register)" in result.stdout
