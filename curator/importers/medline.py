"""PubMed MEDLINE format (``.nbib``, ``.medline``, and MEDLINE content in ``.txt``).

Each entry starts with ``PMID- ``; tags are left-aligned in four columns
followed by ``- ``, continuation lines are indented six spaces, and entries
are separated by blank lines. ``SI`` lines name the trial registrations
(``ClinicalTrials.gov/NCT00123456``): they become ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from curator.identifiers import canonical_doi, canonical_pmid, registration_ids, registry_ids
from curator.importers import Entry, Item, Problem, Reader, opening_lines, register
from curator.importers._decoding import open_text
from curator.importers._page import Page
from curator.importers._vocabulary import year_of

_TAG = re.compile(r"^([A-Z][A-Z0-9]{0,3}) {0,3}- ?(.*)$")
_SNIFF = re.compile(rb"^(?:\xef\xbb\xbf)?PMID- ?\d+", re.M)


def sniff(head: bytes) -> bool:
    """MEDLINE content: a ``PMID- 123`` line among the first lines."""
    return any(_SNIFF.match(line) for line in opening_lines(head, 3))


def parse(text: str | Iterable[str]) -> Iterator[tuple[int, int, dict[str, list[str]] | str]]:
    """(entry number, first line, tags → values) per entry, or a message for a malformed one.

    ``text`` is the whole text or its lines (an open file: the entries come as it streams).
    """
    number = 0
    tags: dict[str, list[str]] | None = None
    start = 0
    last: str | None = None
    broken: str | None = None

    def finish() -> tuple[int, int, dict[str, list[str]] | str]:
        assert tags is not None
        if broken:
            return number, start, broken
        if "PMID" not in tags:
            return number, start, "entry has no PMID line"
        return number, start, tags

    for index, line in enumerate(text.split("\n") if isinstance(text, str) else text, start=1):
        line = line.rstrip("\n")
        if not line.strip():
            if tags is not None:
                yield finish()
                tags, last = None, None
            continue
        if line.startswith("      ") and tags is not None and last is not None:
            tags[last][-1] += " " + line.strip()
            continue
        match = _TAG.match(line.lstrip("\ufeff"))
        if tags is None:
            number += 1
            tags, start, broken, last = {}, index, None, None
        if not match:
            broken = broken or f"line {index} is not a MEDLINE tag line: {line.strip()[:40]!r}"
            continue
        last = match.group(1)
        tags.setdefault(last, []).append(match.group(2).strip())
    if tags is not None:
        yield finish()


def _first(tags: dict[str, list[str]], name: str) -> str | None:
    values = [v for v in tags.get(name, []) if v]
    return values[0] if values else None


def to_entry(tags: dict[str, list[str]], source: str) -> Entry:
    """One MEDLINE entry as a record (kind article, profile ``medline``)."""
    page = Page("medline", "article")
    title = _first(tags, "TI") or _first(tags, "BTI")
    if title and title.startswith("[") and title.endswith("].") and _first(tags, "TT"):
        title = title[1:-2]  # a translated title in brackets: the brackets are PubMed's, not the author's
    page.line("Title", title, "title")
    page.line("Original title", _first(tags, "TT"))
    page.items("Authors", tags.get("AU", []) + tags.get("CN", []), "authors")
    page.line("Journal", _first(tags, "JT") or _first(tags, "TA"), "journal")
    date = _first(tags, "DP")
    year = year_of(date)
    page.line("Published", date, "year" if year is not None else None, field_value=year)
    page.line("Volume", _first(tags, "VI"))
    page.line("Issue", _first(tags, "IP"))
    page.line("Pages", _first(tags, "PG"))
    page.items("Publication type", tags.get("PT", []))
    for value in tags.get("PMID", []):
        page.identifier("PMID", value, canonical_pmid(value))
    for value in tags.get("PMC", []):
        page.identifier("PMCID", value, f"PMCID:{value.strip()}" if value.strip().startswith("PMC") else None)
    for value in tags.get("LID", []) + tags.get("AID", []):
        if value.endswith("[doi]"):
            page.identifier("DOI", value.removesuffix("[doi]").strip(), canonical_doi(value))
    for value in tags.get("SI", []):
        ids = registry_ids(value)
        page.identifier("Registration", value, ids[0] if ids else None)
    abstract = _first(tags, "AB")
    for value in registration_ids(abstract or ""):
        page.identifier("Trial registration", value, value)
    page.items("MeSH terms", tags.get("MH", []))
    page.items("Keywords", tags.get("OT", []))
    page.line("Language", ", ".join(tags.get("LA", [])))
    page.block("Abstract", abstract, "abstract")
    return Entry(source=source, text=page.text(), fields=page.fields, source_name="PubMed")


def stream(path: Path) -> Iterator[Item]:
    """Every entry of a MEDLINE file, read line by line: a large export is never held whole."""
    lines = open_text(path)  # a DecodingError is reported by read_path
    with lines:
        yield from _items(path, parse(lines))


def _items(path: Path, parsed_entries: Iterator[tuple[int, int, dict[str, list[str]] | str]]) -> Iterator[Item]:
    found = False
    for number, line, parsed in parsed_entries:
        found = True
        if isinstance(parsed, str):
            yield Problem(path.name, f"entry {number}, line {line}", parsed)
        else:
            yield to_entry(parsed, f"{path.name}#{number}")
    if not found:
        yield Problem(path.name, None, "no MEDLINE entries (PMID- ...) found")


register(Reader("medline", (".nbib", ".medline"), sniff, priority=20, stream=stream, source_kind="database"))
