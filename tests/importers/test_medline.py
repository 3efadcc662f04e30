from __future__ import annotations

from curator.importers import Entry, Problem, read_path
from tests.importers.conftest import fixture


def test_medline_entries() -> None:
    items = list(read_path(fixture("pubmed.nbib")))
    entries = [i for i in items if isinstance(i, Entry)]
    assert [e.source for e in entries] == ["pubmed.nbib#1", "pubmed.nbib#2"]
    first = entries[0].fields
    assert first["profile"] == "medline" and first["kind"] == "article"
    assert first["title"] == "Etanercept in early rheumatoid arthritis: 24-week results of a randomised controlled trial."
    assert first["authors"] == ["Rau R", "Sander O"]
    assert first["journal"] == "Arthritis research & therapy"
    assert first["year"] == 2013
    assert first["ids"] == ["PMID:23158536", "DOI:10.1186/ar4111", "NCT00195494"]
    assert "METHODS: Patients were randomised" in first["abstract"]
    assert entries[0].source_name == "PubMed" and entries[0].source_kind == "database"
    second = entries[1].fields
    assert second["title"] == "Treatment of rheumatoid arthritis in elderly patients"
    assert second["authors"] == ["Müller A"]
    start, end = first["evidence"]["ids"][2]
    assert entries[0].text[start:end] == "ClinicalTrials.gov/NCT00195494"
    assert entries[0].text.count("DOI: 10.1186/ar4111") == 1  # given as both LID and AID: shown once


def test_medline_malformed_entries() -> None:
    problems = [i for i in read_path(fixture("pubmed.nbib")) if isinstance(i, Problem)]
    assert [p.position for p in problems] == ["entry 3, line 52", "entry 4, line 56"]
    assert "no PMID" in problems[0].message
    assert "not a MEDLINE tag line" in problems[1].message


def test_medline_in_txt(tmp_path) -> None:
    target = tmp_path / "pubmed-export.txt"
    target.write_bytes(fixture("pubmed.nbib").read_bytes())
    entries = [i for i in read_path(target) if isinstance(i, Entry)]
    assert [e.fields["profile"] for e in entries] == ["medline", "medline"]
