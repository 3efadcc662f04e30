"""A population cut to the phrase that names the people, not a whole criteria list or sentence copied.

"1. Aged 65 years or older. 2. Permanent resident of a nursing home. 3. Able to consent." or "Primiparous women aged
18 to 35 years; Term singleton live birth; ..." list what makes a person eligible; a reviewer writes who they are:
the people a title names with their condition, else the first criterion that names people. A phrase keeps neither
the heading glued before it ("Methods Adults drinking ...") nor the verb after it ("... in Bergen took part").
"""

from __future__ import annotations

import re

from curator.extraction.people import PERSON_WORDS
from curator.extraction.people_bounds import with_nouns
from curator.extraction.pico import Found, Span
from curator.extraction.population_people import first_people_item, title_people

_LIST_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*])\s")
_WORD_RE = re.compile(r"[a-z]{4,}")
_HEADING_RE = re.compile(r"^(?:Materials\s+and\s+methods|Methods?|Subjects\s+and\s+methods)\s+(?=[A-Z])")
_PEOPLE_FIRST_RE = re.compile(r"(?:" + PERSON_WORDS + r")\b", re.I)
_VERB_END_RE = re.compile(r"\s+(?:took\s+part|participated|(?:were|was)\s+(?:enrolled|recruited|included|studied))"
                          r"(?:\W*$|\s+and\s+\d|\s*[,;(])")  # "... took part and 1296 were followed up"
# "..., who were randomly assigned to the video": the allocation, not who they are.
_ALLOCATION_RE = re.compile(r",?\s+(?:who\s+)?(?:were|was)\s+(?:then\s+)?(?:randomly\s+|randomi[sz]ed\s+)?(?:assigned"
                            r"|allocated|randomi[sz]ed)\b")


def criteria_people(text: str, found: tuple[str, list[list[int]]], title_zones: list[Span],
                    conditions: list[str]) -> Found | None:
    """The people of a criteria list (numbered, or three or more items between semicolons): its first item naming
    people, or those a title names when they name the condition and that item does not. None: no item names people."""
    value = found[0]
    if not (_LIST_RE.match(value) or value.count("; ") >= 2):
        return None
    item = first_people_item(text, found)
    if item is None:  # "1. Aged 65 or over 2. Diagnosis of dementia": no criterion names people, the list says it
        return None
    titled = title_people(text, title_zones)
    if titled:
        words = {w for c in conditions for w in _WORD_RE.findall(c.lower())}
        if words and any(w in titled[0].lower() for w in words) and not any(w in item[0].lower() for w in words):
            return titled
    return item


def tidy_people(text: str, value: str, start: int) -> Found:
    """``value`` (found at ``start`` of ``text``) without a section heading glued before it nor an enrolling verb
    after it, with the nouns before its people that say who they are ("call-centre | workers with neck pain")."""
    head = _HEADING_RE.match(value) if value[:1] in "MS" else None
    if head:
        value, start = value[head.end():], start + head.end()
    low = value.lower()
    for end_re, words in ((_ALLOCATION_RE, ("assigned", "allocated", "randomi")),
                          (_VERB_END_RE, ("part", "participated", "enrolled", "recruited", "included", "studied"))):
        tail = end_re.search(value) if any(w in low for w in words) else None
        if tail and tail.start() > 0:
            value = value[:tail.start()]
    first = with_nouns(text, start, text.rfind("\n", 0, start) + 1)
    if first < start and _PEOPLE_FIRST_RE.match(value):
        value, start = text[first:start] + value, first
    return value, start, start + len(value)


# The comma clauses of a criterion that still say who the people are ("..., aged 16 years or older", "..., with X").
_WHO_CLAUSE_RE = re.compile(r"(?:aged|with|who\s+(?:have|had|are)|diagnosed|living|resident|attending)\b", re.I)


# "... who work at least 20 hours a week", "... including at least four night shifts a month", "with a score above 5":
# a threshold that makes people eligible, not who they are; it is cut from the clause word before it.
_THRESHOLD_RE = re.compile(r"\b(?:at\s+least|or\s+more|per\s+week|a\s+week|a\s+month|times|score\s+(?:above|below|of))\b")
_CLAUSE_START_RE = re.compile(r"\s+(?:who|working|living|attending|including|having|employed)\s")
# "with mild hearing loss on audiometry and no current hearing aid": how the condition was measured, what they lack.
_MEASURED_RE = re.compile(r"\s+(?:on|by|at|for\s+at\s+least|confirmed|and\s+no|and\s+without)\s")


def long_criterion(text: str, value: str, start: int) -> Found | None:
    """A long criterion sentence ("Registered players of participating community clubs, aged 16 years or older,
    playing in senior or under-19 teams") cut to its people: the first clause and the clauses after it that say
    who they are, each without its bracket. None when ``value`` is short, a list, or names no people first."""
    if len(value.split()) < 20 or _LIST_RE.match(value) or not text.startswith(value, start):
        return None
    parts = value.split(", ")
    if len(parts) < 2 or not _PEOPLE_FIRST_RE.search(parts[0]):
        return None
    kept = [_before_threshold(parts[0])]
    for part in parts[1:]:
        if not _WHO_CLAUSE_RE.match(part) or _THRESHOLD_RE.search(part):
            break
        kept.append(_MEASURED_RE.split(part, 1)[0])
    said = ", ".join(kept)
    bracket = said.find(" (")
    said = (said[:bracket] if bracket > 0 else said).rstrip(" .;,")
    return (said, start, start + len(said)) if len(said) < len(value.rstrip(" .")) else None


def _before_threshold(part: str) -> str:
    """``part`` up to the clause that sets a threshold ("Farmers aged 55 years and over | who work at least ...")."""
    limit = _THRESHOLD_RE.search(part)
    if limit is None:
        return part
    starts = [m.start() for m in _CLAUSE_START_RE.finditer(part, 0, limit.start())]
    return part[:starts[-1]] if starts and starts[-1] > 0 else part
