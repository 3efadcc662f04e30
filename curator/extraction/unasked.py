"""A title's "effect of X on Y" in a study that compares nothing given: X is a factor studied, not an intervention.

"The Impact of Social Influence on IT Implementation", "Effects of Online Recommendations on Willingness to Pay":
the finders read a title's X as the intervention. When the abstract or summary compares nothing given (no
randomisation, trial, placebo, control group, allocation or before-and-after design) and X names no treatment
or drug, a reviewer would only delete it: a wrong value is worse than none.
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.textutil import folded, letters_first
from curator.extraction.title_pico import names_something_given

Span = tuple[int, int]

# A summary that compares what was given: randomised, a trial, a placebo or sham, a control group, an allocation.
_COMPARES_RE = re.compile(r"\b(?:randomi[sz]|trial|placebo|sham|control(?:led)?\s+(?:group|arm|condition|trial)|allocat"
                          r"|assigned|intervention\s+group|quasi-experiment|pre-?post|before\s+and\s+after|sensitivity|specificity"
                          r"|diagnostic\s+accuracy|reference\s+standard|index\s+test|compared\s+with|versus)", re.I)
# Its case-sensitive twin over the lower-cased text (``re.I`` makes the scan three times slower).
_COMPARES_FOLDED = letters_first(folded(_COMPARES_RE))
# Words one of which every match holds: a zone of the lower-cased text without them is not searched.
_COMPARES_WORDS = ("randomi", "trial", "placebo", "sham", "control", "allocat", "assigned", "intervention",
                   "quasi-experiment", "post", "before", "sensitivity", "specificity", "diagnostic", "reference", "index",
                   "compared", "versus")


def within(spans: list[list[int]], zones: list[Span]) -> bool:
    """Whether every span lies inside one of ``zones``."""
    return all(any(zs <= s and e <= ze for zs, ze in zones) for s, e in spans)


def unasked(text: str, value: str, spans: list[list[int]], title_zones: list[Span], summary_zones: list[Span],
            low: str | None = None) -> bool:
    """Whether ``value`` (at ``spans``) is a title's factor that names nothing given, in a study comparing nothing
    (``low``: ``caseless(text)``, when the caller has it: a faster search, same answer)."""
    if not spans or not within(spans, title_zones) or names_something_given(value):
        return False
    compares, hay = (_COMPARES_RE, text) if low is None else (_COMPARES_FOLDED, low)
    return bool(summary_zones) and not any((low is None or any(low.find(w, s, e) >= 0 for w in _COMPARES_WORDS))
                                           and compares.search(hay, s, e) for s, e in summary_zones + title_zones)


def drop_unasked_arms(text: str, fields: dict[str, Any], title_zones: list[Span], summary_zones: list[Span],
                      low: str | None = None) -> None:
    """An article page's intervention (and a comparator from the same title) that :func:`unasked` refuses, removed."""
    pico, evidence = fields["pico"], fields["evidence"]
    tested = pico.get("intervention")
    if not tested or not unasked(text, tested, evidence.get("pico.intervention") or [], title_zones, summary_zones,
                                 low):
        return
    pico["intervention"] = None
    evidence.pop("pico.intervention", None)
    control = evidence.get("pico.comparator")
    if pico.get("comparator") and control and within(control, title_zones):
        pico["comparator"] = None
        evidence.pop("pico.comparator", None)
