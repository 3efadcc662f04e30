from __future__ import annotations

import io

from curator.importers import Entry, Problem, read_path
from tests.importers.conftest import fixture


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


def _pdf(text: str | None) -> bytes:
    """A minimal one-page PDF, with a text layer when ``text`` is given (hand-written objects)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode() if text else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_layer_and_scanned_pdf(tmp_path) -> None:
    from curator.importers.pdf import pdf_text

    assert "Etanercept trial NCT00195494" in pdf_text(_pdf("Etanercept trial NCT00195494"))
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(_pdf(None))
    (problem,) = list(read_path(scanned))
    assert isinstance(problem, Problem) and "no text layer" in problem.message
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really")
    (problem,) = list(read_path(broken))
    assert isinstance(problem, Problem) and problem.file == "broken.pdf"
