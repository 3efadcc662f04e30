"""Last look at a page's PICO: a label is no value, and a primary outcome ends where the secondary ones begin.

"Description of intervention(s) / exposure" read as the intervention, or a CTIS outcome running on into
"Secondary end points: ...": a reviewer would only delete or cut them.
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.labels import label_slot
from curator.extraction.pico_fragments import without_fragment

_PARTS = ("population", "intervention", "comparator", "outcome")
# Headings of a page's sections that are no field's label but no value either.
_HEADINGS = frozenset(("endpoints", "end points", "outcomes", "results", "methods", "background", "objectives", "summary",
                       "design", "description", "details", "interventions"))
# Where the primary outcome's words end: the next outcomes' label run into the value.
# "The primary outcome was X" under an outcome heading: X.
_LEAD_RE = re.compile(r"^the\s+(?:primary|main)\s+(?:outcome|end\s?-?point)(?:\s+measure)?s?\s+(?:was|were|is|will\s+be)\s+"
                      r"(?:the\s+)?", re.I)
_NEXT_OUTCOMES_RE = re.compile(r"[\s;.,]+(?:Secondary\s+(?:end\s*-?\s*points?|outcomes?(?:\s+measures?)?)|Other\s+outcome"
                               r"\s+measures?|Key\s+secondary\s+(?:end\s*-?\s*points?|outcomes?))\b", re.I)


# The labels under which a part's value is written ("Description of intervention(s) / exposure").
_OWN_SLOTS = {"population": ("pico.population",), "intervention": ("interventions", "pico.intervention",
                                                                    "intervention_names"),
              "outcome": ("pico.outcome",), "comparator": ()}
# A word that names an arm's role, not what it was given ("test" lozenges, the "active" group).
_ROLE_WORDS = frozenset(("test", "active", "experimental", "intervention", "treatment", "study", "verum", "index"))
# A cross-over's sequence given as an arm: "electroacupuncture then sham electroacupuncture".
_SEQUENCE_RE = re.compile(r"^(.{3,80}?),?\s+(?:then|followed\s+by)\s+(.{3,80})$", re.I)
_CONTROL_RE = re.compile(r"\b(?:sham|placebo|usual\s+care|no\s+(?:treatment|intervention)|control)\b", re.I)


def tidy_pico(text: str, fields: dict[str, Any]) -> None:
    """Drop a PICO value that is only a label's or a role's words (the label's own value taken when the next line gives
    it) or a piece of another sentence (pico_fragments); a cross-over's sequences read as their arms; cut a primary
    outcome before the secondary outcomes' label."""
    pico, evidence = fields["pico"], fields["evidence"]
    for part in _PARTS:
        value = pico.get(part)
        if value and len(value) <= 90 and part != "comparator" and (
                value.strip(" :").lower() in _HEADINGS or label_slot(value.strip(" :")) is not None
                or part == "intervention" and value.lower() in _ROLE_WORDS):
            spans = evidence.pop(f"pico.{part}", None) or []
            own = label_slot(value.strip(" :")) in _OWN_SLOTS[part]  # the part's own label: its value is below it
            below = _line_below(text, spans[-1][1]) if len(spans) == 1 and own else None
            pico[part] = below[0] if below else None
            if below:
                evidence[f"pico.{part}"] = [[below[1], below[2]]]
    for part in _PARTS:
        if pico.get(part):
            kept = without_fragment(text, part, pico[part], evidence.get(f"pico.{part}") or [])
            pico[part] = kept[0] if kept else None
            if kept:
                evidence[f"pico.{part}"] = kept[1]
            else:
                evidence.pop(f"pico.{part}", None)
    _sequences(text, fields)
    _without_lead(fields)
    outcome, spans = pico.get("outcome"), evidence.get("pico.outcome") or []
    m = _NEXT_OUTCOMES_RE.search(outcome) if outcome else None
    if m is None or m.start() < 10:
        return
    kept = _spans_before(text, spans, outcome, m.start())
    if kept is None and spans and (there := _NEXT_OUTCOMES_RE.search(text, spans[0][0], spans[-1][1])):
        # (the value's spaces are not the page's, or it was clipped: cut where the page says it)
        kept = [[a, min(b, there.start())] for a, b in spans if a < there.start()]
    if kept:
        pico["outcome"] = outcome[:m.start()]
        evidence["pico.outcome"] = kept


def _spans_before(text: str, spans: list[list[int]], value: str, cut: int) -> list[list[int]] | None:
    """The evidence of ``value[:cut]`` when ``value`` is its spans' words joined by spaces (or one span's words with
    their line breaks made spaces); None when it is not."""
    if len(spans) == 1 and len(text[spans[0][0]:spans[0][1]]) == len(value):
        return [[spans[0][0], spans[0][0] + cut]]
    if " ".join(text[a:b] for a, b in spans) != value:
        return None
    kept, at = [], 0
    for a, b in spans:
        if at >= cut:
            break
        take = min(b - a, cut - at)
        kept.append([a, a + take])
        at += (b - a) + 1
    while kept and not text[kept[-1][0]:kept[-1][1]].strip():
        kept.pop()
    if kept:
        a, b = kept[-1]
        kept[-1] = [a, a + len(text[a:b].rstrip(" ;.,"))]
    return kept or None


def _line_below(text: str, end: int) -> tuple[str, int, int] | None:
    """The line under a label that ends at ``end`` ("Description of intervention(s) / exposure" / "Tai chi ..."),
    when it is a short value and not a label itself."""
    start = end
    while start < len(text) and text[start] in " :\t":
        start += 1
    if not text.startswith("\n", start):
        return None
    start += 1
    while start < len(text) and text[start] in " \t":
        start += 1
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    line = text[start:stop].rstrip()
    if not 3 <= len(line) <= 200 or line.endswith(":") or label_slot(line.split(":", 1)[0].strip()) is not None:
        return None  # a label, or another label's line ("Primary outcome: ...")
    return line, start, start + len(line)


def _sequences(text: str, fields: dict[str, Any]) -> None:
    """"X then sham X" given as the intervention (or the comparator) of a cross-over: the tested arm is X, the control the
    sham, each pointing to its own words."""
    pico, evidence = fields["pico"], fields["evidence"]
    for part in ("intervention", "comparator"):
        value, spans = pico.get(part), evidence.get(f"pico.{part}") or []
        m = _SEQUENCE_RE.match(value) if value and len(spans) == 1 and spans[0][1] - spans[0][0] == len(value) else None
        if m is None or bool(_CONTROL_RE.search(m.group(1))) == bool(_CONTROL_RE.search(m.group(2))):
            continue
        arms = [(m.group(g), spans[0][0] + m.start(g), spans[0][0] + m.end(g)) for g in (1, 2)]
        control = next(a for a in arms if _CONTROL_RE.search(a[0]))
        tested = next(a for a in arms if a is not control)
        for key, arm in (("intervention", tested), ("comparator", control)):
            current = pico.get(key)
            if key == part or not current or _SEQUENCE_RE.match(current):
                pico[key] = arm[0]
                evidence[f"pico.{key}"] = [[arm[1], arm[2]]]
        return


def _without_lead(fields: dict[str, Any]) -> None:
    """An outcome written as a sentence under its heading ("The primary outcome was total readmissions ..."): the
    measure, from where the sentence names it (its evidence too)."""
    outcome, spans = fields["pico"].get("outcome"), fields["evidence"].get("pico.outcome") or []
    m = _LEAD_RE.match(outcome) if outcome and spans else None
    if m and len(outcome) - m.end() >= 3 and spans[0][0] + m.end() < spans[0][1]:
        fields["pico"]["outcome"] = outcome[m.end():]
        fields["evidence"]["pico.outcome"] = [[spans[0][0] + m.end(), spans[0][1]], *spans[1:]]
