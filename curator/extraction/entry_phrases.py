"""Mends of a bibliographic entry's PICO phrases: where they end and what the abstract calls them.

"The primary outcome was X at 6 months. Secondary outcomes included ...": the outcome ends with its sentence.
"to write about their worries for 10 minutes (expressive writing)": the arm's own name in brackets is its name.
"supervised physiotherapy plus usual care or usual care alone": the control keeps its "alone". A title
"... for parents of young children: a randomised trial" names the people when the abstract does not.
"""

from __future__ import annotations

import re

from curator.extraction.people import PEOPLE_WORDS
from curator.extraction.pico import comp_words

Got = dict[str, tuple[str, list[list[int]]]]
Span = tuple[int, int]

_SENTENCE_RE = re.compile(r"(?<![A-Z])(?<!\bvs)(?<!\bet al)\.\s+(?=[A-Z][a-z])")
_BRACKET_NAME_RE = re.compile(r"[^.;()]{0,40}?\(((?:[a-z][a-z\-]+\s){1,3}[a-z][a-z\-]+)\)")
_ALONE_RE = re.compile(r"\s+(?:alone|only)\b")
_TITLE_PEOPLE_RE = re.compile(
    r"\b(?:for|in|among|amongst)\s+((?:(?!(?:of|to|and|or|with|the|in|for)\s)[a-z][\w\-]*\s+){0,3}?(?:" + PEOPLE_WORDS + r")\b(?:\s+(?:of|with|aged|who|in|at"
    r"|living|attending|undergoing)\s+[^:;.?]{2,60}?)?)(?=\s*(?:[:;.?]|$))", re.I)


# "Heart Failure" then "With Reduced Ejection Fraction", "patients with heart failure" then "with an ejection fraction
# above 40%": a "with" that runs on from the population is its eligibility, kept to where the phrase ends.
_WITH_MORE_RE = re.compile(r"\s+with\s+(?:[\w\-/%\u2265\u2264<>=.]+\s){0,7}?[\w\-/%\u2265\u2264<>=]+(?=\s*(?:[;,:\n(]|\.\s|\.?$"
                           r"|\s(?:were|was|who|and|in|at|from|to|for|received|underwent|are|had|have)\b))", re.I)


def _cut(got: Got, part: str, length: int) -> None:
    value, spans = got[part]
    got[part] = (value[:length], [[spans[0][0], spans[0][0] + length]])


def mend_phrases(text: str, got: Got, title_zones: list[Span], summary_zones: list[Span]) -> None:
    """Mend ``got`` in place (see the module's doc); the title's people only beside an abstract (a title alone waits
    for its abstract or full text, as the fill counts it)."""
    outcome = got.get("outcome")
    if outcome is not None and len(outcome[1]) == 1:
        m = _SENTENCE_RE.search(outcome[0])
        if m and m.start() >= 3:
            _cut(got, "outcome", m.start())
    tested = got.get("intervention")
    if tested is not None and len(tested[1]) == 1:
        m = _BRACKET_NAME_RE.match(text, tested[1][0][1])
        if m and not comp_words(m.group(1)) and not comp_words(m.group(1), anywhere=True):
            got["intervention"] = (m.group(1), [[m.start(1), m.end(1)]])
    control = got.get("comparator")
    if control is not None and len(control[1]) == 1 and tested is not None and " plus " in text:
        m = _ALONE_RE.match(text, control[1][0][1])
        if m:
            got["comparator"] = (control[0] + m.group(0), [[control[1][0][0], m.end()]])
    people = got.get("population")
    if people is not None and len(people[1]) == 1:
        end = people[1][0][1]
        m = _WITH_MORE_RE.match(text, end, min(len(text), end + 80)) if text[end:end + 6].lower() == " with " else None
        if m and any(s <= end and m.end() <= e for s, e in title_zones + summary_zones):
            got["population"] = (people[0] + m.group(0), [[people[1][0][0], m.end()]])
    people = got.get("population")
    if (people is None and summary_zones) or (people is not None and not summary_zones):
        for s, e in title_zones[:1]:
            m = _TITLE_PEOPLE_RE.search(text, s, e)
            # a title alone: the condition it gave ("heart failure") becomes the people who have it
            if m and (people is None or people[0].lower() in m.group(1).lower()):
                got["population"] = (m.group(1), [[m.start(1), m.end(1)]])
