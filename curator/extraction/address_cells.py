"""An organisation's name without the address cells of its table row.

PACTR lists sponsors, funders and centres as table rows ("Sponsor level | Name | Street address | City | Postal
code | Country"); a copied page runs the cells together with wide gaps: "Primary Sponsor   Makerere University
PO Box 7062   Kampala      Uganda". The name is the first cell when the header row above names address columns,
or when the next cell is itself an address (a post box, a private bag, a numbered street).
"""

from __future__ import annotations

import re

from curator.extraction.scanned import ScannedText

Spans = list[list[int]]

_GAP_RE = re.compile(r"\s{3,}|\t+")
_ADDRESS_HEADS = ("street address", "postal code", "postcode", "zip code", "address")
# A cell that is an address by itself: "PO Box 79", "P.O. Box 12", "Private Bag 360", "PMB 1120", "12 Harley Street".
_ADDRESS_CELL_RE = re.compile(r"^(?:P\.?\s?O\.?\s?Box|Post(?:al)? Box|Private Bag|P\.?M\.?B\.?|Box \d|\d{1,5},? [A-Z][a-z]+"
                              r" (?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Drive|Boulevard|Way)\b)", re.I)


def without_address_cells(doc: ScannedText, name: str, spans: Spans) -> tuple[str, Spans]:
    """``name`` cut to its first cell when the rest of the row is the organisation's address."""
    cells = _GAP_RE.split(name.strip())
    if len(cells) < 2 or len(spans) != 1 or len(cells[0]) < 3:
        return name, spans
    if not (_ADDRESS_CELL_RE.match(cells[1]) or _header_names_address(doc, spans[0][0])):
        return name, spans
    at = doc.text.find(cells[0], spans[0][0], spans[0][1])
    return cells[0], ([[at, at + len(cells[0])]] if at >= 0 else spans)


def _header_names_address(doc: ScannedText, start: int) -> bool:
    """True when one of the two rows above the value's row is a header naming address columns."""
    row = doc.line_at(start)
    for line in doc.lines[max(0, row - 2):row]:
        low = line.text.lower()
        if _GAP_RE.search(low) and any(head in low for head in _ADDRESS_HEADS):
            return True
    return False
