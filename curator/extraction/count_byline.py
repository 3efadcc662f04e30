"""A by-line copied from an aggregator one name a line, with the count of the names it hides on a line of its own
("Sofia Lind" / "Omar Haddad" / "+2 authors" / "Mei Chen"): the names, when such a count is among them."""

from __future__ import annotations

import re

from curator.extraction.authors import AUTHOR_ITEM_RE
from curator.extraction.scanned import ScannedText
from curator.extraction.textutil import Line

Spans = list[list[int]]

_COUNT_LINE_RE = re.compile(r"^\+\s?\d{1,3}\s(?:authors?|more|others?)$")


def names_around_count(doc: ScannedText, first: Line) -> tuple[list[str], Spans] | None:
    """The names of consecutive one-name lines from ``first`` when a "+N authors" line is among them."""
    last = min(first.idx + 7, len(doc.lines) - 1)
    if last <= first.idx or doc.text.find("\n+", first.end, doc.lines[last].end) < 0:
        return None  # (one look at the few lines below: asked for every line under every candidate title)
    lines = doc.lines[first.idx:first.idx + 30]
    names: list[str] = []
    spans: Spans = []
    counted = False
    for line in lines:
        t = line.text.strip(" ,")
        if _COUNT_LINE_RE.match(t):
            counted = True
            continue
        if not t or not AUTHOR_ITEM_RE.match(t):
            break
        names.append(t)
        spans.append([line.start, line.start + len(line.text.rstrip(" ,"))])
    return (names, spans) if counted and len(names) >= 2 else None
