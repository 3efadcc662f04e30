"""A record as duplicate finding sees it: its ids, and its title, authors, year, journal, volume, issue and pages
in forms that compare across databases.

Each database writes the same reference its own way: ``Tam, L.-S.``, ``Tam, L S``
and ``Tam LS`` are one author; ``J Rehabil Med`` is the *Journal of Rehabilitation
Medicine*; ``2085-8`` are the pages ``2085-2088``. The keys here are what is left
when those differences are taken away; :mod:`curator.duplicates.evidence` compares them.
Volume, issue and pages are read from the record's text (the ``Volume:``,
``Issue:`` and ``Pages:`` lines every bibliographic importer writes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from curator.duplicates.titles import strip_decorations, title_key, title_words, translation_after_original
from curator.identifiers import is_document_id, is_registry_id


@dataclass(slots=True)
class Candidate:
    """A record as duplicate finding sees it: its ids, and its normalised title, authors and citation."""

    id: int
    kind: str
    content_hash: str
    document_ids: frozenset[str]
    registrations: tuple[str, ...]  # registry ids, the record's own registration first
    title_key: str
    year: int | None
    author_key: frozenset[str]  # the first author's surname, word by word
    authors: tuple[str, ...] = ()  # the first authors as written (compared further only when surnames differ)
    journal: tuple[str, ...] = ()
    volume: str = ""
    issue: str = ""
    first_page: str = ""
    reply: bool = False
    preprint: bool = False  # listed in a preprint server (medRxiv, arXiv, SSRN, ...), not a journal
    last_page: str = ""  # written out in full ("2085-8" gives 2088); "" when only the first page is given
    cut: bool = False  # the title ends with an ellipsis ("..." or "…"): a database cut it short
    numbers: bytes = b""  # the numbers in the title key, space-separated (b"24 2" for "24 week results part 2")
    work: str = ""  # "book" or "chapter" when the export says the record is one (RIS BOOK, CHAP); else ""
    translation: str = ""  # the key of the English title given after the original ("original [English]"), or ""


_INITIALS = re.compile(r"[^\W\d_]+")
#: How many authors' surnames are kept to recognise the same author list in another order.
AUTHORS_KEPT = 6


@lru_cache(maxsize=65536)  # the same names come back pair after pair, and record after record
def author_key(author: str | None) -> frozenset[str]:
    """The words that may be the first author's surname (``Rau R``, ``R Rau``, ``Rau, Rolf`` all give rau).

    Initials in any form (``L.-S.``, ``L S``, ``LS``) are not surnames; a character a
    database could not write (``Bu?lova``) is dropped rather than splitting the name.
    """
    if not author:
        return frozenset()
    if "," in author:
        author = author.split(",", 1)[0]
        if author.isalpha() and author.isascii():  # the common case, "Surname, A. B.", in one step
            return frozenset((author.lower(),)) if len(author) > 1 and not (author.isupper() and len(author) <= 3) \
                else frozenset()
    return name_words(author)


@lru_cache(maxsize=16384)
def name_words(name: str) -> frozenset[str]:
    """Every word of a name that is not an initial or a particle, lower case (``Ching-yi, Wu`` gives ching, yi, wu);
    a surname with particles also joined (``van der Berg`` gives berg and vanderberg, as ``Vanderberg``)."""
    if " et al" in name or " Et al" in name or " ET AL" in name:
        name = name[:name.lower().index(" et al")]  # "Smith J et al.": et and al are no one's surname
    words = [w for w in _INITIALS.findall(name.replace("?", "")) if len(w) > 1 and not (w.isupper() and len(w) <= 3)]
    if not name.isascii():
        words = [title_words(w) for w in words]
    lower = [w.lower() for w in words]
    if _PARTICLES.isdisjoint(lower):
        return frozenset(lower)
    first = next(i for i, w in enumerate(lower) if w in _PARTICLES)
    kept = [w for w in lower if w not in _PARTICLES]
    return frozenset(kept + ["".join(lower[first:first + 3])] if kept else lower)


# Particles of a surname: "van der" Berg, "de la" Cruz. They tell no one apart, so they are not compared alone.
_PARTICLES = frozenset(["van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "des",
                        "la", "le", "ten", "ter", "op", "zu"])
# A first author who is not a person: the author is unknown, or a group stands before the people who wrote it.
_NOT_A_PERSON = re.compile(
    r"\b(?:anonymous|anon|no authors? listed|group|committee|consortium|investigators|collaboration|collaborative|"
    r"collaborators|association|society|organi[sz]ation|council|panel|task force|working party|trialists|writing|"
    r"network|foundation|institute)\b", re.I)


def people(authors: list[str]) -> list[str]:
    """The authors from the first who is a person: without a leading "Anonymous", "[No authors listed]" or group
    ("WHO Study Group", "The ASPIRE Investigators"), which one database lists first and another leaves out."""
    start = 0
    while start < len(authors) and _NOT_A_PERSON.search(authors[start]):
        start += 1
    return authors[start:] if start else authors


_JOURNAL_STOPWORDS = frozenset(["the", "of", "and", "for", "in", "on", "a", "an", "de", "la", "le", "du", "des",
                                "der", "die", "das", "und", "fur", "y", "e", "et"])
# What a proceedings' name adds to its series' name: the number and year of the meeting ("Proceedings of the
# 11th ...", "Sixteenth", "50Th Annual", "2007"), and "Vols 1-3".
_MEETING_WORDS = re.compile(
    r"\d+(?:st|nd|rd|th)?|proc|proceedings|annual|vols?|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_BRACKETED = re.compile(r"\[[^\]]*\]?|\([^)]*\)?")


@lru_cache(maxsize=4096)  # a search export names a few hundred journals, each many times
def journal_words(journal: str | None) -> tuple[str, ...]:
    """The words of a journal's name that an abbreviation keeps: ``Drugs & Aging`` gives (drugs, aging);
    a proceedings' name without the meeting's number and year."""
    if not journal:
        return ()
    return tuple(w for w in title_words(_BRACKETED.sub(" ", journal)).split()
                 if w not in _JOURNAL_STOPWORDS and not _MEETING_WORDS.fullmatch(w))


_PREPRINT_SERVERS = frozenset(["medrxiv", "biorxiv", "arxiv", "chemrxiv", "psyarxiv", "socarxiv", "edarxiv",
                               "techrxiv", "eartharxiv", "ssrn", "preprints", "authorea", "researchsquare"])


def is_preprint_server(journal: tuple[str, ...]) -> bool:
    """The "journal" is a preprint server (``medRxiv``, ``SSRN Electronic Journal``, ``Research Square``)."""
    return not _PREPRINT_SERVERS.isdisjoint(journal) or "researchsquare" in "".join(journal)


_NUMBER = re.compile(r"\d+")

# Every byte but an ASCII digit, as a space: bytes.translate finds the numbers in an ASCII title in a fifth of the time.
_DIGITS_ONLY = bytes(c if chr(c) in "0123456789" else ord(" ") for c in range(256))


def title_numbers(title: str) -> bytes:
    """The numbers in a title, space-separated (b"24 2" for "24 week results part 2")."""
    if title.isascii():
        return b" ".join(title.encode().translate(_DIGITS_ONLY).split())
    return " ".join(re.findall(r"\d+", title)).encode()



def first_number(value: str) -> str:
    """The first number in a volume or issue (``35 Suppl 1`` gives 35), without leading zeros; or ""."""
    match = _NUMBER.search(value)
    return (match.group().lstrip("0") or "0") if match else ""


def page_range(pages: str) -> tuple[str, str]:
    """First and last page, the last written out in full: ``2085-8`` gives (2085, 2088), ``e8-e9`` (e8, e9)."""
    parts = [p for p in re.split(r"\s*(?:-+|–|—|to)\s*", pages.strip().lower(), maxsplit=1) if p]
    if not parts:
        return "", ""
    first = re.sub(r"[^0-9a-z]", "", parts[0].rstrip("+")).lstrip("0")
    last = re.sub(r"[^0-9a-z]", "", parts[1]).lstrip("0") if len(parts) > 1 else ""
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[:len(first) - len(last)] + last
    return first, last


# How exports name a book and a chapter of one (RIS, EndNote, BibTeX): what a record's "Type:" line may say.
_WORKS = {"book": "book", "edited book": "book", "book chapter": "chapter", "book section": "chapter",
          "chapter": "chapter", "incollection": "chapter", "inbook": "chapter"}


def _line(text: str, label: str, end: int) -> str:
    """The value of a ``Label: value`` line of the record's text (before ``end``), or ""."""
    start = text.find(label, 0, end)
    if start < 0:
        return ""
    start += len(label)
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)].strip()


def candidate(record_id: int, fields: dict[str, Any], content_hash: str = "", text: str = "") -> Candidate:
    """The matching keys of a record from its fields (fields.md shape) and its text (volume, issue, pages)."""
    ids = [i for i in fields.get("ids") or () if isinstance(i, str)]
    authors = people([a for a in fields.get("authors") or () if isinstance(a, str)])
    year = fields.get("year")
    title = fields.get("title") or ""
    first = authors[0] if authors else None
    surname = author_key(first)
    words, reply = strip_decorations(title) if title else ("", False)
    key = title_key(words) if words else ""
    volume = issue = page = last = work = ""
    if text:
        # The citation is among the labelled lines, before the first blank line and the paragraphs (abstract):
        # the long part of a record's text is not searched.
        end = text.find("\n\n")
        end = len(text) if end < 0 else end
        volume = first_number(_line(text, "\nVolume: ", end))
        if volume and volume == str(year):
            volume = ""  # a magazine's or proceedings' year given as its volume: no volume to compare
        issue = first_number(_line(text, "\nIssue: ", end))
        pages = _line(text, "\nPages: ", end)
        if pages:
            page, last = page_range(pages)
        work = _WORKS.get(_line(text, "\nType: ", end).lower(), "")
    journal = journal_words(fields.get("journal"))
    return Candidate(
        record_id,
        fields.get("kind") or "unknown",
        content_hash,
        frozenset(i for i in ids if is_document_id(i)) if ids else _NO_IDS,
        tuple(i for i in ids if is_registry_id(i)) if ids else (),
        key,
        year if isinstance(year, int) else None,
        surname,
        tuple(authors[:AUTHORS_KEPT]),
        journal,
        volume,
        issue,
        page,
        reply,
        is_preprint_server(journal) if journal else False,
        last,
        title.endswith(_ELLIPSES) and bool(words),
        title_numbers(key) if key else b"",
        work,
        title_key(translated) if title and (translated := translation_after_original(title)) else "",
    )


_ELLIPSES = ("...", "\u2026", "... ", "\u2026 ")


_NO_IDS: frozenset[str] = frozenset()

__all__ = ["AUTHORS_KEPT", "Candidate", "author_key", "candidate", "first_number", "is_preprint_server", "journal_words",
           "name_words", "page_range", "people",
           "title_numbers"]
