"""The arms and the primary outcome of a posted results page (ClinicalTrials.gov's results tab).

The arms are the cells of its "Arm/Group Title | MBSR | Waitlist Control" row: a cell that names a control
(placebo, sham, usual care, a waiting list, "control") is the comparator, the others are tested. An arm titled
by an abbreviation ("MBSR") is named by the record's title where its words spell it. The primary outcome is the
"Title:" under a "Primary Outcome" heading.
"""

from __future__ import annotations

import re

from curator.extraction.layout import Document
from curator.extraction.pico import comp_words
from curator.extraction.scanned import OWN

Arm = tuple[str, int, int]
_GROUP_ROW_RE = re.compile(r"\n[ \t]*Arm/Group Title\s*\|")
_ABBREVIATION_RE = re.compile(r"^[A-Z][A-Z0-9-]{1,7}$")
_WORD_RE = re.compile(r"[A-Za-z]+")
_PRIMARY_HEAD_RE = re.compile(r"^(?:\d+\.\s*)?primary\s+outcome(?:\s+measures?)?:?$", re.I)


def _spelled_out(abbr: str, doc: Document, title: tuple[int, int] | None) -> Arm | None:
    """Where the title's words spell ``abbr`` ("Mindfulness-Based Stress Reduction" for MBSR)."""
    if title is None:
        return None
    s, e = title
    words = list(_WORD_RE.finditer(doc.text, s, e))
    letters = abbr.replace("-", "").lower()
    n = len(letters)
    for k in range(len(words) - n + 1):
        if "".join(w.group(0)[0].lower() for w in words[k:k + n]) == letters:
            a, b = words[k].start(), words[k + n - 1].end()
            return doc.text[a:b], a, b
    return None


def result_groups(doc: Document, title: tuple[int, int] | None) -> tuple[list[Arm], list[Arm]]:
    """(tested, control) arms of the results' "Arm/Group Title" row; ([], []) when there is none or no control."""
    m = _GROUP_ROW_RE.search(doc.text, 0, 60000) if "Arm/Group Title" in doc.text else None
    if m is None:
        return [], []
    line = doc.lines[doc.line_at(m.end())]
    if doc.box[line.idx] != OWN:
        return [], []
    tested: list[Arm] = []
    control: list[Arm] = []
    pos = line.text.index("|") + 1
    for cell in line.text[pos:].split("|"):
        name = cell.strip()
        at = line.start + pos + cell.find(name) if name else -1
        pos += len(cell) + 1
        if not name or name.lower() == "total":
            continue
        if comp_words(name, anywhere=True):
            control.append((name, at, at + len(name)))
        else:
            spelled = _spelled_out(name, doc, title) if _ABBREVIATION_RE.match(name) else None
            tested.append(spelled or (name, at, at + len(name)))
    return (tested, control) if tested and control else ([], [])


def titled_primary_outcome(doc: Document) -> tuple[str, list[list[int]]] | None:
    """The "Title: ..." right under a "Primary Outcome" heading of a results page."""
    for hit in doc.by_slot.get("title", ()):
        above = next((ln for ln in reversed(doc.lines[max(0, hit.line - 2):hit.line]) if ln.text), None)
        if above is not None and _PRIMARY_HEAD_RE.match(above.text):
            got = doc.scalar(hit)
            if got:
                return got
    return None
