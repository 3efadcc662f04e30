"""How a record's extracted fields are kept in the review file: what was found, and long values by position.

A record's ``extracted`` column holds the fields of fields.md, but not as they
are handed around: fields that were not found (null, an empty list) are left
out, and a long value copied word for word from the document (an abstract, an
eligibility section) is kept as its position in the document text, which the
record holds anyway. An imported abstract is then stored once, not twice, and
a review of 100,000 records is about a fifth smaller and faster to write.

:func:`pack` gives the stored form, :func:`unpack` the full fields again
(every key present, values as found). A full fields object, as older reviews
keep it, unpacks to itself.
"""

from __future__ import annotations

from typing import Any

from curator.fields import empty_fields
from curator.store.models import Record

#: The stored key holding ``{field: [start, end]}`` for the values kept by their position in the text.
IN_TEXT = "_in_text"
#: A text value at least this long that is found word for word at its evidence is kept by its position.
BY_POSITION = 64

_TEMPLATE = empty_fields()
del _TEMPLATE["evidence"]
_NONE_BY_DEFAULT = frozenset(key for key, value in _TEMPLATE.items() if value is None)
_EMPTY_LIST_BY_DEFAULT = frozenset(key for key, value in _TEMPLATE.items() if value == [])
_LIST_KEYS = tuple(_EMPTY_LIST_BY_DEFAULT)
_PICO_KEYS = tuple(_TEMPLATE["pico"])
_NOT_STORED = frozenset(("evidence", "source"))


def pack(fields: dict[str, Any], text: str, evidence: dict[str, list[list[int]]]) -> dict[str, Any]:
    """The stored form of ``fields`` (fields.md shape) of a record whose document is ``text``."""
    stored: dict[str, Any] = {}
    in_text: dict[str, list[int]] = {}
    for key, value in fields.items():
        if value is None:
            if key in _NONE_BY_DEFAULT:
                continue
        elif type(value) is list:
            if not value and key in _EMPTY_LIST_BY_DEFAULT:
                continue
        elif type(value) is str:
            if len(value) >= BY_POSITION and key in _NONE_BY_DEFAULT:
                span = _span_of(value, text, evidence.get(key))
                if span is not None:
                    in_text[key] = span
                    continue
        elif key == "pico" and type(value) is dict:
            parts = {part: found for part, found in value.items() if found is not None or part not in _PICO_KEYS}
            if parts:
                stored[key] = parts
            continue
        if key not in _NOT_STORED:
            stored[key] = value
    if in_text:
        stored[IN_TEXT] = in_text
    return stored


def _span_of(value: str, text: str, spans: list[list[int]] | None) -> list[int] | None:
    """The one evidence span of ``value`` when the text there is ``value`` itself."""
    if not spans or len(spans) != 1:
        return None
    start, end = spans[0]
    if end - start == len(value) and text.startswith(value, start):
        return [start, end]
    return None


def unpack(stored: dict[str, Any], text: str) -> dict[str, Any]:
    """The full fields (fields.md shape, every key, no evidence) of a record stored as ``stored``."""
    fields = _TEMPLATE.copy()
    for key in _LIST_KEYS:
        fields[key] = []
    fields["pico"] = dict(_TEMPLATE["pico"])
    for key, value in stored.items():
        if key == "pico":
            fields["pico"].update(value or {})
        elif key == IN_TEXT:
            for name, (start, end) in value.items():
                fields[name] = text[start:end]
        else:
            fields[key] = value
    return fields


__all__ = ["BY_POSITION", "IN_TEXT", "pack", "unpack"]


def extracted_fields(record: Record) -> dict[str, Any]:
    """What extraction found for ``record``, every field present (the column keeps it packed)."""
    return unpack(record.extracted, record.text)
