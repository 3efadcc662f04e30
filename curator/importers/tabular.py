"""Spreadsheets of records: CSV, TSV and XLSX, their columns found through a table of synonyms.

Covers the CSV download of ClinicalTrials.gov (``NCT Number``, ``Study Title``,
``Study Status``...; profile ``ctgov-csv``), Scopus and Web of Science sheets
(``Title``, ``Article Title``, ``Source title``...) and hand-made lists. One row
is one record; a row with neither a title nor an identifier is reported with its
row number and skipped.
"""

from __future__ import annotations

import csv
import itertools
import re
import zipfile
from collections.abc import Generator, Iterator
from pathlib import Path

from curator.identifiers import canonical_doi, canonical_pmid, registration_ids, registry_ids
from curator.importers import Entry, Item, Problem, Reader, register
from curator.importers._decoding import DecodingError, open_text
from curator.importers._page import Page
from curator.importers._registry_page import Trial, trial_page
from curator.importers._table_size import (
    TableRefused,
    check_workbook_archive,
    line_count_bound,
    max_rows,
    rows_cut_short,
    too_many_rows,
)
from curator.importers._vocabulary import age_of, int_of, year_of

#: Field → the column headings that mean it (compared lower-case, letters and digits only).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("title", "ti", "articletitle", "primarytitle", "documenttitle", "studytitle", "brieftitle",
              "publictitle", "trialtitle", "t1"),
    "official_title": ("officialtitle", "scientifictitle", "fulltitle"),
    "authors": ("authors", "author", "au", "authorfullnames", "authorsfullnames", "af", "a1"),
    "year": ("year", "py", "publicationyear", "pubyear", "yearofpublication"),
    "journal": ("journal", "sourcetitle", "so", "journaltitle", "secondarytitle", "publicationtitle", "jo", "t2",
                "journalbook"),
    "abstract": ("abstract", "ab", "briefsummary", "summary", "n2"),
    "document_type": ("documenttype", "publicationtype"),
    "doi": ("doi", "di", "do"),
    "pmid": ("pmid", "pubmedid", "pm", "pubmed"),
    "registration": ("nctnumber", "nctid", "trialid", "registrationnumber", "trialregistrationnumber",
                     "eudractnumber", "mainid"),
    "other_ids": ("otherids", "secondaryids", "secondaryid"),
    "status": ("studystatus", "status", "overallstatus", "recruitmentstatus"),
    "phase": ("phases", "phase"),
    "conditions": ("conditions", "condition"),
    "interventions": ("interventions", "intervention"),
    "sponsor": ("sponsor", "leadsponsor", "sponsorcollaborators", "primarysponsor"),
    "enrollment": ("enrollment", "targetsize", "enrolment"),
    "study_type": ("studytype",),
    "sex": ("sex", "gender"),
    "start_date": ("startdate", "dateofregistration", "dateenrollment"),
    "completion_date": ("completiondate", "primarycompletiondate"),
    "age": ("age", "ages", "agegroup", "eligibleages"),
    "outcomes": ("primaryoutcomemeasures", "primaryoutcomes", "primaryoutcome", "outcomemeasures"),
    "last_updated": ("lastupdateposted", "lastupdated", "lastrefreshedon"),
    "countries": ("countries", "country"),
    "locations": ("locations",),
    "keywords": ("keywords", "authorkeywords", "de", "kw"),
    "url": ("url", "link", "studyurl", "webaddress"),
}
_BY_HEADING = {heading: key for key, headings in SYNONYMS.items() for heading in headings}


def columns(headings: list[str]) -> dict[str, int]:
    """Field → column index: of the columns meaning a field, the one whose heading comes first among its synonyms
    ("Completion Date" before "Primary Completion Date"), then the leftmost."""
    found: dict[str, tuple[int, int]] = {}
    for index, heading in enumerate(headings):
        plain = re.sub(r"[^a-z0-9]", "", (heading or "").lower())
        key = _BY_HEADING.get(plain)
        if key is not None:
            rank = (SYNONYMS[key].index(plain), index)
            if key not in found or rank < found[key]:
                found[key] = rank
    return {key: index for key, (_, index) in found.items()}


def _split(value: str) -> list[str]:
    return [p.strip() for p in re.split(r"\s*[|;]\s*|\n", value) if p.strip()]


# ClinicalTrials.gov's download: "18 Years and older   (ADULT, OLDER_ADULT)", "18 Years to 85 Years", "up to 17 Years".
_AGES_RE = re.compile(r"^\s*(?:(\d+\s+\w+?)\s+(?:and\s+older|to\s+(\d+\s+\w+))|up\s+to\s+(\d+\s+\w+))", re.I)


def _ages(value: str) -> tuple[str | None, str | None]:
    m = _AGES_RE.match(value)
    if m is None:
        return None, None
    return (age_of(m.group(1)) if m.group(1) else None), age_of(m.group(2) or m.group(3))


# PubMed's CSV: "Rao A, Menon S, Pillai R." - names of a surname and initials, joined by commas.
_COMMA_NAMES_RE = re.compile(r"(?:[^\W\d_][\w'\- ]*? [A-Z]{1,3}, )+[^\W\d_][\w'\- ]*? [A-Z]{1,3}\.?")


def _authors(value: str) -> list[str]:
    names = _split(value)
    if len(names) == 1 and _COMMA_NAMES_RE.fullmatch(names[0]):
        return [name.strip().rstrip(".") for name in names[0].split(", ")]
    return names


def row_entry(row: dict[str, str], source: str, registry: bool) -> Entry:
    """One row as a record: a registry record for a registry's sheet, else a bibliographic one."""
    ids = [i for i in registry_ids(row.get("registration", "")) + registry_ids(row.get("other_ids", ""))]
    if registry:
        trial = Trial("ClinicalTrials.gov" if any(i.startswith("NCT") for i in ids) else "Trial register")
        trial.ids = [(i, i) for i in dict.fromkeys(ids)]
        trial.title = row.get("title") or None
        trial.official_title = row.get("official_title") or None
        trial.status = row.get("status") or None
        trial.phases = _split(row["phase"]) if row.get("phase") else None
        trial.study_type = row.get("study_type") or None
        trial.enrollment = int_of(row.get("enrollment"))
        sponsors = _split(row.get("sponsor", ""))
        trial.sponsor = sponsors[0] if sponsors else None
        trial.conditions = _split(row.get("conditions", ""))
        trial.interventions = [i.split(":", 1)[-1].strip() for i in _split(row.get("interventions", ""))]
        trial.start_date = row.get("start_date") or None
        trial.completion_date = row.get("completion_date") or None
        trial.last_updated = row.get("last_updated") or None
        trial.sex = row.get("sex") or None
        trial.min_age, trial.max_age = _ages(row.get("age", ""))
        trial.outcomes = _split(row.get("outcomes", ""))
        countries = _split(row.get("countries", "")) or [loc.rsplit(",", 1)[-1].strip()
                                                         for loc in _split(row.get("locations", ""))]
        trial.countries = countries
        trial.summary = row.get("abstract") or None
        page = trial_page(trial, "ctgov-csv" if trial.registry == "ClinicalTrials.gov" else "table")
        name = "ClinicalTrials.gov" if trial.registry == "ClinicalTrials.gov" else None
        page.line("Link", row.get("url"))
        return Entry(source, page.text(), page.fields, source_kind="register", source_name=name)
    page = Page("table", "article")
    page.line("Title", row.get("title"), "title")
    page.items("Authors", _authors(row.get("authors", "")), "authors")
    page.line("Journal", row.get("journal"), "journal")
    year = year_of(row.get("year"))
    page.line("Year", row.get("year"), "year" if year else None, field_value=year)
    if row.get("doi"):
        page.identifier("DOI", row["doi"], canonical_doi(row["doi"]))
    if row.get("pmid"):
        page.identifier("PMID", row["pmid"], canonical_pmid(row["pmid"]))
    for identifier in ids + registration_ids(row.get("abstract", "")):
        page.identifier("Registration", identifier, identifier)
    page.items("Keywords", _split(row.get("keywords", "")))
    page.line("Document type", row.get("document_type"))
    page.line("Link", row.get("url"))
    page.block("Abstract", row.get("abstract"), "abstract")
    return Entry(source, page.text(), page.fields, source_kind="database")


XLSX_SUFFIXES = (".xlsx", ".xlsm")

#: (line or row number in the file, cells) of every row; a generator, closed to close its file.
Rows = Generator[tuple[int, list[str]], None, None]


def _delimiter(first_line: str, suffix: str) -> str:
    if suffix == ".tsv" or first_line.count("\t") > first_line.count(","):
        return "\t"
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _rows_csv(path: Path, suffix: str) -> Rows:
    with open_text(path) as lines:
        first = lines.readline()
        reader = csv.reader(itertools.chain([first], lines), delimiter=_delimiter(first, suffix))
        for cells in reader:
            yield reader.line_num, cells


def _data_rows(rows: Rows) -> Rows:
    # Blank rows are neither records nor problems: spreadsheets end with them, and lists are spaced by them.
    return ((line, cells) for line, cells in rows if any(c.strip() for c in cells))


def _check_csv_rows(path: Path, suffix: str, limit: int) -> None:
    # Counted before a record is read, so a table too long is refused whole rather than cut short.
    # The cheap count of lines settles nearly every file; only a long one is parsed twice.
    if line_count_bound(path) <= limit + 1:
        return
    every_row = _rows_csv(path, suffix)
    try:
        rows = _data_rows(every_row)
        next(rows, None)  # the heading row
        counted = sum(1 for _ in itertools.islice(rows, limit + 1))
    finally:
        every_row.close()
    if counted > limit:
        raise too_many_rows(limit)  # not counted to the end: that would read the whole file again


def _rows_xlsx(path: Path, limit: int) -> Rows:
    from openpyxl import load_workbook

    check_workbook_archive(path)  # before openpyxl unpacks anything (it reads all shared strings on opening)
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        declared = sheet.max_row  # the size the sheet declares, read without reading a row
        if declared is not None and declared - 1 > limit:
            raise too_many_rows(limit, declared - 1)
        # openpyxl stops at the declared size: a sheet declaring fewer rows than it has would lose the rest.
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if v is None else str(v) for v in values]
    finally:
        workbook.close()


def stream(path: Path) -> Iterator[Item]:
    """Every row of the first sheet (XLSX) or of the file (CSV / TSV) under a heading row, read as it streams.

    A table longer than :func:`max_rows` is refused before any record is read (an XLSX by its declared
    size; one without it is read up to the limit and then stopped, with a problem saying so).
    """
    suffix = path.suffix.lower()
    rows: Rows | None = None
    try:
        limit = max_rows()
        if suffix in XLSX_SUFFIXES:
            rows = _rows_xlsx(path, limit)
        else:
            _check_csv_rows(path, suffix, limit)
            rows = _rows_csv(path, suffix)
        heading_line, headings = next(rows, (0, []))
    except TableRefused as error:
        yield Problem(path.name, None, str(error))
        return
    except zipfile.BadZipFile:
        yield Problem(path.name, None, "not an Excel workbook (.xlsx) although its name says so; save it again "
                                       "as .xlsx or as CSV")
        return
    except (DecodingError, csv.Error, OSError, ValueError, KeyError) as error:
        yield Problem(path.name, None, f"cannot read the table: {error}")
        return
    try:
        yield from _records(path, rows, heading_line, headings, limit)
    finally:
        rows.close()  # closes the file or the workbook


def _records(path: Path, rows: Rows, heading_line: int, headings: list[str],
             limit: int) -> Iterator[Item]:
    if not heading_line:
        yield Problem(path.name, None, "the table is empty: no heading row and no rows")
        return
    found = columns(headings)
    if "title" not in found and "registration" not in found:
        yield Problem(path.name, f"line {heading_line}",
                      "no Title (or TI, Article Title, Study Title...) or NCT Number column in the heading row")
        return
    registry = "registration" in found and "journal" not in found
    number = 0
    try:
        for line, cells in _data_rows(rows):
            number += 1
            if number > limit:
                yield Problem(path.name, f"row {number}, line {line}", rows_cut_short(limit))
                return
            row = {key: cells[index].strip() for key, index in found.items() if index < len(cells)}
            where = f"row {number}, line {line}"
            if len(cells) > len(headings) and any(c.strip() for c in cells[len(headings):]):
                yield Problem(path.name, where, f"{len(cells)} cells under {len(headings)} headings (a stray delimiter?)")
                continue
            if registry and not registry_ids(row.get("registration", "")):
                yield Problem(path.name, where, "row has no registration number (NCT Number column is empty)")
                continue
            if not (row.get("title") or row.get("registration") or row.get("doi") or row.get("pmid")):
                yield Problem(path.name, where, "row has neither a title nor an identifier")
                continue
            yield row_entry(row, f"{path.name}#{number}", registry)
    except csv.Error as error:
        yield Problem(path.name, f"row {number + 1}", f"malformed CSV: {error}")
        return
    if number == 0:
        yield Problem(path.name, None, "no records: the table has a heading row and no rows")


register(Reader("table", (".csv", ".tsv", *XLSX_SUFFIXES), lambda head: False, priority=80, stream=stream))
