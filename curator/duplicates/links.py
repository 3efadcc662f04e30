"""Duplicate links as the reviewer sees them: listed, confirmed, undone, or marked by hand.

Curator links a duplicate to the record it repeats (:mod:`curator.duplicates.matching`); a
reviewer agrees (confirm), disagrees (undo, or reject: the link is kept, with who undid it,
but no longer counts) or links two records by hand. A pair the matcher was unsure of is
linked as *possible*: listed with the others, counted as a duplicate only once confirmed.
Every change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import select

from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.models import LINK_COUNTS, DuplicateLink, Record


class LinkNotFound(LookupError):
    """No duplicate link with that id in this review."""


@dataclass(frozen=True)
class LinkView:
    """One duplicate link as plain data."""

    id: int
    record_id: int
    duplicate_of_id: int
    method: str
    score: float
    confirmed: bool | None  # None: found by Curator; True: confirmed; False: undone by a reviewer
    record_title: str
    original_title: str
    record_source: str
    original_source: str
    possible: bool = False  # Curator was unsure: not a duplicate until a reviewer confirms it
    status: str = "found"  # found, possible, confirmed or undone (what the reviewer sees)

    @property
    def counts(self) -> bool:
        """True when the link counts as a duplicate: confirmed, or found for sure and not undone."""
        return self.confirmed is True or (self.confirmed is None and not self.possible)


def _status(confirmed: bool | None, possible: bool) -> str:
    if confirmed is None:
        return "possible" if possible else "found"
    return "confirmed" if confirmed else "undone"


def list_links(review: Review, *, include_undone: bool = True, record_id: int | None = None,
               link_id: int | None = None) -> list[LinkView]:
    """Every duplicate link, oldest first (undone ones too unless ``include_undone`` is False); with
    ``record_id`` only the links of that record (as the duplicate), with ``link_id`` only that link."""
    query = (
        "SELECT l.id, l.record_id, l.duplicate_of_id, l.method, l.score, l.confirmed, r.title, o.title,"
        " rs.name, os.name, l.possible FROM duplicate_links l JOIN records r ON r.id = l.record_id"
        " JOIN records o ON o.id = l.duplicate_of_id JOIN sources rs ON rs.id = r.source_id"
        " JOIN sources os ON os.id = o.source_id"
    )
    where = [] if include_undone else ["l.confirmed IS NOT false"]
    params: dict[str, int] = {}
    for column, value in (("record_id", record_id), ("id", link_id)):
        if value is not None:
            where.append(f"l.{column} = :{column}")
            params[column] = value
    if where:
        query += " WHERE " + " AND ".join(where)
    with review.session() as session:
        rows = session.execute(text(query + " ORDER BY l.id"), params).all()
    views = []
    for r in rows:
        confirmed = None if r[5] is None else bool(r[5])
        views.append(LinkView(r[0], r[1], r[2], r[3], float(r[4]), confirmed, r[6] or "", r[7] or "", r[8] or "",
                              r[9] or "", bool(r[10]), _status(confirmed, bool(r[10]))))
    return views


def _set_confirmed(review: Review, link_id: int, value: bool | None, reviewer: str, action: str) -> LinkView:
    with review.transaction() as session:
        link = session.get(DuplicateLink, link_id)
        if link is None:
            raise LinkNotFound(f"no duplicate link {link_id} in this review")
        old = link.confirmed
        if old is not value:
            link.confirmed = value
            session.add(link)
            log_change(session, reviewer, action, record_id=link.record_id, field="duplicate_of",
                       old={"duplicate_of": link.duplicate_of_id, "confirmed": old},
                       new={"duplicate_of": link.duplicate_of_id, "confirmed": value})
    return list_links(review, link_id=link_id)[0]


def confirm_link(review: Review, link_id: int, *, reviewer: str) -> LinkView:
    """The reviewer agrees: the record is a duplicate of the one it is linked to."""
    return _set_confirmed(review, link_id, True, reviewer, "confirm duplicate")


def reopen_link(review: Review, link_id: int, *, reviewer: str) -> LinkView:
    """Take back a reviewer's confirmation or undoing: the link is again as Curator found it."""
    return _set_confirmed(review, link_id, None, reviewer, "reopen duplicate")


def undo_link(review: Review, link_id: int, *, reviewer: str) -> LinkView:
    """The reviewer disagrees (undoes a link, or rejects a possible one): the link is kept, with who undid
    it, but does not count."""
    return _set_confirmed(review, link_id, False, reviewer, "undo duplicate")


def mark_duplicate(review: Review, record_id: int, original_id: int, *, reviewer: str) -> LinkView:
    """A reviewer links ``record_id`` to the record it repeats (confirmed from the start)."""
    if record_id == original_id:
        raise ValueError("a record cannot be a duplicate of itself")
    with review.transaction() as session:
        for wanted in (record_id, original_id):
            if session.get(Record, wanted) is None:
                raise LookupError(f"no record {wanted} in this review")
        link = session.exec(select(DuplicateLink).where(DuplicateLink.record_id == record_id,
                                                        DuplicateLink.duplicate_of_id == original_id)).first()
        if link is None:
            link = DuplicateLink(record_id=record_id, duplicate_of_id=original_id, method="marked by reviewer",
                                 score=1.0, confirmed=True)
        old = link.confirmed
        link.confirmed = True
        session.add(link)
        session.flush()
        log_change(session, reviewer, "confirm duplicate", record_id=record_id, field="duplicate_of",
                   old=None if old is None else {"duplicate_of": original_id, "confirmed": old},
                   new={"duplicate_of": original_id, "confirmed": True})
        link_id = link.id
    return [v for v in list_links(review) if v.id == link_id][0]


def duplicate_count(review: Review) -> int:
    """How many records are duplicates (linked for sure or confirmed, not undone): PRISMA's "duplicate records
    removed". Possible links not yet confirmed are not counted."""
    with review.session() as session:
        value = session.execute(text(
            f"SELECT count(DISTINCT record_id) FROM duplicate_links WHERE {LINK_COUNTS}")).scalar()
    return int(value or 0)


__all__ = ["LinkNotFound", "LinkView", "confirm_link", "duplicate_count", "list_links", "mark_duplicate", "undo_link"]
