"""Finding duplicates: records that repeat one already in the review; and which records are one study.

A duplicate is linked to the record it repeats (method and score kept), never
deleted; a reviewer confirms or undoes the link. Matching goes from the surest
to the least sure:

1. the same document text;
2. a shared document identifier (PMID, DOI, PMCID);
3. for registry records only, the same primary registration (the same
   registry entry imported twice, or once per EU member state);
4. the same or a near-identical title (a database's decorations taken off,
   :mod:`curator.duplicates.titles`), one title the main title of the other or
   cut short, or the same title in another system of transliteration
   (:mod:`curator.duplicates.title_match`), found by sorted-neighbourhood
   blocking (two sort keys, a small window) so 100,000 titles take seconds,
   not the minutes of all pairs;
5. the same citation (year, volume, first page) with titles in two languages.

From step 4 on, the rest of the citation decides (:mod:`curator.duplicates.evidence`):
a pair whose volume, issue or pages differ is not linked, and a pair the
matcher is unsure of is linked as *possible*: listed for a reviewer to confirm
or reject, not counted as a duplicate until confirmed. Every link says why.

A registry record and a paper that share a registration are *not* duplicates:
they are two reports of one study (:func:`curator.review.studies.study_groups`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from itertools import compress
from operator import and_, attrgetter, eq, or_
from typing import NamedTuple, TypeVar

from rapidfuzz.distance import Indel
from sqlalchemy import TextClause, text
from sqlmodel import Session, col, select

from curator.duplicates import evidence
from curator.duplicates._alongside import alongside
from curator.duplicates.keys import Candidate, candidate
from curator.duplicates.title_match import (
    CUT_TITLE,
    SHORT_CUT_TITLE,
    TITLE_THRESHOLD,
    enough_words,
    title_match,
)
from curator.duplicates.titles import normalise_title
from curator.duplicates.transliteration import transliterated_word
from curator.store.dialects import SQLITE, dialect_of, insert_ignoring_repeats, json_value
from curator.store.models import LINK_COUNTS, Record, utcnow
from curator.store.stored_fields import extracted_fields

#: How many neighbours on each side a title is compared with, per sort key.
WINDOW = 6
#: At most this many earlier records with one citation (year, first page) are compared.
CITATION_GROUP = 20
#: Without a volume, records with one citation must have titles at least this similar (0-100).
CITATION_TITLE = 70.0


class Link(NamedTuple):
    """A record found to repeat an earlier one: why (``method``), how similar (``score``), and whether only
    possibly (a pair the matcher is unsure of: listed for a reviewer, not counted as a duplicate)."""

    record_id: int
    original_id: int
    method: str
    score: float
    possible: bool = False


_T = TypeVar("_T")


def _citation_line(dialect: str, label: str) -> str:
    # Only the citation lines of the text (a few characters each), not the whole text.
    where = (f"instr(text, char(10) || '{label}: ')" if dialect == SQLITE
             else f"strpos(text, chr(10) || '{label}: ')")
    return f"substr(text, nullif({where}, 0), 40)"


def _existing_sql(dialect: str) -> TextClause:
    def field(key: str, *, as_text: bool = False) -> str:
        return (f"coalesce({json_value(dialect, 'curated', key, 'value', as_text=as_text)},"
                f" {json_value(dialect, 'extracted', key, as_text=as_text)})")

    citation = ", ".join(_citation_line(dialect, label) for label in ("Volume", "Issue", "Pages", "Type"))
    return text(f"SELECT id, kind, content_hash, title, year, {field('ids')}, {field('authors')},"
                f" {field('journal', as_text=True)}, {citation} FROM records WHERE id < :first ORDER BY id")


def _existing(session: Session, first_new: int) -> list[Candidate]:
    # Only the matching keys come back from the database (inside the JSON), never whole records: this scales.
    found = []
    for record_id, kind, digest, title, year, ids, authors, journal, *citation in session.execute(
            _existing_sql(dialect_of(session)), {"first": first_new}):
        # SQLite gives a list as JSON text; PostgreSQL gives the list.
        ids = json.loads(ids) if isinstance(ids, str) else ids
        authors = json.loads(authors) if isinstance(authors, str) else authors
        fields = {"kind": kind, "title": title, "year": year, "ids": ids or [], "authors": authors or [],
                  "journal": journal}
        found.append(candidate(record_id, fields, digest or "", "".join(c for c in citation if c)))
    return found


_ROOTS = text(f"SELECT record_id, duplicate_of_id FROM duplicate_links WHERE {LINK_COUNTS}")


def duplicate_roots(session: Session) -> dict[int, int]:
    """Current links (not undone, not merely possible): duplicate record → the record it repeats."""
    return {int(a): int(b) for a, b in session.execute(_ROOTS)}


def _compatible(a: Candidate, b: Candidate) -> bool:
    """Nothing in the ids says the two records are different documents (the citation is weighed later)."""
    if (a.kind == "trial") != (b.kind == "trial"):
        return False  # a registration and a paper: one study, two reports
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


_Best = dict[int, tuple[bool, float, int, evidence.Verdict]]


def _keep_best(best: _Best, record: Candidate, earlier: Candidate, score: float, title: str) -> None:
    """Keep the pair if it is the record's best so far: sure before possible, then the top score, then the
    lowest id (the same choice in any order)."""
    previous = best.get(record.id)
    if previous is not None and previous[0] and (score, -earlier.id) <= previous[1:3]:
        return  # (the same pair, met again in the other sort order)
    verdict = evidence.judge(record, earlier, title)
    if verdict is None:
        return
    mine = (not verdict.possible, score, -earlier.id)
    if previous is None or mine > previous[:3]:
        best[record.id] = (*mine, verdict)


def find_links(existing: Sequence[Candidate], new: Sequence[Candidate],
               roots: dict[int, int] | None = None) -> list[Link]:
    """A :class:`Link` (duplicate, original, method, score, possible) for each new record that repeats an
    earlier one.

    ``existing`` are records already in the review, ``new`` the ones just read
    (higher ids); ``roots`` maps existing duplicates to what they repeat, so a
    link always points at an original.
    """
    root = dict(roots or {})

    def original(record_id: int) -> int:
        while record_id in root:
            record_id = root[record_id]
        return record_id

    links: list[Link] = []
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
                    links.append(Link(item.id, target, match[1], 1.0))
                    continue
        if item.content_hash:
            by_hash.setdefault(item.content_hash, item.id)
        for identifier in item.document_ids:
            by_document.setdefault(identifier, item.id)
        if item.kind == "trial" and item.registrations:
            by_registration.setdefault(item.registrations[0], item.id)
    unlinked = new_ids - root.keys()  # new records not linked by an exact match: they may still be linked
    best: _Best = {}
    _title_pairs([c for c in everything if c.title_key], unlinked, best)
    _citation_pairs(everything, unlinked, best)
    _translation_pairs(everything, unlinked, best)
    for record_id in sorted(best):
        sure, score, _, verdict = best[record_id]
        target = original(-best[record_id][2])
        if target == record_id or record_id in root:
            continue
        if sure:
            root[record_id] = target
        links.append(Link(record_id, target, verdict.reason, round(score / 100, 3), not sure))
    return links


def _translation_pairs(items: list[Candidate], unlinked: set[int], best: _Best) -> None:
    """A record whose title is the English title another gives after its original ("original [English]",
    "original = English"): the English title looked up among the others' titles, the rest weighed as for one title."""
    translated = [item for item in items if item.translation]
    if not translated:
        return
    by_title: dict[str, list[Candidate]] = {}
    for item in items:
        if item.title_key:
            by_title.setdefault(item.title_key, []).append(item)
    for item in translated:
        for other in by_title.get(item.translation, ())[:CITATION_GROUP]:
            later, earlier = (item, other) if item.id > other.id else (other, item)
            if later.id in unlinked and not best.get(later.id, (False,))[0] and _compatible(later, earlier):
                _keep_best(best, later, earlier, 100.0, evidence.TRANSLATED_TITLE)


def _citation_pairs(items: list[Candidate], unlinked: set[int], best: _Best) -> None:
    """Records with one citation (year, first page) whose titles do not match: a title and its translation,
    or a word changed between a preprint and the paper. The whole citation and the first author must agree
    (:func:`evidence.judge`); without a volume on both sides, the titles must be alike as well."""
    groups: dict[tuple[int, str], list[Candidate]] = {}
    for item in items:
        if not (item.year and item.first_page and item.kind != "trial"):
            continue
        group = groups.setdefault((item.year, item.first_page), [])
        if item.id in unlinked and not best.get(item.id, (False,))[0]:
            for other in group[-CITATION_GROUP:]:
                if not _compatible(item, other):
                    continue
                score = float(Indel.normalized_similarity(item.title_key, other.title_key) * 100)
                if (item.volume and other.volume) or score >= CITATION_TITLE:
                    _keep_best(best, item, other, score, evidence.OTHER_TITLE)
        group.append(item)


def _title_pairs(items: list[Candidate], unlinked: set[int], best: _Best) -> None:
    """Sorted neighbourhood: sort by title and by title read backwards, compare each with its neighbours."""
    titles = [c.title_key for c in items]
    backwards = [" ".join(title.split()[::-1]) for title in titles]
    # Sorted with the first word transliterated one way (Kharakteristika, Harakteristika), titles written in two
    # systems of transliteration meet; the words after it differ less often than the first (one bad letter is enough).
    forwards = [transliterated_word(first := title.partition(" ")[0]) + title[len(first):] for title in titles]
    # What the first tests look at, worked out once per record in plain lists. One int object per distinct
    # year: the many year tests touch a few objects, kept in the processor's cache (15% faster without numbers).
    lengths, numbers = [len(title) for title in titles], [c.numbers for c in items]
    one_per_year: dict[int | None, int | None] = {}
    years = [one_per_year.setdefault(c.year, c.year) for c in items]
    is_unlinked = [c.id in unlinked for c in items]
    # A title cut short may have lost the numbers of its end ("... in 2015-2018"): those pairs are compared too.
    may_be_cut = [size >= CUT_TITLE or c.cut for size, c in zip(lengths, items, strict=True)]
    # Few unlinked records (a search added to a review): most pairs hold none, so set those aside in bulk too.
    few_unlinked = len(unlinked) < len(items) // 2
    slack = (100.0 - TITLE_THRESHOLD) / 100.0
    # Pairs go offset by offset: a record's best match (top score, then lowest id) is the same in any order.
    for keys in (forwards, backwards):
        order = sorted(range(len(items)), key=keys.__getitem__)
        sizes, years_in_order, numbers_in_order = _in(order, lengths), _in(order, years), _in(order, numbers)
        keys_in_order = _in(order, keys)
        unlinked_in_order = _in(order, is_unlinked) if few_unlinked else []
        # (a title cut short sorts just before the whole: only the few long or cut titles are looked at)
        cut_positions = list(compress(range(len(order)), _in(order, may_be_cut))) if keys is forwards else []
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
                    # Unless one title is the other without its subtitle (or without a name before it: a prefix
                    # of the other read backwards), or cut short. A prefix sorts first.
                    shorter, longer = keys_in_order[position], keys_in_order[position + offset]
                    if not (longer.startswith(shorter) and (len(shorter) >= SHORT_CUT_TITLE or (
                            longer[len(shorter)] == " " and enough_words(shorter)) or items[order[position]].cut)):
                        continue
                year, other_year = years_in_order[position], years_in_order[position + offset]
                first, second = order[position], order[position + offset]
                if year is not None and other_year is not None and abs(year - other_year) > 1 and not (
                        _same_place(items[first], items[second])):
                    continue  # an epub ahead of print and the issue are a year apart, unless the citation agrees
                # items are in id order: the later record of the two is the one further on in it.
                later, earlier = (first, second) if first > second else (second, first)
                if not is_unlinked[later]:
                    continue
                record, other_record = items[later], items[earlier]
                if not _compatible(record, other_record):
                    continue
                match = title_match(record, other_record)
                if match is not None:
                    _keep_best(best, record, other_record, *match)
            if cut_positions:
                _cut_pairs(items, order, offset, numbers_in_order, keys_in_order, cut_positions, is_unlinked, best)


def _same_place(a: Candidate, b: Candidate) -> bool:
    return bool(a.volume) and a.volume == b.volume and a.first_page == b.first_page


def _cut_pairs(items: list[Candidate], order: list[int], offset: int, numbers: list[bytes], keys: list[str],
               positions: list[int], unlinked: list[bool], best: _Best) -> None:
    """Neighbours whose numbers differ because one title was cut short before the numbers at its end
    ("... in 2015-2018"): the numbers and words of the one begin the other's. ``positions`` (in sort order) are
    those of the titles long enough, or ending in an ellipsis, to be cut short."""
    last = len(order) - offset
    for position in positions:
        if position >= last or numbers[position] == numbers[position + offset] or not (
                numbers[position + offset].startswith(numbers[position])
                and keys[position + offset].startswith(keys[position])):
            continue
        first, second = order[position], order[position + offset]
        later, earlier = (first, second) if first > second else (second, first)
        record, other_record = items[later], items[earlier]
        if not unlinked[later] or not _compatible(record, other_record) or (
                record.year and other_record.year and abs(record.year - other_record.year) > 1 and not _same_place(
                    record, other_record)):
            continue
        match = title_match(record, other_record, cut_only=True)
        if match is not None:
            _keep_best(best, record, other_record, *match)


def _in(order: list[int], values: list[_T]) -> list[_T]:
    """The values in that order (map runs in C: faster than a comprehension where each step misses the cache)."""
    return list(map(values.__getitem__, order))


def link_new_records(session: Session, new: Sequence[Candidate], meanwhile: Callable[[], None] | None = None) -> int:
    """Link each new record (candidates of records just written) that repeats an earlier one; how many are
    duplicates (pairs the matcher is unsure of are linked as possible, and not counted).

    Runs inside the importer's transaction so the links land with the records. With ``meanwhile`` (the
    importer writing the new records, numbered as ``new`` says), the records already in the review are read
    first, then ``meanwhile`` runs while the matching does, on a thread of its own (:mod:`._alongside`).
    """
    if not new:
        if meanwhile is not None:
            meanwhile()
        return 0
    existing = _existing(session, min(c.id for c in new))
    roots = duplicate_roots(session)
    if meanwhile is None:
        links = find_links(existing, new, roots)
    else:
        links = alongside(lambda: find_links(existing, new, roots), meanwhile)
    if links:
        stamp = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
        insert_ignoring_repeats(
            session.connection().connection.dbapi_connection, dialect_of(session), "duplicate_links",
            ("record_id", "duplicate_of_id", "method", "score", "confirmed", "possible", "created_at"),
            [(*link[:4], None, bool(link.possible), stamp) for link in links])
    return sum(1 for link in links if not link.possible)


def link_duplicates(session: Session, new_ids: Iterable[int]) -> int:
    """Link the given records (already written) that repeat earlier ones; how many were linked as duplicates."""
    wanted = sorted(set(new_ids))
    if not wanted:
        return 0
    new = []
    for record in session.exec(select(Record).where(col(Record.id).in_(wanted))):
        fields = extracted_fields(record)
        fields.update({key: edit["value"] for key, edit in record.curated.items()
                       if key in ("ids", "title", "authors", "year", "kind", "journal")})
        assert record.id is not None
        new.append(candidate(record.id, fields, record.content_hash, record.text))
    return link_new_records(session, new)


__all__ = ["Candidate", "Link", "candidate", "duplicate_roots", "find_links", "link_duplicates", "link_new_records",
           "normalise_title"]
