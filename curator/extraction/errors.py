"""The one exception the extraction package raises."""

from __future__ import annotations


class ExtractionError(ValueError):
    """Input that cannot be turned into text (binary data, an empty file, an unknown encoding)."""
