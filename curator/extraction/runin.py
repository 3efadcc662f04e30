"""A structured abstract's headings run into their text on one line (BMJ, JAMA, Annals).

"Interventions Usual support plus vouchers, or usual support alone." / "Main outcome measures Self-reported
cessation ...": no colon, no line of its own; the heading is known by its words and the capital after them.
"""

from __future__ import annotations

import re

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
# A line starting with any slot's heading: one scan of the page finds where each heading may start its line, instead
# of one search per heading (``\n`` read first, so the engine skips between lines at once).
_LINE_HEAD_RE = re.compile(r"\n(?=" + "|".join(sorted({re.escape(h) for heads in _HEADS.values() for h in heads})) + ")")
_last: tuple[Document, list[int]] | None = None  # the page last read and where its heading lines start


def _head_lines(doc: Document, stop: int) -> list[int]:
    """Where the lines start that open with a heading, for the first ``stop`` characters of ``doc`` (a run-in heading
    is looked for up to three times a page: the scan is made once)."""
    global _last
    last = _last  # (read once: another thread may read another page)
    if last is None or last[0] is not doc:
        last = _last = doc, [m.end() for m in _LINE_HEAD_RE.finditer(doc.text, 0, stop)]
    return last[1]


def run_in_value(doc: Document, slot: str) -> tuple[str, int, int] | None:
    """The text after a run-in heading of ``slot`` ("Interventions Usual care ..."), with its span."""
    if not doc.lines:
        return None
    stop = doc.lines[min(len(doc.lines), _SCAN_LINES) - 1].end
    starts = _head_lines(doc, stop)
    for head in _HEADS[slot]:
        # a heading starts its line: the page's first line, or one after a newline with the whole "\n" + heading
        # before ``stop`` (as ``text.find("\n" + head, pos, stop)`` found them one by one)
        for pos in ([0] if doc.text.startswith(head) else []) + [p for p in starts if doc.text.startswith(head, p, stop)]:
            line = doc.lines[doc.line_at(pos)]
            rest = line.text[len(head):]
            if line.start == pos and len(line.text) >= 30 and doc.box[line.idx] == OWN and rest[:1].isupper() \
                    and rest.count(" ") >= 3:
                value = rest.rstrip(" .")
                return value, pos + len(head), pos + len(head) + len(value)
    return None
