"""CTRI's coded condition cells: "(1) ICD-10 Condition: O82||Encounter for cesarean delivery, (2) ICD-10
Condition: R68.0||Hypothermia (post-spinal shivering),": one condition per code, its name without the code."""

from __future__ import annotations

import re

from curator.extraction.scanned import OWN, ScannedText

_CODED_RE = re.compile(r"(?:\(\d{1,2}\)\s*)?ICD-?10 Condition\s*:\s*[A-Z]?[\d.A-Z-]{0,10}\s*\|\|\s*"
                       r"([^|]+?)\s*(?:,\s*(?=\(\d{1,2}\)|ICD)|,?\s*$)", re.I)


def coded_conditions(doc: ScannedText) -> list[tuple[str, int, int]]:
    """(name, start, end) of each coded condition of the record's own condition cells, in order."""
    out: list[tuple[str, int, int]] = []
    for line in doc.lines_holding(("||",), 2000):
        if doc.box[line.idx] != OWN or "ondition" not in line.text:
            continue
        for m in _CODED_RE.finditer(line.text):
            out.append((m.group(1), line.start + m.start(1), line.start + m.end(1)))
    return out
