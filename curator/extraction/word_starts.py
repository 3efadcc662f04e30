"""A pattern opening with a list of plain words ("patients", "school pupils", ...), searched only where its words are.

The regex engine tries such a pattern at every offset of a summary; ``str.find`` runs through the summary once per word
about a hundred times faster. :class:`WordStarts` finds every place where one of the words starts, then tries the
pattern there alone, in order, each try after the end of the match before: the matches ``finditer`` gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_PLAIN_RE = re.compile(r"[a-z][a-z ]*")


class WordStarts:
    """``pattern`` (case-sensitive, ``\\b(?:word|word...)...``, every word plain lower-case letters and spaces, maybe
    ending in "s?") searched over lower-cased text by one ``str.find`` per word: the words held by a longer one are
    looked for once ("men" gives "women" and "pregnant women" too)."""

    def __init__(self, pattern: re.Pattern[str], twin: re.Pattern[str] | None = None) -> None:
        src = pattern.pattern
        assert src.startswith(r"\b(?:") and not pattern.flags & re.I
        words = [w.removesuffix("s?") for w in src[len(r"\b(?:"):src.index(")")].split("|")]
        assert all(_PLAIN_RE.fullmatch(w) for w in words), words
        self._pattern = twin or pattern  # (a twin with the same matches, faster to try)
        self._needles: dict[str, set[int]] = {}  # a word to look for -> where the words holding it start before it
        for word in sorted(set(words), key=len):
            held = next((n for n in self._needles if n in word), None)
            if held is None:
                self._needles[word] = {0}
            else:
                at = word.find(held)
                while at >= 0:
                    self._needles[held].add(at)
                    at = word.find(held, at + 1)

    def finditer(self, low: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """The matches of the pattern in ``low[start:end]`` (as ``pattern.finditer(low, start, end)`` gives them)."""
        places: set[int] = set()
        for needle, before in self._needles.items():
            at = low.find(needle, start, end)
            while at >= 0:
                places.update(at - k for k in before)
                at = low.find(needle, at + 1, end)
        pos = start
        for at in sorted(places):
            if at >= pos:
                m = self._pattern.match(low, at, end)
                if m is not None:
                    yield m
                    pos = m.end()
