"""Whether two records with matching titles are one document: what agrees, what differs, and how sure that is.

A matching title is where the search for a duplicate starts, not where it ends.
The same title, year and first author are shared by a guideline co-published in
several journals, a conference abstract and the later paper, a letter and its
reply, a paper and its erratum: documents that are not duplicates and that a
false link would hide from the review. What tells them apart is the citation:

* **conflicts** (the volume, the issue or the first page differ, both being
  known; one record is in a preprint server and the other not: a preprint and
  the paper it became are two reports of one study; the years are two or more
  apart without the same volume and first page): two documents; no link. An
  issue that differs under the same volume and range of pages, the titles
  matching, is a typing error, not a conflict;
* **doubts** (the years differ, the journals' names do not match even as an
  abbreviation, one record is a reply and the other not, one is on a page of a
  supplement of abstracts and the other has no volume or pages, a short generic
  title such as "Editorial" with nothing else to go on): the pair is *possible*,
  listed for a reviewer to confirm or reject, and not counted as a duplicate;
* otherwise the records are duplicates; agreeing pages and volume (or journal,
  or year), or a range of several pages that agrees, outweigh the doubts,
  because two documents do not share them; and a paper published online (no
  volume, no pages) the year before the issue that holds it, in the same
  journal, is the same paper.

A title cut short to fewer than :data:`LONG_CUT` characters (unless an ellipsis
marks the cut and :data:`MARKED_CUT` are left), or cut before numbers that the
whole title has, is weighed as a main title is.

Every verdict carries its reason in the reviewer's words (the link's method).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from curator.duplicates.keys import Candidate, author_key, name_words
from curator.duplicates.titles import generic_title
from curator.duplicates.transliteration import coarse_name, transliterated_name, written_the_german_way

#: Titles shorter than this (normalised characters) are generic ("Editorial"): the citation must agree too.
SHORT_TITLE = 25
#: Surname words at least this similar (0-1) are one name misspelt (``Hiess``/``Hiessl``, ``Bulova``/``Builova``).
NAME_SIMILARITY = 0.8

SAME_TITLE, SIMILAR_TITLE, MAIN_TITLE, OTHER_TITLE = "same title", "similar title", "same main title", "same citation"
CUT_TITLE = "same title cut short"
#: The same authors, another first: one group's two documents as often as one document listed otherwise.
OTHER_ORDER = "the same authors in another order"
#: The first authors' surnames are alike and nothing else about the authors confirms they are one person.
SPELT_ALIKE = "first authors spelt alike"
NUMBERS_CUT_TITLE = "same title cut short before its numbers"
TRANSLITERATED_TITLE = "same title transliterated otherwise"
#: One record's title is the English title the other gives after its original ("original [English]").
TRANSLATED_TITLE = "same title as the translation after the original"
#: A title cut short to fewer characters than this (normalised) is weighed as a main title: the citation must agree;
LONG_CUT = 150
#: unless an ellipsis marks the cut and this many characters are left.
MARKED_CUT = 80


@dataclass(frozen=True, slots=True)
class Verdict:
    """Two records are one document (``possible`` False) or may be (True); ``reason`` says why."""

    possible: bool
    reason: str


def authors_agree(a: Candidate, b: Candidate) -> str | None:
    """How the authors agree: "first author", "authors" (the list without its first author), "" (one list
    unknown), :data:`SPELT_ALIKE` (surnames alike, nothing else to confirm them: a doubt), :data:`OTHER_ORDER` (a
    doubt too), or None when the first authors are different people."""
    if not a.author_key or not b.author_key:
        return ""
    if not a.author_key.isdisjoint(b.author_key):
        return "first author"
    # A name written inverted ("Ching-yi, Wu" for "Wu, Ching-yi"): the surname is among the other's words.
    if not a.author_key.isdisjoint(name_words(b.authors[0])) or not b.author_key.isdisjoint(name_words(a.authors[0])):
        return "first author"
    # An umlaut written out (Müller, Mueller; Schäfer, Schaefer) is one spelling of one name.
    if not set(map(_umlauts_folded, a.author_key)).isdisjoint(map(_umlauts_folded, b.author_key)):
        return "first author"
    if _transliterated_alike(a, b):
        return "first author"
    if any(Indel.normalized_similarity(x, y) >= NAME_SIMILARITY
           for x in a.author_key for y in b.author_key if len(x) >= 4 and len(y) >= 4):
        # One name misspelt (Hiess, Hiessl), or two people (Zhang and Zheng, Meyer and Mayer): the same initials
        # and another author in common say one; without another author in common, a reviewer decides.
        if _initials(a.authors[0]) and _initials(b.authors[0]) and _initials(a.authors[0]) != _initials(
                b.authors[0]):
            return None
        return "first author" if _coauthor_shared(a, b) else SPELT_ALIKE
    # The same authors in another order: each first author is among the other's first authors. A group's abstracts
    # of one trial, each centre's lead first, are listed so too: the citation must confirm it (a doubt).
    if not a.author_key.isdisjoint(_surnames(b)) and not b.author_key.isdisjoint(_surnames(a)):
        return OTHER_ORDER
    if _without_the_first(a, b) or _without_the_first(b, a):
        return "authors"
    return None


def _transliterated_alike(a: Candidate, b: Candidate) -> bool:
    """The first authors' surnames are one name in two systems of transliteration (Iakovlev, Yakovlev, Jakovlev;
    Tsoi, Tsoy, Coj), or a short name written the German way (Eshow, Suew: more letters than one from Ezhov and
    Zuev); not two names an i and a y between consonants apart (Smith and Smyth: English names, not a
    transliteration of ы)."""
    if len(a.author_key) == len(b.author_key) == 1 and (_y_for_i(ours := next(iter(a.author_key)), theirs := next(
            iter(b.author_key))) or _g_for_h(ours, theirs)):
        return False
    if not {transliterated_name(x) for x in a.author_key}.isdisjoint(map(transliterated_name, b.author_key)):
        return True
    return any(map(written_the_german_way, a.author_key | b.author_key)) and not set(map(
        coarse_name, a.author_key)).isdisjoint(map(coarse_name, b.author_key))


def _y_for_i(name: str, other: str) -> bool:
    """The names differ only by an i and a y between consonants (Smith, Smyth)."""
    if len(name) != len(other) or name == other:
        return False
    return all(x == y or ({x, y} == {"i", "y"} and 0 < k < len(name) - 1 and name[k - 1] not in "aeiou"
                                and name[k + 1] not in "aeiou") for k, (x, y) in enumerate(zip(name, other, strict=True)))


#: Endings of surnames of Slavic languages (Gerasimov, Hryhorenko, Kovalchuk, Petrovych): a surname with one is
#: likely read from Cyrillic, where г is g in Russian and h in Ukrainian.
_SLAVIC_ENDING = re.compile(r".*(?:[oe]v|[oe]va|[iy]n|[iy]na|sk[iy]j?|ska(?:ya|ja)?|[ae]nko|ko|[uy]k|chuk|[iy]ch|"
                            r"vych|vich|[oe]vna|ets)")


def _g_for_h(name: str, other: str) -> bool:
    """The names differ only by a g and an h (Hoffman, Goffman; Hirsch, Girsch) and neither has a Slavic ending: two
    people, as nothing says the name was read from Cyrillic (Gerasimov, Herasimov is one name, г read two ways)."""
    if len(name) != len(other) or name == other or any(
            x != y and {x, y} != {"g", "h"} for x, y in zip(name, other, strict=True)):
        return False
    return not (_SLAVIC_ENDING.fullmatch(name) or _SLAVIC_ENDING.fullmatch(other))


def _umlauts_folded(name: str) -> str:
    return name.replace("ue", "u").replace("ae", "a").replace("oe", "o")


_GIVEN = re.compile(r",\s*(.*)$")


def _initials(author: str) -> str:
    """The first initial of the given names after the comma ("Zhang, Y." gives y), or "" when not written so."""
    match = _GIVEN.search(author)
    given = match.group(1).strip() if match else ""
    return given[:1].lower() if given[:1].isalpha() else ""


def _coauthor_shared(a: Candidate, b: Candidate) -> bool:
    """Another author (not the first) of one record is among the other's authors."""
    return not _surnames(a, 1).isdisjoint(_surnames(b)) or not _surnames(b, 1).isdisjoint(_surnames(a))


def _without_the_first(a: Candidate, b: Candidate) -> bool:
    """``b`` lists ``a``'s authors from the second on (a database lost the first): two names at least in turn."""
    return len(a.authors) >= 3 and len(b.authors) >= 2 and not b.author_key.isdisjoint(
        author_key(a.authors[1])) and not author_key(a.authors[2]).isdisjoint(author_key(b.authors[1]))


def _surnames(record: Candidate, start: int = 0) -> frozenset[str]:
    return frozenset().union(*(author_key(author) for author in record.authors[start:]))


def journals_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The two names are one journal: equal, one an abbreviation of the other (``J Rehabil Med``), or
    one the other with words left out (a proceedings' title without its number and year)."""
    if a == b or "".join(a) == "".join(b):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    if _abbreviates(short, long) or (len(short) == len(long) and _abbreviates(long, short)):
        return True
    if len(short) == 1 and len(long) > 1 and short[0] == "".join(word[0] for word in long):
        return True  # an acronym: "BMJ", "British Medical Journal"
    # "Hawaii International Conference on System Sciences" inside "50th Annual Hawaii International ...":
    return len(short) >= 3 and _abbreviates(short, long, anchored=False)


def _abbreviates(short: tuple[str, ...], long: tuple[str, ...], *, anchored: bool = True) -> bool:
    """Each word of ``short`` begins a word of ``long`` or is that word without some letters (``Natl``, ``Intl``,
    ``Mgmt``), in order (the first word the first when anchored)."""
    if anchored and not _shortens(short[0], long[0]):
        return False
    position = 0
    for word in short:
        while position < len(long) and not _shortens(word, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def _shortens(word: str, full: str) -> bool:
    """``word`` abbreviates ``full``: its beginning (``Rehabil``), or its letters in order from the first (``Natl``)."""
    if full.startswith(word):
        return True
    if len(word) < 3 or word[0] != full[0] or len(word) >= len(full):
        return False
    letters = iter(full)
    return all(letter in letters for letter in word)


def conflicts(a: Candidate, b: Candidate, same_title: bool = False) -> list[str]:
    """The parts of the citation both records state and that differ: volume, issue, pages. With ``same_title`` (the
    titles match), an issue that differs under the same volume and range of pages is a typing error, not a conflict."""
    found = []
    if a.volume and b.volume and a.volume != b.volume:
        found.append("volume")
    if a.issue and b.issue and a.issue != b.issue and "volume" not in found and not (
            same_title and _same_range(a, b)):
        found.append("issue")
    if a.first_page and b.first_page and a.first_page != b.first_page and _numbering(a.first_page) == _numbering(
            b.first_page):
        found.append("pages")
    return found


def _same_range(a: Candidate, b: Candidate) -> bool:
    """The same volume and the same range of several pages: an issue mistyped in one database, not two documents
    (unless the title is a column's, which a journal paginating each issue anew prints on the same pages; such a
    journal prints one author's two papers of two issues on the same pages too: the titles must match)."""
    return bool(a.volume and a.volume == b.volume and a.last_page and a.last_page != a.first_page
                and a.first_page == b.first_page and a.last_page == b.last_page
                and min(len(a.title_key), len(b.title_key)) >= 2 * SHORT_TITLE)


_NUMBER = re.compile(r"\d+")


def _numbering(page: str) -> str:
    """How a page is numbered: "2085" and "12" alike, "e8" and "e3" alike, but not "e0123456" (an article
    number) and "1" (its first page): those are two ways to cite one article, not two articles."""
    return _NUMBER.sub("#", page)


def judge(a: Candidate, b: Candidate, title: str) -> Verdict | None:
    """Whether ``a`` and ``b`` are one document, given how their titles match (``title`` is one of
    SAME_TITLE, SIMILAR_TITLE, MAIN_TITLE, OTHER_TITLE); None when they are not, or nothing says so."""
    if a.year != b.year and a.first_page == b.first_page and _COCHRANE_REVIEW.fullmatch(a.first_page) and a.year and b.year:
        return None  # a Cochrane review's versions share its number (CD012345), each a year or more after the last
    authors = authors_agree(a, b)
    if authors is None or conflicts(a, b, title in (SAME_TITLE, SIMILAR_TITLE, TRANSLITERATED_TITLE)) or a.preprint != b.preprint:
        return None  # (a preprint and the paper it became are two reports of one study, as two papers are)
    if a.year and b.year and abs(a.year - b.year) > 1 and not (
            authors and a.volume and a.volume == b.volume and a.first_page and a.first_page == b.first_page):
        return None  # years apart: only the same volume and first page say one document (online first, then print)
    agreed: list[str] = []
    doubts: list[str] = []
    if a.year and b.year:
        (agreed if a.year == b.year else doubts).append("year" if a.year == b.year else "the years differ")
    if authors == SPELT_ALIKE:
        doubts.append("the first authors' names differ")
    elif authors == OTHER_ORDER:
        doubts.append("the authors are in another order")
    elif authors:
        agreed.append(authors)
    if a.journal and b.journal:
        if journals_agree(a.journal, b.journal):
            agreed.append("journal")
        else:
            doubts.append("the journals differ")
    for part in ("volume", "issue"):
        if getattr(a, part) and getattr(a, part) == getattr(b, part):
            agreed.append(part)
    if a.first_page and a.first_page == b.first_page:
        agreed.append("pages")
    if _nothing_but_a_title(a) or _nothing_but_a_title(b):
        # A title alone does not tell an abstract from the paper, nor the versions of a review, however long it is.
        doubts.append("one record has nothing but its title")
    if a.reply != b.reply:
        doubts.append("one is a reply")
    if a.work != b.work and {a.work, b.work} == {"book", "chapter"}:
        # A book's opening chapter may bear the book's title (and an export its pages or none): two documents.
        doubts.append("one is a chapter of a book")
    if (not (a.first_page or a.volume) or not (b.first_page or b.volume)) and _supplement_page(
            a.first_page or b.first_page):
        # A meeting's abstract (page A123, S45) and the paper published online (no volume, no pages) share a title.
        doubts.append("one is in a supplement")
    # Two documents do not share their pages (or volume and issue) as well as title, first author and year.
    # Nor a range of several pages: a conference paper cited under the conference's name, and the year after under
    # its series' (Lecture Notes in ...), has the pages it had.
    located = ("pages" in agreed and ("volume" in agreed or "journal" in agreed or "year" in agreed)) or (
        "volume" in agreed and "issue" in agreed) or ("pages" in agreed and a.last_page != a.first_page and bool(
            a.last_page) and a.last_page == b.last_page)
    shortest = min(len(a.title_key), len(b.title_key))
    if (title == CUT_TITLE and shortest < LONG_CUT and not ((a.cut or b.cut) and shortest >= MARKED_CUT)) or (
            title == NUMBERS_CUT_TITLE):
        # Cut short to a few words (marked by an ellipsis, or mid-word), or before the numbers that may be all that
        # tells two documents apart (part 1 and part 2): as little as a main title.
        title, reason = MAIN_TITLE, title
    else:
        reason = title
    if title in (SAME_TITLE, SIMILAR_TITLE, CUT_TITLE, TRANSLITERATED_TITLE, TRANSLATED_TITLE):
        if doubts == ["the years differ"] and authors and "journal" in agreed and _online_first(a, b):
            return Verdict(False, _reason(title, [*agreed, "online a year before the issue"], []))
        if (min(len(a.title_key), len(b.title_key)) < SHORT_TITLE or generic_title(a.title_key)) and (
                "volume" not in agreed and not located):
            if not (a.year and b.year and authors):
                return None
            doubts.append("the title is short" if min(len(a.title_key), len(b.title_key)) < SHORT_TITLE
                          else "the title is generic")
        # A letter and its reply share the journal's volume and issue too: only the pages tell them apart.
        if doubts and not (located and ("pages" in agreed or "one is a reply" not in doubts)):
            return Verdict(True, _reason(title, agreed, doubts))
        return Verdict(False, _reason(title, agreed, []))
    if "year" not in agreed or "one is a reply" in doubts or not authors:
        return None
    if title == MAIN_TITLE:
        if located:
            return Verdict(False, _reason(reason, agreed, []))
        enough = "journal" in agreed and not doubts and min(len(a.title_key), len(b.title_key)) >= SHORT_TITLE
        return Verdict(True, _reason(reason, agreed, doubts)) if enough else None
    # OTHER_TITLE: titles in two languages, or reworded; the whole citation must agree.
    if located and "journal" in agreed and authors in ("first author", SPELT_ALIKE):  # (the citation names the one)
        return Verdict(False, _reason(title, agreed, []))
    return None


def _nothing_but_a_title(record: Candidate) -> bool:
    """The record has a title and nothing else to compare: no authors, year, volume or pages."""
    return not (record.authors or record.year or record.volume or record.first_page)


#: A Cochrane review's number, its "pages" in every version (CD012345; each version's DOI adds .pub2, .pub3).
_COCHRANE_REVIEW = re.compile(r"cd\d{6}")


def _supplement_page(page: str) -> bool:
    """A page of a supplement of abstracts: ``A123``, ``S45`` (not an article number, ``e0123456``)."""
    return page[:1] in ("a", "s") and page[1:].isdigit()


def _online_first(a: Candidate, b: Candidate) -> bool:
    """One record is the paper published online ahead of print (no volume, no pages), the year before the other
    record, its issue (with a volume or pages). Not the other way round: an abstract in a supplement the year
    before a paper published online is two documents."""
    online, issue = (a, b) if (a.year or 0) < (b.year or 0) else (b, a)
    return (issue.year or 0) - (online.year or 0) == 1 and not (online.volume or online.first_page) and bool(
        issue.volume or issue.first_page) and min(len(a.title_key), len(b.title_key)) >= SHORT_TITLE


def _reason(title: str, agreed: list[str], doubts: list[str]) -> str:
    parts = [title, *agreed]
    said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"possible: {said}; but {' and '.join(doubts)}" if doubts else said


__all__ = ["CUT_TITLE", "MAIN_TITLE", "OTHER_ORDER", "SPELT_ALIKE", "NUMBERS_CUT_TITLE", "OTHER_TITLE", "SAME_TITLE", "SHORT_TITLE", "SIMILAR_TITLE", "TRANSLATED_TITLE",
           "TRANSLITERATED_TITLE",
           "Verdict", "authors_agree", "conflicts", "journals_agree", "judge"]
