"""The record's heading printed under its trial number at the top of a registry page (CTIS: "2023-508112-31-00"
over "High-dose versus standard-dose influenza vaccine in older adults: ..."): the record's own title, which a
labelled lay title ("Public title: Stronger flu vaccine for older people") does not replace."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.scanned import OWN

# Labels of a title written for lay readers, not the record's heading.
_LAY_LABEL_RE = re.compile(r"^(?:[A-Z]\.[\d.]+\s+)?(?:public title|lay title|title of the trial for lay people)\b", re.I)

# "Trial registered on 12/05/2020   Last approval 03/08/2022" under the number: a registration note, no heading.
_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")


def heading_under_number(doc: Document, fields: dict[str, Any], lay_line: int) -> tuple[str, list[list[int]]] | None:
    """The heading under the record's own number line, when the title was read from a lay title's label on line
    ``lay_line``; else None."""
    label = doc.lines[lay_line] if doc.stop[lay_line] or lay_line == 0 else doc.lines[lay_line - 1]
    if not _LAY_LABEL_RE.match(label.text):
        return None
    for s, e in (fields["evidence"].get("ids") or [])[:1]:
        at = doc.line_at(s)
        line = doc.lines[at]
        if at >= 40 or at >= lay_line or line.text.strip() != doc.text[s:e]:
            return None  # the number is not a line of its own near the top
        below = next((ln for ln in doc.lines[at + 1:at + 3] if ln.text), None)
        if below is None or doc.stop[below.idx] or doc.box[below.idx] != OWN or ":" in below.text[:30] \
                or not 20 <= len(below.text) <= 400 or below.text.count(" ") < 3 or "   " in below.text \
                or _DATE_RE.search(below.text):
            return None
        return below.text, [[below.start, below.end]]
    return None
