"""The by-line under an article's title: one line of names, or one name a line."""

from __future__ import annotations

import re

from curator.extraction.authors import AUTHOR_ITEM_RE, author_line
from curator.extraction.count_byline import names_around_count
from curator.extraction.layout import Document
from curator.extraction.marked_byline import marked_byline, may_be_marked
from curator.extraction.textutil import Line
from curator.extraction.values import Spans


def byline_below(doc: Document, title: Line) -> Line | None:
    """The by-line under a title: within two lines, or after a few short lines of citation and tabs
    ("BMJ 2020; 371 doi: ...", "Article", "Metrics"); an ``Authors:`` label counts too."""
    key = ("byline", title.idx)  # asked for each candidate title, and again for the one chosen
    if key not in doc.found_at:
        doc.found_at[key] = _byline_below(doc, title)
    return doc.found_at[key]


def _names(doc: Document, line: Line) -> bool:
    """True when the line is a by-line's names (the windows under candidate titles overlap: each line read once)."""
    key = ("names", line.idx)
    if key not in doc.found_at:
        doc.found_at[key] = bool(author_line(line.text))
    return doc.found_at[key]


def _byline_below(doc: Document, title: Line) -> Line | None:
    seen = 0
    authors_at = {h.line for h in doc.own_hits("authors")}
    for nxt in doc.lines[title.idx + 1: title.idx + 14]:
        if not nxt.text:
            continue
        seen += 1
        if _names(doc, nxt) or nxt.idx in authors_at or listed_byline(doc, nxt):
            return nxt
        t = nxt.text
        if seen < 9 and "   " in t and all(c.count(" ") <= 2 for c in _GAP_RE.split(t.strip())):
            continue  # a row of links between them ("Article   Related content   Metrics"), no headline
        if seen >= 9 or (seen >= 2 and (len(t) > 100 or t.count(" ") > 12)):
            break
        if seen >= 2 and t.count(" ") >= 4 and not any(c.isdigit() for c in t):
            break  # a headline between them: the by-line belongs to a later heading
    return None


def listed_byline(doc: Document, first: Line) -> tuple[list[str], Spans] | None:
    """A by-line written one name a line, each but the last ending in a comma or "&" ("Lars Madsen1," /
    "Eva Holm2 &" / "Per Nygaard1"): its names and lines."""
    if may_be_marked(first.text):
        return marked_byline(doc, first)  # "Renata Albuquerque I" / "http://orcid.org/..."
    if not first.text.endswith((",", "&", " and")):
        if "   " in first.text or "\t" in first.text:
            return _names_with_affiliations(doc, first)
        plus = doc.found_at.get(_COUNT_LINES)
        if plus is None:  # (asked for every line under every candidate title: the page is looked at once)
            plus = doc.found_at[_COUNT_LINES] = "\n+" in doc.text
        return names_around_count(doc, first) if plus else None  # "Sofia Lind" / "+2 authors" / "Mei Chen"
    joined: list[str] = []
    spans: Spans = []
    for line in doc.lines[first.idx:first.idx + 60]:
        t = line.text
        if not t or len(t) > 80:
            break
        joined.append(t)
        spans.append([line.start, line.end])
        if not t.endswith((",", "&", " and")):
            break
    names = author_line(" ".join(joined)) if len(joined) >= 2 else None
    return (names, spans) if names and len(names) == len(joined) else None


_GAP_RE = re.compile(r"\s{3,}|\t")
_COUNT_LINES = ("count lines", 0)  # doc.found_at's key: whether a line opens with "+" ("+2 authors")
ORGANISATION_RE = re.compile(r"Universit|Institut|Hospital|Hôpital|Centre|Center|School|College|Facult|Department"
                              r"|Ministry|Santé|Clinic|Laborator|Foundation|Council|Trust|Academy|Académie")


def _names_with_affiliations(doc: Document, first: Line) -> tuple[list[str], Spans] | None:
    """One author a line, the affiliation after a wide gap (SSRN: "Aminata Traoré   Institut National de Santé
    Publique, Bamako"): two lines or more, each a name then an organisation's."""
    names: list[str] = []
    spans: Spans = []
    for line in doc.lines[first.idx:first.idx + 40]:
        cells = _GAP_RE.split(line.text, maxsplit=1)
        if len(cells) < 2 or not AUTHOR_ITEM_RE.match(cells[0]) or not ORGANISATION_RE.search(cells[1]):
            break
        names.append(cells[0])
        spans.append([line.start, line.start + len(cells[0])])
    return (names, spans) if len(names) >= 2 else None
