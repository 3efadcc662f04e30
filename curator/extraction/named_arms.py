"""Arms stated by a bare word where the page names them in full: a placebo the text says was "normal saline nasal
spray" or "an identical patch without lidocaine"; a dose or timing arm labelled "Standard-dose" or "Early" over the arm's listed intervention."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

_BARE_PLACEBO = frozenset(("placebo", "matching placebo", "placebo comparator", "a placebo", "the placebo",
                           "identical placebo", "dummy"))
# A dose or timing arm's label alone ("High-dose", "Standard dose", "Early", "Delayed").
_BARE_LEVEL_RE = re.compile(r"^(?:(?:high|low|standard|usual|reduced|full|half|double|single|lower|higher|regular)"
                            r"[- ]dose|early|delayed|late|immediate|deferred|below|above)$", re.I)
# "Placebo Comparator: Placebo" over its description line (ClinicalTrials.gov arms).
_ARM_DESC_RE = re.compile(r"^(?:Placebo Comparator|Sham Comparator):[ \t]*([^\n]{0,30})\n([^\n]{6,300})", re.M)
# "an identical patch without lidocaine", "matching capsules without the active drug".
_WITHOUT_RE = re.compile(r"\b(?:an?\s+)?(?:identical|matching|similar|indistinguishable)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+"
                         r"\s+without\s+(?:the\s+|any\s+)?[\w\-]+(?:\s+(?!(?:for|in|at|during|on|to|and|or|with|twice|once"
                         r"|daily|over|from|as|was|were|is|are|by|after|before)\b)[a-z][\w\-]*)?", re.I)
_LISTED_RE = re.compile(r"^(?:Drug|Dietary Supplement|Biological|Device|Procedure|Behavioral|Other|Radiation"
                        r"|Combination Product|Diagnostic Test|Genetic):\s+(\S[^\n]{1,150}?)\s*$")
_PLACEBO_MADE_RE = re.compile(
    r"\b[Tt]he\s+placebo\s+(?:was|were|consisted\s+of|contained|comprised)\s+((?:an?\s+)?(?!(?:identical|similar|matched"
    r"|matching|given|administered|indistinguishable|used)\b)[\w\-%]+(?:\.\d+)?(?:\s+(?!(?:given|administered|in|by|with|at|for"
    r"|and|or|which|that|from|to)\b)[\w\-%]+(?:\.\d+)?){0,4})"
    r"|\bplacebo\s+(?:containing|consisting\s+of|made\s+(?:of|from))\s+[\w\-%]+(?:\.\d+)?(?:\s+(?!(?:given|administered|in|by"
    r"|with|at|for|and|or|which|that|from|to)\b)[\w\-%]+(?:\.\d+)?){0,3}")
_MADE_WORDS = (" was ", " were ", " consisted ", " contained ", " comprised ", " containing ", " consisting ", " made ")
_PLACEBO_PAREN_RE = re.compile(r"\bplacebo \(([^()\n]{3,60})\)")
# A placebo described by its look, not by what it is ("Identical tablets", "Matching capsule").
_LOOKS_ONLY_RE = re.compile(r"(?:an?\s+)?(?:identical|matching|matched|similar|same|indistinguishable|look-alike|inert"
                            r"|inactive)\b", re.I)
_DESC_END_RE = re.compile(r",\s|;\s|\.(?:\s|$)|\s+(?:in\s+an?\s+identical|twice|once|daily|every|for\s+\d)", re.I)


def is_bare_placebo(value: str | None) -> bool:
    """True when the comparator is only the word "placebo"."""
    return bool(value) and len(value) <= 20 and value.strip(" .").lower() in _BARE_PLACEBO


def named_placebo(text: str, limit: int = 60000) -> Found | None:
    """What the page says the placebo was, or None."""
    at = text.find("placebo ", 0, limit)
    for _ in range(40):  # each "placebo" followed by what it was made of, not a scan of the whole page
        if at < 0:
            break
        if text.startswith(_MADE_WORDS, at + 7):
            m = _PLACEBO_MADE_RE.search(text, max(0, at - 5), min(len(text), at + 200))
            if m:
                value = m.group(1) or m.group(0)
                start = m.start(1) if m.group(1) else m.start()
                return value, start, start + len(value)  # "The placebo was sterile water", "placebo containing X"
        at = text.find("placebo ", at + 8, limit)
    if text.find("placebo (", 0, limit) >= 0:
        m = _PLACEBO_PAREN_RE.search(text, 0, limit)
        if m and "=" not in m.group(1) and m.group(1)[:1].isalpha():
            return m.group(), m.start(), m.end()  # "placebo (sterile water)"
    if text.find("Comparator:", 0, limit) >= 0:
        m = _ARM_DESC_RE.search(text, 0, limit)
        # The arm's label is only "Placebo"; its description (a line of words, not the next heading) names it.
        if m and m.group(1).strip().lower() in _BARE_PLACEBO and ":" not in m.group(2)[:30] \
                and m.group(2).count(" ") >= 2:
            end = _DESC_END_RE.search(m.group(2))
            value = m.group(2)[:end.start()] if end else m.group(2)
            if 4 <= len(value) <= 120 and "placebo" not in value.lower() and "dummy" not in value.lower() \
                    and not _LOOKS_ONLY_RE.match(value):
                return value, m.start(2), m.start(2) + len(value)
    at = text.find(" without ", 0, limit)
    for _ in range(20):  # each "without" and the words before it, not a scan of the whole page
        if at < 0:
            break
        m = _WITHOUT_RE.search(text, max(0, at - 80), min(len(text), at + 60))
        if m and m.start() < at < m.end():
            value = m.group().strip()
            return value, m.end() - len(value), m.end()
        at = text.find(" without ", at + 9, limit)
    return None


def is_bare_level(value: str | None) -> bool:
    """True when an arm is named only by its dose or timing ("High-dose", "Early")."""
    return bool(value) and len(value) <= 20 and _BARE_LEVEL_RE.match(value.strip(" .")) is not None


def listed_under_arm(text: str, label: str, limit: int = 60000) -> Found | None:
    """The intervention listed under the arm labelled ``label`` ("Active Comparator: Standard-dose" ... "Dietary
    Supplement: Cholecalciferol 800 IU"), from the arm's own lines."""
    m = re.compile(r"^[A-Z][\w ]{2,30}:\s+" + re.escape(label.strip()) + r"\s*$", re.M).search(text, 0, limit)
    if m is None:
        return None
    pos = m.end()
    for _ in range(4):
        nl = text.find("\n", pos + 1)
        line_end = nl if nl >= 0 else len(text)
        line = text[pos + 1:line_end]
        got = _LISTED_RE.match(line)
        if got:
            return got.group(1), pos + 1 + got.start(1), pos + 1 + got.end(1)
        if not line.strip() or (line.endswith(tuple(":")) and not got):
            break
        pos = line_end
    return None


_TYPED_RE = re.compile(r"\s+(?:Drug|Dietary Supplement|Biological|Device|Procedure|Behavioral|Other|Radiation"
                       r"|Combination Product|Diagnostic Test|Genetic):\s+")


def without_listed_control(value: str, control: str) -> int:
    """The length of ``value`` up to a typed item that is the control ("Cholecalciferol 4000 IU   Dietary
    Supplement: Cholecalciferol 800 IU" with the control "Cholecalciferol 800 IU"), else ``len(value)``."""
    if ":" not in value or not control:
        return len(value)
    for m in _TYPED_RE.finditer(value):
        if value[m.end():].strip().lower() == control.strip().lower():
            return m.start()
    return len(value)


_EXPERIMENTAL_RE = re.compile(r"^Experimental:\s+(\S[^\n]{0,60}?)\s*$", re.M)


def tested_listed(text: str, limit: int = 60000) -> Found | None:
    """The intervention listed under the first "Experimental:" arm of a ClinicalTrials.gov arms table."""
    got = experimental_listed(text, limit)
    return got[0] if got else None


def experimental_listed(text: str, limit: int = 60000) -> list[Found]:
    """The interventions listed under each "Experimental:" arm, in page order (at most four)."""
    if text.find("Experimental:", 0, limit) < 0:
        return []
    out = []
    for m in _EXPERIMENTAL_RE.finditer(text, 0, limit):
        got = listed_under_arm(text[:m.end() + 1000], m.group(1), limit)
        if got and got not in out:
            out.append(got)
        if len(out) >= 4:
            break
    return out


_TIMING_RE = re.compile(r"(?:in|at|during|after|before|within|from)\s", re.I)


def timed_arms(text: str, tested: str, control: str, zones: list[tuple[int, int]]) -> tuple[Found, list[list[int]]] | None:
    """"influenza vaccination in the second trimester or in the third trimester": the tested arm with its timing, and
    the spans of the control's name and timing (its value is the two joined by a space)."""
    if not _TIMING_RE.match(control) or len(tested) > 80:
        return None
    pattern = re.compile(re.escape(tested) + r"\s+((?:in|at|during|after|before|within|from)\s[^,;.\n]{2,60}?)\s+or\s+(?:to\s+)?"
                         + re.escape(control), re.I)
    for s, e in zones:
        m = pattern.search(text, s, e)
        if m:
            name_end = m.start() + len(tested)
            at = m.end() - len(control)
            return (text[m.start():m.end(1)], m.start(), m.end(1)), [[m.start(), name_end], [at, m.end()]]
    return None


def two_of_one_product(value: str) -> int:
    """Where the second arm of "Tdap vaccine at 20-24 weeks; Tdap vaccine at 28-32 weeks" starts (0: not such)."""
    parts = value.split("; ")
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return 0
    a, b = parts[0].split(), parts[1].split()
    if a[0].lower() != b[0].lower() or parts[0].lower() == parts[1].lower():
        return 0
    if not any(c.isdigit() for c in parts[1]) and not _TIMING_RE.search(parts[1]):
        return 0
    return len(parts[0]) + 2


_LEVELLED_RE = re.compile(r"(?:high|low|standard|usual|reduced|full|half|double|single|lower|higher|regular)[- ]dose\s+"
                          r"(?=[a-z])", re.I)


def level_substance(tested: str, control: str) -> int:
    """Where the substance starts in a control "standard-dose caffeine citrate" whose tested arm is only "High-dose"
    (0: not such a pair)."""
    if not is_bare_level(tested) or "dose" not in tested.lower():
        return 0
    m = _LEVELLED_RE.match(control)
    return m.end() if m and len(control) - m.end() >= 3 else 0



_LEVEL_WORDS = r"(?:high|low|standard|usual|reduced|full|half|double|single|lower|higher|regular)"


def levelled_tested(text: str, tested: str, control: str, zones: list[tuple[int, int]]) -> Found | None:
    """"caffeine" against "Standard-dose caffeine citrate": the page's "High-dose caffeine citrate" (another level of
    the same substance), or None."""
    if len(tested) > 40 or "dose" not in control[:20].lower():
        return None
    lead = _LEVEL_LEAD_RE.match(control)
    if lead is None or tested.lower() not in control.lower() or "dose" in tested.lower():
        return None
    pattern = re.compile(r"\b(" + _LEVEL_WORDS + r"[- ]dose\s+" + re.escape(tested) + r"(?:\s+[a-z][\w\-]*)?)"
                         r"(?=[\s:,;.()]|$)", re.I)
    own = lead.group().split("-")[0].split()[0].lower()
    for s, e in zones:
        for m in pattern.finditer(text, s, e):
            if not m.group(1).lower().startswith(own):
                return m.group(1), m.start(1), m.end(1)
    return None


_LEVEL_LEAD_RE = re.compile(_LEVEL_WORDS + r"[- ]dose\s", re.I)
