"""Boxes about other records: "related / similar" headings, reference lists, and listings of other trials.

Lines inside such a box never give the record's own ids or fields. A box starts at a
heading the label tables know, or at any short stand-alone heading over two or more
entries shaped like other records; it runs to the next section heading.
"""

from __future__ import annotations

import re

from curator.extraction.labels import LABELS, is_box_heading, norm_label
from curator.extraction.scanned import OTHER_BOX, REF_BOX, ScannedText
from curator.extraction.textutil import has_year

# A line of a listing of other records: it opens with a registry identifier ("NCT03123456 RECRUITING
# PHASE3") or is a citation carrying a PMID / DOI.
_CARD_ID_RE = re.compile(
    r"^(?:NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|ChiCTR[-\dA-Z]{6,}|DRKS\d{8}|CTRI/\d{4}/|EUCTR\d{4}-)"
    r"|\bPMID:?[ \t]*\d{4,9}\b|\bdoi:?[ \t]*10\.\d{4,9}/",
    re.I,
)
_CARD_NEEDLES = ("NCT", "ISRCTN", "ACTRN", "ChiCTR", "DRKS", "CTRI", "EUCTR", "PMID", "doi", "DOI")
_HEAD_END = ".:;,!?)]"


def _twice(text: str, needles: tuple[str, ...]) -> bool:
    """True when ``needles`` occur at least twice in all (counted as ``str.count`` does; stops at the second)."""
    seen = 0
    for needle in needles:
        pos = text.find(needle)
        while pos >= 0:
            seen += 1
            if seen >= 2:
                return True
            pos = text.find(needle, pos + len(needle))
    return False


def find_listings(doc: ScannedText) -> None:
    """A heading of no field over two or more record cards (a title line, then a line opening with
    another record's identifier or citing it) heads a box about other records, whatever its wording
    ("Trials like this one", "Weitere Studien zu dieser Erkrankung")."""
    text = doc.text
    if not _twice(text, ("NCT", "PMID", "doi", "DOI")):
        return
    lines = doc.lines
    cards = [ln.idx for ln in doc.lines_holding(_CARD_NEEDLES, len(lines))
             if ln.idx > 0 and _CARD_ID_RE.search(ln.text) is not None and _card_title(doc, ln.idx - 1)]
    if len(cards) < 2:
        return
    heads = {h for h, _ in doc.box_heads}
    found: list[int] = []
    for c in cards:
        # Up from the card's title, over blank lines, to the line heading the listing.
        h = c - 2
        while h >= 0 and not lines[h].text:
            h -= 1
        if h < 0 or h + 1 == c - 1 or h in heads or h in found or not _listing_heading(doc, h):
            continue
        end = h + 1
        while end < len(lines) and not (doc.stop[end] and lines[end].text and is_heading(doc, end)):
            end += 1
        if sum(1 for k in cards if h < k < end) >= 2:
            found.append(h)
    for h in found:
        doc.box_heads.append((h, OTHER_BOX))
        doc.stop[h] = True
    if found:
        doc.box_heads.sort()

def _card_title(doc: ScannedText, i: int) -> bool:
    """A record card's title line: some words, no identifier, not a label."""
    t = doc.lines[i].text
    return t.count(" ") >= 2 and len(t) <= 300 and not doc.stop[i] and _CARD_ID_RE.search(t) is None

def _listing_heading(doc: ScannedText, i: int) -> bool:
    """A short line standing alone that names no field: a candidate heading of a listing."""
    t = doc.lines[i].text
    return (len(t) <= 60 and t.count(" ") <= 7 and t[-1] not in _HEAD_END and (i == 0 or not doc.lines[i - 1].text)
            and LABELS.get(norm_label(t)) is None and _CARD_ID_RE.search(t) is None)

def mark_boxes(doc: ScannedText) -> None:
    """Lines under a related/similar/references heading, up to the next section heading."""
    lines = doc.lines
    heads = doc.box_heads
    for i in doc.inline_boxes:
        doc.box[i] = OTHER_BOX
    for n, (start, kind) in enumerate(heads):
        if _is_tab(doc, start, heads[n + 1:]):
            continue
        if kind == OTHER_BOX:
            doc.box[start] = kind  # "Cited by: 98 articles | PMID: 33789011": the heading's own text too
        for j in range(start + 1, len(lines)):
            if doc.stop[j] and lines[j].text and (is_heading(doc, j) or (kind == REF_BOX and _own_section(doc, j))):
                break
            doc.box[j] = kind

def _own_section(doc: ScannedText, j: int) -> bool:
    """A ``Label: value`` line of the record's own ("Disclosure of Interests: ...") after its reference
    list: not a citation (no year, no reference number, no DOI: "Study protocol: https://doi.org/..." is one of a
    registry's outputs), so the list has ended."""
    t = doc.lines[j].text
    return j in doc.sublabel_lines() and not has_year(t) and t[:1] not in "[0123456789" and "doi" not in t.lower()

def _is_tab(doc: ScannedText, i: int, later: list[tuple[int, int]]) -> bool:
    """A box heading among short tab names at the top ("Abstract / Citations / Similar Articles"),
    repeated further down over the box itself: the tab holds nothing."""
    t = doc.lines[i].text
    if not any(doc.lines[j].text == t for j, _ in later):
        return False
    near = [doc.lines[j].text for j in (i - 1, i + 1) if 0 <= j < len(doc.lines)]
    return any(0 < len(x) <= 40 and x[-1:] not in ".:" for x in near)

def is_heading(doc: ScannedText, j: int) -> bool:
    """A label standing alone on its line (a section heading), not an inline ``Label: value``."""
    t = doc.lines[j].text
    return len(t) <= 90 and (LABELS.get(norm_label(t)) is not None or is_box_heading(norm_label(t)))
