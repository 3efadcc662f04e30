"""EndNote XML exports (``<xml><records><record>...``), also written by Zotero, Mendeley and Covidence.

The file is parsed safely as a whole; if it is not well-formed, each
``<record>`` is parsed on its own so one broken record is reported (with its
number and line) and the others still import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from curator.identifiers import canonical_doi, canonical_pmid, registration_ids
from curator.importers import Entry, Item, Problem, Reader, register
from curator.importers._page import Page
from curator.importers._vocabulary import year_of
from curator.importers._xml import Element, ParseError, UnsafeXml, error_position, parse_xml, text_of

_SNIFF = re.compile(rb"<xml>\s*<records>|<records>\s*<record>|<source-app[^>]*EndNote", re.I)
_RECORD = re.compile(rb"<record>.*?</record>", re.S)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY|<!DOCTYPE[^>]*\[", re.I)


def sniff(head: bytes) -> bool:
    """EndNote XML: ``<xml><records>`` or EndNote's ``<source-app>`` near the top."""
    return bool(_SNIFF.search(head))


def _texts(record: Element, path: str) -> list[str]:
    return [t for t in (text_of(e) for e in record.findall(path)) if t]


def record_entry(record: Element, source: str) -> Entry:
    """One ``<record>`` as a record (kind article, profile ``endnote-xml``)."""
    page = Page("endnote-xml", "article")
    page.line("Title", text_of(record.find("titles/title")), "title")
    page.items("Authors", _texts(record, "contributors/authors/author"), "authors")
    journal = text_of(record.find("periodical/full-title")) or text_of(record.find("titles/secondary-title"))
    page.line("Journal", journal, "journal")
    year = year_of(text_of(record.find("dates/year")))
    if year is not None:
        page.line("Year", str(year), "year", field_value=year)
    ref_type = record.find("ref-type")
    page.line("Type", ref_type.get("name") if ref_type is not None else None)
    page.line("Volume", text_of(record.find("volume")))
    page.line("Pages", text_of(record.find("pages")))
    doi = text_of(record.find("electronic-resource-num"))
    if doi:
        page.identifier("DOI", doi, canonical_doi(doi))
    database = text_of(record.find("remote-database-name")) or text_of(record.find("remote-database-provider"))
    accession = text_of(record.find("accession-num"))
    if accession:
        is_pubmed = bool(database and re.search(r"pubmed|medline|nlm", database, re.I))
        page.identifier("Accession number", accession, canonical_pmid(accession) if is_pubmed else None)
    abstract = text_of(record.find("abstract"))
    for identifier in registration_ids(abstract or ""):
        page.identifier("Trial registration", identifier, identifier)
    page.items("Keywords", _texts(record, "keywords/keyword"))
    page.line("Database", database)
    page.items("Links", _texts(record, "urls/related-urls/url"))
    page.block("Abstract", abstract, "abstract")
    return Entry(source, page.text(), page.fields, source_name=database)


def read(path: Path, data: bytes) -> Iterator[Item]:
    """Every ``<record>`` of the export."""
    try:
        root = parse_xml(data)
        records: list[tuple[int, Element | str]] = [(0, r) for r in root.iter("record")]
    except UnsafeXml as error:
        yield Problem(path.name, None, str(error))
        return
    except ParseError as error:
        if _ENTITY_DECLARATION.search(data[:65536]):
            yield Problem(path.name, error_position(error), f"malformed XML: {error}")
            return
        records = []
        for match in _RECORD.finditer(data):
            line = data.count(b"\n", 0, match.start()) + 1
            try:
                records.append((line, parse_xml(match.group(0))))
            except (ParseError, UnsafeXml) as record_error:
                records.append((line, f"malformed record: {record_error}"))
        if not records:
            yield Problem(path.name, error_position(error), f"malformed XML: {error}")
            return
    if not records:
        yield Problem(path.name, None, "no <record> elements in the XML")
        return
    for number, (line, record) in enumerate(records, start=1):
        where = f"record {number}" + (f", line {line}" if line else "")
        if isinstance(record, str):
            yield Problem(path.name, where, record)
            continue
        if not (text_of(record.find("titles/title")) or text_of(record.find("electronic-resource-num"))):
            yield Problem(path.name, where, "record has neither a title nor a DOI")
            continue
        yield record_entry(record, f"{path.name}#{number}")


register(Reader("endnote-xml", (".xml",), sniff, read, priority=30, source_kind="database"))
