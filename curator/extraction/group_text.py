"""The arms of a registry's arms text written as what each group does.

"Group 1 nurses deliver the structured discharge programme ...; Group 2 nurses continue their usual care",
"Control group: participants continue their usual care ... Intervention group: participants attend a supervised
group exercise class ...", "Arm 1: Women in this arm are given the hospital's standard dressing ... Arm 2: Women in
this arm are given a negative pressure device", "Wards in the control condition continue their usual policy. Wards in
the intervention condition implement a bundle": one statement per group, the control's told by its label ("control",
"comparison", "usual care") or by what its people keep ("continue their usual care", "the standard dressing"). The
tested group's statement is the intervention, the control's the comparator, whatever order the page gives them in;
a value that holds the control's statement (or both) is not the intervention.
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.assignment import arm_name
from curator.extraction.layout import Document
from curator.extraction.pico import Found
from curator.extraction.textutil import clip
from curator.extraction.values import put

# A group's label where its statement starts: its role named ("Control group:", "the intervention arm"), its number
# ("Group 1 (intervention units):", "Arm 2:"), its people in it ("Wards in the control condition", "Women in this
# arm") or its name in quotes (The "usual care" group).
_MARK_RE = re.compile(  # (searched in lower-cased text: a case-folding search is several times slower)
    r"(?:the\s+)?(?P<role>control|comparison|comparator|intervention|experimental|treatment|active|usual[- ]care"
    r"|standard[- ]care)\s+(?:group|arm|condition)s?(?:\s*\([^()]{0,60}\))?\s*:?"
    r"|(?:group|arm)\s*(?:\d{1,2}|[a-d]|i{1,3})\b(?:\s*\((?P<role2>[^()]{0,60})\))?\s*:?"
    r"|[a-z]+(?:\s+[a-z]+)?\s+in\s+(?:the\s+|this\s+)?(?:(?P<role3>control|comparison|intervention|experimental"
    r"|usual[- ]care)\s+)?(?:group|arm|condition)s?\b"
    r"|(?:the\s+)?[\"“](?P<role4>[^\"”\n]{2,30})[\"”]\s+(?:group|arm)s?\b"
)
_CONTROL_ROLE_RE = re.compile(r"control|comparison|comparator|usual|standard|placebo|sham", re.I)
_TESTED_ROLE_RE = re.compile(r"intervention|experimental|treatment|active", re.I)
# The people of a group and what they do, before the arm itself ("participants continue their", "Women in this arm
# are given a").
_LEADIN_RE = re.compile(
    r"^(?:(?:the\s+|all\s+)?(?:[a-z]+\s+){0,2}?(?:participants|patients|people|women|men|children|mothers|parents"
    r"|nurses|staff|wards|schools|practices|clinics|units|hospitals|villages|homes|teams|they)\s+(?:in\s+(?:this|the"
    r"|each)\s+(?:arm|group)\s+)?)?(?:will\s+)?(?:be\s+given|be\s+offered|are\s+given|are\s+offered|is\s+given"
    r"|receives?|received|gets?|attends?|undergoe?s?|takes?|uses?|delivers?|implements?|provides?|offers?|follows?"
    r"|have|has|keeps?|continues?(?:\s+(?:with|to\s+(?:receive|use|get|deliver|provide|follow)))?)\s+"
    r"(?:(?:a|an|the|their|its)\s+)?",
    re.I,
)
# What only a control keeps: the usual, standard or routine way, nothing, a placebo.
_KEPT_RE = re.compile(r"^(?:[\w'’]+\s+)?(?:usual|standard|routine|normal|conventional|current|existing)\b|^(?:no|placebo"
                      r"|sham)\b", re.I)
# "... and will also receive text messages": more than what a control keeps.
_MORE_RE = re.compile(r"\b(?:also|plus|in\s+addition|additionally|as\s+well\s+as)\b", re.I)
_END_RE = re.compile(r"(?<=[a-z0-9)%])\.\s+(?=[A-Z])|;\s|\n|:\s")
_WORDS = ("roup", "rm ", "rm:", "ondition")

Segment = tuple[str, int, int, str]  # body, start, end, role ("control", "tested" or "")


def _segments(text: str, s: int, e: int) -> list[Segment]:
    marks: list[tuple[int, int, str]] = []
    low = text[s:e].lower()
    for m in _MARK_RE.finditer(low) if len(low) == e - s else ():  # (a few letters lengthen when lower-cased)
        a, b = s + m.start(), s + m.end()
        before = text[max(s, a - 2):a]
        if a != s and not (before.endswith(("\n", ". ", "; ", ": ", ".", ";")) or before == ", "):
            continue
        role = next((g for g in (m.group("role"), m.group("role2"), m.group("role3"), m.group("role4")) if g), "")
        if marks and a - marks[-1][1] <= 3:  # "Arm 1: Women in this arm": one label
            marks[-1] = (marks[-1][0], b, marks[-1][2] or role)
        else:
            marks.append((a, b, role))
    out: list[Segment] = []
    for k, (_a, b, role) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else e
        body = text[b:stop].strip(" :,;.\n")
        if len(body) < 3:
            continue
        start = text.find(body, b, stop)
        kind = "control" if _CONTROL_ROLE_RE.search(role) else "tested" if _TESTED_ROLE_RE.search(role) else ""
        if not kind:
            lead = _LEADIN_RE.match(body)
            rest = body[lead.end():] if lead else body
            if _KEPT_RE.match(rest) and not _MORE_RE.search(body) or re.search(
                    r"\bcontinues?\s+(?:with\s+|to\s+\w+\s+)?(?:their|its|the)\s+(?:usual|normal|routine|current|existing"
                    r"|standard)\b", body, re.I):
                kind = "control"
        out.append((body, start, start + len(body), kind))
    return out


def _arm(text: str, seg: Segment) -> Found:
    """A group's arm: its statement without its people and verb, to its first sentence's end."""
    body, start, _end, _kind = seg
    lead = _LEADIN_RE.match(body)
    at = lead.end() if lead and len(body) - lead.end() >= 3 else 0
    end = _END_RE.search(body, at)
    x = body[at:end.start() if end else len(body)].rstrip(" .,")
    if at:
        short = arm_name(x)
        x = short if len(short.split()) >= 2 else x
    x = clip(x, 200)
    return x, start + at, start + at + min(len(x), len(body) - at)


def group_arms(text: str, s: int, e: int) -> tuple[Found, Found, bool, list[tuple[int, int]]] | None:
    """The tested arm and the control of the group statements in ``text[s:e]``, whether both were labelled by their
    role, and where the control's statement lies; None when the statements do not tell one tested group from one
    control."""
    if sum(text.count(w, s, e) for w in _WORDS) < 2:  # one statement per group: two groups' words at least
        return None
    segs = _segments(text, s, e)
    if len(segs) < 2:
        return None
    controls = [g for g in segs if g[3] == "control"]
    tested = [g for g in segs if g[3] == "tested"] or [g for g in segs if not g[3]]
    if len(controls) != 1 or len(tested) != 1:
        return None
    explicit = all(g[3] for g in segs)
    return _arm(text, tested[0]), _arm(text, controls[0]), explicit, [(controls[0][1], controls[0][2])]


def _overlaps(spans: list[list[int]], a: int, b: int) -> bool:
    return any(x < b and a < y for x, y in spans)


def group_text_arms(doc: Document, fields: dict[str, Any]) -> None:
    """The intervention (and, when missing or wrong, the comparator) of a registry's group statements, when the one
    found is empty or holds the control's statement."""
    found: list[tuple[Found, Found, bool]] = []
    spans: list[tuple[int, int]] = []  # where the controls' statements lie
    for hit in doc.own_hits("interventions")[:3]:
        at = doc.lines[hit.line].start
        if not any(doc.text.find(w, at, at + 3000) >= 0 for w in _WORDS):
            continue  # no group's label near the arms (most pages): their paragraphs are not worth reading
        lines = [ln for p in doc.paragraphs(hit) for ln in p]
        if hit.value is None and not lines:
            continue
        s = hit.value[0] if hit.value is not None else lines[0].start
        e = max([hit.value[1] if hit.value is not None else 0] + [ln.end for ln in lines])
        got = group_arms(doc.text, s, e)
        if got:
            found.append(got[:3])
            spans.extend(got[3])
    if not found:
        return
    tested, control, _explicit = max(found, key=lambda f: f[2])
    ev = fields["evidence"]
    held = ev.get("pico.intervention") or []
    if fields["pico"]["intervention"] is None or any(_overlaps(held, a, b) for a, b in spans):
        ev.pop("pico.intervention", None)
        put(fields, "pico.intervention", tested[0], [[tested[1], tested[2]]])
        if fields["pico"]["comparator"] is None or _overlaps(ev.get("pico.comparator") or [], tested[1], tested[2]):
            ev.pop("pico.comparator", None)
            put(fields, "pico.comparator", control[0], [[control[1], control[2]]])
