"""The primary outcome of a registry that types each outcome row as an indicator.

ChiCTR prints each outcome as a small table whose cells a copied page runs together in rows:
"指标中文名：  灵敏度   Outcome:  Sensitivity" over "指标类型：  主要指标   Type:  Primary indicator". The
Chinese label of the first cell hides the "Outcome:" label inside the row, so the row is not read as a label
line: the outcome is the English cell after "Outcome:" on the row the primary "Type:" belongs to.
"""

from __future__ import annotations

import re

from curator.extraction.latin_part import english_part
from curator.extraction.scanned import OWN, ScannedText

Spans = list[list[int]]

# "Outcome:   X" (also "Outcome：", "Outcome name:") as a cell of a row, up to the next wide gap and label.
_OUTCOME_CELL_RE = re.compile(r"(?:^|\s)Outcome(?: name)?\s*[:：]\s*(\S.*?)(?=\s{3,}[^\s:：]{1,40}\s*[:：]|\s*$)")
# The row the type belongs to: "Type: Primary indicator" (with the label cells of either language before it).
_PRIMARY_TYPE_RE = re.compile(r"\bType\s*[:：]\s*(?:[^\x00-\x7f\s]+\s+)?Primary indicator\b", re.I)


def indicator_outcome(doc: ScannedText) -> tuple[str, Spans] | None:
    """The outcome whose row (or the row just above its type row) is typed "Primary indicator"."""
    if doc.text.find("rimary indicator") < 0:
        return None
    for line in doc.lines_holding(("indicator",), 2000):
        m = _PRIMARY_TYPE_RE.search(line.text)
        if not m or doc.box[line.idx] != OWN:
            continue
        for row in (line.idx, line.idx - 1, line.idx - 2):
            if row < 0:
                break
            text = doc.lines[row].text[:m.start()] if row == line.idx else doc.lines[row].text
            cell = _OUTCOME_CELL_RE.search(text)
            if cell:
                start = doc.lines[row].start + cell.start(1)
                value, spans = english_part(doc.text, start, start + len(cell.group(1).rstrip()))
                if value and any(c.isalpha() for c in value):
                    return value, spans
                break
            if row != line.idx and "Type" in text:
                break  # the type row of the outcome before: this one names none
    return None
