"""PubMed's "Abstract (text)" save format: numbered records, each a citation line ("1. BMJ. 2005 Nov
5;331(7524):1057. doi: ..."), its title, authors, "Author information:", the abstract and the "PMID: 16230312"
line, with blank lines between - a search saved from PubMed's "Save" button as text.

Each record is read as the page it is (:mod:`curator.extraction`: lines wrapped at 80 columns are read whole) and
becomes its own entry ("search.txt#3"). A file of one record is one entry, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from curator.importers import Entry, Item, Problem, Reader, opening_lines, register

# The first record's citation line: "1. Age Ageing. 2019 Mar 1;48(2):233-239. doi: ...".
_FIRST_RE = re.compile(rb"^1\.\s+\S.{2,300}?\b(?:19|20)\d{2}\b")
_START_RE = re.compile(r"^(\d{1,6})\.\s+\S.{2,300}?\b(?:19|20)\d{2}\b")


def sniff(head: bytes) -> bool:
    """A first line "1. <journal>. <year> ..." and PubMed's record lines further on."""
    first = opening_lines(head, 1)
    return bool(first) and _FIRST_RE.match(first[0]) is not None \
        and (b"\nPMID: " in head or b"\nAuthor information:" in head)


def records(text: str) -> Iterator[tuple[int, int, str]]:
    """(record number, first line, record text) of each numbered record, in order."""
    lines = text.split("\n")
    starts: list[tuple[int, int]] = []  # (number, line index)
    for index, line in enumerate(lines):
        m = _START_RE.match(line)
        if m and int(m.group(1)) == len(starts) + 1 and (index == 0 or not lines[index - 1].strip()):
            starts.append((len(starts) + 1, index))
    for k, (number, first) in enumerate(starts):
        last = starts[k + 1][1] if k + 1 < len(starts) else len(lines)
        yield number, first + 1, "\n".join(lines[first:last]).strip("\n") + "\n"


def read(path: Path, data: bytes) -> Iterator[Item]:
    """Every record of a PubMed text file, each extracted as its own page."""
    from curator.extraction import ExtractionError, decode_bytes, extract

    try:
        text = decode_bytes(data)
    except ExtractionError as error:
        yield Problem(path.name, None, str(error))
        return
    found = False
    for number, line, record in records(text):
        found = True
        source = f"{path.name}#{number}"
        fields = extract(record, source=source)
        if fields.get("profile") == "error" or not fields.get("title") \
                or fields["title"] == record.split("\n", 1)[0].strip():  # the citation line is no title
            yield Problem(path.name, f"record {number}, line {line}", "no title could be read in this record")
            continue
        yield Entry(source=source, text=record, fields=fields, source_name="PubMed")
    if not found:
        yield Problem(path.name, None, "no numbered PubMed records (\"1. Journal. Year ...\") found")


register(Reader("pubmed-text", (), sniff, read, priority=30, source_kind="database"))
