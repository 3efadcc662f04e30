"""The tested intervention an abstract's objective names, when it names no drug: "To evaluate the effect of a
clinic-based intervention program on mammography use", "We assessed the effectiveness of computer reminders in ...".

An abstract of a programme, a service or a change of practice states what was tested in its aim, and often nowhere
else in a phrase of its own. Only the aim's own sentence is read ("to / we" and a verb of testing before "the effect
of"), and only a phrase naming something given (a treatment's head word: programme, training, reminders, care,
support ...), so "the effect of age on ..." or "the impact of social influence" names nothing.
"""

from __future__ import annotations

import re

from curator.extraction.pico import Found, Span
from curator.extraction.title_pico import names_something_given

_AIM_RE = re.compile(
    r"\b(?:to|we|study|trial)\s+(?:(?:was|were|is)\s+(?:to\s+)?)?(?:aimed\s+to\s+|sought\s+to\s+)?"
    r"(?:evaluate|evaluated|assess|assessed|test|tested|examine|examined|investigate|investigated|determine|"
    r"determined|compare|compared|measure|measured|estimate|estimated|explore|explored|evaluates|assesses|tests)\s+"
    r"(?:the\s+|whether\s+the\s+)?(?:(?:clinical|relative|potential|comparative)\s+)?"
    r"(?:effects?|effectiveness|efficacy|impact|influence|benefits?|cost-effectiveness)"
    r"(?:\s+and\s+(?:cost-effectiveness|safety|feasibility|acceptability))?\s+of\s+", re.I)
# Where the tested thing's name ends: what it is tested on, in, among or against, or the clause's end.
_END_RE = re.compile(
    r"\s+(?:on|in|for|among|amongst|at|to|versus|vs\.?|compared|with\s+or|within|upon|when|by\s+(?:comparing|using))\s"
    r"|\s+(?:that|which|who|carried|delivered|designed|aimed|based|implemented|provided)\b|[,;:.()]|\n", re.I)
_LEAD_RE = re.compile(r"(?:(?:a|an|the|two|three|four|\d|novel|new)\s+)+", re.I)
# A thing pointed to, not named: "this intervention", "our strategy", "these methods".
_POINTED_RE = re.compile(r"(?:this|these|that|those|our|their|its|such|each|both|either)\s", re.I)


# Words every match of _AIM_RE holds, lower-cased: a zone of ``caseless(text)`` without them holds no match.
_AIM_WORDS = ("effect", "efficacy", "impact", "influence", "benefit")


def objective_intervention(text: str, zones: list[Span], low: str | None = None) -> Found | None:
    """The X of the aim's "to evaluate the effect of X on ..." in ``zones``, when X names something given (``low``:
    ``caseless(text)``, when the caller has it: zones without the aim's words are not searched)."""
    for s, e in zones:
        if text.find(" of ", s, e) < 0 or low is not None and all(low.find(w, s, e) < 0 for w in _AIM_WORDS):
            continue
        for m in _AIM_RE.finditer(text, s, e):
            end = _END_RE.search(text, m.end(), min(e, m.end() + 160))
            if end is None:
                continue
            start = m.end()
            if _POINTED_RE.match(text, start, end.start()):
                continue
            lead = _LEAD_RE.match(text, start, end.start())
            if lead:
                start = lead.end()
            x = text[start:end.start()].strip()
            if len(x) >= 3 and len(x.split()) <= 8 and names_something_given(x):
                return x, start, start + len(x)
    return None
