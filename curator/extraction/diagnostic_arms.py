"""A diagnostic accuracy study's intervention: the index test, as the page names it ("a point-of-care troponin test
(index test) against laboratory troponin", "the index test was faecal calprotectin", "Diagnostic accuracy of X in
...")."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

_NAME = r"((?:an?\s+|the\s+)?[\w\-]+(?:[ \t]+[\w\-]+){0,6}?)"
_INDEX_RES = (
    re.compile(_NAME + r"\s*\((?:the\s+)?index\s+test\)", re.I),
    re.compile(r"\bindex\s+tests?\s*(?:\(|:|was\s+|were\s+|,\s+)" + _NAME + r"(?=\s*[),.;]|\s+(?:and|against|versus|compared|with|by|in)\b)",
               re.I),
    re.compile(r"\bdiagnostic\s+accuracy\s+of\s+" + _NAME
               + r"(?=\s+(?:for|in|to|among|compared|versus|vs\.?|against)\b|\s*[,:;.(])", re.I),
)
# Who read or did the test is not the test ("CT read by two radiologists").
_BY_WHOM_RE = re.compile(r"\s+(?:read|performed|interpreted|done|carried\s+out|reviewed|assessed)\b", re.I)
_LEAD_WORDS = ("an ", "a ", "the ", "using ", "with ", "against ", "versus ", "by ")


def _first(patterns: tuple[re.Pattern[str], ...], text: str, zones: list[tuple[int, int]]) -> Found | None:
    for s, e in zones:
        for pattern in patterns:
            m = pattern.search(text, s, e)
            if m:
                value, start = m.group(1), m.start(1)
                cut = _BY_WHOM_RE.search(value)
                value = value[:cut.start()] if cut else value
                low = value.lower()
                for lead in _LEAD_WORDS:  # "against laboratory troponin": the test, not the preposition
                    at = low.rfind(" " + lead)
                    at = at + 1 if at >= 0 else (0 if low.startswith(lead) else -1)
                    if at >= 0:
                        value, start, low = value[at + len(lead):], start + at + len(lead), low[at + len(lead):]
                if len(value) >= 3:
                    return value, start, start + len(value)
    return None


def index_test(text: str, zones: list[tuple[int, int]]) -> Found | None:
    """The index test of a page that studies a test's accuracy, or None. The reference standard it is judged against
    is no comparator (both are done in every participant)."""
    if not any(text.find(w, s, e) >= 0 for s, e in zones for w in ("index test", "iagnostic accuracy")):
        return None
    return _first(_INDEX_RES, text, zones)
