"""A record as an import writes it: the row of the records table and the duplicate keys, made from one entry.

Made while a file is read, before the write lock is taken (see :mod:`curator.importers.batch`), in the
importing process or in a worker reading a share of a large file (:mod:`curator.importers._shares`).
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from curator.duplicates import matching as dedup
from curator.fields import clean_shown_fields, empty_fields
from curator.importers import Entry
from curator.store import stored_fields


def content_hash(text: str) -> str:
    """Hash of a document's text, whitespace-insensitive, to recognise the same document twice."""
    return hashlib.sha256(_single_spaced(text).encode("utf-8")).hexdigest()


# ASCII whitespace other than the space and the line break (what str.split() also splits on).
_OTHER_ASCII_SPACES = ("\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``: words separated by one space.

    A labelled page's only whitespace is mostly single spaces, line breaks and
    blank lines; replacing those is three times faster than splitting into words.
    """
    if text.isascii() and not any(space in text for space in _OTHER_ASCII_SPACES):
        spaced = text.replace("\n\n", "\n").replace("\n", " ").strip()
        if "  " not in spaced:
            return spaced
    return " ".join(text.split())


def dumps(value: Any) -> str:
    """Compact JSON with non-ASCII characters as themselves (what the json module writes with
    ``ensure_ascii=False`` and no spaces), by orjson: five times faster for a record's fields."""
    return orjson.dumps(value).decode()


def record_row(record_id: int, entry: Entry, source_id: int, stamp: str) -> tuple[tuple[Any, ...], dedup.Candidate]:
    fields = clean_shown_fields(entry.fields or empty_fields())
    evidence = fields.get("evidence") or {}
    year = fields.get("year")
    if not isinstance(year, int):
        year = None
    text = entry.text
    digest = content_hash(text) if text and not text.isspace() else ""
    row = (record_id, source_id, entry.source, text, digest, fields.get("kind") or "unknown",
           fields.get("profile") or "unknown", fields.get("title") or "", fields.get("status"), fields.get("phase"),
           year, dumps(stored_fields.pack(fields, text, evidence)), dumps(evidence), stamp)
    return row, dedup.candidate(record_id, fields, digest, text)
