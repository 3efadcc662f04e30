"""Outcomes written in plain words, as patient pages and registry summaries put them.

"The main thing we are measuring is X", "The main result is whether X", "The main aim is to see how many people
are X", and a primary outcome written as an aim ("This study aims to find out whether tai chi reduces the rate of
falls"): the measured thing, not its lead-in; and an outcome set off by commas after its heading words ("The
primary outcome, incidence of hospital-acquired pressure ulcers, was measured by daily skin inspection").
"""

from __future__ import annotations

import re

from curator.extraction.pico import Found, Span
from curator.extraction.sentence_ends import sentence_end
from curator.extraction.textutil import clip

_LEAD_RE = re.compile(
    r"[Tt]he\s+main\s+(?:(?:thing\s+(?:we\s+are|we're|we\s+will\s+be|(?:the\s+)?(?:researchers|team)\s+(?:are|will\s+be))"
    r"\s+(?:measuring|looking\s+at)|result)\s+(?:is|will\s+be)\s+"
    # "The main aim is to see how many ...": an aim only with what it looks at ("to compare X with Y" names arms).
    r"|aim\s+(?:is|will\s+be)\s+to\s+(?:see|find\s+out|measure|learn)\s+)(?:whether\s+|if\s+)?",
)
# "This study aims to find out whether tai chi reduces the rate of falls ...": what the tested arm changes.
_AIM_RE = re.compile(
    r"^(?:this|the|our)\s+(?:study|trial|research)\s+(?:aims|wants|will\s+try|is\s+designed)\s+to\s+(?:find\s+out|see"
    r"|test|assess|determine|establish|learn)\s+(?:whether|if)\s+.{3,80}?\s+(?:reduces?|improves?|increases?|lowers?"
    r"|prevents?|changes?|slows?|affects?|shortens?|delays?)\s+",
    re.I,
)


def plain_outcome(text: str, zones: list[Span]) -> Found | None:
    """The X of "The main thing we are measuring is X" / "The main result is whether X" in the zones."""
    for s, e in zones:
        i = text.find("he main ", s + 1, e)
        while i > 0:
            m = _LEAD_RE.match(text, i - 1) if i < 2 or not text[i - 2].isalnum() else None
            if m:
                end = sentence_end(text, m.end(), min(e, m.end() + 300))
                raw = text[m.end():end if end is not None else min(e, m.end() + 200)].strip()
                if len(raw) >= 3:
                    return clip(raw, 300), m.end(), m.end() + len(raw)
            i = text.find("he main ", i + 8, e)
    return None


def without_aim(value: str) -> int:
    """How many leading characters of an outcome value are an aim's lead-in ("This study aims to find out whether
    X reduces "); 0 when none."""
    if value[:4].lower() not in ("this", "the ", "our "):
        return 0
    m = _AIM_RE.match(value)
    return m.end() if m else 0


# "The primary outcome, X, was ..." / "The main outcome measure, X, which ...": X between the commas.
_SET_OFF_RE = re.compile(r"(?:^|[.:]\s+)[Tt]he\s+(?:primary|main)\s+(?:outcome(?:\s+measure)?|end\s?-?point)s?,\s+(?!and\b)")
_SET_OFF_END_RE = re.compile(r",\s+(?:which|that|was|were|is|will|as|defined|measured|assessed)\b|\s+(?:was|were|is|will\s+be)\s")


def set_off_outcome(text: str, zones: list[Span]) -> Found | None:
    """The X of "The primary outcome, X, was measured ..." in the zones."""
    for s, e in zones:
        if text.find("outcome, ", s, e) < 0 and text.find("point, ", s, e) < 0:
            continue
        m = _SET_OFF_RE.search(text, s, e)
        end = _SET_OFF_END_RE.search(text, m.end(), min(e, m.end() + 200)) if m else None
        raw = text[m.end():end.start()].strip() if m and end else ""
        if len(raw) >= 3 and len(raw.split()) <= 20 and "." not in raw:
            return clip(raw, 300), m.end(), m.end() + len(raw)
    return None
