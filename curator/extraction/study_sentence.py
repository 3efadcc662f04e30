"""Whether a summary's sentence is about the study's own people: one that enrols, randomises or admits them (the
methods), not background about a disease ("Hip fracture is a leading cause of ...") nor a result ("Among 402
participants (mean age 78 years), the score improved ...")."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

_STUDY_RE = re.compile(r"\b(?:randomi[sz]|randomly|enrol|recruit|includ|assigned|allocated|(?:were|are|was|is|be)\s+eligible"
                       r"|eligibility|eligible\s+(?:patients|participants|people|adults|children|women|men)|took\s+part"
                       r"|participated|(?:were|was)\s+studied|we\s+studied|followed\s+(?:up|for)|underwent)")
_RESULT_RE = re.compile(r"\b95\s?%|\bci\b|\bp\s*[<=>]|\bratio\b|\b(?:mean|median)\s+age\b|\bdifference\b|\bsensitivity\b"
                        r"|\bspecificity\b|\bimproved\b|\breduced\b|\bdid\s+not\b")
_STUDY_WORDS = ("random", "enrol", "recruit", "includ", "assigned", "allocated", "eligib", "took", "participated",
                "studied", "followed", "underwent")
_RESULT_WORDS = ("95", "ci", "<", "=", ">", "ratio", "age", "difference", "sensitivity", "specificity", "improved",
                 "reduced", "did")


# A sentence of aims ("We assessed whether ... in patients eligible for thrombectomy", "To determine whether ...").
_AIM_RE = re.compile(r"\s*(?:(?:we|this\s+(?:study|trial))\s+(?:aimed|assessed|evaluated|compared|examined|sought|hypothesi[sz]ed"
                     r"|investigated|tested\s+whether|asked\s+whether)|to\s+(?:assess|determine|compare|evaluate|test|investigate|examine)\b"
                     r"|the\s+(?:aim|objective|purpose)\b)")


def sentence_around(text: str, at: int, zones: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The sentence of ``zones`` holding offset ``at`` (None: ``at`` is outside them)."""
    for s, e in zones:
        if s <= at < e:
            dot = text.rfind(". ", s, at)
            start = max(dot + 2 if dot >= 0 else s, text.rfind("\n", s, at) + 1, s)
            stops = [i for i in (text.find(". ", at, e), text.find("\n", at, e)) if i >= 0]
            return start, min(stops, default=e)
    return None


def _kind(text: str, at: int, zones: list[tuple[int, int]]) -> int:
    """0: a sentence that enrols people and reports no result; 1: a sentence of aims; 2: any other."""
    span = sentence_around(text, at, zones)
    if span is None:
        return 2
    said = text[span[0]:span[1]].lower()
    if _AIM_RE.match(said):
        return 1
    # (each pattern searched only when the sentence holds one of the words every match of it holds)
    studies = any(w in said for w in _STUDY_WORDS) and _STUDY_RE.search(said) is not None
    return 0 if studies and not (any(w in said for w in _RESULT_WORDS) and _RESULT_RE.search(said)) else 2


def is_aside(text: str, at: int, zones: list[tuple[int, int]]) -> bool:
    """True when the sentence around ``at`` neither enrols people nor states the aims (background, results)."""
    return _kind(text, at, zones) == 2


def is_study_sentence(text: str, at: int, zones: list[tuple[int, int]]) -> bool:
    """True when the sentence around ``at`` enrols or randomises people and reports no result."""
    return _kind(text, at, zones) == 0


def study_people(text: str, found: list[Found], zones: list[tuple[int, int]], keys: list[str]) -> list[Found]:
    """The phrases of ``found`` in sentences that enrol people, then those of sentences of aims, without those of
    other sentences (background, results), when the sentences differ; else none (``keys``: the conditions, lowered,
    that a population phrase should name)."""
    if not found or len(found) < 2 and not keys:
        return []
    first = _kind(text, found[0][1], zones)
    if len(found) == 1:
        return found if first == 0 else []  # the methods' one phrase, even when it names the condition otherwise
    if first == 0 and (not keys or any(k and k in found[0][0].lower() for k in keys)):
        return []  # the first is the methods' people, and names the condition when one is known: it is taken
    kinds = [first] + [_kind(text, ph[1], zones) for ph in found[1:]]
    if len(set(kinds)) == 1:
        return []
    return [ph for k in (0, 1) for ph, kind in zip(found, kinds, strict=True) if kind == k]
