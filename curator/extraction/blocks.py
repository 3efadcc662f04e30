"""Blocks a registry repeats per group or per outcome, read as a whole.

ChiCTR writes each arm as "Group: A" / "Sample size: 124" / "Intervention: ..." and each
outcome as "Outcome: ..." / "Type: Primary indicator": the study's sample size is the sum
of the groups' (when no total is stated), its primary outcome the one typed primary.
"""

from __future__ import annotations

import re

from curator.extraction.indicator_rows import indicator_outcome
from curator.extraction.labels import norm_label
from curator.extraction.latin_part import english_part
from curator.extraction.layout import Document
from curator.extraction.normalise import parse_count
from curator.extraction.scanned import OWN, Hit
from curator.extraction.textutil import strip_foreign

Spans = list[list[int]]


def group_total(doc: Document) -> tuple[int, str, Spans] | None:
    """The sum of per-group sample sizes ("Group: A" / "Sample size: 124", "Group: B" / "Sample size: 124")
    when no total is stated."""
    sizes: list[tuple[int, Spans]] = []
    for hit in doc.own_hits("enrollment"):
        label = doc.lines[hit.line].text.lower()
        if "total" in label:
            return None
        above = [h for h in doc.hits[:200] if hit.line - 3 <= h.line < hit.line]
        in_group = any(h.slot in ("interventions", "intervention_names") or doc.lines[h.line].text.lower().startswith(
            ("group", "arm")) for h in above)
        v = doc.scalar(hit) if in_group else None
        n = parse_count(v[0]) if v else None
        if n is None or v is None:
            return None
        sizes.append((n, v[1]))
    if len(sizes) < 2:
        return None
    return sum(n for n, _ in sizes), "", [sp for _, spans in sizes for sp in spans]


_OUTCOME_LINE_RE = re.compile(r"^Outcome(?: name)?(?:\s*:\s*|\s{2,}|\t)(\S.*)$", re.I)


# ChiCTR: "Outcome: X  Type: Primary indicator", bilingual "指标中文名：Outcome：  X   指标类型：Type：  主要指标 Primary indicator".
_SAME_LINE_TYPE_RE = re.compile(r"\s{2,}(?:[^\x00-\x7f\s]+[:：])?Type\s*[:：]\s*(?:[^\x00-\x7f\s]+\s+)?Primary\b", re.I)


def _outcome_label(doc: Document, hit: Hit) -> bool:
    """True for an "Outcome:" or "Outcome name:" label, also written twice ("指标中文名：Outcome：")."""
    label = doc.text[doc.lines[hit.line].start:hit.value[0] if hit.value else doc.lines[hit.line].end]
    if label[:1] in "Oo":
        return label.lower().startswith(("outcome:", "outcome name:"))
    return "utcome" in label and norm_label(strip_foreign(label)) in ("outcome", "outcome name")


def typed_primary_outcome(doc: Document) -> tuple[str, Spans] | None:
    """The value of an "Outcome: X" line whose "Type:" line just below (or, CRiS, just above) says primary."""
    for hit in doc.by_slot.get("other", ()):
        if hit.value is None or not _outcome_label(doc, hit):
            continue
        line = doc.lines[hit.line]
        same = _SAME_LINE_TYPE_RE.search(line.text)
        if same and line.start + same.start() > hit.value[0]:
            return english_part(doc.text, hit.value[0], line.start + same.start())
        for j in range(hit.line + 1, min(len(doc.lines), hit.line + 3)):
            t = doc.lines[j].text.lower()
            if t.startswith("type") and "primary" in t:
                s, e = hit.value
                return doc.text[s:e], [[s, e]]
            if t[:1] > "\x7f" and "primary" in t and strip_foreign(t).startswith("type"):  # "指标类型 Type: 主要指标 Primary"
                return english_part(doc.text, *hit.value)
    text = doc.text
    if doc.by_slot.get("ids") and "rimary indicator" in text:  # "指标中文名：  灵敏度   Outcome:  Sensitivity" rows
        return indicator_outcome(doc)
    if "Type  Primary" not in text and "Type\tPrimary" not in text:
        return None  # CRiS's "Type  Primary" over "Outcome  X" is not on the page: one scan, not a test per line
    for line in doc.lines_holding(("Outcome",), 600):
        m = _OUTCOME_LINE_RE.match(line.text)
        above = doc.lines[line.idx - 1].text.lower() if line.idx else ""
        if m and doc.box[line.idx] == OWN and above.startswith("type") and "primary" in above:
            s = line.start + m.start(1)
            return m.group(1), [[s, line.end]]
    return None


_DESCRIPTION_RE = re.compile(r"^(?:\d+\.\s*)?Description\s*:\s*(.+?)(?:;\s*Time\s*points?\s*:.*)?$", re.I)


def described_outcome(doc: Document) -> tuple[str, Spans] | None:
    """IRCT's numbered outcome under its heading ("Primary outcomes" / "1. Description: X; Timepoint: ..."), or
    the primary one under an outcomes heading ("Outcome" / "Primary: X")."""
    for hit in doc.own_hits("pico.outcome"):
        if hit.value is not None:
            continue
        below = next((ln for ln in doc.lines[hit.line + 1:hit.line + 3] if ln.text), None)
        m = _DESCRIPTION_RE.match(below.text) if below is not None else None
        if m and below is not None:
            s = below.start + m.start(1)
            return m.group(1), [[s, s + len(m.group(1))]]
    for line in doc.lines_holding(("Primary:",), 600):
        # "Outcome" / "Primary: Change in HbA1c at week 52": the primary one under an outcomes heading.
        above = next((ln for ln in reversed(doc.lines[max(0, line.idx - 3):line.idx]) if ln.text), None)
        if line.text.startswith("Primary:") and above is not None and len(above.text) <= 40 \
                and ("utcome" in above.text or "ndpoint" in above.text) and ":" not in above.text:
            value = line.text[8:].strip()
            s = line.end - len(value)
            return (value, [[s, line.end]]) if value else None
    return None
