"""Arm and outcome wordings of abstracts that the general finders miss, mended on a bibliographic entry's PICO.

"High-dose versus standard-dose empagliflozin", "Predischarge versus postdischarge initiation of X": the two groups
share one noun, so the tested arm is "High-dose empagliflozin", "Predischarge initiation of X". A crossover "received X and placebo in random order" tests X against placebo (the arm is not "X and
placebo"). "The outcome was X", "The outcome for this analysis was X": a secondary analysis names its one outcome so.
"compare any X with placebo": X is the arm. "PBO" is how conference abstracts write placebo: the comparator is "PBO (placebo)", its evidence the "PBO".
"""

from __future__ import annotations

import re

Got = dict[str, tuple[str, list[list[int]]]]
Span = tuple[int, int]

# A word that says which kind of one treatment a group had: "High-dose", "standard-dose", "Predischarge", "early".
_KIND_WORD = (r"(?:[A-Za-z]+-(?:dose|intensity|duration|term|frequency|volume)|(?:pre|post|peri|intra)[a-z]{4,}|early|late"
              r"|delayed|deferred|immediate|intensive|conventional|short|long|once-daily|twice-daily)")
_MODIFIER_RE = re.compile(_KIND_WORD + "$", re.I)
_SHARED_NOUN_RE = re.compile(_KIND_WORD + r"\s+([A-Za-z][\w\-/]*(?:\s+of\s+[A-Za-z][\w\-/]*)?)$", re.I)
_AND_PLACEBO_RE = re.compile(r"\s+and\s+(?:a\s+)?(?:matching\s+|identical\s+)?placebo\b.*$", re.I)
_RECEIVED_BOTH_RE = re.compile(r"\breceived\s+([A-Za-z][\w\-]*(?:\s+\d[\d.]*\s*(?:mg|g|mcg|µg))?)(?:\s+(?:daily|once\s+daily"
                               r"|twice\s+daily))?\s+and\s+((?:a\s+)?(?:matching\s+)?placebo)\b", re.I)
_THE_OUTCOME_RE = re.compile(r"\bThe\s+(?:main\s+)?outcome(?:\s+(?:for|of|in)\s+this\s+(?:analysis|study|report))?\s+was"
                             r"\s+(?:the\s+)?([^.;]{3,200}?)(?=\.\s|\.?$|;)")
_PBO_RE = re.compile(r"\bPBO\b")
# "trials that compare any SGLT2 inhibitor with placebo": what is compared with the comparator found is the arm.
_COMPARE_WITH_RE = re.compile(r"\bcompar(?:e|es|ing|ed)\s+(?:any\s+|an?\s+|the\s+)?([A-Za-z][\w\-/]*(?:\s+[\w\-/]+){0,3}?)"
                              r"\s+(?:with|to|versus|against)\s+", re.I)


def mend_forms(text: str, got: Got, summary_zones: list[Span]) -> None:
    """Mend ``got`` in place (see the module's doc)."""
    tested, control = got.get("intervention"), got.get("comparator")
    if tested is not None and control is not None and len(tested[1]) == 1 and len(control[1]) == 1 \
            and " " not in tested[0] and _MODIFIER_RE.match(tested[0]):
        shared = _SHARED_NOUN_RE.match(control[0])
        if shared:
            got["intervention"] = (f"{tested[0]} {shared.group(1)}", [tested[1][0], [control[1][0][0] + shared.start(1),
                                                                                    control[1][0][1]]])
    if tested is not None and len(tested[1]) == 1 and "placebo" in tested[0].lower():
        m = _AND_PLACEBO_RE.search(tested[0])
        if m and m.start() >= 3:
            got["intervention"] = (tested[0][:m.start()], [[tested[1][0][0], tested[1][0][0] + m.start()]])
    for s, e in summary_zones:
        read = text[s:e]
        if got.get("intervention") is None and "random order" in read and "received" in read:
            m = _RECEIVED_BOTH_RE.search(text, s, e)
            if m:
                got["intervention"] = (m.group(1), [[m.start(1), m.end(1)]])
                if got.get("comparator") is None:
                    got["comparator"] = (m.group(2), [[m.start(2), m.end(2)]])
        control = got.get("comparator")
        if got.get("intervention") is None and control is not None and "compar" in read:
            for m in _COMPARE_WITH_RE.finditer(text, s, e):
                if text.startswith(control[0], m.end()):
                    got["intervention"] = (m.group(1), [[m.start(1), m.end(1)]])
                    break
        if got.get("outcome") is None and "outcome" in read:
            m = _THE_OUTCOME_RE.search(text, s, e)
            if m:
                got["outcome"] = (m.group(1), [[m.start(1), m.end(1)]])
    control = got.get("comparator")
    if control is not None and control[0] == "PBO" and _PBO_RE.search(text, *control[1][0]):
        got["comparator"] = ("PBO (placebo)", control[1])  # the abstract's word, and what it means
