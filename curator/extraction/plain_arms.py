"""The arms of a patient page, written as what each group of people will do.

"One group will practise in a driving simulator ... The other group will get the usual advice", "Half of the
people taking part will take vitamin K2 ..., and the other half will take a dummy tablet (placebo)", "two thirds
will get BPZE1 ... and one third will get a dummy spray (placebo)", "You have either aspirin tablets or dummy
tablets (a placebo)". A "dummy" tablet or spray is a placebo in plain words.
"""

from __future__ import annotations

import re

from curator.extraction.assignment import arm_name
from curator.extraction.pico import Found, comp_words
from curator.extraction.sentence_ends import sentence_end

# (a results page tells it past: "One group had nebulised hypertonic saline; the other group had normal saline")
_VERB = (r"(?:will\s+(?:take|get|receive|have|use|do|attend|practise|practice|be\s+given|be\s+offered|continue\s+(?:with|to"
         r"\s+(?:get|receive|have)))|had|got|took|received|used|were\s+given|was\s+given)\s+(?:in\s+)?"
         r"(?:(?:a|an|the|their|one\s+dose\s+of)\s+)?")
_FIRST_RE = re.compile(r"\b(?:[Oo]ne\s+group|[Tt]he\s+first\s+group|[Hh]alf\s+of\s+(?:the\s+)?(?:people|participants|you)"
                       r"(?:\s+taking\s+part)?|[Tt]wo\s+thirds)\s+" + _VERB)
_OTHER_RE = re.compile(r"\b(?:[Tt]he\s+other\s+(?:group|half)|[Tt]he\s+second\s+group|[Oo]ne\s+third|[Tt]he\s+rest)\s+"
                       + _VERB)
# "either 100 mg aspirin tablets or dummy tablets (a placebo)"
_DUMMY_RE = re.compile(r"\bor\s+(?:a\s+|an\s+)?(dummy\s+[a-z]+(?:\s+\((?:a\s+)?placebo\))?)")
_NAMED_PLACEBO_RE = re.compile(r"\s\((?:a\s+)?placebo\)")
_BRACKETED_NAME_RE = re.compile(r"\s*\([^()\n]{1,15}\)\s+(?:saline|placebo|water|solution)\b", re.I)
_PLAIN_CONTROL_RE = re.compile(r"^(?:the\s+)?(?:usual|standard|normal|routine|dummy)\b", re.I)


def _after(pattern: re.Pattern[str], text: str, needles: tuple[str, ...]) -> Found | None:
    """The arm named after the first match of ``pattern`` in the page's head (only when one of ``needles`` is there)."""
    s, e = 0, min(len(text), 20000)
    if any(text.find(w, s, e) >= 0 for w in needles):
        m = pattern.search(text, s, e)
        if m:
            end = sentence_end(text, m.end(), min(e, m.end() + 200))
            raw = text[m.end():end if end is not None else min(e, m.end() + 150)]
            x = arm_name(re.split(r",?\s+and\s+(?:the|one|two|half)\b", raw, maxsplit=1)[0])
            at = m.end() + raw.find(x)
            named = _NAMED_PLACEBO_RE.match(text, at + len(x))
            if named:
                x += named.group(0)  # "a dummy tablet (placebo)": the plain words with their name
            if 3 <= len(x) <= 100:
                return x, at, at + len(x)
    return None


def plain_control(text: str) -> Found | None:
    """What "the other group / half will take" names, when it is a control ("a dummy tablet (placebo)", "the usual
    advice"), or the "dummy" arm of "either X or dummy tablets"."""
    got = _after(_OTHER_RE, text, ("other group", "other half", "second group", "ne third", "he rest"))
    tail = _BRACKETED_NAME_RE.match(text, got[2]) if got else None
    if got and tail:  # "normal (0.9%) saline": the name goes on after its bracket
        got = text[got[1]:tail.end()], got[1], tail.end()
    if got and (comp_words(got[0], anywhere=True) or _PLAIN_CONTROL_RE.match(got[0])):
        return got
    e = min(len(text), 20000)
    m = _DUMMY_RE.search(text, 0, e) if text.find("dummy", 0, e) >= 0 else None
    return (m.group(1), m.start(1), m.end(1)) if m else None


def plain_tested(text: str, offset: int = 0) -> Found | None:
    """What "one group / half of the people will take" names, when it is not a control (spans plus ``offset``)."""
    got = _after(_FIRST_RE, text, ("ne group", "first group", "alf of", "wo thirds"))
    if got is None or comp_words(got[0], anywhere=True) or _PLAIN_CONTROL_RE.match(got[0]):
        return None
    return got[0], got[1] + offset, got[2] + offset
