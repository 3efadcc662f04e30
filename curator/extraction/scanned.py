"""A text scanned into lines, with the marks the readers of its structure share.

:class:`ScannedText` holds what the label reader (:mod:`~curator.extraction.layout`), the
table reader (:mod:`~curator.extraction.tables`) and the box finder
(:mod:`~curator.extraction.boxes`) each read and mark: the lines, the label hits, the lines
that end a value (``stop``), the headings of boxes and in which box each line stands. They
all work on it; none of them needs the others.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from curator.extraction.textutil import SCAN_LIMIT, Line, split_lines

#: Where a line stands: in the record's own text, a box about other records, a reference list.
OWN, OTHER_BOX, REF_BOX = 0, 1, 2

_WIDE_SPACE_CHARS = "\u00a0\u2007\u2009\u202f"
_CR_BEFORE_LF_RE = re.compile(r"\r(?=\n)")
_CODE_CELL_RE = re.compile(r"(?m)^([A-Z](?:\.\d{1,2})+(?: and [A-Z](?:\.\d{1,2})+)?)\t(?=[A-Z])")
# Characters common in running text and pages (no anchor for a needle search, see ``_anchor``).
_COMMON_CHARS = frozenset("abcdefghiklmnoprstuvwy" "ACDEIMNPRST" "012345" " .,:;-/|'\t")


@lru_cache(maxsize=256)
def _anchor(needle: str) -> tuple[str, int] | None:
    """The first rare character of a multi-character ``needle`` and its offset, else None."""
    if len(needle) < 2:
        return None
    return next(((c, k) for k, c in enumerate(needle) if c not in _COMMON_CHARS), None)


@dataclass(slots=True)
class Hit:
    """A label found in the document: its slot, line and inline value span (None: value below)."""

    slot: str
    line: int
    value: tuple[int, int] | None


class ScannedText:
    """The scanned part of a text split into lines, with its label hits and box marks (filled by the readers)."""

    def __init__(self, text: str) -> None:
        # Same-length substitutions only, so evidence offsets still point into the caller's text:
        # saved HTML pages carry &nbsp; inside labels and values, Windows files a CR before each LF.
        text = text[:SCAN_LIMIT]
        if not text.isascii():
            for c in _WIDE_SPACE_CHARS:  # str.replace: far faster than str.translate with a table
                if c in text:
                    text = text.replace(c, " ")
        if "\r" in text:
            text = _CR_BEFORE_LF_RE.sub(" ", text)
        if "\t" in text:
            # EU CTR's rows copied cell by cell, "A.3<TAB>Full title of the trial<TAB>...": the section's number is
            # part of the label, as in "A.3 Full title of the trial: ..." (a space for the tab, same length).
            text = _CODE_CELL_RE.sub(r"\1 ", text)
        self.text = text
        self.lines = split_lines(self.text)
        n = len(self.lines)
        self.stop = [False] * n
        self.box = [OWN] * n
        self.hits: list[Hit] = []
        self.by_slot: dict[str, list[Hit]] = {}
        #: (line, box kind) of each heading that opens a box about other records, in line order.
        self.box_heads: list[tuple[int, int]] = []
        #: Lines that are a box about other records on their own ("Cited by: 98 articles | PMID: ...").
        self.inline_boxes: list[int] = []
        self.table_rows: set[int] = set()
        self._starts: list[int] | None = None
        self._sublabels: set[int] | None = None
        self._lower: str | None = None
        self._needles: dict[str, tuple[int, list[int], list[int]]] = {}
        #: What a reader found at a line, when readers ask again (a by-line under each candidate title): (reader, line).
        self.found_at: dict[tuple[str, int], Any] = {}

    @property
    def lower(self) -> str:
        """``text.lower()``, made once: the identifier scan, the layout profile and the PICO finders all read it."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def add(self, slot: str, i: int, value: tuple[int, int] | None) -> None:
        """Record a label hit at line ``i`` (its inline value span, or None: value below); the line ends values."""
        hit = Hit(slot, i, value)
        self.hits.append(hit)
        self.by_slot.setdefault(slot, []).append(hit)
        self.stop[i] = True

    # ------------------------------------------------------------------ positions
    def line_at(self, offset: int) -> int:
        """Index of the line holding ``offset`` (the last line starting at or before it)."""
        if self._starts is None:
            self._starts = [line.start for line in self.lines]
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def lines_holding(self, needles: tuple[str, ...], limit: int) -> list[Line]:
        """The lines among the first ``limit`` whose text holds one of ``needles``, in order.

        Found with ``str.find`` over the text rather than a test per line. Needles must hold
        no whitespace or bullet characters, so they never fall outside a line's ``text``.
        """
        lines = self.lines
        last = min(limit, len(lines)) - 1
        if last < 0:
            return []
        stop = lines[last].end
        if len(needles) == 1:  # (one needle's lines come in order already)
            return [lines[i] for i in dict.fromkeys(self._needle_lines(needles[0], stop))]
        found: set[int] = set()
        for needle in needles:
            found.update(self._needle_lines(needle, stop))
        return [lines[i] for i in sorted(found)]

    def _needle_lines(self, needle: str, stop: int) -> list[int]:
        """The lines of each occurrence of ``needle`` within ``text[:stop]``, in order (several readers ask for the
        same needles: each is searched once, as far as the furthest reader asks)."""
        searched, lines, ends = self._needles.get(needle, (-1, [], []))
        if stop > searched:
            lines, ends = [], []
            if self._starts is None:
                self._starts = [line.start for line in self.lines]
            starts, text, size = self._starts, self.text, len(needle)
            n = len(starts)
            # Only the first place of the needle in each line is kept: the search goes on from the next line's start
            # (every place before it is in the same line; a later one ends later, so it never counts for a ``stop``
            # where the first did not). Lines full of numbers hold "19" or "20" many times.
            anchor = _anchor(needle)
            if anchor is None:
                pos = text.find(needle, 0, stop)
                while pos >= 0:
                    b = bisect.bisect_right(starts, pos)
                    lines.append(max(0, b - 1))
                    ends.append(pos + size)
                    if b == n:
                        break
                    pos = text.find(needle, starts[b], stop)
            else:
                # A needle with a rare character is found from that character (a one-character search is
                # far faster than a search for a string): each place of the needle has it at the same offset.
                char, k = anchor
                last = stop - size + k + 1
                at = text.find(char, k, last)
                while at >= 0:
                    pos = at - k
                    if text.startswith(needle, pos):
                        b = bisect.bisect_right(starts, pos)
                        lines.append(max(0, b - 1))
                        ends.append(pos + size)
                        if b == n:
                            break
                        at = text.find(char, starts[b] + k, last)
                    else:
                        at = text.find(char, at + 1, last)
            self._needles[needle] = (stop, lines, ends)
        return lines[:bisect.bisect_right(ends, stop)]

    def sublabel_lines(self) -> set[int]:
        """Lines of ``Label: value`` hits of labels that name no field ("Contact: ...", "Disclosure: ...")."""
        if self._sublabels is None:
            self._sublabels = {h.line for h in self.hits if h.slot == "other" and h.value is not None}
        return self._sublabels
