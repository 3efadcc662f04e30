"""A structured abstract's headings run into their text on one line (BMJ, JAMA, Annals).

"Interventions Usual support plus vouchers, or usual support alone." / "Main outcome measures Self-reported
cessation ...": no colon, no line of its own; the heading is known by its words and the capital after them.
"""

from __future__ import annotations

from curator.extraction.layout import Document
from curator.extraction.scanned import OWN

_HEADS = {
    "interventions": ("Interventions ", "Intervention "),
    "pico.outcome": ("Main outcome measures ", "Main Outcomes and Measures ", "Main outcome measure ",
                     "Main Outcome Measures ", "Main outcomes and measures ", "Primary outcome measure "),
}
_SCAN_LINES = 200


def run_in_value(doc: Document, slot: str) -> tuple[str, int, int] | None:
    """The text after a run-in heading of ``slot`` ("Interventions Usual care ..."), with its span."""
    heads = _HEADS[slot]
    for line in doc.lines[:_SCAN_LINES]:
        t = line.text
        if len(t) < 30 or not t.startswith(heads) or doc.box[line.idx] != OWN:
            continue
        head = next(h for h in heads if t.startswith(h))
        rest = t[len(head):]
        if rest[:1].isupper() and rest.count(" ") >= 3:
            value = rest.rstrip(" .")
            return value, line.start + len(head), line.start + len(head) + len(value)
    return None
