"""The extraction engine: document bytes/text to the structured fields of fields.md.

Public API (other parts of Curator code against exactly these names):

- :func:`decode_bytes` — bytes in any common encoding to clean text;
- :func:`html_to_text` / :func:`looks_like_html` — visible text of HTML pages;
- :func:`extract` — the fields object of one plain-text document, with evidence spans;
- :class:`ExtractionError` — raised for binary or empty input.

The package never imports Qt.
"""

from __future__ import annotations

from curator.extraction.decoding import decode_bytes
from curator.extraction.errors import ExtractionError
from curator.extraction.htmltext import html_to_text, looks_like_html
from curator.extraction.reader import extract

__all__ = ["ExtractionError", "decode_bytes", "extract", "html_to_text", "looks_like_html"]
