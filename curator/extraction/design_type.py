"""The study type that a registry's design labels imply when no study type is written ("Allocation: Randomized",
"Observational Model: Cohort", "Study design: Randomised controlled trial")."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.scanned import OWN
from curator.extraction.values import put

# Design labels only one kind of study has: "Allocation: Randomized" / "Intervention Model: ..." (interventional),
# "Observational Model: Cohort" / "Time Perspective: Prospective" (observational), EU CTR "Randomised: Yes".
_DESIGN_RE = re.compile(
    r"^(?:[A-Z]\.[\d.]+\s+)?(?:study design\s*:\s*)?(?:(allocation|intervention model|masking|randomi[sz]ed|controlled"
    r"|randomi[sz]ation)|(observational (?:study )?model|time perspective))(?:\s*:|(?<=allocation) to intervention\s\s)"
    r"\s*(\S[^\n]{0,60})",  # (ANZCTR's "Allocation to intervention  Randomised controlled trial")
    re.I,
)


_DESIGN_NEEDLES = ("llocation", "odel:", "erspective:", "andomised:", "andomized:", "ontrolled:", "asking:",
                   "andomization:", "andomisation:")


def design_study_type(doc: Document, fields: dict[str, Any]) -> int:
    """The study type that a design label implies, when no study type is written."""
    # ("andomi" found once for the four spellings, the lines then kept)
    for line in doc.lines_holding(("llocation", "odel:", "erspective:", "andomi", "ontrolled:", "asking:"), 400):
        if not any(n in line.text for n in _DESIGN_NEEDLES):
            continue
        m = _DESIGN_RE.match(line.text)
        if m is None or doc.box[line.idx] != OWN:
            continue
        value = m.group(3).strip().lower()
        label = (m.group(1) or "").lower()
        if label.endswith("ation"):
            if not value.startswith(("randomi", "non-randomi", "yes")):
                continue  # IRCT's "Randomization: Randomized" (or "N/A")
        elif label.startswith(("randomi", "controlled")) and not value.startswith("yes"):
            continue
        put(fields, "study_type", "OBSERVATIONAL" if m.group(2) else "INTERVENTIONAL",
            [[line.start, line.end]])
        return 1
    for line in doc.lines_holding(("tudy design",), 400):
        # "Study design  Randomised controlled trial", ReBEC's "Study design: Randomized-controlled; parallel".
        m = _STUDY_DESIGN_RE.match(line.text)
        if m and doc.box[line.idx] == OWN:
            put(fields, "study_type", "INTERVENTIONAL", [[line.start + m.start(1), line.end]])
            return 1
    return 0


_STUDY_DESIGN_RE = re.compile(r"^Study design\s*(?::|\s{2,}|\t)\s*((?:a\s+)?(?:randomi[sz]ed|randomi[sz]ed-controlled"
                              r"|non-randomi[sz]ed|single-arm|interventional)\b)", re.I)
