"""Arms named by their group label: "experimental group" / "the control group" read as the intervention or the
comparator when the text says what each group received ("the experimental group completed the X programme three
times a week; the control group took part in Y"). The reviewer's arm is what was given, not the group's name."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

# A value that is only a group's name ("experimental group", "the Control Group", "intervention arm").
_LABEL_RE = re.compile(r"^(?:the\s+|a\s+|an\s+)?(experimental|intervention|treatment|study|test|control|comparison"
                       r"|usual[- ]care)\s+(?:group|arm)s?$", re.I)
# "The experimental group practised ...", "the control group received ...": the verb of what the group was given.
_RECEIVED = (r"(?:also\s+)?(?:received|receive|completed|complete|practi[sc]ed|took\s+part\s+in|attended|participated\s+in"
             r"|underwent|undergo|was\s+given|were\s+given|performed|followed|used|was\s+offered|were\s+offered"
             r"|was\s+treated\s+with|were\s+treated\s+with|engaged\s+in|did|listened\s+to|wore|took|watched|joined"
             r"|was\s+taught|were\s+taught|learned|learnt|maintained|kept|continued(?:\s+with)?)\s+")
# Where what was given ends: the next clause about the other group, the sentence's end.
_END_RE = re.compile(r";|\.(?=\s|$)|\n|,?\s+(?:while|whereas|and\s+the\s+(?:control|comparison|experimental"
                     r"|intervention|[A-Z]{2})\b)|,\s+(?:but|and)\s+(?:the|those)\b")
# A group named by its initials after the page defined them ("an experimental group (EG)": "the EG performed ...").
_INITIALS = {"experimental": "EG", "intervention": "IG", "treatment": "TG", "study": "SG", "control": "CG"}


def group_word(value: str | None) -> str | None:
    """The group's kind ("experimental", "control") when ``value`` is only a group label, else None."""
    if not value or len(value) > 40:
        return None
    m = _LABEL_RE.match(value.strip(" ."))
    return m.group(1).lower() if m else None


_PATTERNS: dict[str, tuple[re.Pattern[str], list[str]]] = {}


def _pattern(word: str) -> tuple[re.Pattern[str], list[str]]:
    """The sentence pattern of the group ``word`` and the strings that must be in a zone for it to match."""
    initials = _INITIALS.get(word, "")
    named = re.escape(word) + r"\s+(?:group|arm)s?"
    if initials:
        named = rf"(?:{named}|(?-i:{initials}))"
    pattern = re.compile(r"\b(?:the|a|an|each|every)\s+" + named + r"\s+(?:\([^)]{1,30}\)\s+)?" + _RECEIVED, re.I)
    names = [w + t for w in (word, word.capitalize()) for t in (" group", " arm")] + ([f" {initials} "] if initials else [])
    _PATTERNS[word] = pattern, names
    return pattern, names


def received_by(text: str, word: str, zones: list[tuple[int, int]]) -> Found | None:
    """What the group named ``word`` received, from the first sentence of ``zones`` that says it."""
    pattern, names = _PATTERNS.get(word) or _pattern(word)
    for s, e in zones:
        if not any(text.find(n, s, e) >= 0 for n in names):
            continue  # the group is never named in this zone: no regex scan
        m = pattern.search(text, s, e)
        if m is None:
            continue
        stop = _END_RE.search(text, m.end(), min(e, m.end() + 240))
        raw = text[m.end():stop.start() if stop else min(e, m.end() + 200)].strip(" ,")
        if raw.lower().startswith("the same"):
            continue  # "the same exercises without ...": says nothing alone
        if 3 <= len(raw) <= 240:
            return raw, m.end(), m.end() + len(raw)
    return None


# "Offices were randomly allocated to receive height-adjustable desks with brief coaching; ...".
_TO_RECEIVE_RE = re.compile(r"\b(?:randomi[sz]ed|allocated|assigned)\s+to\s+receive\s+((?:an?\s+|the\s+)?[\w\-]+"
                            r"(?:\s+(?!or\b|versus\b|vs\b|compared\b)[\w\-]+){0,8}?)(?=\s*[;.,(]|\s+or\s|\s+versus\s|\s+for\s+\d)",
                            re.I)


def allocated_to_receive(text: str, zones: list[tuple[int, int]]) -> Found | None:
    """The X of "randomly allocated to receive X; ..." (the arm the sentence names first)."""
    for s, e in zones:
        if text.find("to receive", s, e) < 0:
            continue
        m = _TO_RECEIVE_RE.search(text, s, e)
        if m:
            return m.group(1), m.start(1), m.end(1)
    return None


# "Children were randomised to saline nebulisation or placebo (sterile water)": the arm before a plain control.
_OR_CONTROL_RE = re.compile(r"\b(?:randomi[sz]ed|allocated|assigned)\s+(?:\(\d:\d\)\s+)?to\s+(?:receive\s+)?"
                            r"((?!(?:placebo|sham|usual|no)\b)[\w\-]+(?:\s+[\w\-]+){0,5}?)\s+(?:or|versus|vs\.?"
                            r"|compared\s+(?:with|to))\s+(?:to\s+)?(?:(?:an?|matching|identical)\s+)*(?:placebo|sham"
                            r"|usual\b|standard\s+(?:care|treatment)|routine\s+care|no\s+(?:treatment|intervention)|wait"
                            r"|treatment\s+as\s+usual)", re.I)


def allocated_or_control(text: str, zones: list[tuple[int, int]]) -> Found | None:
    """The X of "randomised to X or placebo" (X not itself a control)."""
    for s, e in zones:
        if text.find(" or ", s, e) < 0 and text.find("versus", s, e) < 0 and text.find("compared", s, e) < 0 \
                and text.find(" vs", s, e) < 0:
            continue
        m = _OR_CONTROL_RE.search(text, s, e)
        if m:
            return m.group(1), m.start(1), m.end(1)
    return None


_TESTED_WORDS = ("experimental", "intervention", "treatment", "study")


def tested_group_received(text: str, zones: list[tuple[int, int]]) -> Found | None:
    """What the tested group received, when the page names it only as a group ("the experimental group performed X")."""
    if not any(text.find(w, s, e) >= 0 for s, e in zones for w in (" group", " arm", "G ")):
        return None  # no group named at all: one look, not one per kind of group
    for word in _TESTED_WORDS:
        got = received_by(text, word, zones)
        if got:
            return got
    return None
