"""Duplicate finding on titles and names in other scripts and systems than Russian's, each class on a hand-made case:
Russian the German way, Ukrainian (h for г), ё, a hard sign typed as a quote, Serbian and Greek letters, Latin
diacritics kept or stripped; and the names and titles that must stay apart (Gu and Hu, two titles one word apart).
"""

from __future__ import annotations

import pytest

from curator.duplicates.evidence import authors_agree
from curator.duplicates.titles import normalise_title
from curator.duplicates.transliteration import transliterated_name, transliteration_key
from tests.dedup_pairs import citation, link_between


def _ref(record_id: int, title: str, *, author: str = "Petrenko, O.", issue: str = "4", pages: str = "52-58",
         volume: str = "12"):
    return citation(record_id, title, authors=[author], year=2016, journal="Likarska Sprava", volume=volume,
                    issue=issue, pages=pages)


def _one_title(one: str, other: str) -> None:
    assert transliteration_key(normalise_title(one)) == transliteration_key(normalise_title(other))
    link = link_between(_ref(1, one), _ref(2, other, volume="", issue="", pages=""))
    assert link is not None and not link.possible, link


# Характеристика заболеваемости щитовидной железы у детей: Duden's system and BGN/PCGN.
GERMAN_WAY = "Charakteristika sabolewajemosti schtschitowidnoj shelesy u detej i tschastota oslozhnenij"
ENGLISH_WAY = "Kharakteristika zabolevayemosti shchitovidnoy zhelezy u detey i chastota oslozhneniy"


def test_russian_the_german_way_is_one_title_and_one_name() -> None:
    _one_title(GERMAN_WAY, ENGLISH_WAY)
    for german, english in (("Chochlow", "Khokhlov"), ("Tschernow", "Chernov"), ("Schukowski", "Zhukovskiy"),
                            ("Jakowlew", "Yakovlev")):
        assert transliterated_name(german.lower()) == transliterated_name(english.lower()), (german, english)


@pytest.mark.parametrize(("german", "english"), [("Eshow, A.", "Ezhov, A."), ("Suew, I.", "Zuev, I."),
                                                 ("Shukow, P.", "Zhukov, P."), ("Iwanowa, O.", "Ivanova, O."),
                                                 ("Zoj, V.", "Tsoy, V."), ("Zoj, V.", "Coj, V."), ("Zoj, V.", "Tsoi, V.")])
def test_a_short_name_written_the_german_way_is_one_name(german: str, english: str) -> None:
    assert authors_agree(_ref(1, "t", author=german), _ref(2, "t", author=english)) == "first author"


@pytest.mark.parametrize(("one", "other"), [("Chow, K.", "Zhou, K."), ("Low, K.", "Lov, K."), ("Popow, I.", "Popova, I."),
                                            ("Eshow, A.", "Esipov, A."), ("Zang, K.", "Tsang, K."), ("Zoj, K.", "Tsai, K.")])
def test_names_that_only_look_german_written_stay_apart(one: str, other: str) -> None:
    assert authors_agree(_ref(1, "t", author=one), _ref(2, "t", author=other)) is None


@pytest.mark.parametrize("other", [
    "Osoblyvosti likuvannia hipertonichnoi khvoroby u patsiientiv litnoho viku Kyivskoi oblasti",  # national
    "Osoblivosti likuvannya gipertonichnoi khvorobi u patsiyentiv litnogo viku Kiyivskoyi oblasti",  # Russian table
    "Особливості лікування гіпертонічної хвороби у пацієнтів літнього віку Київської області",  # Cyrillic
])
def test_a_ukrainian_title_with_h_or_g_for_g_is_one_title(other: str) -> None:
    _one_title("Osoblyvosti likuvannya hipertonichnoyi khvoroby u patsiyentiv litnoho viku Kyyivskoyi oblasti", other)


def test_a_long_surname_with_h_or_g_is_one_name_but_short_ones_stay_apart() -> None:
    assert transliterated_name("hryhorenko") == transliterated_name("grigorenko")
    for one, other in (("gu", "hu"), ("zhao", "shao"), ("chen", "shen"), ("wu", "vu"), ("gill", "hill")):
        assert transliterated_name(one) != transliterated_name(other), (one, other)
        assert authors_agree(_ref(1, "t", author=f"{one.title()}, L."), _ref(2, "t", author=f"{other.title()}, L.")) \
            is None


@pytest.mark.parametrize("other", [
    "Rebyonok s zelyonoy sypyu: uchyot oslozhneniy i obyom lecheniya",  # BGN: ё as yo
    "Rebenok s zelenoi sypʹiu: uchet oslozhnenii i obʺem lecheniia",  # LC: ё as e, the signs as primes
    'Rebenok s zelenoj syp\'ju: ucet oslozhnenij i ob"em lechenija',  # a database typing ъ as " and ь as '
    "Ребёнок с зелёной сыпью: учёт осложнений и объём лечения",  # Cyrillic
])
def test_yo_and_the_signs_however_written_are_one_title(other: str) -> None:
    _one_title("Rebjonok s zeljonoj sypju: uchjot oslozhnenij i objom lechenija", other)


def test_a_quote_between_letters_joins_them_but_a_quotation_does_not() -> None:
    assert normalise_title('Ob"em lecheniya') == "obem lecheniya"
    assert normalise_title('The "best" practice') == "best practice"


@pytest.mark.parametrize("other", [
    "Efikasnost lečenja pacijenata sa hroničnom bolešću bubrega u Vojvodini: određivanje rizika",  # Gaj's Latin
    "Efikasnost lecenja pacijenata sa hronicnom bolescu bubrega u Vojvodini: odredjivanje rizika",  # without accents
])
def test_a_serbian_title_in_cyrillic_and_in_latin_letters_is_one_title(other: str) -> None:
    _one_title("Ефикасност лечења пацијената са хроничном болешћу бубрега у Војводини: одређивање ризика", other)


@pytest.mark.parametrize("other", [
    "Epidimiologia tou sakcharodi diaviti stous ilikiomenous astheneis tis Kritis",  # ELOT 743
    "Epidimiologia tu sakharodi diaviti stus ilikiomenus asthenis tis Kritis",  # phonetic
    "Epidemiologia tou sakcharode diavete stous elikiomenous astheneis tes Kretes",  # η as e (the classical way)
])
def test_a_greek_title_in_greek_and_in_latin_letters_is_one_title(other: str) -> None:
    greek = "Επιδημιολογία του σακχαρώδη διαβήτη στους ηλικιωμένους ασθενείς της Κρήτης"
    assert normalise_title(greek).startswith("epidimiologia tou sakcharodi")
    link = link_between(_ref(1, greek), _ref(2, other, volume="", issue="", pages=""))
    assert link is not None and not link.possible, link


def test_a_greek_letter_alone_is_still_spelt_out() -> None:
    assert normalise_title("β-blockers and α-synuclein in γδ T cells") == "beta blockers and alpha synuclein in " \
                                                                         "gammadelta t cells"


@pytest.mark.parametrize(("kept", "stripped"), [
    (("Wróbel, Ł.", "Ocena jakości życia pacjentów po udarze mózgu w województwie łódzkim"),
     ("Wrobel, L.", "Ocena jakosci zycia pacjentow po udarze mozgu w wojewodztwie lodzkim")),
    (("Dvořák, J.", "Řízení rizik pádů u seniorů v domácí péči a jejich rodin"),
     ("Dvorak, J.", "Rizeni rizik padu u senioru v domaci peci a jejich rodin")),
    (("Işık, Ş.", "Türkiye'de yaşlı hastalarda düşme riskinin değerlendirilmesi"),
     ("Isik, S.", "Turkiye'de yasli hastalarda dusme riskinin degerlendirilmesi")),
    (("Nguyễn, T. H.", "Đánh giá chất lượng cuộc sống của bệnh nhân đái tháo đường týp 2"),
     ("Nguyen, T. H.", "Danh gia chat luong cuoc song cua benh nhan dai thao duong typ 2")),
    (("Größer, J.", "Lebensqualität älterer Menschen nach Hüftgelenksersatz in Süddeutschland"),
     ("Groesser, J.", "Lebensqualitaet aelterer Menschen nach Hueftgelenksersatz in Sueddeutschland")),
])
def test_latin_diacritics_kept_or_stripped_are_one_document(kept: tuple[str, str], stripped: tuple[str, str]) -> None:
    link = link_between(_ref(1, kept[1], author=kept[0]), _ref(2, stripped[1], author=stripped[0], volume="",
                                                               issue="", pages=""))
    assert link is not None and not link.possible, link


@pytest.mark.parametrize(("one", "other"), [
    ("Osoblyvosti likuvannia hipertonichnoi khvoroby u patsiientiv litnoho viku Kyivskoi oblasti",
     "Особливості лікування гіпертонічної хвороби у дітей шкільного віку Київської області"),
    (GERMAN_WAY, ENGLISH_WAY.replace("detey", "vzroslykh")),
    ("Epidimiologia tou sakcharodi diaviti stous ilikiomenous astheneis tis Kritis",
     "Επιδημιολογία του σακχαρώδη διαβήτη στους νοσηλευτές της Κρήτης"),
    ("Lebensqualität älterer Menschen nach Hüftgelenksersatz in Süddeutschland",
     "Lebensqualitaet aelterer Frauen nach Hueftgelenksersatz in Sueddeutschland"),
])
def test_two_titles_one_real_word_apart_are_two_documents(one: str, other: str) -> None:
    assert link_between(_ref(1, one), _ref(2, other, issue="5", pages="101-108")) is None
    assert link_between(_ref(1, one), _ref(2, other, volume="", issue="", pages="")) is None
