"""Records, reports and studies: records that share a registry id are reports of one study.

A registration and two papers about the trial are one study with three reports
(``shared/docs/prisma.md``); a record linked as a duplicate belongs to the study
of the record it repeats.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import TextClause, text
from sqlmodel import Session

from curator.duplicates.matching import duplicate_roots
from curator.identifiers import is_registry_id
from curator.store.database import Review
from curator.store.dialects import dialect_of, json_items, json_value


def _registrations(dialect: str) -> TextClause:
    ids = f"coalesce({json_value(dialect, 'r.curated', 'ids', 'value')}, {json_value(dialect, 'r.extracted', 'ids')})"
    return text(f"SELECT r.id, j.value FROM records r, {json_items(dialect, ids, 'j')}")


def study_groups(review_or_session: Review | Session, record_ids: Iterable[int] | None = None) -> list[list[int]]:
    """Records grouped by study: records that share a registry id, or that duplicate each other, are one study.

    Every record is in exactly one group (a record sharing nothing is a study of
    its own); groups are sorted lists of record ids, in order of their first id.
    With ``record_ids``, only those records are grouped (their links through
    other records still count).
    """
    if isinstance(review_or_session, Review):
        with review_or_session.session() as session:
            return study_groups(session, record_ids)
    session = review_or_session
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for (record_id,) in session.execute(text("SELECT id FROM records")):
        find(record_id)
    first_with: dict[str, int] = {}
    for record_id, identifier in session.execute(_registrations(dialect_of(session))):
        if isinstance(identifier, str) and is_registry_id(identifier):
            union(record_id, first_with.setdefault(identifier, record_id))
    for duplicate, original_id in duplicate_roots(session).items():
        union(duplicate, original_id)
    wanted = set(record_ids) if record_ids is not None else None
    groups: dict[int, list[int]] = {}
    for record_id in sorted(parent):
        if wanted is None or record_id in wanted:
            groups.setdefault(find(record_id), []).append(record_id)
    return sorted(groups.values(), key=lambda g: g[0])


__all__ = ["is_registry_id", "study_groups"]
