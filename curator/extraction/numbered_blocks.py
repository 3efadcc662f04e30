"""Numbered blocks under a list heading (IRCT's record page): "Primary outcomes" / "1" / "Description  X" / "Timepoint
Y" / "2" / "Description  Z". The counters are no values, and each block's "Description" is an item of the heading.
"""

from __future__ import annotations

import re

from curator.extraction.labels import norm_label
from curator.extraction.scanned import ScannedText

# Headings whose numbered blocks give items ("Conditions" / "1" / "Description of condition  Asthma").
_LIST_SLOTS = frozenset(("conditions", "interventions", "pico.outcome", "countries"))
# Headings whose blocks' "Description" is the item itself (an intervention's is an arm's prose: the arm readers read it).
_DESCRIBED = frozenset(("conditions", "pico.outcome"))
_COUNTER_LINE_RE = re.compile(r"\n[ \t]*\d{1,3}\.?[ \t]*\n")


def _counter(t: str) -> bool:
    return 0 < len(t) <= 3 and t[0].isdigit() and t.rstrip(".").isdigit()


def read_numbered_blocks(doc: ScannedText) -> None:
    """Mark the counters of numbered blocks as stops and give each block's "Description" to its heading."""
    lines = doc.lines
    if not any(s in doc.by_slot for s in _LIST_SLOTS) or _COUNTER_LINE_RE.search(doc.text) is None:  # (one scan in C: most pages have no counter line)
        return
    first = {}
    for h in doc.hits:
        first.setdefault(h.line, h)
    heading: str | None = None
    prev = None
    for line in lines:
        t = line.text
        if not t:
            continue
        hit = first.get(line.idx)
        if _counter(t):
            if prev is not None and prev.value is None and prev.line == _prev_nonblank(lines, line.idx) \
                    and prev.slot in _LIST_SLOTS:
                heading = prev.slot  # "Primary outcomes" / "1"
            if heading is not None:
                doc.stop[line.idx] = True
                prev = hit
                continue
        elif hit is not None and hit.value is None:
            heading = None  # a heading of its own ends the blocks (unless a counter follows it: see above)
        elif heading in _DESCRIBED and hit is not None and hit.value is not None and hit.slot in ("abstract", "other") \
                and norm_label(t[:hit.value[0] - line.start]).startswith("description"):
            doc.by_slot[hit.slot].remove(hit)
            hit.slot = heading
            doc.by_slot.setdefault(heading, []).append(hit)
        elif heading is not None and hit is None:
            heading = None  # a line of text, no label: the blocks have ended
        prev = hit


def _prev_nonblank(lines: list, i: int) -> int:
    for j in range(i - 1, max(-1, i - 4), -1):
        if lines[j].text:
            return j
    return -1
