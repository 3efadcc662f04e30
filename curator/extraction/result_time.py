"""A test's arm stated by how soon its result comes: the test is the intervention, never the time.

"Index test: a tongue swab tested at the health centre; result within one hour", "randomized to receive a
C-reactive protein result within 5 minutes from a finger-prick point-of-care CRP test", "Participants allocated to
the intervention have their influenza result within one hour ... tested on a rapid molecular point-of-care influenza
test": a diagnostic or point-of-care test's trial names the test (its index test) as what is given; "result within one
hour" and "C-reactive protein result" say when, or what comes back.
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.values import put

# "result within one hour", "results available in 20 minutes", "their influenza result within one hour of arrival".
_RESULT_RE = re.compile(r"^(?:(?:an?|the|their|its)\s+)?(?:[\w\-]+\s+){0,3}?results?\b(?:\s+(?:is\s+|are\s+)?(?:available"
                        r"\s+|given\s+|known\s+)?(?:with)?in\b.*)?$", re.I)
_TIME_RE = re.compile(r"\bresults?\s+(?:(?:is|are|was|were|will\s+be)\s+)?(?:available\s+|given\s+|known\s+)?(?:with)?in\s+"
                      r"(?:under\s+|less\s+than\s+)?(?:\d+|one|two|three|four|five|ten|fifteen|twenty|thirty|an?)\s*[- ]?"
                      r"(?:minutes?|mins?|hours?|hrs?|h|days?)\b", re.I)
# The test itself: "rapid molecular point-of-care influenza test", "finger-prick point-of-care CRP test".
_TEST_RE = re.compile(
    r"(?:(?:rapid|molecular|finger[- ]prick|bedside|near[- ]patient|capillary|portable|handheld|automated)\s+)*"
    r"(?:point[- ]of[- ]care|bedside|near[- ]patient|rapid)\s+(?:[\w\-]+\s+){0,3}?(?:test(?:ing)?|assay|ultrasound"
    r"|ultrasonography|measurement|analy[sz]er|meter|monitor|reader|kit)s?\b",
    re.I,
)


def is_result_phrase(value: str) -> bool:
    """True for a value that says how soon a result comes or names the result ("result within one hour")."""
    return "esult" in value and len(value.split()) <= 10 and _RESULT_RE.match(value.strip(" .;,")) is not None


def _test_near(text: str, a: int, b: int) -> tuple[str, int, int] | None:
    """The test named nearest to ``text[a:b]``, in its paragraph."""
    s = max(text.rfind("\n", 0, a) + 1, a - 400)
    e = text.find("\n", b)
    e = min(len(text) if e < 0 else e, b + 400)
    found = [m for m in _TEST_RE.finditer(text, s, e)]
    if not found:
        return None
    m = min(found, key=lambda m: abs(m.start() - a))
    return m.group(0), m.start(), m.end()


def index_test_not_time(doc: Document, fields: dict[str, Any]) -> None:
    """The test, not the time to its result, as the intervention (dropped when the page names no test)."""
    text, ev = doc.text, fields["evidence"]
    value = fields["pico"]["intervention"]
    spans = ev.get("pico.intervention") or []
    if value and spans and is_result_phrase(value):
        got = _test_near(text, spans[0][0], spans[-1][1])
        ev.pop("pico.intervention", None)
        fields["pico"]["intervention"] = None
        if got:
            put(fields, "pico.intervention", got[0], [[got[1], got[2]]])
        return
    for hit in doc.own_hits("interventions")[:2]:
        at = doc.lines[hit.line].start
        if text.find("esult", at, at + 2000) < 0:
            continue  # (most arms say nothing of a result: their paragraphs are not worth reading)
        lines = [ln for p in doc.paragraphs(hit) for ln in p]
        s = hit.value[0] if hit.value is not None else (lines[0].start if lines else -1)
        e = max([hit.value[1] if hit.value is not None else 0] + [ln.end for ln in lines])
        if s < 0 or text.find("esult", s, e) < 0 or any(s <= a < e for a, _ in spans):
            continue
        at = _TIME_RE.search(text, s, e)
        got = _test_near(text, at.start(), at.end()) if at else None
        if got and s <= got[1] < e:
            ev.pop("pico.intervention", None)
            put(fields, "pico.intervention", got[0], [[got[1], got[2]]])
            return
