"""The study type of a record of the EU's trial registers, which hold clinical trials of medicines only.

A trial number of CTIS (Regulation (EU) No 536/2014) or EudraCT (Directive 2001/20/EC) is given to a
clinical trial, an interventional study by the regulation's own definition: the record's number states
its type when no label does.
"""

from __future__ import annotations

from typing import Any

from curator.extraction.values import put


def regulated_study_type(fields: dict[str, Any]) -> int:
    """INTERVENTIONAL for a record whose own first number is a CTIS or EudraCT trial number (no publication's
    DOI beside it), when nothing else gave the study type; returns 1 when set."""
    ids = fields["ids"]
    if fields["study_type"] is not None or not ids or not ids[0].startswith(("CTIS:", "EudraCT:")) \
            or any(i.startswith("DOI:") for i in ids):
        return 0
    spans = fields["evidence"].get("ids") or []
    put(fields, "study_type", "INTERVENTIONAL", spans[:1])
    return 1
