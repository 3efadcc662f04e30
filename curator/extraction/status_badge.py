"""A recruitment status stated without its label near the top of a registry or study page.

"Recruiting" or "Completed" on a line of its own under the title, a badge row "Recruiting   Updated 2025-03-18" or
"Recruiting   Open to new participants", and old ClinicalTrials.gov's and ISRCTN's sentence "This study has been
terminated." above the record.
"""

from __future__ import annotations

import re

from curator.extraction.layout import Document
from curator.extraction.normalise import normalise_status
from curator.extraction.values import Spans

STATUS_SENTENCE_RE = re.compile(
    r"^(?:[^:\n]{1,20}:\s*)?This (?:study|trial) (?:has been|had been|was|is|is currently|has|is no longer)\b[^.\n]{0,70}\.?$", re.I)
BADGES = frozenset(("recruiting", "not yet recruiting", "active, not recruiting", "completed", "terminated",
                    "withdrawn", "suspended", "enrolling by invitation",
                    # a hospital's or charity's study page: "Now enrolling", "Recruiting now"
                    "now enrolling", "now recruiting", "recruiting now", "currently recruiting", "open to recruitment",
                    "closed to recruitment", "no longer recruiting", "recruitment complete"))
_GAP_RE = re.compile(r"\s{3,}|\t")
# A word every badge and status sentence holds (lower case), each looked for with ``str.find`` (a search for any of
# several words is tried at every offset).
_BADGE_STEMS = ("recruit", "enrol", "complet", "terminat", "withdrawn", "suspend", "his study", "his trial")


def badge_cell(text: str) -> str | None:
    """The badge of a line that is one ("Completed"), or begins a short badge row ("Recruiting   Updated 2025-03-18")
    whose other cells name no other status (a row of filter tabs "Recruiting   Completed" is none)."""
    low = text.lower()
    if low in BADGES:
        return text
    if "   " not in text and "\t" not in text:
        return None
    cells = _GAP_RE.split(text.strip())
    first = cells[0]
    if first.lower() not in BADGES or len(cells) > 3 or any(len(c) > 40 for c in cells[1:]):
        return None
    status = normalise_status(first)
    return first if all(normalise_status(c) in (None, status) for c in cells[1:]) else None


def _in_a_list(doc: Document, i: int) -> bool:
    """A badge's word beside another line of badges or short links ("Recruiting" / "Completed" of a menu of filters),
    below the page's first lines where a long chrome pushes a record's badge ("Display Options" / "Recruiting" / title)."""
    lines = doc.lines
    near = [lines[j].text for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(not t or t.lower() in BADGES for t in near) or all(t.count(" ") <= 2 for t in near)


def badge_status(doc: Document) -> tuple[str, str, Spans] | None:
    """(status, the words as written, evidence) of a badge in the page's first lines or a status sentence."""
    if not doc.lines:
        return None
    low, end = doc.lower, doc.lines[min(len(doc.lines), 40) - 1].end
    if all(low.find(stem, 0, end) < 0 for stem in _BADGE_STEMS):
        return None  # no badge's word in the page's first lines (spares a look at each of them)
    for line in doc.lines[:40]:
        t = line.text
        badge = badge_cell(t) if (line.idx < 15 or line.idx < 30 and not _in_a_list(doc, line.idx)) and len(t) < 80 \
            and not doc.stop[line.idx] else None
        if badge:
            return normalise_status(badge), badge, [[line.start, line.start + len(badge)]]
        if ("his study " in t or "his trial " in t) and STATUS_SENTENCE_RE.match(t) and normalise_status(t):
            return normalise_status(line.text), line.text, [[line.start, line.end]]
    return None
