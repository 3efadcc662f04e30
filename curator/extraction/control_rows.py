"""Registry arm rows whose labels were taken whole: the next label glued onto an arm ("... without current
Intervention code:"), a form's control vocabulary ("Active control (effective treatment of control group)") in place
of the control arm's description, and "No control group" of a single-arm study read as a comparator."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

# A label left at the end of a value ("...   Intervention code:", "... Sample size:").
_GLUED_LABEL_RE = re.compile(r"(?:\s{2,}|\s+(?=[A-Z]))[A-Z][A-Za-z]*(?:\s+[a-z][a-z()]*){0,3}\s*:\s*$")
# A form's kind of control (DRKS, WHO), not the control: "Active control (effective treatment of control group)".
_VOCABULARY_RE = re.compile(
    r"^(?:active\s+control|placebo\s+control|no\s+treatment\s+control|dose\s+comparison|history\s+control"
    r"|historical\s+control|uncontrolled(?:/single\s+arm)?|other)(?:\s*\([^)]*\))?\s*$", re.I)
# What a single-arm study's registry says in place of a control.
_NO_CONTROL_RE = re.compile(r"^(?:no\s+(?:control|comparator)(?:\s+(?:group|arm|treatment))?|none\s*\(single[- ]arm\)"
                            r"|not\s+applicable\s*\(single[- ]arm\)|single[- ](?:arm|group)(?:\s+study)?"
                            r"|uncontrolled)\.?$", re.I)
# An arm line of a registry form ("Arm 2: Double reading by two radiologists ...").
_ARM_LINE_RE = re.compile(r"^\s*Arm\s+(\d+)\s*:\s*(\S.*?)\s*$", re.M)
_CONTROL_HINT_RE = re.compile(r"\b(?:standard|usual|routine|control|current|conventional|placebo|sham|no\s+treatment)\b",
                              re.I)


def without_glued_label(value: str) -> int:
    """The length of ``value`` without a label glued on its end (``len(value)`` when there is none)."""
    if not value.endswith(":"):
        return len(value)
    m = _GLUED_LABEL_RE.search(value)
    return m.start() if m and m.start() >= 3 else len(value)


def is_vocabulary(value: str) -> bool:
    """True when ``value`` is a form's kind of control rather than a control arm."""
    return len(value) <= 80 and _VOCABULARY_RE.match(value.strip(" .")) is not None


def says_no_control(value: str) -> bool:
    """True when ``value`` says the study has no control ("No control group")."""
    return len(value) <= 40 and _NO_CONTROL_RE.match(value.strip()) is not None


def control_arm_line(text: str, limit: int = 60000) -> Found | None:
    """The control among a form's "Arm 1: ... / Arm 2: ..." lines: the later arm saying "standard", "usual",
    "control" ..., else the last of two arms."""
    if text.find("Arm 2", 0, limit) < 0:
        return None
    arms = [m for m in _ARM_LINE_RE.finditer(text, 0, limit)]
    if len(arms) < 2 or arms[0].group(1) != "1":
        return None
    later = arms[1:]
    pick = next((m for m in later if _CONTROL_HINT_RE.search(m.group(2))), later[-1] if len(arms) == 2 else None)
    if pick is None:
        return None
    value, at = pick.group(2), pick.start(2)
    lead = _VOCABULARY_LEAD_RE.match(value)
    if lead:  # "Active control (effective treatment of control group): Chest radiographs read by two radiologists"
        value, at = value[lead.end():], at + lead.end()
    cut = value.find(" (")
    if cut >= 12:
        value = value[:cut]  # "Double reading by two radiologists (current standard ...)": the arm, not its note
    return value, at, at + len(value)


# A form's kind of control before the control's description ("Active control (...): X", "Placebo control: X").
_VOCABULARY_LEAD_RE = re.compile(r"(?:active\s+control|placebo\s+control|no\s+treatment\s+control|dose\s+comparison"
                                 r"|history\s+control|historical\s+control)(?:\s*\([^)]*\))?\s*:\s*", re.I)
_CONTROL_LINE_RE = re.compile(r"^(?:Control|Comparator)(?:\s+(?:group|arm))?(?:\s+\d+)?[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$",
                              re.M)


def control_line(text: str, limit: int = 60000) -> Found | None:
    """The control of a form's "Control 1: ..." line, without the kind of control written before it."""
    if text.find("\nControl", 0, limit) < 0 and text.find("\nComparator", 0, limit) < 0:
        return None  # no line opens with the label: no scan
    for m in _CONTROL_LINE_RE.finditer(text, 0, limit):
        value, at = m.group(1), m.start(1)
        lead = _VOCABULARY_LEAD_RE.match(value)
        if lead:
            value, at = value[lead.end():], at + lead.end()
        if len(value) >= 3 and not value[0].isdigit() and not is_vocabulary(value) and not says_no_control(value) \
                and value.lower().strip(" .") not in _NO_VALUE:
            return value, at, at + len(value)
    return None


# A form's answers that name no control ("Control: Yes", "Comparator: N/A").
_NO_VALUE = frozenset(("yes", "no", "n/a", "na", "none", "nil", "not applicable", "unknown", "active", "uncontrolled",
                       "historical", "placebo-controlled", "controlled"))


def vocabulary_lead(value: str) -> int:
    """The length of a kind of control written before the control itself ("Active control (...): X"), else 0."""
    m = _VOCABULARY_LEAD_RE.match(value)
    return m.end() if m and len(value) - m.end() >= 3 else 0
