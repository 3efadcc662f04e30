"""A by-line written one author a line with an affiliation mark and an ORCID link (SciELO): "Renata Albuquerque I"
then "http://orcid.org/0000-...", or both on one line after a wide gap. The names, without marks or links."""

from __future__ import annotations

import re

from curator.extraction.authors import AUTHOR_ITEM_RE
from curator.extraction.scanned import ScannedText
from curator.extraction.textutil import Line
from curator.extraction.values import Spans

# An ORCID link, alone or after the name: "http://orcid.org/0000-0002-4418-3391".
_ORCID_RE = re.compile(r"(?:\s{2,}|\t|^)(?:https?://)?(?:www\.)?orcid\.org/\S+\s*$")
# Affiliation marks after the name: Roman numerals ("I", "II", "I,III") or letters and digits.
_MARK_RE = re.compile(r"\s(?:[IVX]{1,4}(?:\s?,\s?[IVX]{1,4})*|\d{1,2}(?:,\d{1,2})*|[a-e](?:,[a-e])*)\*?$")


def may_be_marked(t: str) -> bool:
    """The cheap test before :func:`marked_byline`: an ORCID link, or a Roman-numeral mark at the line's end."""
    return "orcid" in t or t[-1:] in "IVX" and _MARK_RE.search(t) is not None


def marked_byline(doc: ScannedText, first: Line) -> tuple[list[str], Spans] | None:
    """The names of such a by-line starting at ``first`` (a line), each marked or linked; else None."""
    names: list[str] = []
    spans: Spans = []
    linked = False
    for line in doc.lines[first.idx:first.idx + 60]:
        t = line.text
        if not t:
            break
        orcid = _ORCID_RE.search(t)
        if orcid and orcid.start() == 0:
            linked = True
            continue  # the link under the name
        name = t[:orcid.start()].rstrip() if orcid else t
        mark = _MARK_RE.search(name)
        if mark is None and orcid is None:
            break
        name = name[:mark.start()].rstrip() if mark else name
        if len(name) > 60 or not AUTHOR_ITEM_RE.match(name):
            break
        linked = linked or orcid is not None
        names.append(name)
        spans.append([line.start, line.start + len(name)])
    return (names, spans) if len(names) >= 2 or names and linked else None
