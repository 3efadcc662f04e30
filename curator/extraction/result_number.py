"""A title saved from a list of search results keeps its place in the list: PubMed's "Summary" save writes "1. Title."
over the authors and the citation. The number is the list's, not the title's."""

from __future__ import annotations

import re
from typing import Any

_RESULT_NUMBER_RE = re.compile(r"\d{1,4}\.\s+(?=[A-Z])")


def without_result_number(fields: dict[str, Any], text: str) -> None:
    """The title without a leading "1. " when the page is a saved record with its PMID."""
    title = fields["title"]
    m = _RESULT_NUMBER_RE.match(title) if title and title[:1].isdigit() else None
    spans = fields["evidence"].get("title") or []
    if m is None or "PMID" not in text or len(spans) != 1 or not text.startswith(title[:m.end()], spans[0][0]):
        return
    fields["title"] = title[m.end():]
    spans[0][0] += m.end()
