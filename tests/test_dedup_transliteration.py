"""Duplicate finding on names and titles written in two systems of transliteration, each on a hand-made case.

A Russian title or surname reaches one database in Cyrillic, another in BGN/PCGN (Scopus: Yakovlev,
Kharakteristika), another in the Library of Congress's system (MEDLINE: Iakovlev), another in ISO 9 or the
scholarly system (Jakovlev, Harakteristika, Žukov) with or without its letters. They are one document; two
Russian titles one word apart, or two Russian first authors, are not.
"""

from __future__ import annotations

import pytest

from curator.duplicates.evidence import TRANSLITERATED_TITLE, authors_agree
from curator.duplicates.keys import author_key
from curator.duplicates.titles import normalise_title
from curator.duplicates.transliteration import transliterated_name, transliteration_key
from tests.dedup_pairs import citation, link_between

CYRILLIC = "Характеристика заболеваемости щитовидной железы у детей и подростков в Хабаровском крае"
WRITTEN = [
    CYRILLIC,
    "Kharakteristika zabolevayemosti shchitovidnoy zhelezy u detey i podrostkov v Khabarovskom kraye",  # BGN/PCGN
    "Kharakteristika zabolevaemosti shchitovidnoi zhelezy u detei i podrostkov v Khabarovskom krae",  # LC
    "Harakteristika zabolevaemosti ščitovidnoj železy u detej i podrostkov v Habarovskom krae",  # ISO 9
    "Harakteristika zabolevaemosti scitovidnoj zelezy u detej i podrostkov v Habarovskom krae",  # without its letters
]


def _ref(record_id: int, title: str = WRITTEN[1], *, author: str = "Yakovlev, A. V.", year: int | None = 2016,
         journal: str = "Zhurnal Nevrologii i Psikhiatrii imeni S.S. Korsakova", volume: str = "116",
         issue: str = "4", pages: str = "52-58"):
    return citation(record_id, title, authors=[author], year=year, journal=journal, volume=volume, issue=issue,
                    pages=pages, author_line=True)


def test_cyrillic_letters_are_compared_in_latin_ones() -> None:
    assert normalise_title("Щукин") == "shchukin"
    assert normalise_title("Юрий Ильин") == "yurii ilin"
    # The primes some systems write for the soft and hard signs are dropped, as an apostrophe is.
    assert normalise_title("Ilʹin obʺekt") == normalise_title("Il'in obekt") == "ilin obekt"


@pytest.mark.parametrize("other", WRITTEN[2:] + WRITTEN[:1])
def test_a_title_in_two_systems_of_transliteration_is_one_title(other: str) -> None:
    assert transliteration_key(normalise_title(other)) == transliteration_key(normalise_title(WRITTEN[1]))
    link = link_between(_ref(1), _ref(2, other, volume="", issue="", pages=""))
    assert link is not None and not link.possible
    assert link.method.startswith((TRANSLITERATED_TITLE, "similar title", "same title"))


def test_two_russian_titles_one_word_apart_are_two_documents() -> None:
    other = WRITTEN[3].replace("podrostkov", "vzroslyh")  # adolescents / adults
    assert link_between(_ref(1), _ref(2, other, issue="5", pages="101-108")) is None
    assert link_between(_ref(1), _ref(2, other, volume="", issue="", pages="")) is None


def test_numbers_still_tell_transliterated_titles_apart() -> None:
    first = WRITTEN[1] + ". Chast' 1"
    second = WRITTEN[3] + ". Čast' 2"
    assert link_between(_ref(1, first), _ref(2, second, volume="", issue="", pages="")) is None


@pytest.mark.parametrize("names", [
    ("Yakovlev, A. V.", "Iakovlev, A. V.", "Jakovlev, A. V.", "Яковлев, А. В."),
    ("Tsoi, V.", "Tsoy, V.", "Coj, V.", "Цой, В."),
    ("Khrushchev, S.", "Hruščëv, S.", "Khrushchyov, S.", "Hrusciov, S."),
    ("Zhukovskiy, P.", "Zhukovskii, P.", "Žukovskij, P.", "Zhukovsky, P."),
    ("Fyodorov, I.", "Fedorov, I.", "Fjodorov, I."),
    ("Yu, K.", "Iu, K."),
    ("Müller, H.", "Mueller, H.", "Muller, H."),
])
def test_a_surname_in_two_systems_of_transliteration_is_one_author(names: tuple[str, ...]) -> None:
    keys = {transliterated_name(word) for name in names for word in author_key(name)}
    assert len(keys) == 1, keys
    for name in names[1:]:
        assert authors_agree(_ref(1, author=names[0]), _ref(2, author=name)) == "first author"
        link = link_between(_ref(1, author=names[0]), _ref(2, author=name, volume="", issue="", pages=""))
        assert link is not None and not link.possible


@pytest.mark.parametrize(("one", "other"), [("Yakovlev, A.", "Yudin, A."), ("Shchukin, P.", "Shilov, P."),
                                            ("Zhukov, I.", "Zuev, I."), ("Tsvetkov, E.", "Chernov, E.")])
def test_two_russian_first_authors_are_two_people(one: str, other: str) -> None:
    assert authors_agree(_ref(1, author=one), _ref(2, author=other)) is None
    assert link_between(_ref(1, author=one), _ref(2, author=other)) is None
