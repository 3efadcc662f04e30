"""PICO of a bibliographic entry (RIS, MEDLINE, EndNote, BibTeX, Web of Science, a table's row) from its title and abstract.

A reader writes such an entry as a labelled page ("Title: ...", "Authors: ...", "Abstract" and its text)
with the fields it read and their evidence, but finds no PICO: that lives in the abstract's prose. Only the
PICO part of :func:`curator.extraction.extract` is run here, and only on the title and the abstract: the
rest of the page is blanked (same length, same line breaks) so its labels are not read, and every span
points into the page text the document pane shows. What the title and abstract do not state stays null.
"""

from __future__ import annotations

from typing import Any

from curator.extraction.engine import pico_in_zones
from curator.extraction.layout import Document
from curator.extraction.listitems import label_items
from curator.extraction.terms import find_conditions
from curator.extraction.values import put
from curator.fields import empty_fields

#: Profiles of the entries that bibliographic readers write as labelled pages (kind ``article``).
BIBLIOGRAPHIC_PROFILES = frozenset(("ris", "medline", "endnote-xml", "bibtex", "wos", "table"))
PICO_PARTS = ("population", "intervention", "comparator", "outcome")
_ZONE_KEYS = ("title", "abstract")


def is_bibliographic(profile: str | None, kind: str | None) -> bool:
    """Whether a record of this profile and kind is a bibliographic entry whose PICO comes from its abstract."""
    return profile in BIBLIOGRAPHIC_PROFILES and kind == "article"


def _zones(evidence: dict[str, Any], key: str, length: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in evidence.get(key) or [] if 0 <= s < e <= length]


def _blanked(text: str, zones: list[tuple[int, int]]) -> str:
    """``text`` with everything outside ``zones`` turned to spaces (line breaks kept): same offsets."""
    parts: list[str] = []
    at = 0
    for s, e in sorted(zones):
        if s > at:
            parts.append("".join(c if c == "\n" else " " for c in text[at:s]))
        parts.append(text[max(s, at):e])
        at = max(at, e)
    parts.append("".join(c if c == "\n" else " " for c in text[at:]))
    return "".join(parts)


def entry_pico(text: str, evidence: dict[str, Any]) -> dict[str, tuple[str, list[list[int]]]]:
    """``{part: (phrase, spans)}`` for the PICO parts the entry's title and abstract state.

    ``text`` is the entry's page, ``evidence`` its fields' evidence (the ``title`` and ``abstract`` spans
    say where to read). Parts not stated are left out.
    """
    title_zones = _zones(evidence, "title", len(text))
    summary_zones = _zones(evidence, "abstract", len(text))
    if not summary_zones and not title_zones:
        return {}
    doc = Document(_blanked(text, title_zones + summary_zones))
    scratch = empty_fields()
    scratch["kind"] = "article"
    for key in _ZONE_KEYS:
        if evidence.get(key):
            scratch["evidence"][key] = [list(span) for span in evidence[key]]
    # The studied conditions (population keeps the phrase that names one): the title's, else the abstract's.
    found = [(n, s + a, s + b) for s, e in title_zones for n, a, b in find_conditions(text[s:e])] or \
        [(n, s + a, s + b) for s, e in summary_zones[:1] for n, a, b in find_conditions(text[s:e])][:3]
    if found:
        put(scratch, "conditions", [c[0] for c in found][:5], [[c[1], c[2]] for c in found][:5])
    # A structured abstract's "Interventions:" section lists the arms.
    names, spans, _ = label_items(doc, "interventions")
    if names:
        put(scratch, "interventions", names, spans)
    pico_in_zones(doc, scratch, title_zones, summary_zones)
    got: dict[str, tuple[str, list[list[int]]]] = {}
    for part in PICO_PARTS:
        value = scratch["pico"][part]
        spans = scratch["evidence"].get(f"pico.{part}")
        if value and spans and all(0 <= s < e <= len(text) for s, e in spans):
            got[part] = (value, [list(span) for span in spans])
    return got


def fill_entry_pico(fields: dict[str, Any], text: str) -> bool:
    """Put the entry's PICO into ``fields`` (fields.md shape) where a part is still null; True when any was found."""
    if not is_bibliographic(fields.get("profile"), fields.get("kind")):
        return False
    found = False
    for part, (value, spans) in entry_pico(text, fields.get("evidence") or {}).items():
        if fields["pico"].get(part) is None:
            put(fields, f"pico.{part}", value, spans)
            found = True
    return found
