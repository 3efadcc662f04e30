"""Finding duplicates: records that repeat one already in the review.

A duplicate is linked to the record it repeats (method and score kept),
never deleted. Exact matches first: the same document text, then a shared
registry or bibliographic identifier.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, col, select

from curator.models import DuplicateLink, Record

# Identifiers that name one document (a second record with the same one is a duplicate).
DOCUMENT_ID_PREFIXES = ("PMID:", "DOI:")


def _ids(extracted: dict[str, Any]) -> list[str]:
    return [i for i in extracted.get("ids") or [] if isinstance(i, str)]


def link_duplicates(session: Session, new_ids: Iterable[int]) -> int:
    """Link each new record that repeats an earlier one; returns how many were linked.

    Runs inside the importer's transaction so the links land with the records.
    """
    new = sorted(new_ids)
    if not new:
        return 0
    first_new = new[0]
    by_hash: dict[str, int] = {}
    by_id: dict[str, int] = {}
    rows = session.exec(select(Record.id, Record.content_hash, Record.extracted).order_by(col(Record.id))).all()
    links = 0
    for record_id, content_hash, extracted in rows:
        assert record_id is not None
        original = None
        method = ""
        if content_hash and content_hash in by_hash:
            original, method = by_hash[content_hash], "same text"
        else:
            for identifier in _ids(extracted):
                if identifier.startswith(DOCUMENT_ID_PREFIXES) and identifier in by_id:
                    original, method = by_id[identifier], f"same id {identifier}"
                    break
        if original is not None and record_id >= first_new:
            session.add(DuplicateLink(record_id=record_id, duplicate_of_id=original, method=method, score=1.0))
            links += 1
            continue
        if content_hash:
            by_hash.setdefault(content_hash, record_id)
        for identifier in _ids(extracted):
            by_id.setdefault(identifier, record_id)
    return links
