"""Where a sentence (or a phrase a pattern ends) ends in running text, across the newlines of text wrapped at a width."""

from __future__ import annotations

import re

# The end's character is read first and only then looked behind: the regex engine skips every other character at
# once instead of trying the look-behinds at each offset.
_SENTENCE_END_RE = re.compile(r"[.;\n](?:(?<=[.;])(?<!\bvs[.;])(?<!\be\.g[.;])(?<!\bi\.e[.;])(?=\s|$)|(?<=\n))")
# A line this long that stops without punctuation before a non-blank line is a paragraph wrapped
# at a fixed width (pasted registry text), so its newline does not end the sentence.
_WRAP_WIDTH = 60


def sentence_end(text: str, start: int, stop: int, end_re: re.Pattern[str] = _SENTENCE_END_RE,
                  hay: str | None = None) -> int | None:
    """Where the sentence (or ``end_re``'s phrase) from ``start`` ends before ``stop`` (None: not there).

    ``hay`` is a same-offset twin of ``text`` that ``end_re`` searches (a folded pattern's lower-cased text).
    """
    pos = start
    while True:
        m = end_re.search(text if hay is None else hay, pos, stop)
        if m is None:
            return None
        i = m.start()
        if text[i] != "\n" or m.end() - i > 1 or i + 1 >= len(text) or not text[i + 1].strip():
            return i
        line_start = text.rfind("\n", 0, i) + 1
        if i - line_start < _WRAP_WIDTH or text[i - 1] in ":,.;" or not text[i + 1:i + 2].isalnum():
            return i
        pos = i + 1
