"""A mirror's summary line of bare values between bars: "Phase 3 | Interventional | Sponsored by X".

No labels: each cell is read only when it is a phase, a study type or "Sponsored by ..." as a whole, and only when
the page has not said so under a label.
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.normalise import normalise_phase, normalise_study_type
from curator.extraction.scanned import OWN
from curator.extraction.values import put

_PHASE_CELL_RE = re.compile(r"^Phase\s?(?:[0-4]|I{1,3}|IV)(?:[ab])?(?:\s?/\s?(?:Phase\s?)?(?:[1-4]|I{1,3}|IV))?$", re.I)


def value_bar_fields(doc: Document, fields: dict[str, Any]) -> int:
    """Fill a missing phase, study type and sponsor from a line of bare values between bars; how many were found."""
    found = 0
    for line in doc.lines_holding(("|",), 40):
        t = line.text
        if t.count(" | ") < 2 or len(t) > 200 or doc.box[line.idx] != OWN:
            continue
        pos = 0
        for cell in t.split(" | "):
            start = line.start + pos
            pos += len(cell) + 3
            bare = cell.strip()
            start += len(cell) - len(cell.lstrip())
            span = [[start, start + len(bare)]]
            if fields["phase"] is None and _PHASE_CELL_RE.match(bare) and (phase := normalise_phase(bare)):
                put(fields, "phase", phase, span)
                found += 1
            elif fields["study_type"] is None and bare.lower() in ("interventional", "observational") \
                    and (kind := normalise_study_type(bare)):
                put(fields, "study_type", kind, span)
                found += 1
            elif fields["sponsor"] is None and bare.startswith("Sponsored by ") and 15 < len(bare) <= 120:
                put(fields, "sponsor", bare[13:], [[start + 13, start + len(bare)]])
                found += 1
        if found:
            break
    return found
