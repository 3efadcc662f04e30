"""Finding duplicates: records that repeat one already in the review; and which records are one study.

A duplicate is linked to the record it repeats (method and score kept), never
deleted; a reviewer confirms or undoes the link. Matching goes from the surest
to the least sure:

1. the same document text;
2. a shared document identifier (PMID, DOI, PMCID);
3. for registry records only, the same primary registration (the same
   registry entry imported twice, or once per EU member state);
4. the same or a near-identical normalised title, with a compatible year and
   first author, found by sorted-neighbourhood blocking (two sort keys, a small
   window) so 100,000 titles take seconds, not the minutes of all pairs.

A registry record and a paper that share a registration are *not* duplicates:
they are two reports of one study (:func:`curator.review.studies.study_groups`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import and_, attrgetter, eq, or_
from typing import Any, TypeVar

from rapidfuzz.distance import Indel
from sqlalchemy import TextClause, text
from sqlmodel import Session, col, select

from curator.identifiers import is_document_id, is_registry_id
from curator.store.dialects import dialect_of, insert_ignoring_repeats, json_value
from curator.store.models import DuplicateLink, Record, utcnow
from curator.store.stored_fields import extracted_fields

#: Titles at least this similar (0-100, normalised Indel similarity) are near-identical.
TITLE_THRESHOLD = 93.0
#: How many neighbours on each side a title is compared with, per sort key.
WINDOW = 6
#: Titles shorter than this (normalised characters) must match exactly, with year and author present.
SHORT_TITLE = 25


@dataclass(slots=True)
class Candidate:
    """A record as duplicate finding sees it: its ids and normalised title, year and first author."""

    id: int
    kind: str
    content_hash: str
    document_ids: frozenset[str]
    registrations: tuple[str, ...]  # registry ids, the record's own registration first
    title_key: str
    year: int | None
    author_key: frozenset[str]


# Every ASCII character that is not a letter or a digit separates words (as [^\W_]+ finds them).
_ASCII_SEPARATORS = {c: " " for c in range(128) if not chr(c).isalnum()}


def normalise_title(title: str) -> str:
    """Lower-case letters and digits only, accents dropped, PubMed's [translated title] brackets removed."""
    if not title:
        return ""
    stripped = title.strip()
    if stripped.startswith("[") and stripped.rstrip(".").endswith("]"):
        stripped = stripped.rstrip(".")[1:-1]
    if stripped.isascii():
        # The same words as the pattern below, found by str.translate: five times faster on the common case.
        return " ".join(stripped.lower().translate(_ASCII_SEPARATORS).split())
    else:
        decomposed = unicodedata.normalize("NFKD", stripped)
        ascii_ish = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[^\W_]+", ascii_ish))


def author_key(author: str | None) -> frozenset[str]:
    """The words that may be the first author's surname (``Rau R``, ``R Rau``, ``Rau, Rolf`` all give rau)."""
    if not author:
        return frozenset()
    if "," in author:
        author = author.split(",", 1)[0]
    words = [w for w in re.findall(r"[^\W\d_]+", author) if not (w.isupper() and len(w) <= 3)]
    return frozenset(normalise_title(w) for w in words if len(w) > 1)


def candidate(record_id: int, fields: dict[str, Any], content_hash: str = "") -> Candidate:
    """The matching keys of a record from its fields (fields.md shape)."""
    ids = [i for i in fields.get("ids") or () if isinstance(i, str)]
    authors = fields.get("authors")
    year = fields.get("year")
    return Candidate(
        record_id,
        fields.get("kind") or "unknown",
        content_hash,
        frozenset(i for i in ids if is_document_id(i)) if ids else _NO_IDS,
        tuple(i for i in ids if is_registry_id(i)) if ids else (),
        normalise_title(fields.get("title") or ""),
        year if isinstance(year, int) else None,
        author_key(authors[0] if authors and isinstance(authors[0], str) else None),
    )


_NO_IDS: frozenset[str] = frozenset()
_T = TypeVar("_T")


def _existing_sql(dialect: str) -> TextClause:
    ids = (f"coalesce({json_value(dialect, 'curated', 'ids', 'value')}, {json_value(dialect, 'extracted', 'ids')})")
    author = (f"coalesce({json_value(dialect, 'curated', 'authors', 'value', 0, as_text=True)},"
              f" {json_value(dialect, 'extracted', 'authors', 0, as_text=True)})")
    return text(f"SELECT id, kind, content_hash, title, year, {ids}, {author} FROM records WHERE id < :first ORDER BY id")


def _existing(session: Session, first_new: int) -> list[Candidate]:
    # Only the matching keys come back from the database (inside the JSON), never whole records: this scales.
    found = []
    for record_id, kind, digest, title, year, ids, author in session.execute(
            _existing_sql(dialect_of(session)), {"first": first_new}):
        if isinstance(ids, str):
            ids = json.loads(ids)  # SQLite gives a list as JSON text; PostgreSQL gives the list
        fields = {"kind": kind, "title": title, "year": year, "ids": ids or [], "authors": [author] if author else []}
        found.append(candidate(record_id, fields, digest or ""))
    return found


def duplicate_roots(session: Session) -> dict[int, int]:
    """Current links (not undone): duplicate record → the record it repeats."""
    rows = session.exec(select(DuplicateLink.record_id, DuplicateLink.duplicate_of_id)
                        .where(col(DuplicateLink.confirmed).is_not(False))).all()
    return dict(rows)


def _compatible(a: Candidate, b: Candidate) -> bool:
    """Nothing else says the two records are different documents (_title_links compared years and numbers)."""
    if (a.kind == "trial") != (b.kind == "trial"):
        return False  # a registration and a paper: one study, two reports
    if a.author_key and b.author_key and a.author_key.isdisjoint(b.author_key):
        return False
    if a.registrations and b.registrations and a.kind == "trial" and a.registrations[0] != b.registrations[0]:
        return False
    # The same ids, or none on one side, never tell documents apart: the common case, without building sets.
    if a.document_ids and b.document_ids and a.document_ids != b.document_ids:
        for prefix in ("PMID:", "DOI:"):
            ours = {i for i in a.document_ids if i.startswith(prefix)}
            theirs = {i for i in b.document_ids if i.startswith(prefix)}
            if ours and theirs and ours.isdisjoint(theirs):
                return False
    return True


_STOPWORDS = frozenset(["a", "an", "the", "of", "in", "on", "for", "and", "with", "to", "at", "by", "from", "versus", "vs", "or"])


def _words_agree(a: str, b: str) -> bool:
    """Every word one title has and the other lacks is a spelling variant of one there, or a stop word.

    "randomised"/"randomized" and typos agree; "early"/"established" do not, however
    similar the whole titles are.
    """
    ours, theirs = set(a.split()), set(b.split())
    only_ours = [w for w in ours - theirs if w not in _STOPWORDS]
    only_theirs = [w for w in theirs - ours if w not in _STOPWORDS]
    for word in only_ours:
        if not any(Indel.normalized_similarity(word, other) >= 0.75 for other in only_theirs):
            return False
    for word in only_theirs:
        if not any(Indel.normalized_similarity(word, other) >= 0.75 for other in only_ours):
            return False
    return True


def _title_score(a: Candidate, b: Candidate) -> float:
    if a.title_key == b.title_key:
        if len(a.title_key) < SHORT_TITLE and not (a.year and b.year and a.author_key and b.author_key):
            return 0.0
        return 100.0
    if len(a.title_key) < SHORT_TITLE or len(b.title_key) < SHORT_TITLE:
        return 0.0
    score = float(Indel.normalized_similarity(a.title_key, b.title_key) * 100)
    return score if score >= TITLE_THRESHOLD and _words_agree(a.title_key, b.title_key) else min(score, 0.0)


def find_links(existing: Sequence[Candidate], new: Sequence[Candidate],
               roots: dict[int, int] | None = None) -> list[tuple[int, int, str, float]]:
    """(duplicate, original, method, score) for each new record that repeats an earlier one.

    ``existing`` are records already in the review, ``new`` the ones just read
    (higher ids); ``roots`` maps existing duplicates to what they repeat, so a
    link always points at an original.
    """
    root = dict(roots or {})

    def original(record_id: int) -> int:
        while record_id in root:
            record_id = root[record_id]
        return record_id

    links: list[tuple[int, int, str, float]] = []
    new_ids = {c.id for c in new}
    by_hash: dict[str, int] = {}
    by_document: dict[str, int] = {}
    by_registration: dict[str, int] = {}
    everything = sorted([*existing, *new], key=attrgetter("id"))  # in order already, usually: linear
    known_documents = by_document.keys()  # a live view: isdisjoint tells in one step if a record's ids are known
    for item in everything:
        match: tuple[int, str] | None = None
        if item.id in new_ids:
            if item.content_hash in by_hash:  # (only non-empty hashes are kept)
                match = by_hash[item.content_hash], "same text"
            elif not known_documents.isdisjoint(item.document_ids):
                identifier = min(known_documents & item.document_ids)  # the first shared one, in sorted order
                match = by_document[identifier], f"same id {identifier}"
            elif item.kind == "trial" and item.registrations and item.registrations[0] in by_registration:
                primary = item.registrations[0]
                match = by_registration[primary], f"same registration {primary}"
            if match is not None:
                target = original(match[0])
                if target != item.id:
                    root[item.id] = target
                    links.append((item.id, target, match[1], 1.0))
                    continue
        if item.content_hash:
            by_hash.setdefault(item.content_hash, item.id)
        for identifier in item.document_ids:
            by_document.setdefault(identifier, item.id)
        if item.kind == "trial" and item.registrations:
            by_registration.setdefault(item.registrations[0], item.id)
    links.extend(_title_links([c for c in everything if c.title_key], new_ids, root, original))
    return links


def _title_links(items: list[Candidate], new_ids: set[int], root: dict[int, int],
                 original: Any) -> list[tuple[int, int, str, float]]:
    """Sorted neighbourhood: sort by title and by title read backwards, compare each with its neighbours."""
    titles = [c.title_key for c in items]
    backwards = [" ".join(title.split()[::-1]) for title in titles]
    # What the first tests look at, worked out once per record in plain lists. One int object per distinct
    # year: the many year tests touch a few objects, kept in the processor's cache (15% faster without numbers).
    lengths, numbers = [len(title) for title in titles], [_numbers(title) for title in titles]
    one_per_year: dict[int | None, int | None] = {}
    years = [one_per_year.setdefault(c.year, c.year) for c in items]
    unlinked = new_ids - root.keys()  # new records not linked by an exact match: they may still be linked
    is_unlinked = [c.id in unlinked for c in items]
    # Few unlinked records (a search added to a review): most pairs hold none, so set those aside in bulk too.
    few_unlinked = len(unlinked) < len(items) // 2
    slack = (100.0 - TITLE_THRESHOLD) / 100.0
    best: dict[int, tuple[float, int]] = {}
    # Pairs go offset by offset: a record's best match (top score, then lowest id) is the same in any order.
    for keys in (titles, backwards):
        order = sorted(range(len(items)), key=keys.__getitem__)
        sizes, years_in_order, numbers_in_order = _in(order, lengths), _in(order, years), _in(order, numbers)
        unlinked_in_order = _in(order, is_unlinked) if few_unlinked else []
        for offset in range(1, WINDOW + 1):
            # "Part 1" and "Part 2", "12-month" and "24-month" results: numbers in a title tell documents apart.
            # map and compress keep the neighbours with the same numbers without a Python step per pair.
            wanted = map(eq, numbers_in_order, numbers_in_order[offset:])
            if few_unlinked:
                wanted = map(and_, wanted, map(or_, unlinked_in_order, unlinked_in_order[offset:]))
            for position in compress(range(len(order)), wanted):
                # Near-identical titles have near-equal lengths (Indel distance is at least the difference).
                size, other_size = sizes[position], sizes[position + offset]
                if abs(size - other_size) > slack * (size + other_size):
                    continue
                year, other_year = years_in_order[position], years_in_order[position + offset]
                if year is not None and other_year is not None and abs(year - other_year) > 1:
                    continue  # an epub ahead of print and the issue are a year apart at most
                # items are in id order: the later record of the two is the one further on in it.
                first, second = order[position], order[position + offset]
                later, earlier = (first, second) if first > second else (second, first)
                if not is_unlinked[later]:
                    continue
                record, other_record = items[later], items[earlier]
                if not _compatible(record, other_record):
                    continue
                score = _title_score(record, other_record)
                if score < TITLE_THRESHOLD:
                    continue
                previous = best.get(record.id)
                if previous is None or (score, -other_record.id) > (previous[0], -previous[1]):
                    best[record.id] = (score, other_record.id)
    links = []
    for record_id in sorted(best):
        score, earlier_id = best[record_id]
        target = original(earlier_id)
        if target == record_id or record_id in root:
            continue
        root[record_id] = target
        method = "same title, year and first author" if score == 100.0 else "similar title, year and first author"
        links.append((record_id, target, method, round(score / 100, 3)))
    return links


def _in(order: list[int], values: list[_T]) -> list[_T]:
    """The values in that order (map runs in C: faster than a comprehension where each step misses the cache)."""
    return list(map(values.__getitem__, order))


# Every byte but an ASCII digit, as a space: bytes.translate finds the numbers in an ASCII title in a fifth of the time.
_DIGITS_ONLY = bytes(c if chr(c) in "0123456789" else ord(" ") for c in range(256))


def _numbers(title: str) -> bytes:
    """The numbers in a title, space-separated (b"24 2" for "24 week results part 2")."""
    if title.isascii():
        return b" ".join(title.encode().translate(_DIGITS_ONLY).split())
    return " ".join(re.findall(r"\d+", title)).encode()


def link_new_records(session: Session, new: Sequence[Candidate]) -> int:
    """Link each new record (candidates of records just written) that repeats an earlier one; how many.

    Runs inside the importer's transaction so the links land with the records.
    """
    if not new:
        return 0
    existing = _existing(session, min(c.id for c in new))
    links = find_links(existing, new, duplicate_roots(session))
    if links:
        stamp = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
        insert_ignoring_repeats(
            session.connection().connection.dbapi_connection, dialect_of(session), "duplicate_links",
            ("record_id", "duplicate_of_id", "method", "score", "confirmed", "created_at"),
            [(a, b, method, score, None, stamp) for a, b, method, score in links])
    return len(links)


def link_duplicates(session: Session, new_ids: Iterable[int]) -> int:
    """Link the given records (already written) that repeat earlier ones; how many were linked."""
    wanted = sorted(set(new_ids))
    if not wanted:
        return 0
    new = []
    for record in session.exec(select(Record).where(col(Record.id).in_(wanted))):
        fields = extracted_fields(record)
        fields.update({key: edit["value"] for key, edit in record.curated.items()
                       if key in ("ids", "title", "authors", "year", "kind")})
        assert record.id is not None
        new.append(candidate(record.id, fields, record.content_hash))
    return link_new_records(session, new)


__all__ = ["Candidate", "candidate", "duplicate_roots", "find_links", "link_duplicates", "link_new_records",
           "normalise_title"]
