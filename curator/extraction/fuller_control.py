"""A control named short in the title and in full in the abstract: the title's "compared with usual care" and the
abstract's "or to usual specialist care". The reviewer's comparator is the abstract's fuller name."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.values import put

_STOP = r"(?!(?:and|or|to|with|of|the|a|an|for|in|at|on|by|as|was|were|is|are|from|than|plus)\b)"
_GAP = rf"(?:\s+{_STOP}[a-z][\w-]*){{1,2}}\s+"


def fuller_comparator(text: str, fields: dict[str, Any], summary_zones: list[tuple[int, int]]) -> None:
    """Replace a comparator of two or three words read outside the summary by the summary's fuller name of it."""
    comp = fields["pico"]["comparator"]
    ev = fields["evidence"].get("pico.comparator") or []
    if not comp or len(ev) != 1 or not summary_zones:
        return
    words = comp.split()
    if not 2 <= len(words) <= 3 or any(a <= ev[0][0] < b for a, b in summary_zones):
        return
    if text.find(words[-1], summary_zones[0][0]) < 0:
        return
    pattern = re.compile(r"\b" + re.escape(words[0]) + _GAP + r"\s+".join(map(re.escape, words[1:])) + r"\b", re.I)
    for a, b in summary_zones:
        m = pattern.search(text, a, b)
        if m:
            put(fields, "pico.comparator", m.group(), [[m.start(), m.end()]])
            return


_ACRONYM_RE = re.compile(r"\b[A-Z]{2,6}\b")
_SMALL_WORDS = frozenset(("of", "and", "the", "with", "for", "in", "to", "a", "an"))


def spelled_out(comp: str, items: list[str], spans: list[list[int]]) -> tuple[str, list[list[int]]] | None:
    """The listed intervention an arm's label names by its initials ("CMM alone" for "Conventional medical
    management"), with its span; None when the label holds no such acronym."""
    if len(comp) > 40 or len(items) != len(spans):
        return None
    for acronym in _ACRONYM_RE.findall(comp):
        for item, span in zip(items, spans, strict=True):
            words = [w for w in re.split(r"[\s\-]+", item) if w and w.lower() not in _SMALL_WORDS]
            if 2 <= len(words) <= 6 and "".join(w[0] for w in words).upper() == acronym:
                return item, [span]
    return None
