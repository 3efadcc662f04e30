"""Eligible ages on a line of their own that no label reader took: a printed page's "Ages Eligible for Study 16
Years to 50 Years (Child, Adult)" (one space, no colon) and CTIS's "Age groups  65-84 years, 85+ years"."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.normalise import normalise_age_range
from curator.extraction.scanned import OWN, ScannedText
from curator.extraction.values import put

_AGE_LINE_RE = re.compile(r"^(?:ages? eligible(?: for study)?|eligible ages|age groups?|age range)"
                          r"(?:\s*:\s*|\s{2,}|\t|\s(?=\d))(\d.{1,80})$", re.I)
# One age group: "65-84 years", "28 days-23 months", "12 to 17 years", "85+ years", "65 years and over".
_GROUP_RE = re.compile(r"(\d{1,3})\s*(years?|months?|weeks?|days?)?\s*(?:-|–|to)\s*(\d{1,3})\s*(years?|months?|weeks?|days?)"
                       r"|(\d{1,3})\s*(?:\+|(years?|months?)\s+and\s+(?:over|older))", re.I)
_DAYS = {"y": 365, "m": 30, "w": 7, "d": 1}


def _age(n: str, unit: str | None) -> tuple[int, str]:
    u = (unit or "years").lower().rstrip("s")
    word = u.capitalize() + ("s" if int(n) != 1 else "")
    return int(n) * _DAYS[u[0]], f"{int(n)} {word}"


def age_lines(doc: ScannedText, fields: dict[str, Any]) -> int:
    """Fill min_age and max_age from such a line; with several groups the youngest bound and the oldest, and no
    maximum when a group is open ("85+ years"). Returns 1 when found, else 0."""
    for line in doc.lines_holding(("Age", "ligible ages"), 600):  # ("Age" found once for its three needles)
        t = line.text
        if not ("Ages" in t or "Age group" in t or "Age range" in t or "ligible ages" in t) or t[:1] not in "AaEe" \
                or len(t) > 120 or doc.box[line.idx] != OWN:
            continue
        m = _AGE_LINE_RE.match(t)
        if m is None or t.endswith("."):
            continue  # ("Ages 6 to 11 years were enrolled in most schools.": a sentence, no eligibility)
        value, start = m.group(1), line.start + m.start(1)
        groups = list(_GROUP_RE.finditer(value))
        if len(groups) < 2:
            lo, hi = normalise_age_range(value)
            if lo or hi:
                for key, age in (("min_age", lo), ("max_age", hi)):
                    if age:
                        put(fields, key, age, [[start, line.end]])
                return 1
            continue
        lows = [_age(g.group(1), g.group(2) or g.group(4)) if g.group(1) else _age(g.group(5), g.group(6)) for g in groups]
        highs = [_age(g.group(3), g.group(4)) if g.group(3) else None for g in groups]
        put(fields, "min_age", min(lows)[1], [[start, line.end]])
        if None not in highs:
            put(fields, "max_age", max(h for h in highs if h is not None)[1], [[start, line.end]])
        return 1
    return 0
