"""A comparator cut short: "usual" of "usual (routine) care", "the usual care group" for the usual care it names.
The control is given back its noun, or loses the group's label, from the page's own words."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

# A control's adjective left without its noun ("usual", "standard", "routine").
_ADJECTIVE_ONLY_RE = re.compile(r"^(?:the\s+)?(?:usual|standard|routine|conventional|regular|normal)$", re.I)
# "usual (routine) care", "usual/standard care": the noun after a bracket or a slash.
_NOUN_AFTER_RE = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*|/\s*[a-z]+\s+)(care|treatment|practice|services?|management)\b",
                            re.I)
# "the usual care group", "usual-care arm": a control named by its group.
_CONTROL_GROUP_RE = re.compile(r"^(?:the\s+|a\s+)?((?:usual|standard|routine)[- ](?:care|practice|treatment))"
                               r"\s+(?:group|arm|condition)$", re.I)


def fuller_control(text: str, value: str, span: list[int]) -> Found | None:
    """The control ``value`` (at ``span``) with its noun or without its group label, or None when it is whole."""
    if len(value) > 40:
        return None
    if _ADJECTIVE_ONLY_RE.match(value):
        m = _NOUN_AFTER_RE.match(text, span[1], min(len(text), span[1] + 50))
        if m:
            return text[span[0]:m.end()], span[0], m.end()
        return None
    m = _CONTROL_GROUP_RE.match(value)
    if m and text.startswith(value, span[0]):
        return m.group(1), span[0] + m.start(1), span[0] + m.end(1)
    return None
