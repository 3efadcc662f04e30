"""The English part of a bilingual value ("上海中医药大学 Shanghai University of Traditional Chinese Medicine")."""

from __future__ import annotations

from curator.extraction.textutil import has_foreign, strip_foreign


def english_part(text: str, start: int, end: int) -> tuple[str, list[list[int]]]:
    """``text[start:end]`` without its words in a non-Latin script, when a Latin part with a letter remains
    and is written there in one piece; else the value as written. Returns (value, evidence spans)."""
    value = text[start:end].strip()
    start += len(text[start:end]) - len(text[start:end].lstrip())
    if not has_foreign(value):
        return value, [[start, start + len(value)]]
    latin = strip_foreign(value)
    at = value.find(latin) if latin and any(c.isalpha() for c in latin) else -1
    if at < 0:
        return value, [[start, start + len(value)]]
    return latin, [[start + at, start + at + len(latin)]]
