"""Spreadsheets of records: CSV, TSV and XLSX, their columns found through a table of synonyms.

Covers the CSV download of ClinicalTrials.gov (``NCT Number``, ``Study Title``,
``Study Status``...; profile ``ctgov-csv``), Scopus and Web of Science sheets
(``Title``, ``Article Title``, ``Source title``...) and hand-made lists. One row
is one record; a row with neither a title nor an identifier is reported with its
row number and skipped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from curator.identifiers import canonical_doi, canonical_pmid, registration_ids, registry_ids
from curator.importers import Entry, Item, Problem, Reader, register
from curator.importers._decoding import DecodingError, decode_text
from curator.importers._page import Page
from curator.importers._registry_page import Trial, trial_page
from curator.importers._vocabulary import int_of, year_of

#: Field → the column headings that mean it (compared lower-case, letters and digits only).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("title", "ti", "articletitle", "primarytitle", "documenttitle", "studytitle", "brieftitle",
              "publictitle", "trialtitle", "t1"),
    "official_title": ("officialtitle", "scientifictitle", "fulltitle"),
    "authors": ("authors", "author", "au", "authorfullnames", "authorsfullnames", "af", "a1"),
    "year": ("year", "py", "publicationyear", "pubyear", "yearofpublication"),
    "journal": ("journal", "sourcetitle", "so", "journaltitle", "secondarytitle", "publicationtitle", "jo", "t2"),
    "abstract": ("abstract", "ab", "briefsummary", "summary", "n2"),
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
    "last_updated": ("lastupdateposted", "lastupdated", "lastrefreshedon"),
    "countries": ("countries", "country"),
    "locations": ("locations",),
    "keywords": ("keywords", "authorkeywords", "de", "kw"),
    "url": ("url", "link", "studyurl", "webaddress"),
}
_BY_HEADING = {heading: key for key, headings in SYNONYMS.items() for heading in headings}


def _heading_key(heading: str) -> str | None:
    return _BY_HEADING.get(re.sub(r"[^a-z0-9]", "", heading.lower()))


def columns(headings: list[str]) -> dict[str, int]:
    """Field → column index, the first matching column winning."""
    found: dict[str, int] = {}
    for index, heading in enumerate(headings):
        key = _heading_key(heading or "")
        if key and key not in found:
            found[key] = index
    return found


def _split(value: str) -> list[str]:
    return [p.strip() for p in re.split(r"\s*[|;]\s*|\n", value) if p.strip()]


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
    page.items("Authors", _split(row.get("authors", "")), "authors")
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
    page.line("Link", row.get("url"))
    page.block("Abstract", row.get("abstract"), "abstract")
    return Entry(source, page.text(), page.fields, source_kind="database")


def _rows_csv(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for cells in reader:
        yield reader.line_num, cells


def _rows_xlsx(path: Path, data: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if v is None else str(v) for v in values]
    finally:
        workbook.close()


def read(path: Path, data: bytes) -> Iterator[Item]:
    """Every row of the first sheet (XLSX) or of the file (CSV / TSV) under a heading row."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            rows = _rows_xlsx(path, data)
        else:
            text = decode_text(data)
            first = text.split("\n", 1)[0]
            delimiter = "\t" if suffix == ".tsv" or first.count("\t") > first.count(",") else \
                ";" if first.count(";") > first.count(",") else ","
            rows = _rows_csv(text, delimiter)
        heading_line, headings = next(rows, (0, []))
    except (DecodingError, csv.Error, OSError, ValueError, KeyError) as error:
        yield Problem(path.name, None, f"cannot read the table: {error}")
        return
    found = columns(headings)
    if "title" not in found and "registration" not in found:
        yield Problem(path.name, f"line {heading_line}",
                      "no Title (or TI, Article Title, Study Title...) or NCT Number column in the heading row")
        return
    registry = "registration" in found and "journal" not in found
    number = 0
    try:
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            number += 1
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


register(Reader("table", (".csv", ".tsv", ".xlsx", ".xlsm"), lambda head: False, read, priority=80))
