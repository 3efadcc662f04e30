"""The people a page names, when the population found is only the condition studied.

Registries list what is studied ("Low back pain", "(1) ICD-10 Condition: I10||Essential (primary) hypertension",
"Z00.0 - General adult medical examination" beside "Healthy volunteers: yes"); reviewers write who took part:
"traffic police personnel with stage 1 hypertension", "outdoor construction workers", "children aged 6 to 12 years
undergoing primary molar extraction". The people come from where the page names them: its titles, the sentences of
its summary that enrol them, or the first of its inclusion criteria that names people.
"""

from __future__ import annotations

import re

from curator.extraction.people import PERSON_WORDS, people_phrase
from curator.extraction.people_bounds import with_nouns
from curator.extraction.people_with import bare_condition, people_with_named
from curator.extraction.pico import Found, Span
from curator.extraction.study_sentence import is_study_sentence

# Words that say a value names people or their ages, not only what they have (a set: read once per document).
_PEOPLE_OR_AGE = frozenset(PERSON_WORDS.split("|")) | {"age", "aged", "year", "years", "month", "months", "old", "older",
                                                        "elderly", "healthy", "primiparous", "postmenopausal",
                                                        "student", "pregnant", "pregnancy"}
_WORD_RE = re.compile(r"[a-z]+")
# One of which a sentence that enrols people holds (a cheap test before reading the summary's people).
_STUDY_WORDS = ("random", "enrol", "recruit", "includ", "assigned", "allocated", "eligib", "took part", "participated",
                "studied", "followed", "underwent")
# A coded condition as registries print it: "(1) ICD-10 Condition: I10||...", "ICD10: Z00.0 - ...", "Z00.0 - ...".
_CODED_RE = re.compile(r"\bICD[- ]?1[01]\b|^\s*[A-Z]\d{2}(?:\.\d{1,2})?\s*(?:[-–:|]|$)")

# People named by their age or sex alone.
_GENERIC_PEOPLE = frozenset(("older", "elderly", "young", "younger", "adult", "adults", "children", "child", "patients",
                             "people", "persons", "individuals", "participants", "subjects", "men", "women", "adolescents",
                             "infants", "healthy", "volunteers", "male", "female", "boys", "girls"))
# What healthy people have done, not an illness: "General adult medical examination", "Healthy volunteers".
_CHECK_RE = re.compile(r"\b(?:examination|health\s+check|healthy|volunteers?|screening)\b", re.I)

# "... in children younger than five years in rural Amhara", "... among university students in Uganda", "... for
# adults with low mood in primary care": the people a title names after its preposition, to where a place begins.
_TITLE_PEOPLE_RE = re.compile(r"\b(?:in|among|amongst|for|of)\s+((?:[A-Za-z][\w\-]*\s+){0,3}?(?:" + PERSON_WORDS
                              + r")\b[^:;()\[\]]{0,80}?)(?=\s+(?:(?:living|residing|working|based)\s+)?(?:in|at|from|across)\s+[A-Z]|\s*[:;(\[]|\s+in\s+"
                              r"(?:primary|secondary|general|rural|urban|the|a|an)\b|\s*$)", re.I)
_NOT_TITLE_PEOPLE = frozenset(("the", "a", "an", "all", "some", "most", "many", "other", "our", "their"))
# An inclusion list's items ("1. Aged 65 years or older; 2. Permanent resident of ...").
_ITEM_SPLIT_RE = re.compile(r"(?:^|[;.]\s+|\s)(?:\d{1,2}[.)]|[-•*])\s+|;\s+")
_HAS_PEOPLE_RE = re.compile(r"\b(?:" + PERSON_WORDS + r")\b", re.I)


def names_people(value: str) -> bool:
    """True when ``value`` names people or their ages ("women aged 65 or older"), not only a condition."""
    return any(w in _PEOPLE_OR_AGE or w.startswith("school") for w in _WORD_RE.findall(value.lower()))


def coded_condition(value: str) -> bool:
    """True for a registry's coded condition line ("(1) ICD-10 Condition: I10", "Z00.0 - General examination")."""
    return _CODED_RE.search(value) is not None


def condition_only(value: str | None) -> bool:
    """True when the population ``value`` names only what is studied (a condition, a code, a list of them)."""
    return bool(value) and (not names_people(value) or coded_condition(value))


def title_people(text: str, zones: list[Span]) -> Found | None:
    """The people a title names ("... among university students in Uganda": "university students")."""
    for s, e in zones:
        end = text.rfind(":", s, e)  # "...: a randomised trial" names no people; "SunSafe at Work: ... for X" does
        for m in (_TITLE_PEOPLE_RE.search(text[s:end if end > s else e]),
                  _TITLE_PEOPLE_RE.search(text, end + 1, e) if end > s else None):
            if m and m.group(1).split()[0].lower() not in _NOT_TITLE_PEOPLE:
                return m.group(1), m.start(1) + (s if m.string is not text else 0), m.end(1) + (s if m.string is not text else 0)
    return None


def people_named(text: str, low: str, title_zones: list[Span], summary_zones: list[Span], conditions: list[str],
                 inclusion: tuple[str, list[list[int]]] | None, searched: bool, value: str | None) -> Found | None:
    """The people the page names for a population found as a condition only: with that condition in a title or the
    summary, else as a title names them, else as the summary enrols them, else the first inclusion criterion naming
    people. None when the page names no people (``searched``: the titles and summary were already searched for
    people with a condition, and named none; ``value``: the population found, a condition or a code)."""
    names = [] if searched else [n for n in map(bare_condition, conditions[:3]) if n]
    got = people_with_named(text, low, title_zones + summary_zones, names, len(title_zones)) if names else None
    if got:
        return got
    # "Children", "older adults": people named by age or sex alone say less than an illness they would replace (not
    # than a code or a health check: "adults" for "Z00.0 General adult medical examination"); the next source may
    # name them more fully ("Children enrolled in first or second grade of ...").
    said_less = bool(value) and not coded_condition(value or "") and not _CHECK_RE.search(value or "")
    for source in range(3):
        got = _named_by(source, text, low, title_zones, summary_zones, inclusion)
        if got and not (said_less and _GENERIC_PEOPLE.issuperset(got[0].lower().split())):
            return got
    return None


def _named_by(source: int, text: str, low: str, title_zones: list[Span], summary_zones: list[Span],
              inclusion: tuple[str, list[list[int]]] | None) -> Found | None:
    """The people a title names (``source`` 0), the summary enrols (1) or the first inclusion criterion names (2)."""
    if source == 0:
        got = title_people(text, title_zones)
        if got:
            start = with_nouns(text, got[1], got[1] - 40)
            if start < got[1] and text.rfind("\n", start, got[1]) < 0:
                got = text[start:got[2]], start, got[2]
        return got
    if source == 1:
        if not any(low.find(w, s, e) >= 0 for s, e in summary_zones for w in _STUDY_WORDS):
            return None
        got = people_phrase(text, summary_zones)
        return got if got and is_study_sentence(text, got[1], summary_zones) else None
    return first_people_item(text, inclusion) if inclusion else None


def first_people_item(text: str, found: tuple[str, list[list[int]]]) -> Found | None:
    """The first item of an inclusion list (or its first sentence) that names people, up to its first comma."""
    value, spans = found
    if not spans:
        return None
    start = spans[0][0]
    head = text[start:start + len(value)]
    if head != value:  # a value joined from several lines: read the first line only
        head = text[start:spans[0][1]]
    cuts = [m.end() for m in _ITEM_SPLIT_RE.finditer(head)]
    for a, b in zip([0] + cuts, cuts + [len(head)], strict=True):
        item = head[a:b]
        stop = re.search(r"[;,]\s|\.\s|\s+\d{1,2}[.)]\s|\s*[.;]?\s*$", item)
        item = item[:stop.start()] if stop else item
        if len(item.split()) >= 2 and _HAS_PEOPLE_RE.search(item):
            return item, start + a, start + a + len(item)
    return None
