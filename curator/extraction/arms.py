"""Study arms in registry intervention lists: arm-type lines, their names without dosing, and comparators.

Registries write an arms list as one line per arm with its arm type in front
("Experimental Arm: A capsules 180 mg per day", "Placebo Comparator: Placebo capsules
three times daily"). The listed interventions are the arms' names, cut before the dose
or schedule; the comparator arms name the control, which is not the tested intervention.
"""

from __future__ import annotations

import re

from curator.extraction.layout import Document
from curator.extraction.scanned import OWN
from curator.extraction.textutil import clip

Spans = list[list[int]]

COMPARATOR_ARM_TYPES = ("placebo comparator", "active comparator", "sham comparator")
# "Experimental Arm:", "Placebo Comparator:", "Arm 2 (Active Comparator):" in front of an arm's name.
ARM_PREFIX_RE = re.compile(
    r"^(?:arm\s*\d*\s*[-–(]?\s*)?(?:experimental(?:\s+(?:arm|group))?|(?:placebo|active|sham)\s+comparator"
    r"(?:\s+(?:arm|group))?|no intervention)\)?\s*:\s*",
    re.I,
)
# The start of a dose or schedule after an intervention's name: "180 mg", "2.4 mg/kg", "twice daily", "10 mL".
_DOSE_RE = re.compile(
    r"\s(?:\d+(?:[.,]\d+)*\s*(?:mg|g|mcg|µg|μg|ug|ng|ml|mL|l|iu|IU|units?|u|U|mmol|%|mg/kg|mg/m2|mg/m²)(?![\w])"
    r"|(?:once|twice|thrice|three times|four times|\d+\s+times)\s+(?:a\s+|per\s+)?(?:daily|day|week(?:ly)?|month(?:ly)?)\b"
    r"|(?:daily|weekly|per day)\b(?!\s+(?:living|life|activities)))",
    re.I,
)
# Dosing or a schedule after a comma: "Mirror therapy, 30 minutes daily", not "Electroacupuncture at ST36, ST37".
SCHEDULE_RE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:mg|g|mcg|µg|μg|ml|iu|units?|%|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?"
    r"|sessions?|times|x|doses?|cycles?)\b|\b(?:daily|weekly|monthly|per day|per week)\b",
    re.I,
)
# Dosage forms written after a name ("Placebo capsules"): not part of the name.
_FORM_TAIL_RE = re.compile(r"\s+(?:oral\s+)?(?:capsules?|tablets?|pills?|sachets?|granules?)$", re.I)


def cut_dose(name: str) -> str:
    """An intervention's name without the dose or schedule written after it (unchanged when nothing is left)."""
    m = _DOSE_RE.search(name)
    if m and m.start() >= 3:
        name = name[:m.start()].rstrip(" ,;:-–(")
    tail = _FORM_TAIL_RE.search(name)
    if tail and tail.start() >= 3 and name[:tail.start()].rsplit(" ", 1)[-1].lower() not in ("a", "an", "the", "on", "by"):
        name = name[:tail.start()]
    return name


def is_comparator_arm(line_text: str) -> bool:
    """True for a "Placebo / Active / Sham Comparator: ..." arm line."""
    return line_text.lower().startswith(COMPARATOR_ARM_TYPES)


_CELL_END_RE = re.compile(r" \| |\s{2,}|\t")


def following_comparator_arms(doc: Document, last_line: int) -> list[tuple[str, int, int]]:
    """Comparator arm lines right after an interventions list ending at ``last_line``, as items
    (the list's value stops at them because they are also comparator labels)."""
    out: list[tuple[str, int, int]] = []
    for hit in doc.own_hits("pico.comparator"):
        if hit.line <= last_line:
            continue
        line = doc.lines[hit.line]
        if hit.line > last_line + 2 or hit.value is None:
            break
        if line.text.startswith(("Comparator Agent | ", "Comparator Agent  ")):
            # CTRI's "Comparator Agent | Normal saline | 0.5 mL normal saline ..." (or its cells set apart by
            # gaps): the row's name cell.
            s = hit.value[0]
            name = _CELL_END_RE.split(doc.text[s:hit.value[1]], maxsplit=1)[0].strip()
            out.append((name, s, s + len(name)))
        elif is_comparator_arm(line.text):
            out.append((line.text, line.start, line.end))
        else:
            break
        last_line = hit.line
    return out


def arm_comparators(doc: Document) -> tuple[str, Spans] | None:
    """Every "Placebo / Active / Sham Comparator: <arm>" of an arms list, joined (None for fewer than two)."""
    names: list[str] = []
    spans: Spans = []
    for hit in doc.own_hits("pico.comparator"):
        if hit.value is not None and is_comparator_arm(doc.lines[hit.line].text):
            s, e = hit.value
            if doc.text[s:e].lower() not in (n.lower() for n in names):
                names.append(doc.text[s:e])
                spans.append([s, e])
    return (clip("; ".join(names), 300), spans) if len(names) >= 2 else None


def names_comparator(item: str, comparator: str) -> bool:
    """True when a listed intervention is the comparator ("Placebo" / "Placebo capsules" for "Placebo")."""
    low, control = item.lower(), comparator.lower()
    if not control:
        return False
    return low in control or (low.startswith(control) and len(control) >= 4) or (
        control[:1].isdigit() and low.endswith(" " + control)) or (  # "Aspirin 75 mg" for the dose "75 mg"
        len(control) >= 8 and f"({control}" in low)  # "Vaxigrip Tetra (standard-dose vaccine)" for its generic name


def is_comparator_arm_at(doc: Document, span: list[int]) -> bool:
    """True when the evidence span of a listed intervention lies on a comparator arm line."""
    return is_comparator_arm(doc.lines[doc.line_at(span[0])].text)


# Arms written inside one cell or line: "Experimental: A; Placebo Comparator: Placebo sachet".
_INLINE_ARM_RE = re.compile(
    r"(?:^|[;|:]\s*)((?:placebo|active|sham)\s+comparator|experimental|no intervention)\s*:\s*([^;|]+)", re.I)


def inline_arms(doc: Document) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """The tested and the comparator arms of a line holding two or more typed arms, outside boxes about other
    records: ([(name, start, end)], [(name, start, end)])."""
    # ("omparator" searched as far as the arms list reader looks, the lines then kept: one scan serves both)
    for line in doc.lines_holding(("omparator",), 600):
        if line.idx >= 400 or "omparator:" not in line.text and "omparator :" not in line.text \
                or doc.box[line.idx] != OWN:
            continue
        found = list(_INLINE_ARM_RE.finditer(line.text))
        if len(found) < 2:
            continue
        tested: list[tuple[str, int, int]] = []
        control: list[tuple[str, int, int]] = []
        for m in found:
            name = m.group(2).strip(" .,")
            start = line.start + m.start(2)
            into = control if "comparator" in m.group(1).lower() else tested
            if name and m.group(1).lower() != "no intervention":
                into.append((name, start, start + len(name)))
        return tested, control
    return [], []
