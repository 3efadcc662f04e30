"""Words of a results sentence, which name no arm: "41% of intervention households versus 3% of control households",
"22.9 with standard care". A control read there would be the rate of a group, or a group the methods name better."""

from __future__ import annotations

import re

# "3% of control households", "18 (12%) in", "12 of 40 in": a group's rate or count after "versus".
_RATE_RE = re.compile(r"^\d[\d.,]*\s*(?:(?:%|per\s*cent\b)\s*(?:of|in|with|among|\(|[,;]|$)|\(|(?:of|in)\s)", re.I)
# "... was 17.2 with prehabilitation and 22.9 with standard care": a figure right before the group's words.
_FIGURE_BEFORE_RE = re.compile(r"\d(?:%|\))?\s*$")


def group_rate(x: str) -> bool:
    """True when the words after "versus" are a group's rate or count ("3% of control households"), not a control."""
    return x[:1].isdigit() and _RATE_RE.match(x) is not None


def first_not_after_figure(pattern: re.Pattern[str], hay: str, text: str, s: int, e: int) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``hay[s:e]`` that does not follow a figure ("22.9 with standard care") nor
    stand inside an arm's bracketed detail ("training (... demonstration with a placebo device ...) or to usual care":
    the placebo is the training's tool, not the control)."""
    for m in pattern.finditer(hay, s, e):
        if _FIGURE_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()) is None and not _in_brackets(text, s, m.start()):
            return m
    return None


def _in_brackets(text: str, s: int, at: int) -> bool:
    """True when ``at`` is inside a bracket opened in the same sentence and not closed before it."""
    opened = text.rfind("(", max(s, at - 160), at)
    if opened < 0:
        return False
    return text.find(")", opened, at) < 0 and text.find(". ", opened, at) < 0
