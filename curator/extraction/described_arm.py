"""An arm assigned by its description, not its name: "communities were randomly assigned to a program in which trained
community health workers visited adults with hypertension at home ...", "clinics were allocated to an intervention in
which lay counsellors delivered adherence support". The intervention is that description, up to its purpose or the
other arm."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

_IN_WHICH_RE = re.compile(
    r"\b(?:randomi[sz]ed|randomly\s+assigned|randomly\s+allocated|assigned|allocated)\s+(?:\(\d:\d\)\s+)?to\s+(?:receive\s+)?"
    r"((?:an?|the)\s+(?:[\w\-]+\s+){0,3}?(?:program(?:me)?|intervention|service|model|scheme|strategy|package)\s+"
    r"(?:in\s+which|whereby|through\s+which)\s+[^;.\n]{5,260}?)(?=,?\s+or\s|;|\.(?:\s|$)|\n|\s+to\s+(?!(?:a|an|the)\b)"
    r"[a-z]+\s)", re.I)
_WORDS_LIMIT = 22


def described_arm(text: str, zones: list[tuple[int, int]]) -> tuple[Found, tuple[int, int]] | None:
    """The tested arm a sentence describes ("a program in which X did Y"), and the span of the whole description."""
    for s, e in zones:
        if text.find("in which", s, e) < 0 and text.find("through which", s, e) < 0 and text.find("whereby", s, e) < 0:
            continue
        m = _IN_WHICH_RE.search(text, s, e)
        if m is None:
            continue
        value = m.group(1).rstrip(" ,")
        words = value.split()
        if len(words) > _WORDS_LIMIT:
            value = " ".join(words[:_WORDS_LIMIT])
        return (value, m.start(1), m.start(1) + len(value)), (m.start(1), m.end(1) + 200)
    return None
