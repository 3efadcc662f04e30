"""The tested arm of a title "X combined with Y versus Y alone": X, the one thing the arms differ by.

The names found in the abstract are then Y's (both arms get it), which is no intervention under test.
"""

from __future__ import annotations

import re

Found = tuple[str, int, int]



_COMBINED_RE = re.compile(
    r"(?P<x>[A-Z][\w\-]*(?: [\w\-]+){0,3}?) (?:combined with|plus|added to|in addition to) (?P<y>[\w\- ]{3,60}?)"
    r" (?:versus|vs\.?|compared with) (?P=y)\b", re.I)


def combined_first(text: str, zone: tuple[int, int]) -> Found | None:
    """X of "X combined with Y versus Y alone" at the start of the title in ``zone``, with its span."""
    s, e = zone
    if text.find(" versus ", s, e) < 0 and text.find(" vs", s, e) < 0 and text.find(" compared with ", s, e) < 0:
        return None
    m = _COMBINED_RE.match(text, s, e)
    return (m.group("x"), m.start("x"), m.end("x")) if m else None
