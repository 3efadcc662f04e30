"""The people an abstract enrols when it says so in a less common way.

"Ninety-two patients aged 65 to 85 years ... were enrolled" (a count in words), "Participants were 64 residents of
two long-term care facilities", "Eligible participants were licensed drivers aged 70 years or older who ...", "In
this trial at 14 hospitals, patients discharged after acute heart failure were randomised": nursing journals,
preprints, congress abstracts and the English abstracts of other-language journals often name their people so.
Only sentences that enrol people and report no result are read.
"""

from __future__ import annotations

import re

from curator.extraction.people import PERSON_WORDS
from curator.extraction.people_bounds import before_the_arms, with_modifiers, with_nouns
from curator.extraction.pico import Found, Span, clause_phrase
from curator.extraction.study_sentence import is_study_sentence, sentence_around

_SPELLED = (r"(?:(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and)?\s+)?"
            r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven"
            r"|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
# The people where a sentence (or its clause after an opening phrase) begins, after a count in words or none,
# or after "Participants were", "The sample comprised".
_PEOPLE = r"(?P<people>(?:[a-z][\w\-/]*\s+){0,3}?(?:" + PERSON_WORDS + r")\b)"
_WERE_RE = re.compile(r"\b(?:participants|subjects|sample|study\s+population)\s+(?P<verb>were|was|comprised|consisted\s+of"
                      r"|included)\s+(?:a\s+total\s+of\s+)?(?:\d[\d,]*\s+|" + _SPELLED + r"\s+)?" + _PEOPLE, re.I)
_LEAD_RE = re.compile(r"(?:^|(?<=[.!?:])\s+|\n|,\s+)(?:a\s+total\s+of\s+)?(?:" + _SPELLED + r"\s+)?" + _PEOPLE, re.I)
_ENROLLED_RE = re.compile(r"\s*(?:(?:were|are|was|will\s+be)\s+(?:\w+\s+)?(?:randomi[sz]ed|assigned|allocated|enrolled"
                          r"|recruited|included|eligible|invited|studied)|took\s+part|participated)\b", re.I)
_NOT_START = frozenset(("the", "these", "those", "all", "of", "and", "or", "in", "among", "for", "most", "many",
                        "some", "few", "both", "such", "other", "our", "their", "we", "no", "more", "fewer"))
_RESULT_RE = re.compile(r"\b95\s?%|\bCI\b|\bp\s*[<=>]|\bratio\b|\b(?:mean|median)\s+age\b|\bdifference\b", re.I)
# "... who lived independently, had driven at least once a week and had no diagnosis of dementia": criteria, not who.
_WHO_LIST_RE = re.compile(r"\s+who\s+[^,]+,\s")
_AFTER_RE = re.compile(r"\s+\((?:\d|n\s*=)|,\s+(?:employed|recruited|selected|identified)\b")


# Words one of which every sentence read here holds (a cheap test before the patterns).
_ENROL_WORDS = ("random", "enrol", "recruit", "took part", "participat", "participants", "eligible", "assigned",
                "allocated", "included", "subjects", "sample", "population")
# "... living in four nursing homes took part": the clause runs on to its verb.
_TOOK_PART_RE = re.compile(r"\s+(?:took\s+part|participated)\b")


def enrolled_people(text: str, low: str, zones: list[Span]) -> Found | None:
    """The people a sentence of the summary enrols, as the sentence names them, shortened to who they are: those
    after "Participants were" first, else those a sentence or its clause begins with (``low``: ``text``
    lower-cased, same offsets)."""
    spans = sorted({(max(s, a - 2), b) for s, e in zones for w in _ENROL_WORDS  # from the stop before the sentence
                    for a, b in _sentences_with(text, low, w, s, e, zones)})
    for lead in (_WERE_RE, _LEAD_RE):
        for a, b in spans:
            for m in lead.finditer(text, a, b):
                got = _enrolled(text, m, lead is _WERE_RE, zones, a, b)
                if got:
                    return got
    return None


def _sentences_with(text: str, low: str, word: str, s: int, e: int, zones: list[Span]) -> list[Span]:
    """The sentences of zone ``s``-``e`` that hold ``word`` (lower-cased)."""
    out: list[Span] = []
    at = low.find(word, s, e)
    while at >= 0 and len(out) < 8:
        span = sentence_around(text, at, zones)
        if span is None:
            break
        out.append(span)
        at = low.find(word, max(span[1], at + 1), e)
    return out


def _enrolled(text: str, m: re.Match[str], said: bool, zones: list[Span], s: int, e: int) -> Found | None:
    """The people of match ``m`` when its sentence enrols them (``said``: after "Participants were")."""
    at = m.start("people")
    if m.group("people").split(None, 1)[0].lower() in _NOT_START:
        return None
    span = sentence_around(text, at, zones)
    if span is None or _RESULT_RE.search(text, span[0], span[1]):
        return None
    if not said and not is_study_sentence(text, at, zones):
        return None
    start = at if said else with_nouns(text, with_modifiers(text, at, span[0]), span[0])
    ph = clause_phrase(text, start, limit=200)
    took = _TOOK_PART_RE.search(ph[0]) if ph else None
    if ph and took and took.start() > 0:
        ph = ph[0][:took.start()], ph[1], ph[1] + took.start()
    if not ph or ph[2] > span[1] + 1 or " " not in ph[0]:
        return None
    # (a comma closes the people's ages: "Pupils in grades 1 to 5, aged 6 to 12 years, were eligible")
    after = ph[2] + 1 if text.startswith(",", ph[2]) and ", aged " in ph[0] else ph[2]
    if not said and not _ENROLLED_RE.match(text, after, min(e, after + 40)):
        return None
    return _shortened(text, before_the_arms(text, ph, at, s))


def _shortened(text: str, ph: Found) -> Found:
    """``ph`` without a "who ..." list of criteria nor a count in brackets or an employer clause after the people."""
    value = ph[0]
    for cut_re in (_WHO_LIST_RE, _AFTER_RE):
        cut = cut_re.search(value)
        if cut and cut.start() > 0 and len(value[:cut.start()].split()) >= 2:
            value = value[:cut.start()]
    value = value.rstrip(" ,;")
    return value, ph[1], ph[1] + len(value)
