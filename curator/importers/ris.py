"""RIS exports (Embase, Scopus, Ovid, Cochrane Library, EndNote, Zotero...): ``.ris`` and RIS content in ``.txt``.

One entry runs from ``TY  -`` to ``ER  -``; lines without a tag continue the
value before them. The primary title is the first of ``TI``, ``T1``, ``ST``,
``BT``, ``CT`` the entry gives, in that order: the current RIS specification
writes it as ``TI``, the older one as ``T1``; an entry with neither may still
carry its short title (``ST``), the title of a whole book (``BT``) or the
older specification's title of an unpublished work (``CT``). An entry without
a type line or without any title or identifier is reported with its entry
number and line, and skipped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from curator.identifiers import canonical_doi, canonical_pmid, registration_ids, registry_ids
from curator.importers import Entry, Item, Problem, Reader, Share, opening_lines, register
from curator.importers._decoding import open_text
from curator.importers._page import Page
from curator.importers._vocabulary import year_of

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_SNIFF = re.compile(rb"^(?:\xef\xbb\xbf)?\s*TY  - ", re.M)

#: Where the primary title is looked for, in this order (the module's docstring says why).
TITLE_TAGS = ("TI", "T1", "ST", "BT", "CT")
JOURNAL_TAGS = ("JF", "JO", "T2", "JA", "J2", "J1", "SE")
AUTHOR_TAGS = ("AU", "A1")
TYPE_NAMES = {"JOUR": "Journal article", "ABST": "Abstract", "CONF": "Conference proceeding",
              "CPAPER": "Conference paper", "BOOK": "Book", "CHAP": "Book chapter", "THES": "Thesis",
              "RPRT": "Report", "ELEC": "Web page", "GEN": "Generic", "NEWS": "Newspaper article",
              "EJOUR": "Electronic article", "SER": "Serial", "DATA": "Dataset"}


def sniff(head: bytes) -> bool:
    """RIS content: a ``TY  - `` line among the first lines (exports may open with a blank or a header)."""
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
    for index, line in enumerate(io.StringIO(text) if isinstance(text, str) else text, start=1):
        line = line.rstrip("\n")
        match = _TAG.match(line)
        if match:
            tag, value = match.group(1), (match.group(2) or "").strip()
            if tag == "TY":
                if tags is not None:
                    yield number, start, broken or f"entry has no end (ER) line before the next TY at line {index}"
                number += 1
                tags, start, broken, last = {"TY": [value]}, index, None, "TY"
            elif tag == "ER":
                if tags is None:
                    number += 1
                    yield number, index, "ER line without a TY line starting the entry"
                else:
                    yield number, start, broken or tags
                tags, last = None, None
            elif tags is None:
                if line.strip():
                    number += 1
                    tags, start, last = {}, index, tag
                    broken = f"entry starts with {tag} instead of a TY line (line {index})"
            else:
                tags.setdefault(tag, []).append(value)
                last = tag
        elif line.strip():
            if tags is not None and last is not None:
                values = tags.setdefault(last, [""])
                values[-1] = f"{values[-1]}\n{line.strip()}" if last in ("AB", "N2", "N1") else \
                    f"{values[-1]} {line.strip()}".strip()
            elif tags is None and not line.startswith("\ufeff"):
                number += 1
                tags, start, last = {}, index, None
                broken = f"text outside an entry at line {index}: {line.strip()[:40]!r}"
    if tags is not None:
        if broken:
            yield number, start, broken
        else:
            yield number, start, tags  # the last entry may lack its ER line; it is complete otherwise


def _first(tags: dict[str, list[str]], names: tuple[str, ...]) -> str | None:
    for name in names:
        values = tags.get(name)
        if values:
            for value in values:
                value = value.strip()
                if value:
                    return value
    return None


_NO_VALUES: list[str] = []
_MEDLINE_DATABASE = re.compile(r"medline|pubmed", re.I)
_SCOPUS_PMID = re.compile(r"PubMed ID:\s*(\d+)")


def to_entry(tags: dict[str, list[str]], source: str) -> Entry:
    """One RIS entry as a record: fields from the tags, a labelled page to read."""
    page = Page("ris", "article")
    title = _first(tags, TITLE_TAGS)
    type_code = (tags.get("TY") or [""])[0]
    page.line("Title", title, "title")
    authors = tags.get("AU", _NO_VALUES) + tags.get("A1", _NO_VALUES)
    page.items("Authors", authors, "authors")
    journal = _first(tags, JOURNAL_TAGS)
    if type_code in ("BOOK", "CHAP") and journal is None:
        journal = _first(tags, ("T2",))
    page.line("Journal", journal, "journal")
    year_raw = _first(tags, ("PY", "Y1", "DA", "Y2"))
    year = year_of(year_raw)
    if year is not None:
        page.line("Year", str(year), "year", field_value=year)
    page.line("Type", TYPE_NAMES.get(type_code, type_code))
    if "VL" in tags:
        page.line("Volume", _first(tags, ("VL",)))
    if "IS" in tags:
        page.line("Issue", _first(tags, ("IS",)))
    if "SP" in tags or "EP" in tags:
        page.line("Pages", "-".join(p for p in (_first(tags, ("SP",)), _first(tags, ("EP",))) if p))
    database = _first(tags, ("DB", "DP"))
    links = tags.get("UR", _NO_VALUES)
    for value in tags.get("DO", _NO_VALUES) + [u for u in links if "doi.org/" in u.lower()]:
        page.identifier("DOI", value, canonical_doi(value))
    for value in tags.get("AN", _NO_VALUES) + tags.get("C7", _NO_VALUES) + tags.get("ID", _NO_VALUES):
        if database and _MEDLINE_DATABASE.search(database):
            page.identifier("PubMed ID", value, canonical_pmid(value))
        else:
            page.line("Accession number", value)
    for note in tags.get("N1", _NO_VALUES):
        match = _SCOPUS_PMID.search(note)  # Scopus writes the PMID in its notes
        if match:
            page.identifier("PubMed ID", match.group(1), canonical_pmid(match.group(1)))
    abstract = _first(tags, ("AB", "N2"))
    if abstract:
        for value in registration_ids(abstract):
            page.identifier("Trial registration", value, value)
    for value in tags.get("M1", _NO_VALUES) + tags.get("M3", _NO_VALUES):
        for identifier in registry_ids(value):
            page.identifier("Trial registration", value, identifier)
    page.items("Keywords", tags.get("KW", _NO_VALUES))
    if "LA" in tags:
        page.line("Language", _first(tags, ("LA",)))
    page.line("Database", database)
    page.items("Links", links + tags.get("L1", _NO_VALUES) + tags.get("L2", _NO_VALUES))
    page.block("Abstract", abstract, "abstract")
    name = _source_name(database)
    return Entry(source=source, text=page.text(), fields=page.fields, source_name=name)


def _source_name(database: str | None) -> str | None:
    if not database:
        return None
    lowered = database.lower()
    for word, name in (("embase", "Embase"), ("scopus", "Scopus"), ("medline", "MEDLINE"), ("pubmed", "PubMed"),
                       ("cochrane", "Cochrane Library"), ("central", "Cochrane CENTRAL"),
                       ("web of science", "Web of Science"), ("psycinfo", "PsycINFO"), ("cinahl", "CINAHL")):
        if word in lowered:
            return name
    return database


def stream(path: Path, share: Share | None = None) -> Iterator[Item]:
    """Every entry of a RIS file, read line by line: a large export is never held whole.

    With ``share``, only the entries (and the problems) whose numbers it takes: a worker reading its share
    of a large file (see :mod:`curator.importers._shares`) still parses every line, so numbers and
    positions are the whole file's.
    """
    lines = open_text(path)  # a DecodingError is reported by read_path
    with lines:
        yield from _items(path, parse(lines), share)


def _items(path: Path, parsed_entries: Iterator[tuple[int, int, dict[str, list[str]] | str]],
           share: Share | None = None) -> Iterator[Item]:
    held: list[tuple[int, Problem]] | None = []  # problems before the first entry: maybe the file is not RIS at all
    for number, line, parsed in parsed_entries:
        where = f"entry {number}, line {line}"
        if isinstance(parsed, str):
            if held is not None:
                held.append((number, Problem(path.name, where, parsed)))
            elif share is None or share.takes(number):
                yield Problem(path.name, where, parsed)
            continue
        if held is not None:
            yield from _taken(held, share)
            held = None
        if not (_first(parsed, TITLE_TAGS) or parsed.get("DO") or parsed.get("AN")):
            if share is None or share.takes(number):
                yield Problem(path.name, where, "entry has neither a title nor an identifier")
            continue
        if share is not None:
            share.records += 1
            if not share.takes(number):
                continue
        yield to_entry(parsed, f"{path.name}#{number}")
    if held is not None:
        if any("TY" in problem.message for _, problem in held):
            yield from _taken(held, share)
        elif share is None or share.takes_the_file:
            yield Problem(path.name, None, "no RIS entries (TY  - ... ER  -) found")


def _taken(held: list[tuple[int, Problem]], share: Share | None) -> Iterator[Problem]:
    return (problem for number, problem in held if share is None or share.takes(number))


register(Reader("ris", (".ris",), sniff, priority=20, stream=stream, source_kind="database", shares=True))
