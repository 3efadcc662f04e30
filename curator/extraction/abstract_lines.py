"""The lines of an abstract under its "Abstract" heading, past the headings of its own sections.

A structured abstract's sections ("Purpose", "Materials and Methods", "Design: ...", "Patients: ...",
"Measurements and Main Results: ...") are labels the page reader knows, so a label's value would end at the
first of them; the abstract goes on through them and ends at the first label that is not one of its sections.
"""

from __future__ import annotations

import re

from curator.extraction.layout import Document, Hit, Line

_MAX_LINES = 200
# The words of an abstract's section headings ("Design, Setting, and Participants", "Materials and Methods").
_SECTION_WORDS = frozenset(("background", "methods", "method", "results", "conclusions", "conclusion", "objective",
                            "objectives", "aim", "aims", "purpose", "introduction", "design", "setting", "settings",
                            "participants", "patients", "subjects", "interventions", "intervention", "measurements",
                            "main", "outcome", "outcomes", "measures", "findings", "interpretation", "importance",
                            "context", "and", "materials", "relevance", "population", "study"))
_HEAD_RE = re.compile(r"^([A-Za-z][A-Za-z ,]{2,50}?)\s*(?::|$)")


def section_heading(text: str) -> bool:
    """True for an abstract's own section heading line ("Purpose", "Patients: Adults receiving ...")."""
    m = _HEAD_RE.match(text.strip())
    if m is None:
        return False
    words = m.group(1).replace(",", " ").lower().split()
    return bool(words) and words[0] != "and" and all(w in _SECTION_WORDS for w in words)


def abstract_lines(doc: Document, hit: Hit) -> list[Line]:
    """The lines after an "Abstract" heading (``hit`` with no value on its line), blank lines kept."""
    out: list[Line] = []
    lines = doc.lines
    for j in range(hit.line + 1, min(len(lines), hit.line + _MAX_LINES)):
        if doc.stop[j] and not ((out or len(lines[j].text) >= 80) and section_heading(lines[j].text)):
            break  # (the first section may open the abstract: "Purpose: To compare ..." is no registry's purpose)
        out.append(lines[j])
    return out
