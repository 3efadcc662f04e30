"""The people who have a condition, when a population found is only a condition's name.

"alopecia areata" or "oral mucositis" says what is studied, not who: a title or summary that names "adults with
severe alopecia areata", "patients with multiple myeloma scheduled for high-dose melphalan" or "adolescents living
with HIV" gives the population as a reviewer writes it. Only the record's own title and summary are read (never site
chrome nor a related-article box), and never a sentence of results ("in patients aged 80 or older, the effect was").
"""

from __future__ import annotations

import re

from curator.extraction.people import PERSON_WORDS
from curator.extraction.people_bounds import before_the_arms, counted_from, with_modifiers, with_nouns
from curator.extraction.pico import Found, Span, clause_phrase

# "adults with", "patients aged 18 years or older with", "adolescents living with", "patients receiving opioids for":
# the people, then the words that join them to what they have or undergo (lower-case: searched in lowered text).
# Found from the joining words back to the people (a set of words), which is faster than a pattern that tries every
# people word at every word of the text.
_JOIN_RE = re.compile(r"\s(?:living\s+with|diagnosed\s+with|with|who\s+(?:have|had)|suffering\s+from|affected\s+by"
                      r"|receiving|undergoing)\s+(?=[a-z0-9])")
_PERSON_SET = frozenset(PERSON_WORDS.split("|"))
_AGES_RE = re.compile(r"(?<![a-z])([a-z]+)\s+(?:aged|between|from)\s+[^,.;:\n]{1,40}$")
_PEOPLE_WORD_RE = re.compile(r"\b(?:" + PERSON_WORDS + r"|healthy|volunteers?|aged?|years?)\b")
# A sentence that reports results, or one that opens with the people it reports on ("In patients aged 80 or older,").
_RESULTS_RE = re.compile(r"\b(?:effects?|reduced|increased|improved|significant(?:ly)?|hazard|odds|ratio|95%|risk"
                         r"|difference|associated|results?|showed|found|lower|higher|compared|than|outcomes?|endpoints?|proportion|number|percentage)\b|\bp\s*[<=]")
_OPENING_RE = re.compile(r"(?:^|[.!?]\s+|\n)(?:in|among|amongst)\s+$")
_NOT_PEOPLE_START = frozenset(("the", "these", "those", "all", "of", "and", "or", "in", "among", "for", "most", "many",
                               "some", "few", "both", "such", "other", "our", "their", "we", "to", "a", "an"))
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)|\n")


def bare_condition(value: str) -> str | None:
    """``value`` lower-cased when it names a condition alone (a few words, no people, no ages), else None."""
    low = value.lower().split(" (", 1)[0].strip()
    if not low or len(low.split()) > 6 or _PEOPLE_WORD_RE.search(low) or any(c.isdigit() for c in low.replace(
            "type 1", "").replace("type 2", "")):
        return None
    return low


def people_with_condition(text: str, low: str | None, zones: list[Span], value: str | None,
                          titles: int = 0) -> Found | None:
    """The people the title or summary names with what they have ("adults with severe alopecia areata"), when the
    population ``value`` is only a condition's name; the phrase naming that condition first. None otherwise
    (``low``: ``text`` lower-cased, same offsets; None: not searched; ``titles``: how many of ``zones``, first, are
    titles, whose "Effect of ..." is no result)."""
    name = bare_condition(value) if value and low is not None else None
    if name is None:
        return None
    return people_with_named(text, low, zones, [name], titles)


def people_with_named(text: str, low: str, zones: list[Span], names: list[str], titles: int = 0) -> Found | None:
    """The people ``zones`` name with what they have, the phrase naming one of the conditions ``names``
    (lower-cased) first."""
    first: Found | None = None
    first_join = ""
    for z, (s, e) in enumerate(zones):
        ends: list[int] | None = None
        for m_start, m_end, joined in _people_joined(low, s, e):
            start = with_nouns(text, with_modifiers(text, counted_from(text, m_start, s), s), s)
            if _OPENING_RE.search(low, max(s, start - 12), start):
                continue
            if ends is None:
                ends = [x.start() for x in _SENTENCE_END_RE.finditer(low, s, e)]
            sent_start = max([x + 1 for x in ends if x < start] or [s])
            sent_end = min([x for x in ends if x >= m_end] or [e])
            if z >= titles and _RESULTS_RE.search(low, sent_start, sent_end):
                continue
            head = low[sent_start:start].split()
            if head and start > sent_start and len(head) <= 2 and head[0] not in _NOT_PEOPLE_START:
                start = sent_start  # "Dairy cows with ...", "Older adults with ...": the words before them are theirs
            ph = clause_phrase(text, start, limit=160)
            if ph and ph[2] > sent_end:  # a title's line ends its phrase
                ph = (text[start:sent_end].rstrip(" ,:"), start, start + len(text[start:sent_end].rstrip(" ,:")))
            if not ph or ph[2] <= m_end:
                continue
            ph = before_the_arms(text, ph, start, s)
            said = ph[0].lower()
            if any(name in said for name in names):
                return ph
            if any(name.split()[-1] in said.split() for name in names):
                continue  # "large-vessel occlusion stroke" for "ischaemic stroke": the same illness named otherwise
            if first is None or (" with " in joined and " with " not in first_join):
                first, first_join = ph, joined
    return first


def _people_joined(low: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """(start, end, words) of each "adults with", "patients aged 18 or older receiving" in ``low[s:e]``: the people
    word, an age between them and the joining words, the joining words."""
    out: list[tuple[int, int, str]] = []
    floor = s
    for j in _JOIN_RE.finditer(low, s, e):
        if j.start() < floor:
            continue
        cut = max(low.rfind(" ", floor, j.start()), low.rfind("\n", floor, j.start())) + 1
        word = low[max(cut, floor):j.start()]
        start = -1
        if word in _PERSON_SET and (cut <= s or not low[cut - 1].isalnum()):
            start = max(cut, floor)
        else:
            ages = _AGES_RE.search(low, max(floor, j.start() - 60), j.start())
            if ages and ages.group(1) in _PERSON_SET:
                start = ages.start(1)
        if start >= 0:
            out.append((start, j.end(), low[start:j.end()]))
            floor = j.end()
    return out
