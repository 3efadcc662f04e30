"""The study type of a record of CTIS, the EU's register of trials under Regulation (EU) No 536/2014.

A CTIS trial number is given to a clinical trial, an interventional study by the regulation's own
definition (non-interventional studies are outside it): the record's number states its type when no
label does. (EudraCT numbers are not read so: an EU CTR record says its design in its own labels.)
"""

from __future__ import annotations

from typing import Any

from curator.extraction.values import put


def regulated_study_type(fields: dict[str, Any]) -> int:
    """INTERVENTIONAL for a record whose own first number is a CTIS trial number (no publication's DOI beside it),
    when nothing else gave the study type; returns 1 when set."""
    ids = fields["ids"]
    if fields["study_type"] is not None or not ids or not ids[0].startswith("CTIS:") \
            or any(i.startswith("DOI:") for i in ids):
        return 0
    spans = fields["evidence"].get("ids") or []
    put(fields, "study_type", "INTERVENTIONAL", spans[:1])
    return 1
