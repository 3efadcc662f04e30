"""A structured abstract's headings run into their text on one line (BMJ, JAMA, Annals).

"Interventions Usual support plus vouchers, or usual support alone." / "Main outcome measures Self-reported
cessation ...": no colon, no line of its own; the heading is known by its words and the capital after them.
"""

from __future__ import annotations

from curator.extraction.layout import Document
from curator.extraction.scanned import OWN

_HEADS = {
    "pico.population": ("Patients ", "Participants ", "Population ", "Setting and participants ", "Subjects ",
                        "PARTICIPANTS ", "PATIENTS ", "SUBJECTS "),
    "interventions": ("Interventions ", "Intervention ", "INTERVENTIONS ", "INTERVENTION "),
    "pico.outcome": ("Main outcome measures ", "Main Outcomes and Measures ", "Main outcome measure ",
                     "Main Outcome Measures ", "Main outcomes and measures ", "Primary outcome measure ",
                     "MAIN OUTCOME MEASURES ", "MAIN MEASURES ", "Main measures ", "Main outcome "),
}
_SCAN_LINES = 200


def run_in_value(doc: Document, slot: str) -> tuple[str, int, int] | None:
    """The text after a run-in heading of ``slot`` ("Interventions Usual care ..."), with its span."""
    if not doc.lines:
        return None
    stop = doc.lines[min(len(doc.lines), _SCAN_LINES) - 1].end
    for head in _HEADS[slot]:
        # one search per heading, not a test per line; a heading starts its line
        pos = 0 if doc.text.startswith(head) else doc.text.find("\n" + head, 0, stop) + 1 or -1
        while pos >= 0:
            line = doc.lines[doc.line_at(pos)]
            rest = line.text[len(head):]
            if line.start == pos and len(line.text) >= 30 and doc.box[line.idx] == OWN and rest[:1].isupper() \
                    and rest.count(" ") >= 3:
                value = rest.rstrip(" .")
                return value, pos + len(head), pos + len(head) + len(value)
            pos = doc.text.find("\n" + head, pos, stop) + 1 or -1
    return None
