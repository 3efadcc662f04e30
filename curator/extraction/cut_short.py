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


# Words that make a short phrase before a colon the control's name ("Standard-dose caffeine citrate: 5 mg/kg/day").
_LABEL_ENDS = frozenset(("comparator", "arm", "arms", "group", "groups", "control", "intervention", "interventions",
                         "treatment", "description", "condition", "type", "name"))
_NAME_WORDS_RE = re.compile(r"dose|standard|usual|placebo|sham|control|routine|conventional|waiting|no\s", re.I)


def named_before_colon(text: str, span: list[int]) -> Found | None:
    """"Comparator  Standard-dose caffeine citrate: 5 mg/kg/day maintenance." read from after the colon: the control
    with the name written before its detail."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    before = text[line_start:span[0]]
    if not before.endswith(": ") or len(before) > 120:
        return None
    head = before[:-2]
    cut = max(head.rfind("  "), head.rfind(": "), head.rfind("\t"))
    if cut < 0 or head[:cut].rstrip().lower().endswith(("role", "type")):
        return None  # "Product role: Placebo: Sodium chloride": the role, not the control's name
    phrase = head[cut:].strip(" :\t")
    words = phrase.split()
    if not 1 <= len(words) <= 6 or not _NAME_WORDS_RE.search(phrase) or any(c in phrase for c in ";,|()") \
            or words[-1].lower() in _LABEL_ENDS:
        return None  # "Placebo Comparator:", "Control group:": a label, not the control's name
    start = line_start + cut + (len(head[cut:]) - len(head[cut:].lstrip(" :\t")))
    return text[start:span[1]], start, span[1]
