"""One document's fields: the engine's reading, then what only the page as a whole shows.

A text wrapped at a fixed width is read with its wrapping line breaks as spaces (unwrap.py). The engine (engine.py)
reads labels, layouts and prose; a page it can put no name to, or takes for a trial by a
registration number alone, may be a journal abstract pasted as plain text (bare_abstract.py), read as an article.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from curator.extraction.bare_abstract import read_bare_abstract, untitled_abstract
from curator.extraction.engine import extract as read_page
from curator.extraction.meeting_abstract import meeting_year
from curator.extraction.unwrap import single_spaced, unwrapped


def extract(text: str, *, source: str = "") -> dict[str, Any]:
    """The fields of one document, in the JSON shape of fields.md (see engine.extract)."""
    page = unwrapped(text) if isinstance(text, str) else text  # (same length: every position is the text's own)
    fields = read_page(page, source=source)
    if (fields["kind"] in ("unknown", "trial") or untitled_abstract(fields)) and fields["profile"] != "error":
        with suppress(Exception):  # a batch import must survive one odd document: the page stays unknown
            read_bare_abstract(page, fields)
    if fields["kind"] == "article" and fields["year"] is None and fields["title"]:
        meeting_year(page, fields)
    if page is not text:
        single_spaced(fields)
    return fields
