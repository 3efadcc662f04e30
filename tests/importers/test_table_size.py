"""Tables too large to read are refused before their rows are read; a table without rows says so."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.importers import Entry, Problem, read_path
from curator.importers._table_size import ROWS_ENV, WORKBOOK_MB_ENV

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Records" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def _row(number: int, *cells: str) -> str:
    inline = "".join(f'<c r="{column}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
                     for column, text in zip("ABCD", cells, strict=False))
    return f'<row r="{number}">{inline}</row>'


def _workbook(path: Path, rows: int, declared: int | None, padding: int = 0) -> Path:
    """An XLSX of a heading and ``rows`` records, written as it streams (small on disk: rows compress well).

    ``declared`` is the row count the sheet's dimension claims (``None``: no dimension, as some writers do).
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            if declared is not None:
                sheet.write(f'<dimension ref="A1:B{declared}"/>'.encode())
            sheet.write(b"<sheetData>" + _row(1, "Title", "Year").encode())
            batch: list[str] = []
            for number in range(2, rows + 2):
                batch.append(_row(number, f"Trial of drug {number}" + " of note" * padding, "2001"))
                if len(batch) == 10_000:
                    sheet.write("".join(batch).encode())
                    batch.clear()
            sheet.write("".join(batch).encode() + b"</sheetData></worksheet>")
    return path


def _split(items: list[Entry | Problem]) -> tuple[list[Entry], list[Problem]]:
    return [i for i in items if isinstance(i, Entry)], [i for i in items if isinstance(i, Problem)]


def _one_sentence(message: str) -> None:
    assert "\n" not in message and "Traceback" not in message
    assert ". " not in message.rstrip(".")  # one sentence (thousands are written 200,000)


def test_a_workbook_declaring_half_a_million_rows_is_refused_before_its_rows_are_read(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "huge.xlsx", 500_000, declared=500_001)
    assert path.stat().st_size < 8 * 1024 * 1024  # small on disk, 70 MB unzipped
    list(read_path(_workbook(tmp_path / "small.xlsx", 2, declared=3)))  # the modules imported, not measured
    tracemalloc.start()
    try:
        items = list(read_path(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (problem,) = items
    assert isinstance(problem, Problem) and problem.file == "huge.xlsx" and problem.position is None
    assert problem.message == ("the table has 500,000 rows; Curator reads at most 200,000 rows of a table "
                               f"(set the environment variable {ROWS_ENV} to a larger number to read it)")
    _one_sentence(problem.message)
    # Reading the rows would take a minute and a gigabyte: the refusal takes well under a megabyte.
    assert peak < 4 * 1024 * 1024, peak


def test_the_row_limit_is_raised_by_the_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _workbook(tmp_path / "list.xlsx", 30, declared=31)
    monkeypatch.setenv(ROWS_ENV, "29")
    (problem,) = list(read_path(path))
    assert isinstance(problem, Problem) and "30 rows; Curator reads at most 29 rows" in problem.message
    monkeypatch.setenv(ROWS_ENV, "30")
    entries, problems = _split(list(read_path(path)))
    assert problems == [] and len(entries) == 30
    assert entries[-1].fields["title"] == "Trial of drug 31"
    monkeypatch.setenv(ROWS_ENV, "many")
    (problem,) = list(read_path(path))
    assert isinstance(problem, Problem)
    assert problem.message == f"the environment variable {ROWS_ENV} must be a whole number of rows above 0, not 'many'"


def test_a_workbook_without_its_size_is_read_to_the_limit_and_stopped(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ROWS_ENV, "20")
    entries, problems = _split(list(read_path(_workbook(tmp_path / "unsized.xlsx", 25, declared=None))))
    assert len(entries) == 20
    (problem,) = problems
    assert problem.position == "row 21, line 22"
    assert problem.message.startswith("the table has more than 20 rows; Curator read the first 20 and stopped")
    _one_sentence(problem.message)


def test_a_workbook_declaring_fewer_rows_than_it_has_loses_none(tmp_path: Path) -> None:
    # openpyxl alone stops reading at the declared size.
    entries, problems = _split(list(read_path(_workbook(tmp_path / "understated.xlsx", 12, declared=3))))
    assert problems == [] and len(entries) == 12


def test_a_workbook_expanding_beyond_the_limit_is_refused_unopened(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = _workbook(tmp_path / "bomb.xlsx", 800, declared=801, padding=300)  # 2 MB unzipped, 17 KB zipped
    monkeypatch.setenv(WORKBOOK_MB_ENV, "1")
    (problem,) = list(read_path(path))
    assert isinstance(problem, Problem)
    assert problem.message.startswith("the workbook expands to 2 MB when unzipped; Curator reads at most 1 MB")
    assert WORKBOOK_MB_ENV in problem.message
    _one_sentence(problem.message)
    monkeypatch.setenv(WORKBOOK_MB_ENV, "4")
    entries, problems = _split(list(read_path(path)))
    assert problems == [] and len(entries) == 800


def test_a_file_named_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # an old binary .xls renamed
    (problem,) = list(read_path(path))
    assert isinstance(problem, Problem) and problem.message.startswith("not an Excel workbook (.xlsx)")


def _csv(path: Path, rows: int, multiline: bool = False) -> Path:
    abstract = '"First line\nsecond line"' if multiline else "Short"
    path.write_text("Title,Abstract\n" + "".join(f"Trial {n},{abstract}\n" for n in range(rows)), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_a_long_csv_is_refused_before_a_record_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         suffix: str) -> None:
    monkeypatch.setenv(ROWS_ENV, "100")
    path = tmp_path / f"long{suffix}"
    lines = ["Title\tYear" if suffix == ".tsv" else "Title,Year"]
    lines += [f"Trial {n}\t2001" if suffix == ".tsv" else f"Trial {n},2001" for n in range(101)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    (problem,) = list(read_path(path))
    assert isinstance(problem, Problem) and problem.position is None
    assert problem.message.startswith("the table has more than 100 rows; Curator reads at most 100 rows")
    _one_sentence(problem.message)
    path.write_text("\r\n".join(lines[:-1]) + "\r\n\r\n\r\n", encoding="utf-8")  # 100 rows, blank lines after
    entries, problems = _split(list(read_path(path)))
    assert problems == [] and len(entries) == 100


def test_rows_are_counted_not_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 60 rows on 121 lines: the quick count of lines is over the limit, the rows are not.
    monkeypatch.setenv(ROWS_ENV, "60")
    entries, problems = _split(list(read_path(_csv(tmp_path / "abstracts.csv", 60, multiline=True))))
    assert problems == [] and len(entries) == 60
    assert entries[0].fields["abstract"] == "First line\nsecond line"
    (problem,) = list(read_path(_csv(tmp_path / "more.csv", 61, multiline=True)))
    assert isinstance(problem, Problem) and "more than 60 rows" in problem.message


def test_a_csv_is_read_in_its_own_encoding_as_it_streams(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("Title;Year\r\nÉtude rhumatoïde;2001\r\n".encode("cp1252"))
    (entry,) = list(read_path(path))
    assert isinstance(entry, Entry) and entry.fields["title"] == "Étude rhumatoïde" and entry.fields["year"] == 2001


NO_RECORDS = "no records: the table has a heading row and no rows"


def test_a_table_with_a_heading_and_no_rows_says_so(tmp_path: Path) -> None:
    from openpyxl import Workbook

    csv_path = tmp_path / "empty.csv"
    csv_path.write_text("Title,Authors,Year\n\n", encoding="utf-8")
    tsv_path = tmp_path / "empty.tsv"
    tsv_path.write_text("Title\tAuthors\tYear\n", encoding="utf-8")
    book = Workbook()
    book.active.append(["Title", "Authors", "Year"])
    xlsx_path = tmp_path / "empty.xlsx"
    book.save(xlsx_path)
    for path in (csv_path, tsv_path, xlsx_path):
        (problem,) = list(read_path(path))
        assert isinstance(problem, Problem) and (problem.file, problem.message) == (path.name, NO_RECORDS)
    sheetless = Workbook()
    sheetless_path = tmp_path / "blank.xlsx"
    sheetless.save(sheetless_path)
    (problem,) = list(read_path(sheetless_path))
    assert isinstance(problem, Problem) and problem.message == "the table is empty: no heading row and no rows"


def test_the_commands_report_an_empty_and_a_huge_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("Title,Year\n", encoding="utf-8")
    good = _csv(tmp_path / "good.csv", 3)
    monkeypatch.setenv(ROWS_ENV, "5")
    huge = _csv(tmp_path / "huge.csv", 6)
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", str(empty), str(good), str(huge)])
    assert extracted.exit_code == 1 and isinstance(extracted.exception, SystemExit)  # no error raised
    assert "good.csv#3" in extracted.stdout
    assert f"Error: empty.csv: {NO_RECORDS}" in extracted.stderr
    assert "Error: huge.csv: the table has more than 5 rows" in extracted.stderr
    assert "Traceback" not in extracted.output
    review = tmp_path / "review.curator.sqlite"
    imported = runner.invoke(cli, ["import", str(empty), str(good), str(huge), "--review", str(review),
                                   "--reviewer", "tester"])
    assert imported.exit_code == 1 and isinstance(imported.exception, SystemExit), imported.output
    assert "Imported 3 records from 3 files" in imported.stdout
    assert f"  empty.csv: {NO_RECORDS}" in imported.stderr
    assert "  huge.csv: the table has more than 5 rows" in imported.stderr
    assert "Traceback" not in imported.output
