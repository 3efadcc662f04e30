from __future__ import annotations

import io

from curator.importers import Entry, Problem, read_path
from tests.importers.conftest import fixture, pdf_bytes


def _read(path) -> tuple[list[Entry], list[Problem]]:
    items = list(read_path(path))
    return [i for i in items if isinstance(i, Entry)], [i for i in items if isinstance(i, Problem)]


def test_bibtex() -> None:
    entries, problems = _read(fixture("library.bib"))
    assert [e.source for e in entries] == ["library.bib#1", "library.bib#3"]
    f = entries[0].fields
    assert f["profile"] == "bibtex" and f["title"] == "Etanercept in early Rheumatoid Arthritis: 24-week results"
    assert f["authors"] == ["Rau, Rolf", "Sander, Oliver", "Müller, Anna"]
    assert f["journal"] == "Arthritis Research & Therapy" and f["year"] == 2013
    assert f["ids"] == ["DOI:10.1186/ar4111", "PMID:23158536", "NCT00195494"]
    assert f["abstract"] == "Tumour necrosis factor blockade is effective."
    assert entries[1].fields["title"] == "Ensayos clínicos en reumatología"
    assert entries[1].fields["authors"] == ["López, José"]
    assert [p.position for p in problems] == ["entry 2, line 19", "entry 4, line 31"]
    assert "brace is not closed" in problems[0].message
    assert problems[1].message == "entry has neither a title nor a DOI"


def test_endnote_xml_salvages_the_well_formed_records() -> None:
    entries, problems = _read(fixture("endnote.xml"))
    assert [e.source for e in entries] == ["endnote.xml#1", "endnote.xml#3"]
    f = entries[0].fields
    assert f["profile"] == "endnote-xml" and f["title"] == "Etanercept in early rheumatoid arthritis: 24-week results"
    assert f["authors"] == ["Rau, R.", "Sander, O."] and f["journal"] == "Arthritis Research & Therapy"
    assert f["ids"] == ["DOI:10.1186/ar4111", "PMID:23158536", "ISRCTN12345678"]
    assert f["year"] == 2013 and entries[0].source_name == "PubMed"
    assert len(problems) == 1 and problems[0].position == "record 2, line 2"
    assert "malformed record" in problems[0].message


def test_web_of_science() -> None:
    entries, problems = _read(fixture("savedrecs.txt"))
    assert [e.source for e in entries] == ["savedrecs.txt#1", "savedrecs.txt#2"]
    f = entries[0].fields
    assert f["profile"] == "wos"
    assert f["title"] == "Etanercept in early rheumatoid arthritis: 24-week results of a randomised controlled trial"
    assert f["authors"] == ["Rau, R", "Sander, O"] and f["journal"] == "ARTHRITIS RESEARCH & THERAPY"
    assert f["ids"] == ["DOI:10.1186/ar4111", "PMID:23158536", "NCT00195494"]
    assert entries[0].source_name == "Web of Science"
    assert len(problems) == 1 and "instead of PT" in problems[0].message


def test_tsv_with_column_synonyms() -> None:
    entries, problems = _read(fixture("wos_sheet.tsv"))
    assert problems == []
    f = entries[0].fields
    assert (f["profile"], f["kind"]) == ("table", "article")
    assert f["title"] == "Etanercept in early rheumatoid arthritis: 24-week results"
    assert f["authors"] == ["Rau, R", "Sander, O"] and f["year"] == 2013
    assert f["ids"] == ["DOI:10.1186/ar4111", "PMID:23158536", "NCT00195494"]
    assert entries[1].fields["ids"] == []


def test_xlsx_and_csv_problems(tmp_path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["TI", "AU", "PY", "DO"])
    sheet.append(["First title", "A, A; B, B", 2001, "10.1000/one"])
    sheet.append([None, None, None, None])
    sheet.append([None, "C, C", 2002, None])
    sheet.append(["Third title", None, "2003", None])
    buffer = io.BytesIO()
    book.save(buffer)
    target = tmp_path / "list.xlsx"
    target.write_bytes(buffer.getvalue())
    entries, problems = _read(target)
    assert [e.fields["title"] for e in entries] == ["First title", "Third title"]
    assert entries[0].fields["year"] == 2001 and entries[0].fields["ids"] == ["DOI:10.1000/one"]
    assert [p.position for p in problems] == ["row 2, line 4"]
    nameless = tmp_path / "numbers.csv"
    nameless.write_text("a,b\n1,2\n")
    (problem,) = list(read_path(nameless))
    assert isinstance(problem, Problem) and "no Title" in problem.message
    stray = tmp_path / "stray.csv"
    stray.write_text("Title,Year\nGood one,2001\nBad, one,2002\n")
    entries, problems = _read(stray)
    assert len(entries) == 1 and "stray delimiter" in problems[0].message


def test_pdf_text_layer_and_scannedpdf_bytes(tmp_path) -> None:
    from curator.importers.pdf import pdf_text

    assert "Etanercept trial NCT00195494" in pdf_text(pdf_bytes("Etanercept trial NCT00195494"))
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(pdf_bytes(None))
    (problem,) = list(read_path(scanned))
    assert isinstance(problem, Problem) and "no text layer" in problem.message
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really")
    (problem,) = list(read_path(broken))
    assert isinstance(problem, Problem) and problem.file == "broken.pdf"


def test_bibtex_text_commands_keep_only_their_text() -> None:
    from curator.importers.bibtex import latex_to_text

    assert latex_to_text(r"a BMI of 30 kg/m\textsuperscript{2} or higher") == "a BMI of 30 kg/m2 or higher"
    assert latex_to_text(r"H\textsubscript{2}O and \textsc{Ames} test") == "H2O and Ames test"


def test_pubmed_csv_authors_joined_by_commas_are_each_an_author(tmp_path) -> None:
    path = tmp_path / "pubmed.csv"
    path.write_text('PMID,Title,Authors,Citation,Journal/Book,Publication Year\n'
                    '30000001,"Music during dental treatment","Rao A, Menon S, van der Berg JH.","x","J Dent",2021\n'
                    '30000002,"A consortium report","Dental Trials Group, Smith J","x","J Dent",2021\n')
    first, second = (i for i in read_path(path) if isinstance(i, Entry))
    assert first.fields["authors"] == ["Rao A", "Menon S", "van der Berg JH"]
    assert second.fields["authors"] == ["Dental Trials Group, Smith J"]  # not all names of initials: left whole
    assert first.fields["journal"] == "J Dent"  # PubMed's "Journal/Book" column
