"""A meeting abstract's title under its presentation code: "OP27  Financial incentives for ... trial" (the code and
the title on one line, set apart by a wide gap) or "P3-118" on a line of its own over the title.

A meeting's book of abstracts puts its header lines ("... 68th Annual Scientific Meeting, Sheffield, 4-6 September
2024", "Oral presentations, parallel session C: Tobacco") over the code, and no label anywhere: the engine would not
guess a title on such a page. The code is what marks the title; its year is the meeting's, read from a header line
that names the meeting ("Conference", "Meeting", "Congress") when nothing else gives one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from curator.extraction.layout import Document, Line
from curator.extraction.values import put

_CODE_RE = re.compile(r"^[A-Z]{1,4}\d{0,2}[-.]?\d{1,4}[A-Za-z]?(?:\s{2,}|\t|$)")
# A line opening with a code: at the text's start, or after a line break (a literal the engine scans for at C speed,
# where a multi-line "^" is tried at every offset).
_CODE_FIRST_RE = re.compile(r"[ \t]*[A-Z]{1,4}\d{0,2}[-.]?\d{1,4}[A-Za-z]?(?:\s{2,}|\t|[ \t]*$)", re.M)
_CODE_LINE_RE = re.compile(r"\n[ \t]*[A-Z]{1,4}\d{0,2}[-.]?\d{1,4}[A-Za-z]?(?:\s{2,}|\t|[ \t]*$)", re.M)
_MEETING_RE = re.compile(r"\b(?:Conference|Meeting|Congress|Symposium|Summit|Annual Scientific|Scientific Sessions)\b")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_HEAD_LINES = 12


def _title_like(t: str) -> bool:
    return 4 <= t.count(" ") + 1 <= 60 and len(t) <= 400 and t[-1:] not in ":;," and not t[:1].islower()


def meeting_title(doc: Document) -> Line | None:
    """The title line (the code cut off) under a presentation code in the page's first lines, else None."""
    if _CODE_FIRST_RE.match(doc.text, 0, 3000) is None and _CODE_LINE_RE.search(doc.text, 0, 3000) is None:
        return None  # (no line opens with a code: the common case, found at C speed)
    lines = [ln for ln in doc.lines[:_HEAD_LINES * 2] if ln.text][:_HEAD_LINES]
    for k, line in enumerate(lines):
        t = line.text
        if not t[:1].isupper() or not t[1:2].isalnum():
            continue
        m = _CODE_RE.match(t)
        if m is None or not any(c.isdigit() for c in t[:m.end()]):
            continue
        if m.end() < len(t):
            rest = t[m.end():].strip()
            title = replace(line, start=line.end - len(rest), text=rest)
        elif k + 1 < len(lines):
            title = lines[k + 1]
        else:
            return None
        return title if _title_like(title.text) else None
    return None


def meeting_year(text: str, fields: dict[str, Any]) -> None:
    """An article's missing year from a header line above its title that names the meeting ("WONCA Europe Conference
    2024, Dublin, 26-29 June 2024"); ``fields`` updated."""
    spans = fields["evidence"].get("title")
    if fields["year"] is not None or not spans:
        return
    at = 0
    head = text[:spans[0][0]]
    for raw in head.split("\n")[:_HEAD_LINES]:
        if ("20" in raw or "19" in raw) and _MEETING_RE.search(raw):
            y = _YEAR_RE.search(raw)
            if y:
                put(fields, "year", int(y.group()), [[at + y.start(), at + y.end()]])
                return
        at += len(raw) + 1
