"""A digital intervention named by its product: "the CalmPath app, which delivers cognitive behavioural therapy",
"whether CalmPath, a smartphone app that ...", "randomised to the SleepWell app (six weekly CBT-I modules)".

The therapy the product delivers is what a term list finds; the reviewer's tested arm is the product ("CalmPath
app"), which names the therapy's delivery too. Found in the labelled interventions and the summary, never after a
comparison word (the product is then the control's).
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.values import put

_KINDS = r"(?:smartphone\s+|mobile\s+|web-?based\s+|online\s+|digital\s+)?(?:app|website|platform|chatbot)"
# "the CalmPath app", "SleepWell app"; "CalmPath, a smartphone app that"
_PRODUCT_RE = re.compile(
    rf"(?<![.!?]\s)(?<!^)\b(?:the\s+)?([A-Z][a-z]+[A-Z]?[A-Za-z0-9]*)(?:\s+({_KINDS})\b|,\s+an?\s+({_KINDS})\b)"
)
_NOT_NAMES = frozenset(("The", "This", "Our", "Their", "Each", "Mobile", "Smartphone", "Online", "Web", "Digital",
                        "Study", "Trial", "Android", "Apple", "Google", "An", "A", "Participants", "Control"))
_BEFORE_CONTROL_RE = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to)|control|or\s+to|instead\s+of)\b[^.]{0,60}$",
                                re.I)



def _mentions_product(head: str) -> bool:
    """Quick test before the pattern: an "app" word (not "approach", "applied"), "website", "platform", "chatbot"."""
    pos = head.find(" app")
    while pos >= 0:
        if not head[pos + 4:pos + 5].isalpha():
            return True
        pos = head.find(" app", pos + 4)
    return "website" in head or "platform" in head or "chatbot" in head


def _product(text: str, s: int, e: int) -> tuple[str, int, int] | None:
    for m in _PRODUCT_RE.finditer(text, s, e):
        name = m.group(1)
        if name in _NOT_NAMES or _BEFORE_CONTROL_RE.search(text, max(s, m.start() - 80), m.start()):
            continue
        kind = m.group(2) or m.group(3)
        word = kind.split()[-1]
        return f"{name} {word}", m.start(1), m.end()
    return None


def named_product(doc: Document, fields: dict[str, Any], zones: list[tuple[int, int]]) -> None:
    """Put the product's name as the tested intervention when the one found does not name it."""
    text = doc.text
    head = text[:20000]
    if not _mentions_product(head):
        return
    tested = fields["pico"]["intervention"] or ""
    spans = [_value_span(doc, h) for h in doc.own_hits("interventions")[:2]] + zones
    for s, e in spans:
        got = _product(text, s, e)
        if got:
            # A therapy that does not name the product, or a whole sentence that does: the product's name.
            if got[0].split()[0].lower() not in tested.lower() or len(tested.split()) > 8:
                put(fields, "pico.intervention", got[0], [[got[1], got[2]]])
            return


def _value_span(doc: Document, hit: Any) -> tuple[int, int]:
    lines = [ln for p in doc.paragraphs(hit) for ln in p]
    return (lines[0].start, lines[-1].end) if lines else (0, 0)
