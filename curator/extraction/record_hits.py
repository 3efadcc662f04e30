"""Which label hits of a slot stand for the record: the hits :meth:`Document.own_hits` hands the extractors.

On a bilingual page ("Título público: ..." over "Public title: ...") the English label's value is kept; a meeting
abstract's number written beside the word ("Abstract  LBA52", "Abstract 13412") and a tab in a row of tabs
are no abstract heading.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

from curator.extraction.registry_labels import SPANISH_LABELS

_TABS_RE = re.compile(r"\S {3,}(?=\S)")
_ABSTRACT_NUMBER_RE = re.compile(r"^(?:No\.?\s*)?[A-Z]{0,4}-?\d{1,6}[a-z]?$")


class _Line(Protocol):
    text: str
    start: int


class _Hit(Protocol):
    line: int
    value: tuple[int, int] | None


H = TypeVar("H", bound=_Hit)


def record_hits(text: str, lines: list[_Line], slot: str, hits: list[H]) -> list[H]:
    """``hits`` of ``slot`` without a meeting abstract's number line, and without the Spanish labels' hits when
    others name the slot too."""
    if slot == "abstract":  # nor is a tab in a row of tabs ("Description   Details   Sub-Projects   Publications")
        hits = [h for h in hits if h.value is None or not (_ABSTRACT_NUMBER_RE.match(text[h.value[0]:h.value[1]])
                                                          or len(_TABS_RE.findall(text, *h.value)) >= 3)]
    if len(hits) < 2:
        return hits
    english = [h for h in hits if lines[h.line].text.split(":", 1)[0].strip().lower() not in SPANISH_LABELS]
    return english or hits
