"""Duplicate finding on the look-alikes of ``tests/benchmarks/dedup_classes_round3.py``: a title word another
word its first letter apart, first authors whose surnames only a g and an h tell apart, a book chapter titled
as its book; and the one document each rule must still recognise."""

from __future__ import annotations

import pytest

from curator.duplicates import links as duplicate_links
from curator.duplicates.evidence import SPELT_ALIKE, authors_agree
from curator.duplicates.keys import candidate
from curator.duplicates.look_alikes import different_words
from curator.importers.batch import import_paths
from tests.dedup_pairs import citation, link_between, linked

TITLE = "Home-based exercise and {} in older adults with heart failure: a cohort study"


def _ref(record_id: int, title: str = TITLE.format("depression"), *, authors: tuple[str, ...] = ("Tam, L.",),
         pages: str = "2085-2092"):
    return citation(record_id, title, authors=authors, year=2015, journal="Stroke", volume="46" if pages else "",
                    issue="3" if pages else "", pages=pages)


@pytest.mark.parametrize(("ours", "theirs"), [
    ("depression", "repression"), ("weight", "height"), ("dental", "mental"), ("ventral", "central"),
    ("hearing", "bearing"), ("bone", "tone"), ("pain", "gain"), ("location", "vocation")])
def test_words_a_first_letter_apart_are_two_words(ours: str, theirs: str) -> None:
    assert different_words(ours, theirs) and different_words(theirs, ours, names=False)
    assert link_between(_ref(1, TITLE.format(ours)), _ref(2, TITLE.format(theirs), pages="")) is None


@pytest.mark.parametrize(("ours", "theirs"), [
    ("jazvennoj", "yazvennoj"), ("iudin", "yudin"), ("gerasimov", "herasimov"), ("kardiologie", "cardiologie"),
    ("wirkung", "virkung"), ("khvoroby", "chvoroby"), ("alterer", "elterer")])
def test_a_first_letter_systems_write_for_one_sound_is_one_word(ours: str, theirs: str) -> None:
    assert not different_words(ours, theirs) and not different_words(theirs, ours, names=False)


@pytest.mark.parametrize(("ours", "theirs"), [("Hoffman", "Goffman"), ("Hirsch", "Girsch"), ("Heller", "Geller")])
def test_surnames_a_g_and_an_h_apart_are_two_people_unless_another_author_is_shared(ours: str, theirs: str) -> None:
    centre = _ref(1, authors=(f"{ours}, Y.", "Okafor, C."))
    other_centre = _ref(2, authors=(f"{theirs}, Y.", "Moreau, L."), pages="")
    assert authors_agree(centre, other_centre) == SPELT_ALIKE
    unsure = link_between(centre, other_centre)
    assert unsure is not None and unsure.possible
    assert linked(centre, _ref(2, authors=(f"{theirs}, Y.", "Okafor, C."), pages=""))


@pytest.mark.parametrize(("ours", "theirs"), [("Gerasimov", "Herasimov"), ("Hryhorenko", "Gryhorenko"),
                                              ("Golovko", "Holovko")])
def test_a_slavic_surname_with_g_or_h_is_one_name(ours: str, theirs: str) -> None:
    one = _ref(1, authors=(f"{ours}, Y.", "Okafor, C."))
    assert linked(one, _ref(2, authors=(f"{theirs}, Y.", "Moreau, L."), pages=""))


def _work(record_id: int, kind: str):
    title = "Rehabilitation after stroke: principles and practice"
    fields = {"title": title, "authors": ["Tam, L."], "year": 2015, "journal": title if kind != "Book" else None,
              "ids": [], "kind": "article"}
    return candidate(record_id, fields, f"hash{record_id}", f"Title: {title}\nYear: 2015\nType: {kind}\n")


@pytest.mark.parametrize("chapter", ["Book chapter", "Book Section", "incollection"])
def test_a_chapter_titled_as_its_book_is_not_the_book(chapter: str) -> None:
    link = link_between(_work(1, "Book"), _work(2, chapter))
    assert link is not None and link.possible and "chapter" in link.method
    assert linked(_work(1, "Book"), _work(2, "Book")) and linked(_work(1, chapter), _work(2, chapter))


def _ris(path, type_code: str) -> None:
    path.write_text(f"TY  - {type_code}\nTI  - Rehabilitation after stroke: principles and practice\nAU  - Tam, L.\n"
                    "PY  - 2015\nT2  - Rehabilitation after stroke: principles and practice\nER  - \n", encoding="utf-8")


def test_a_chapter_imported_after_its_book_is_only_possibly_the_book(review, tmp_path) -> None:
    _ris(tmp_path / "book.ris", "BOOK")
    _ris(tmp_path / "chapter.ris", "CHAP")
    import_paths(review, [tmp_path / "book.ris"], reviewer="ann")
    import_paths(review, [tmp_path / "chapter.ris"], reviewer="ann")
    (link,) = duplicate_links.list_links(review)
    assert "possible" in link.method and "chapter" in link.method and duplicate_links.duplicate_count(review) == 0
