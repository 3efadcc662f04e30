"""The final (actual) number of participants where a registry writes it beside the target.

fields.md: enrollment is the actual number when given, else the anticipated/target one. ANZCTR writes
"Sample size  Target 6000   Accrual to date   Final 5612" on one line; CTRI "Final Enrollment numbers
achieved (Total)= "Applicable only for Completed/Terminated trials"" and "... (India)="120"".
"""

from __future__ import annotations

import re

from curator.extraction.scanned import OWN, ScannedText

Spans = list[list[int]]

_INLINE_FINAL_RE = re.compile(r"\b(?:final|actual)\s*[:=]?\s*(\d{1,3}(?:,\d{3})+|\d{1,7})\b", re.I)
_CTRI_FINAL_RE = re.compile(r"^Final Enrollment numbers achieved \((Total|India)\)\s*=\s*\"?\s*(\d{1,7})\s*\"?\s*$", re.I)


def inline_final(value: str, spans: Spans, text: str) -> tuple[str, Spans] | None:
    """The final count of a one-line "Target 6000 ... Final 5612" value (one evidence span), else None."""
    if len(spans) != 1 or ("inal" not in value and "ctual" not in value):
        return None
    m = _INLINE_FINAL_RE.search(value)
    at = text.find(value, spans[0][0], spans[0][1] + 1) if m else -1
    if m is None or at < 0:
        return None
    return m.group(1), [[at + m.start(1), at + m.end(1)]]


def stated_final(doc: ScannedText) -> tuple[int, Spans] | None:
    """CTRI's final enrolment: the total when it is a number, else the count in India."""
    found: dict[str, tuple[int, Spans]] = {}
    for line in doc.lines_holding(("Final Enrollment numbers",), 2000):
        m = _CTRI_FINAL_RE.match(line.text)
        if m and doc.box[line.idx] == OWN:
            s = line.start + m.start(2)
            found.setdefault(m.group(1).lower(), (int(m.group(2)), [[s, s + len(m.group(2))]]))
    return found.get("total") or found.get("india")
