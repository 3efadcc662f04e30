"""Two arms written as two words before one noun: "nitrate-rich or nitrate-depleted beetroot juice", "active or
sham tDCS", "nitrate-rich beetroot juice or nitrate-depleted beetroot juice". The tested arm is the first word with
the noun, the control the second."""

from __future__ import annotations

import re

from curator.extraction.pico import Found, Span

_RICH = r"[\w]+-(?:rich|enriched|containing|fortified|supplemented)|active|real"
_POOR = r"[\w]+-(?:depleted|free|poor|deficient|reduced)|sham|inactive"
_NOUN = (r"[a-zA-Z][\w\-]*(?:\s(?!(?:for|daily|in|at|each|with|during|twice|once|per|and|or|was|were|is)\b)"
         r"[a-zA-Z][\w\-]*)?")
# "nitrate-rich or nitrate-depleted beetroot juice"
_SHARED_NOUN_RE = re.compile(rf"\b({_RICH})\s+or\s+(?:with\s+)?((?:{_POOR})\s+({_NOUN}))", re.I)
# "nitrate-rich beetroot juice or nitrate-depleted beetroot juice"
_BOTH_NOUNS_RE = re.compile(rf"\b((?:{_RICH})\s+{_NOUN})\s+or\s+((?:{_POOR})\s+{_NOUN})", re.I)
_WORDS = ("-rich", "-enriched", "-containing", "-fortified", "-supplemented", "ctive or", "eal or")


def paired_arms(text: str, zones: list[Span]) -> tuple[Found, Found] | None:
    """(tested, control) of two arms sharing one noun in the zones, else None."""
    for s, e in zones:
        if not any(text.find(w, s, e) >= 0 for w in _WORDS):
            continue
        m = _BOTH_NOUNS_RE.search(text, s, e)
        if m:
            return (m.group(1), m.start(1), m.end(1)), (m.group(2), m.start(2), m.end(2))
        m = _SHARED_NOUN_RE.search(text, s, e)
        if m:
            # The tested arm is its word and the shared noun, cut from two places: the word's span is given.
            return (f"{m.group(1)} {m.group(3)}", m.start(1), m.end(1)), (m.group(2), m.start(2), m.end(2))
    return None
