"""Whether a summary's sentence is about the study's own people: one that enrols, randomises or admits them (the
methods), not background about a disease ("Hip fracture is a leading cause of ...") nor a result ("Among 402
participants (mean age 78 years), the score improved ...")."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

_STUDY_RE = re.compile(r"\b(?:randomi[sz]|randomly|enrol|recruit|includ|assigned|allocated|eligib|took\s+part"
                       r"|participated|(?:were|was)\s+studied|we\s+studied|followed\s+(?:up|for)|underwent)", re.I)
_RESULT_RE = re.compile(r"\b95\s?%|\bCI\b|\bp\s*[<=>]|\bratio\b|\b(?:mean|median)\s+age\b|\bdifference\b|\bsensitivity\b"
                        r"|\bspecificity\b|\bimproved\b|\breduced\b|\bdid\s+not\b", re.I)


def sentence_around(text: str, at: int, zones: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The sentence of ``zones`` holding offset ``at`` (None: ``at`` is outside them)."""
    for s, e in zones:
        if s <= at < e:
            start = max(text.rfind(". ", s, at) + 2, text.rfind("\n", s, at) + 1, s)
            stops = [i for i in (text.find(". ", at, e), text.find("\n", at, e)) if i >= 0]
            return start, min(stops, default=e)
    return None


def is_study_sentence(text: str, at: int, zones: list[tuple[int, int]]) -> bool:
    """True when the sentence around ``at`` enrols or randomises people and reports no result."""
    span = sentence_around(text, at, zones)
    if span is None:
        return False
    return _STUDY_RE.search(text, *span) is not None and _RESULT_RE.search(text, *span) is None


def study_people_first(text: str, found: list[Found], zones: list[tuple[int, int]]) -> list[Found]:
    """``found`` with the phrases of sentences that enrol people first, when there are any (stable order)."""
    if len(found) < 2:
        return found
    study = [ph for ph in found if is_study_sentence(text, ph[1], zones)]
    if not study or study[0] is found[0]:
        return found
    return study + [ph for ph in found if not any(ph is x for x in study)]
