"""An arm's value written as a sentence about its people: "Participants in the control group will be given a
booklet of home stretching exercises" names the booklet, not the participants."""

from __future__ import annotations

import re

from curator.extraction.assignment import arm_name

_LEADIN_RE = re.compile(
    r"^(?:(?:all\s+)?(?:participants|patients|people|those|children|women|men|subjects)\s+(?:in|allocated\s+to|assigned\s+to"
    r"|randomi[sz]ed\s+to)\s+the\s+(?:control|comparison|comparator|intervention|experimental|treatment|active|usual[- ]care)"
    r"\s+(?:group|arm)|the\s+(?:control|comparison|comparator|intervention|experimental|treatment)\s+(?:group|arm)"
    # "Control schools continue their usual lessons": the clusters of a cluster trial.
    r"|(?:the\s+)?(?:control|comparison)\s+(?:schools|villages|practices|clinics|sites|wards|communities|households"
    r"|classes|classrooms|centres|centers|hospitals|participants|patients)"
    # "Schools allocated to the intervention deliver X, six lessons ...": the clusters of the tested arm.
    r"|(?:the\s+)?(?:schools|villages|practices|clinics|sites|wards|communities|households|classes|hospitals)\s+"
    r"(?:allocated|assigned|randomi[sz]ed)\s+to\s+the\s+(?:intervention|experimental|active)(?:\s+(?:group|arm))?)\s+"
    r"(?:will\s+|shall\s+)?(?:be\s+given|be\s+offered|be\s+asked\s+to\s+(?:attend|use|take|do)|receive|get|attend|undergo|take"
    r"|use|do|continue(?:\s+(?:with|to\s+(?:receive|deliver|provide|follow|teach)))?|deliver|follow|have)\s+"
    r"(?:(?:a|an|the|their)\s+)?",
    re.I,
)


def without_leadin(value: str) -> int:
    """How many leading characters of an arm's value are its people and verb ("Participants in the control group
    will be given a "); 0 when none."""
    if len(value) < 30 or not value[:1].isalpha():
        return 0
    m = _LEADIN_RE.match(value)
    return m.end() if m and len(value) - m.end() >= 3 else 0


# A later sentence or clause of an arm's value: "...; they are offered the programme after the final survey".
_LATER_CLAUSE_RE = re.compile(r";\s+(?:they|these|this|it|those|all|after|once)\s|\.\s+(?:They|These|This|It|Those|After|Once)\s")


def own_clause(value: str) -> int:
    """Where an arm's value ends before a later clause about what else its people get (its length when none)."""
    if ";" not in value and ". " not in value:
        return len(value)
    m = _LATER_CLAUSE_RE.search(value)
    return m.start() if m and m.start() >= 3 else len(value)


def leadin_arm(value: str, offset: int) -> tuple[str, int, int] | None:
    """The arm's name of a value written as a sentence about its people ("Schools allocated to the intervention deliver
    CLEAR-AIR, six online lessons ..." names CLEAR-AIR), with its span; None when the value has no such lead-in."""
    cut = without_leadin(value)
    if not cut:
        return None
    name = arm_name(value[cut:])
    if not name or len(name.split()) > 8 or not value.startswith(name, cut):
        return None
    return name, offset + cut, offset + cut + len(name)
