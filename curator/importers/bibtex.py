"""BibTeX (``.bib``): ``@article{key, title = {...}, author = "A and B", year = 2019}``.

Braces nest, strings may be quoted, ``@string`` macros are expanded, ``@comment``
and ``@preamble`` are skipped; common LaTeX accents become letters. An entry
whose braces do not close is reported with its number and line, and reading
resumes at the next ``@`` that starts a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from curator.identifiers import canonical_doi, canonical_pmid, registration_ids, registry_ids
from curator.importers import Entry, Item, Problem, Reader, opening_lines, register
from curator.importers._decoding import decode_text
from curator.importers._page import Page
from curator.importers._vocabulary import year_of

_SNIFF = re.compile(rb"^\s*@(?:article|inproceedings|book|incollection|misc|phdthesis|techreport|string|"
                    rb"preamble|comment|online|report|conference|inbook|mastersthesis|unpublished)\s*[{(]", re.I | re.M)
_ENTRY_START = re.compile(r"^[ \t]*@(\w+)\s*[{(]", re.M)
_MONTHS = {m: m for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")}
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b"}
_LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "l": "ł", "L": "Ł"}


class BibError(ValueError):
    """A malformed BibTeX entry."""


def sniff(head: bytes) -> bool:
    """BibTeX: the first line that is not a ``%`` comment is an ``@type{`` entry."""
    for line in opening_lines(head, 20):
        if not line.startswith(b"%"):
            return bool(_SNIFF.match(line))
    return False


def latex_to_text(value: str) -> str:
    """Plain text of a BibTeX value: accents as letters, braces and common commands dropped."""
    import unicodedata

    def accent(match: re.Match[str]) -> str:
        return unicodedata.normalize("NFC", match.group(2) + _ACCENTS[match.group(1)])

    value = re.sub(r"\\[ij](?![A-Za-z])\s*", lambda m: m.group(0)[1], value)  # dotless i/j under an accent
    value = re.sub(r"\\([c'`^\"~=.vuH])\s*\{?\s*([A-Za-z])\}?", accent, value)
    value = re.sub(r"\\(ss|aa|AA|ae|AE|o|O|l|L)\b\s*", lambda m: _LETTERS[m.group(1)], value)
    value = value.replace("\\&", "&").replace("\\%", "%").replace("\\_", "_").replace("~", " ").replace("--", "–")
    value = re.sub(r"\\(?:emph|textit|textbf|textrm|mathrm|textsuperscript|textsubscript|textsc|texttt|textsf|textup)\s*", "", value)
    return " ".join(value.replace("{", "").replace("}", "").split())


def _value(text: str, at: int, macros: dict[str, str]) -> tuple[str, int]:
    """A field value starting at ``at`` (``{...}``, ``"..."``, a number or a macro, joined by ``#``)."""
    parts = []
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            raise BibError("the entry ends inside a value")
        char = text[at]
        if char == "{":
            depth, end = 0, at
            while end < len(text):
                if text[end] == "{" and text[end - 1] != "\\":
                    depth += 1
                elif text[end] == "}" and text[end - 1] != "\\":
                    depth -= 1
                    if depth == 0:
                        break
                end += 1
            if depth:
                raise BibError("a brace is not closed")
            parts.append(text[at + 1: end])
            at = end + 1
        elif char == '"':
            end, depth = at + 1, 0
            while end < len(text) and not (text[end] == '"' and depth == 0):
                depth += {"{": 1, "}": -1}.get(text[end], 0)
                end += 1
            if end >= len(text):
                raise BibError("a quoted value is not closed")
            parts.append(text[at + 1: end])
            at = end + 1
        else:
            match = re.compile(r"[\w:.+/-]+").match(text, at)
            if not match:
                raise BibError(f"unexpected {char!r} where a value should be")
            word = match.group(0)
            parts.append(macros.get(word.lower(), _MONTHS.get(word.lower(), word)))
            at = match.end()
        while at < len(text) and text[at].isspace():
            at += 1
        if at < len(text) and text[at] == "#":
            at += 1
            continue
        return "".join(parts), at


def parse_entry(body: str, macros: dict[str, str]) -> tuple[str, dict[str, str], int]:
    """(key, fields, end offset) of an entry body that starts just after its opening brace."""
    match = re.compile(r"\s*([^,\s{}()=]*)\s*,").match(body)
    key = match.group(1) if match else ""
    at = match.end() if match else 0
    fields: dict[str, str] = {}
    while True:
        while at < len(body) and (body[at].isspace() or body[at] == ","):
            at += 1
        if at >= len(body):
            raise BibError("the entry's closing brace is missing")
        if body[at] in "})":
            return key, fields, at + 1
        name = re.compile(r"([\w-]+)\s*=").match(body, at)
        if not name:
            raise BibError(f"expected 'field = value' at {body[at:at + 20]!r}")
        value, at = _value(body, name.end(), macros)
        fields[name.group(1).lower()] = value


def parse(text: str) -> Iterator[tuple[int, int, str, dict[str, str] | str]]:
    """(entry number, line, type, fields or a problem message) for each entry."""
    macros: dict[str, str] = {}
    number = 0
    at = 0
    while True:
        match = _ENTRY_START.search(text, at)
        if not match:
            return
        kind = match.group(1).lower()
        line = text.count("\n", 0, match.start()) + 1
        if kind in ("comment", "preamble"):
            at = match.end()
            continue
        body_start = match.end()
        if kind == "string":
            try:
                _, fields, end = parse_entry("x," + text[body_start:], macros)
                macros.update({k: v for k, v in fields.items()})
                at = body_start + end - 2
            except BibError:
                at = body_start
            continue
        number += 1
        try:
            _, fields, end = parse_entry(text[body_start:], macros)
        except BibError as error:
            yield number, line, kind, str(error)
            following = _ENTRY_START.search(text, body_start)
            at = following.start() if following else len(text)
            continue
        # An "@type{" starting a line inside this entry means its braces were unbalanced.
        inner = _ENTRY_START.search(text, body_start, body_start + end)
        if inner:
            yield number, line, kind, "a brace is not closed before the next entry"
            at = inner.start()
            continue
        at = body_start + end
        yield number, line, kind, fields


def to_entry(kind: str, fields: dict[str, str], source: str) -> Entry:
    """One BibTeX entry as a record (kind article, profile ``bibtex``)."""
    clean = {k: latex_to_text(v) for k, v in fields.items()}
    page = Page("bibtex", "article")
    page.line("Title", clean.get("title"), "title")
    authors = [a.strip() for a in re.split(r"\s+and\s+", clean.get("author", "")) if a.strip()]
    page.items("Authors", authors, "authors")
    page.line("Journal", clean.get("journal") or clean.get("booktitle") or clean.get("journaltitle"), "journal")
    year = year_of(clean.get("year") or clean.get("date"))
    if year is not None:
        page.line("Year", str(year), "year", field_value=year)
    page.line("Type", kind)
    page.line("Volume", clean.get("volume"))
    page.line("Pages", clean.get("pages"))
    if clean.get("doi"):
        page.identifier("DOI", clean["doi"], canonical_doi(clean["doi"]))
    for name in ("pmid", "pubmed"):
        if clean.get(name):
            page.identifier("PMID", clean[name], canonical_pmid(clean[name]))
    for identifier in registry_ids(clean.get("note", "")) + registration_ids(clean.get("abstract", "")):
        page.identifier("Trial registration", identifier, identifier)
    page.line("Keywords", clean.get("keywords"))
    page.line("Link", clean.get("url"))
    page.block("Abstract", clean.get("abstract"), "abstract")
    return Entry(source, page.text(), page.fields)


def read(path: Path, data: bytes) -> Iterator[Item]:
    """Every entry of a BibTeX file."""
    text = decode_text(data)  # a DecodingError is reported by read_path
    found = False
    for number, line, kind, fields in parse(text):
        found = True
        where = f"entry {number}, line {line}"
        if isinstance(fields, str):
            yield Problem(path.name, where, fields)
        elif not (fields.get("title") or fields.get("doi")):
            yield Problem(path.name, where, "entry has neither a title nor a DOI")
        else:
            yield to_entry(kind, fields, f"{path.name}#{number}")
    if not found:
        yield Problem(path.name, None, "no BibTeX entries (@article{...}) found")


register(Reader("bibtex", (".bib", ".bibtex"), sniff, read, priority=30, source_kind="database"))
