"""The inclusion criteria's line that names the people, when the first value under the heading does not.

CTRI prints its inclusion criteria as a table ("Age From 6.00 Year(s)", "Age To ...", "Gender Both", then "Details
1. Schoolchildren aged 6 to 12 years ..."); other registries put the ages and sex first too. The people are on the
first line below the heading that names them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from curator.extraction.layout import Document
from curator.extraction.people import PERSON_WORDS
from curator.extraction.values import Spans

_PEOPLE_RE = re.compile(r"\b(?:" + PERSON_WORDS + r")\b")  # (searched in lower-cased text)
# A row's label before its value: "Details   ", "Additional Inclusion Criteria: ".
_LABEL_RE = re.compile(r"^[A-Z][\w /()-]{0,40}?(?::\s*|\s{3,}|\t)")
_END_WORDS = ("exclusion", "method of", "primary outcome", "outcome")


def inclusion_naming_people(doc: Document, scalar: Callable[[Document, str], tuple[str, Spans] | None]) \
        -> tuple[str, Spans] | None:
    """The inclusion value, or the first line under its heading that names people when the value names none."""
    inc = scalar(doc, "inclusion")
    if inc is not None and _PEOPLE_RE.search(inc[0].lower()):
        return inc
    for hit in doc.own_hits("inclusion")[:2]:
        for line in doc.lines[hit.line:hit.line + 10]:
            low = line.text[:30].lower()
            if line.idx > hit.line and low.startswith(_END_WORDS):
                break
            label = _LABEL_RE.match(line.text)
            at = label.end() if label and len(line.text) - label.end() > 10 else 0
            low = line.text.lower()
            if line.text.count(" ", at) >= 4 and "olunteer" not in low and len(low) == len(line.text) \
                    and _PEOPLE_RE.search(low, at):
                return line.text[at:], [[line.start + at, line.end]]
    return inc
