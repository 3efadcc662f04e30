"""Controls stated less commonly than "versus" or "compared with": "the other communities continued usual services",
"hospitals crossed over from usual perioperative care to the ERAS pathway" (a stepped-wedge roll-out), an arm named by
an abbreviation the abstract defined earlier ("randomised to CST ... or to TAU")."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

# "continued usual services", "kept their usual fixed-height desks", "continue with usual care".
_CONTINUED_RE = re.compile(
    r"\b(?:continued|continue|continues|kept|keep|remained\s+on|stayed\s+on|maintained)\s+(?:with\s+|to\s+(?:receive|use)\s+)?"
    r"((?:their\s+|its\s+)?(?:usual|existing|current|routine|standard)\s+[\w\-]+(?:\s+(?!at\b|in\b|from\b|for\b|during\b"
    r"|with\b|as\b|and\b|or\b|until\b|while\b|the\b)[\w\-]+){0,3})", re.I)
# "crossed over ... from usual perioperative care to the ERAS pathway".
_FROM_TO_RE = re.compile(
    r"\b(?:crossed\s+over|switched|moved|transitioned|changed\s+over|rolled\s+out)\b[^.;\n]{0,80}?\bfrom\s+"
    r"((?:usual|standard|routine|conventional|current)\s+[\w\- ]{2,50}?)\s+to\s+(?:the\s+|a\s+|an\s+)?([\w\-]+(?:\s+[\w\-]+){0,4}?)"
    r"(?=[.,;]|\s+(?:in|at|over|during|from|with)\b)", re.I)
_GOES_ON = ("continue", "kept", "keep", "remained", "stayed", "maintained")
_ROLLS = ("crossed", "switched", "moved", "transition", "rolled")
_CONTROL_CONTEXT = ("control", "other", "remaining", "comparison")


def continued_usual(text: str, zones: list[tuple[int, int]]) -> Found | None:
    """The control a sentence says went on as before ("continued usual services"), in the control group's sentence
    or after "or to"."""
    for s, e in zones:
        starts = sorted(at for w in _GOES_ON if (at := text.find(w, s, e)) >= 0)
        for at in starts:  # the pattern tried only where its verbs are, not scanned over the zone
            m = _CONTINUED_RE.match(text, at, e)
            if m is None:
                continue
            start = max(text.rfind(". ", s, m.start()) + 2, text.rfind("\n", s, m.start()) + 1, s)
            before = text[start:m.start()].lower()
            # The control group's sentence ("the other communities continued ...") or the other arm of an allocation
            # ("... or to keep their usual desks"), not both arms going on with their usual medicines.
            if any(w in before for w in _CONTROL_CONTEXT) or before.rstrip().endswith((" or to", " or")):
                return m.group(1), m.start(1), m.end(1)
    return None


def rolled_out_from(text: str, zones: list[tuple[int, int]]) -> tuple[Found, Found] | None:
    """(control, intervention) of a roll-out sentence "crossed over from usual care to the X pathway"."""
    for s, e in zones:
        if not any(text.find(w, s, e) >= 0 for w in _ROLLS):
            continue
        m = _FROM_TO_RE.search(text, s, e)
        if m:
            return (m.group(1), m.start(1), m.end(1)), (m.group(2), m.start(2), m.end(2))
    return None


def abbreviated_control(text: str, tested: str, abbrs: dict[str, str], zones: list[tuple[int, int]]) -> Found | None:
    """The control of "randomised to CST ... or to TAU" when both are abbreviations defined earlier, as its long form
    with the abbreviation where the page defines it."""
    if tested not in abbrs:
        return None
    for s, e in zones:
        for m in re.finditer(r"\b(?:or|versus|vs\.?)\s+(?:to\s+)?([A-Z][A-Z\-]{1,7})\b", text[s:e]):
            abbr = m.group(1)
            if abbr != tested and abbr in abbrs:
                return spelled(text, abbr, abbrs[abbr]) or (abbr, s + m.start(1), s + m.end(1))
    return None


def spelled(text: str, abbr: str, long: str, limit: int = 30000) -> Found | None:
    """"Cognitive stimulation therapy (CST)" where the page defines the abbreviation, with its span."""
    at = text.lower().find((long + " (" + abbr + ")").lower(), 0, limit)
    if at < 0:
        return None
    end = at + len(long) + len(abbr) + 3
    return text[at:end], at, end


# "used a new spacer and their usual spacer for two weeks each in random order", "received X and placebo in random order".
_CROSSOVER_RE = re.compile(
    r"\b(?:received|used|took|underwent|completed|had|wore|tried)\s+(?:both\s+)?((?:an?\s+|the\s+)?[\w\-]+(?:\s+[\w\-]+){0,5}?)"
    r"\s+and\s+((?:an?\s+|the\s+|their\s+)?[\w\-]+(?:\s+(?!(?:for|during|over|each|in|on|at|with|of)\b)[\w\-]+){0,5})"
    r"(?:\s+[^.;\n]{0,50}?)?\s+in\s+(?:a\s+)?"
    r"random(?:i[sz]ed)?\s+order", re.I)
_CONTROL_WORDS_RE = re.compile(r"\b(?:usual|placebo|sham|standard|control|no|conventional|inactive)\b", re.I)


def crossover_pair(text: str, zones: list[tuple[int, int]]) -> tuple[Found | None, Found | None]:
    """(tested, control) of a cross-over "received X and Y in random order" when Y is a control."""
    for s, e in zones:
        if text.find("random order", s, e) < 0 and text.find("randomised order", s, e) < 0 \
                and text.find("randomized order", s, e) < 0:
            continue
        m = _CROSSOVER_RE.search(text, s, e)
        if m and _CONTROL_WORDS_RE.search(m.group(2)) and not _CONTROL_WORDS_RE.search(m.group(1)):
            return (m.group(1), m.start(1), m.end(1)), (m.group(2), m.start(2), m.end(2))
    return None, None
