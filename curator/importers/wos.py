"""Web of Science tagged export ("Plain text" / "Other file formats"): ``FN``/``VR`` header, ``PT``...``ER`` records.

Tags are two characters at the start of a line, followed by a space;
continuation lines start with three spaces (one author per line for ``AU``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from curator.identifiers import canonical_doi, canonical_pmid, registration_ids
from curator.importers import Entry, Item, Problem, Reader, register
from curator.importers._decoding import decode_text
from curator.importers._page import Page
from curator.importers._vocabulary import year_of

_SNIFF = re.compile(rb"^(?:\xef\xbb\xbf)?(?:FN (?:Clarivate|Thomson|ISI)|VR 1\.0)", re.M)
_TAG = re.compile(r"^([A-Z][A-Z0-9]) (.*)$")
_LIST_TAGS = ("AU", "AF", "C1", "CR", "DE", "ID", "EM")


def sniff(head: bytes) -> bool:
    """A Web of Science export: an ``FN Clarivate Analytics Web of Science`` / ``VR 1.0`` header."""
    return bool(_SNIFF.search(head[:512]))


def parse(text: str) -> Iterator[tuple[int, int, dict[str, list[str]] | str]]:
    """(record number, first line, tags → values) per record, or a problem message."""
    number = 0
    tags: dict[str, list[str]] | None = None
    start = 0
    last: str | None = None
    skipping = False  # inside a record that did not start with PT: skipped up to its ER
    for index, line in enumerate(text.split("\n"), start=1):
        line = line.lstrip("\ufeff")
        if not line.strip() or line.startswith(("FN ", "VR ")) or line.strip() == "EF":
            continue
        if line.startswith("   ") and tags is not None and last is not None:
            if last in _LIST_TAGS:
                tags[last].append(line.strip())
            else:
                tags[last][-1] += " " + line.strip()
            continue
        match = _TAG.match(line) or (re.match(r"^(ER)\s*$", line))
        if not match:
            if tags is None:
                number += 1
                yield number, index, f"line {index} is outside a record: {line.strip()[:40]!r}"
            continue
        tag = match.group(1)
        if skipping and tag not in ("PT", "ER"):
            continue
        skipping = False
        if tag == "PT":
            if tags is not None:
                yield number, start, f"record has no ER line before the next PT at line {index}"
            number += 1
            tags, start = {"PT": [match.group(2).strip()]}, index
        elif tag == "ER":
            if tags is not None:
                yield number, start, tags
            tags = None
        elif tags is None:
            number += 1
            yield number, index, f"record starts with {tag} instead of PT (line {index})"
            skipping = True
        else:
            tags.setdefault(tag, []).append(match.group(2).strip())
        last = tag
    if tags is not None:
        yield number, start, tags


def _first(tags: dict[str, list[str]], name: str) -> str | None:
    values = [v for v in tags.get(name, []) if v]
    return values[0] if values else None


def to_entry(tags: dict[str, list[str]], source: str) -> Entry:
    """One Web of Science record (kind article, profile ``wos``)."""
    page = Page("wos", "article")
    page.line("Title", _first(tags, "TI"), "title")
    page.items("Authors", tags.get("AU", []), "authors")
    page.line("Journal", _first(tags, "SO"), "journal")
    year = year_of(_first(tags, "PY") or _first(tags, "EA"))
    if year is not None:
        page.line("Year", str(year), "year", field_value=year)
    page.line("Document type", _first(tags, "DT"))
    page.line("Volume", _first(tags, "VL"))
    pages = "-".join(p for p in (_first(tags, "BP"), _first(tags, "EP")) if p)
    page.line("Pages", pages)
    if _first(tags, "DI"):
        page.identifier("DOI", tags["DI"][0], canonical_doi(tags["DI"][0]))
    if _first(tags, "PM"):
        page.identifier("PMID", tags["PM"][0], canonical_pmid(tags["PM"][0]))
    page.line("Web of Science id", _first(tags, "UT"))
    abstract = _first(tags, "AB")
    for identifier in registration_ids(abstract or ""):
        page.identifier("Trial registration", identifier, identifier)
    page.items("Keywords", [k for value in tags.get("DE", []) for k in value.split(";")])
    page.block("Abstract", abstract, "abstract")
    return Entry(source, page.text(), page.fields, source_name="Web of Science")


def read(path: Path, data: bytes) -> Iterator[Item]:
    """Every record of a Web of Science export."""
    text = decode_text(data)  # a DecodingError is reported by read_path
    found = False
    for number, line, parsed in parse(text):
        found = True
        where = f"record {number}, line {line}"
        if isinstance(parsed, str):
            yield Problem(path.name, where, parsed)
        elif not (_first(parsed, "TI") or _first(parsed, "DI")):
            yield Problem(path.name, where, "record has neither a title nor a DOI")
        else:
            yield to_entry(parsed, f"{path.name}#{number}")
    if not found:
        yield Problem(path.name, None, "no Web of Science records (PT ... ER) found")


register(Reader("wos", (".ciw",), sniff, read, priority=20, source_kind="database"))
