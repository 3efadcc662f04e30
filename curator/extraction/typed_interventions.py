"""Interventions listed one a line with their ClinicalTrials.gov type and no label over them: a charity's or a
hospital's trial finder copies the registry's list under its own heading ("Treatments in this trial" / "Device:
Bedside sound generator" / "Behavioural: Sleep coaching"). Two such lines or more in a row, a device or a
behavioural intervention among them, are the record's interventions, by name."""

from __future__ import annotations

import re

from curator.extraction.scanned import OWN, ScannedText

Spans = list[list[int]]

# ClinicalTrials.gov's intervention types, as its lists write them lower-cased.
_TYPES = (r"drug|device|behaviou?ral|procedure(?:/surgery)?|biological|dietary supplement|radiation|genetic"
          r"|diagnostic test|combination product|other")
# A finder's typed line, its type capitalised as the registry prints it: "Device: Bedside sound generator".
_TYPED_LINE_RE = re.compile(r"^(?:[-•*·]\s*)?(?:" + re.sub(r"(^|[|/ ])([a-z])", lambda m: m[1] + m[2].upper(), _TYPES)
                            + r")\s?:\s*(?P<name>[^\s:].{1,150})$")
# An item opened by its type: "Device: X", "Other: Y" (compared with the type lower-cased or as written).
ANY_TYPE_RE = re.compile(r"^(?:" + _TYPES + r")\s?:\s*\S", re.I)
_HEAD = 30_000  # (a finder's list sits near the top)
_NEEDLES = ("Device:", "ral:", "Drug:", "Procedure:", "Biological:", "Supplement:")
# The name before its description: "Sleep coaching - four calls", "Sound generator. Worn nightly".
_DETAILS_RE = re.compile(r"\s+[—–-]\s+|\.\s+[A-Z]")
TYPED_FOUND = ("typed interventions", 0)  # the key of doc.found_at saying the list was read


def typed_intervention_lines(doc: ScannedText) -> tuple[list[str], Spans, bool]:
    """The names of the first run of two or more typed lines ("Device: X" / "Behavioural: Y"), as label_items
    gives them (names, spans, prose flag)."""
    text = doc.text
    if not doc.by_slot.get("ids") or text.find("Device:", 0, _HEAD) < 0 and text.find("Behavio", 0, _HEAD) < 0:
        return [], [], False  # (a finder names the trial's registration; then two looks at the page's head)
    names: list[str] = []
    spans: Spans = []
    last = -2
    for line in doc.lines_holding(_NEEDLES + ("Other:",), 600):
        m = _TYPED_LINE_RE.match(line.text)
        if m is None or doc.box[line.idx] != OWN:
            continue
        if names and line.idx != last + 1:
            if len(names) >= 2:
                break
            names, spans = [], []  # a lone typed line: not the list
        name = _DETAILS_RE.split(m.group("name"), 1)[0].strip(" .;,")
        names.append(name)
        spans.append([line.start + m.start("name"), line.start + m.start("name") + len(name)])
        last = line.idx
    if len(names) < 2 or all(n.lower().startswith(("placebo", "sham")) for n in names):
        return [], [], False
    doc.found_at[TYPED_FOUND] = True
    return names[:20], spans[:20], False
