"""Arms written one a line: numbered ("Arm 1: ..." / "Arm 2: Waiting list control", IRCT's "Intervention 1:
Intervention group: ..." / "Intervention 2: Control group: Placebo ...", UMIN's "Interventions/Control_1") or
typed by ClinicalTrials.gov's arm types ("Experimental: Melatonin" / "Placebo Comparator: Placebo").

The arm that names a control (a control group, placebo, sham, usual care, a waiting list, no treatment) is the
comparator; the others are the tested interventions. Each arm is named by its text up to the first clause break,
without its dose when a name is left.
"""

from __future__ import annotations

import re

from curator.extraction.arms import ARM_PREFIX_RE, COMPARATOR_ARM_TYPES, SCHEDULE_RE, cut_dose
from curator.extraction.layout import Document
from curator.extraction.scanned import OWN

_NUMBERED_RE = re.compile(r"^(?:arm|group|intervention|interventions/control_?)\s*(\d)\s*(?::\s*|\s{2,})(\S.{2,})$",
                          re.I)
# Where such a line starts, found in one scan of the text (case-sensitive with a leading newline: a fast search).
_NUMBERED_START_RE = re.compile(r"\n[ \t]*(?:Arm|ARM|Group|GROUP|Intervention|INTERVENTION|Interventions/Control_?)\s*\d")
_GROUP_PREFIX_RE = re.compile(r"^(?:(intervention|experimental|treatment|study|active|control|comparison|placebo)"
                              r"\s+(?:group|arm)\s*:\s*)", re.I)
_CONTROL_START_RE = re.compile(r"^(?:control\b|placebo\b|sham\b|usual care\b|standard (?:care|treatment)\b"
                               r"|waiting[- ]list\b|wait[- ]list\b|no (?:treatment|intervention)\b)", re.I)
_CLAUSE_END_RE = re.compile(r";|\.\s|\s+Category\s*:|\.$")

Arm = tuple[str, int, int]


def numbered_arms(doc: Document) -> tuple[list[Arm], list[Arm]]:
    """The tested and the control arms of two or more numbered arm lines ([], [] when none, or when no
    arm names a control)."""
    tested: list[Arm] = []
    control: list[Arm] = []
    seen: set[str] = set()
    text = doc.text
    stop = doc.lines[min(len(doc.lines), 600) - 1].end if doc.lines else 0
    for found in _NUMBERED_START_RE.finditer(text, 0, stop):  # one scan, not a test per line
        line = doc.lines[doc.line_at(found.end())]
        m = _NUMBERED_RE.match(line.text)
        if m is None or doc.box[line.idx] != OWN or m.group(1) in seen:
            continue
        seen.add(m.group(1))
        body, start = m.group(2), line.start + m.start(2)
        prefix = _GROUP_PREFIX_RE.match(body)
        is_control = bool(prefix and prefix.group(1).lower() in ("control", "comparison", "placebo"))
        if prefix:
            body, start = body[prefix.end():], start + prefix.end()
        end = _CLAUSE_END_RE.search(body)
        name = body[:end.start()] if end else body
        comma = name.find(", ")
        if comma > 3 and SCHEDULE_RE.match(name[comma + 2:]):
            name = name[:comma]  # "App-guided walking exercise, 3 sessions per week": the name before its schedule
        name = name.strip(" .,")
        short = cut_dose(name)
        if len(short.split()) >= 2 or (short == name):
            name = short
        if not name:
            continue
        arm = (name, start, start + len(name))
        (control if is_control or _CONTROL_START_RE.match(name) else tested).append(arm)
    if not tested or not control:
        return _group_lines(doc)
    return tested, control


# ChiCTR's "组别 Group: Sham group  干预措施 Intervention: Sham electroacupuncture" on one line.
_GROUP_LINE_RE = re.compile(r"\bGroup\s*:\s*(?P<g>[^:]{1,80}?)\s{2,}.*?\bIntervention\s*:\s*(?P<i>\S.{1,200})$")
_CONTROL_GROUP_RE = re.compile(r"\b(?:control|sham|placebo|usual care|waiting[- ]list|comparison)\b", re.I)


def _group_lines(doc: Document) -> tuple[list[Arm], list[Arm]]:
    """The arms of "Group: X  Intervention: Y" lines: a group named as a control is the comparator."""
    tested: list[Arm] = []
    control: list[Arm] = []
    for line in doc.lines_holding(("Group",), 600):
        m = _GROUP_LINE_RE.search(line.text)
        if m is None or doc.box[line.idx] != OWN:
            continue
        name = m.group("i").strip(" .;")
        start = line.start + m.start("i")
        is_control = _CONTROL_GROUP_RE.search(m.group("g")) or _CONTROL_START_RE.match(name)
        (control if is_control else tested).append((name, start, start + len(name)))
    if not tested or not control:
        return [], []
    return tested, control


# "Other: Waitlist control — ...": an arm of type Other that is the control by its name.
_OTHER_CONTROL_RE = re.compile(r"^Other:\s*(?=(?:[\w\-]+\s+){0,3}(?:control|wait[- ]?list|waiting\s+list|usual\s+care"
                               r"|placebo|sham)\b)", re.I)
_DESCRIBED_RE = re.compile(r"\s+[—–]\s+")


def typed_arm_lines(doc: Document) -> tuple[list[Arm], list[Arm]]:
    """The arms of an arms list whose lines open with their type ("Experimental: Melatonin", "Placebo
    Comparator: Placebo", "Active Comparator: Insulin glargine | ..."): short names only."""
    tested: list[Arm] = []
    control: list[Arm] = []
    for line in doc.lines_holding(("xperimental", "omparator", "Other: "), 600):
        m = ARM_PREFIX_RE.match(line.text) or _OTHER_CONTROL_RE.match(line.text)
        if m is None or doc.box[line.idx] != OWN:
            continue
        # "Mindfulness group program — eight weekly sessions ...": the name before its description
        name = _DESCRIBED_RE.split(line.text[m.end():].split(" | ")[0], 1)[0].strip(" .,|")
        if not name or len(name.split()) > 6:
            continue
        start = line.start + m.end()
        is_control = line.text.lower().startswith(COMPARATOR_ARM_TYPES) or line.text.startswith("Other")
        (control if is_control else tested).append((name, start, start + len(name)))
    if not tested or not control:
        return [], []
    return tested, control
