"""The quick test before the pattern of a heading of a box about other records: the words such a heading holds."""

from __future__ import annotations

import re
from functools import lru_cache

#: Quick test before the box pattern: a heading holds one of these.
_BOX_HINTS = ("previous", "comment", "erratum", "update", "more", "other", "related", "similar", "you", "cit", "recommended", "people", "see", "most", "trending",
             "further", "also", "explore", "near", "readers", "visitors", "like", "same", "similai",
             "because", "weitere", "polecane", "autres", "otros", "outros", "منابع", "مقالات", "相关", "関連", "ähnliche", "관련", "유사", "مشابه", "صلة", "похожие",
             "связанные", "relacionad", "similar", "associés", "benzer", "ilgili", "gerelateerde", "correlat")
BOX_HINT_RE = re.compile("|".join(re.escape(h) for h in _BOX_HINTS))
assert not any(c.isspace() for h in _BOX_HINTS for c in h)  # (see has_box_hint)


@lru_cache(maxsize=1 << 14)
def _hinted_word(word: str) -> bool:
    return BOX_HINT_RE.search(word) is not None


def has_box_hint(text: str) -> bool:
    """``BOX_HINT_RE.search(text) is not None``, read word by word: no hint holds a space, so each place of one
    lies inside a word, and words repeat far more than lines (a cached word is cheaper than a search of 50 words)."""
    return any(map(_hinted_word, text.split()))
