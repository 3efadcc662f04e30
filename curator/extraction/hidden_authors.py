"""An aggregator's by-line that hides some names behind a count: Semantic Scholar's "A Smith, B Jones, +2 authors,
C Lee", Scilit's "A Smith, B Jones, + 6 more, C Lee", Dimensions' "... and 4 others". The count is no name: the
names around it are the by-line's, and the venue the site runs on after it ("· Published in Journal 2024") is not.
"""

from __future__ import annotations

import re

# "+2 authors", "+ 6 more", "+1 author", "and 4 others" (with their commas), as one separator.
_HIDDEN_RE = re.compile(r"\s*,?\s*(?:\+\s?\d{1,3}\s(?:authors?|more|others?)|(?:and|&)\s\d{1,3}\s(?:more|others?))\b\s*,?\s*")
# The venue after the names: "   Published in X", " · Published in X".
_VENUE_RE = re.compile(r"(?:\s{3,}|\s[·•|]\s)(?:Published in|Venue|Journal)\b.*$")


def without_hidden_authors(text: str) -> str:
    """``text`` with its "+N authors" counts as commas between the names, and without a venue run on after them."""
    if " authors" not in text and " author" not in text and " more" not in text and " other" not in text:
        return text
    cut = _HIDDEN_RE.sub(", ", text).strip(" ,")
    return _VENUE_RE.sub("", cut) if cut != text else text
