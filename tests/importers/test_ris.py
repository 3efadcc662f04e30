from __future__ import annotations

from curator.importers import Entry, Problem, read_path
from tests.importers.conftest import fixture


def _read(name: str) -> tuple[list[Entry], list[Problem]]:
    items = list(read_path(fixture(name)))
    return [i for i in items if isinstance(i, Entry)], [i for i in items if isinstance(i, Problem)]


def test_ris_entries_fields_and_page() -> None:
    entries, problems = _read("embase_scopus.ris")
    assert [e.source for e in entries] == ["embase_scopus.ris#1", "embase_scopus.ris#2", "embase_scopus.ris#5"]
    first = entries[0].fields
    assert first["profile"] == "ris" and first["kind"] == "article"
    assert first["title"].startswith("Etanercept in early rheumatoid arthritis")
    assert first["authors"] == ["Rau, Rolf", "Sander, Oliver"]
    assert first["journal"] == "Arthritis Research & Therapy"
    assert first["year"] == 2013
    assert "DOI:10.1186/ar4111" in first["ids"]
    assert "NCT00195494" in first["ids"]  # the abstract's trial registration
    assert first["abstract"].splitlines()[1].startswith("Methods: Patients")
    assert entries[0].source_kind == "database" and entries[0].source_name == "Embase"
    # evidence spans point at the values on the labelled page
    text = entries[0].text
    start, end = first["evidence"]["title"][0]
    assert text[start:end] == first["title"]
    assert [text[s:e] for s, e in first["evidence"]["authors"]] == first["authors"]
    assert "\r" not in text


def test_ris_scopus_pmid_from_notes_and_t2_journal() -> None:
    entries, _ = _read("embase_scopus.ris")
    second = entries[1]
    assert second.fields["ids"] == ["PMID:19066176"]
    assert second.fields["journal"] == "Annals of the Rheumatic Diseases"
    assert second.source_name == "Scopus"


def test_ris_malformed_entries_are_reported_and_skipped() -> None:
    _, problems = _read("embase_scopus.ris")
    assert [p.position for p in problems] == ["entry 3, line 34", "entry 4, line 38"]
    assert "instead of a TY line" in problems[0].message
    assert "neither a title nor an identifier" in problems[1].message
    assert all(p.file == "embase_scopus.ris" for p in problems)


def test_ris_content_in_a_txt_file_is_sniffed(tmp_path) -> None:
    target = tmp_path / "export.txt"
    target.write_bytes(fixture("embase_scopus.ris").read_bytes())
    entries = [i for i in read_path(target) if isinstance(i, Entry)]
    assert len(entries) == 3 and entries[0].fields["profile"] == "ris"


def test_ris_without_entries_is_one_problem(tmp_path) -> None:
    target = tmp_path / "empty.ris"
    target.write_text("just some words\n")
    items = list(read_path(target))
    assert len(items) == 1 and all(isinstance(i, Problem) for i in items)
    assert "no RIS entries" in str(items[-1])


def test_ris_latin1_file_is_decoded(tmp_path) -> None:
    target = tmp_path / "latin.ris"
    target.write_bytes("TY  - JOUR\nTI  - Étude de la polyarthrite rhumatoïde chez l'enfant\nER  - \n".encode("latin-1"))
    entries = [i for i in read_path(target) if isinstance(i, Entry)]
    assert entries[0].fields["title"] == "Étude de la polyarthrite rhumatoïde chez l'enfant"


def test_ris_primary_title_order_ti_t1_st_bt_ct(tmp_path) -> None:
    target = tmp_path / "titles.ris"
    entries_text = [
        "TY  - JOUR\nST  - Short only\nER  - \n",
        "TY  - JOUR\nT1  - Primary one\nER  - \n",
        "TY  - BOOK\nBT  - Book only\nER  - \n",
        "TY  - UNPB\nCT  - Caption only\nER  - \n",
        "TY  - JOUR\nCT  - Caption\nBT  - Book\nST  - Short\nT1  - Older\nTI  - Current\nER  - \n",
        "TY  - CHAP\nCT  - Caption\nBT  - Book\nER  - \n",
        "TY  - JOUR\nST  - Short\nCT  - Caption\nER  - \n",
    ]
    target.write_text("".join(entries_text))
    items = list(read_path(target))
    assert all(isinstance(i, Entry) for i in items), items
    assert [i.fields["title"] for i in items] == [
        "Short only", "Primary one", "Book only", "Caption only", "Current", "Book", "Short"]
