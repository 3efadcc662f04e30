"""A flattened row of "Label value" cells without colons, at least one of them a validated field.

ISRCTN prints "Recruitment status No longer recruiting   Overall study status Completed   Condition
category Surgery" on one line: each cell a label and its value, the labels found by their known names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from curator.extraction.labels import LABELS, VALIDATED_SLOTS, norm_label

_WORD_RE = re.compile(r"\S+")


def label_value_cells(text: str, cells: list[tuple[int, int]],
                      validates: Callable[[str, str], bool]) -> list[tuple[str, tuple[int, int]]] | None:
    """(slot, value span in ``text``) for each cell of the row, else None.

    A cell is a validated label with a value that passes ``validates`` ("Overall study status Completed"),
    or a known label of two words or more with a value ("Condition category Surgery"); at least one cell
    must be validated, so a row of ordinary words is never read as labels.
    """
    found: list[tuple[str, tuple[int, int]]] = []
    checked = False
    for a, b in cells:
        cell = text[a:b]
        words = list(_WORD_RE.finditer(cell))
        named = None
        for k in range(min(5, len(words) - 1), 0, -1):
            slot = LABELS.get(norm_label(cell[: words[k - 1].end()]))
            if slot in VALIDATED_SLOTS and validates(slot, cell[words[k].start():]):
                found.append((slot, (a + words[k].start(), b)))
                checked = True
                break
            if slot is not None and named is None and k >= 2:
                named = (slot, (a + words[k].start(), b))
        else:
            if named is None:
                return None
            found.append(named)
    return found if checked else None
