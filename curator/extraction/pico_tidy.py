"""Last look at a page's PICO: a label is no value, and a primary outcome ends where the secondary ones begin.

"Description of intervention(s) / exposure" read as the intervention, or a CTIS outcome running on into
"Secondary end points: ...": a reviewer would only delete or cut them.
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.labels import label_slot

_PARTS = ("population", "intervention", "comparator", "outcome")
# Headings of a page's sections that are no field's label but no value either.
_HEADINGS = frozenset(("endpoints", "end points", "outcomes", "results", "methods", "background", "objectives", "summary",
                       "design", "description", "details", "interventions"))
# Where the primary outcome's words end: the next outcomes' label run into the value.
_NEXT_OUTCOMES_RE = re.compile(r"[\s;.,]+(?:Secondary\s+(?:end\s*-?\s*points?|outcomes?(?:\s+measures?)?)|Other\s+outcome"
                               r"\s+measures?|Key\s+secondary\s+(?:end\s*-?\s*points?|outcomes?))\b", re.I)


def tidy_pico(text: str, fields: dict[str, Any]) -> None:
    """Drop a PICO value that is only a label's words; cut a primary outcome before the secondary outcomes' label."""
    pico, evidence = fields["pico"], fields["evidence"]
    for part in _PARTS:
        value = pico.get(part)
        if value and len(value) <= 90 and part != "comparator" and (
                value.strip(" :").lower() in _HEADINGS or label_slot(value.strip(" :")) is not None):
            pico[part] = None
            evidence.pop(f"pico.{part}", None)
    outcome, spans = pico.get("outcome"), evidence.get("pico.outcome") or []
    m = _NEXT_OUTCOMES_RE.search(outcome) if outcome else None
    if m is None or m.start() < 10:
        return
    kept = _spans_before(text, spans, outcome, m.start())
    if kept:
        pico["outcome"] = outcome[:m.start()]
        evidence["pico.outcome"] = kept


def _spans_before(text: str, spans: list[list[int]], value: str, cut: int) -> list[list[int]] | None:
    """The evidence of ``value[:cut]`` when ``value`` is its spans' words joined by spaces (or one span's words with
    their line breaks made spaces); None when it is not."""
    if len(spans) == 1 and len(text[spans[0][0]:spans[0][1]]) == len(value):
        return [[spans[0][0], spans[0][0] + cut]]
    if " ".join(text[a:b] for a, b in spans) != value:
        return None
    kept, at = [], 0
    for a, b in spans:
        if at >= cut:
            break
        take = min(b - a, cut - at)
        kept.append([a, a + take])
        at += (b - a) + 1
    while kept and not text[kept[-1][0]:kept[-1][1]].strip():
        kept.pop()
    if kept:
        a, b = kept[-1]
        kept[-1] = [a, a + len(text[a:b].rstrip(" ;.,"))]
    return kept or None
