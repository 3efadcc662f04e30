"""Registry labels followed by their free-text value after one space, no colon (ANZCTR's record page).

"Public title Hearing aids for ...", "Comparator / control treatment Participants receive ...": the labels are
long and written exactly so, which is what makes them safe to read without a colon; "Name X" is the sponsor's
name only under "Primary sponsor type ...".
"""

from __future__ import annotations

from curator.extraction.textutil import Line

_LABELS = {
    "Public title ": "title",
    "Scientific title ": "official_title",
    "Description of intervention(s) / exposure ": "interventions",
    "Comparator / control treatment ": "pico.comparator",
    "Sample size Target ": "enrollment",
    "Recruitment outside Australia Country ": "countries",
    # CTIS's trial page, flattened ("Full title Phase 3, randomised ...", "Medical condition Herpes zoster ...").
    "Full title ": "official_title",
    "Medical condition ": "conditions",
    "Product name ": "intervention_names",
    "Countries ": "countries",  # (only before a name: "Countries Germany, Spain", not "Countries of recruitment")
}
_PREFIXES = tuple(_LABELS)
#: The first letters of every line :func:`spaced_label` reads (a quick test before calling it).
FIRST_LETTERS = frozenset(p[0] for p in _PREFIXES) | {"N"}


def spaced_label(lines: list[Line], idx: int) -> tuple[str, int] | None:
    """(slot, where the value starts in the line) for a line "Label value" of the labels above, else None."""
    text = lines[idx].text
    if text[:1] not in FIRST_LETTERS:
        return None
    if text.startswith(_PREFIXES):
        head = next(p for p in _PREFIXES if text.startswith(p))
        value = text[len(head):]
        if value[:1].isalnum() and (head != "Sample size Target " or value.split()[0].isdigit()) \
                and (head != "Countries " or value[:1].isupper()):
            return _LABELS[head], len(head)
        return None
    if text.startswith("Name ") and idx and lines[idx - 1].text.startswith("Primary sponsor type ") \
            and text[5:6].isupper():
        return "sponsor", 5
    return None
