"""Aggregator, hospital and publisher pages read by class: boxes about other records, chrome and site sections
that are no title, by-lines, mastheads and issue lines, other-language titles, and PICO phrases from prose."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_TRIAL = "Ondansetron for Nausea in Early Pregnancy\nTrial ID: NCT04888001\nStatus: Recruiting\n"


@pytest.mark.parametrize("box", [
    "Patients also viewed\nNCT04111222 Ginger for nausea\nNCT04333444 Acupressure bands",
    "More from TrialWire\nVitamin B6 study opens (NCT04111222)\nAntiemetics in pregnancy (NCT04333444)",
    "Trials you may also like: NCT04111222, NCT04333444",
])
def test_boxes_about_other_records_give_no_ids(box: str) -> None:
    assert extract(_TRIAL + "\n" + box + "\n")["ids"] == ["NCT04888001"]


@pytest.mark.parametrize("heading", ["Referências", "Referencias", "引用文献 (8)", "参考文献"])
def test_other_language_reference_headings_hold_references(heading: str) -> None:
    text = ("Yoga versus stretching for neck pain: a randomised trial\nAna Lima, Rui Costa\n"
            "Abstract\nWe randomised 60 adults with neck pain to yoga or stretching.\n"
            "DOI: 10.1590/bjpt.2021.0101\n" + heading + "\n1. Old A. Neck pain. Spine. 2019. doi:10.1097/brs.0000000000001234\n")
    assert extract(text)["ids"] == ["DOI:10.1590/bjpt.2021.0101"]


@pytest.mark.parametrize("chrome", [
    "TRIALS TRACKER",
    "< Back to results (12)",
    "Your privacy matters. We and our partners store information on your device. Agree",
    "Visiting restrictions are in place on some wards. Read the latest guidance.",
])
def test_banners_notices_and_consent_lines_are_no_title(chrome: str) -> None:
    text = f"{chrome}\n\nOndansetron for Nausea in Early Pregnancy\nNCT04888001\nStatus: Recruiting\nPhase: Phase 3\n"
    assert extract(text)["title"] == "Ondansetron for Nausea in Early Pregnancy"


def test_a_site_section_heading_gives_way_to_the_records_heading() -> None:
    text = ("Research and Innovation\n\nCurrent studies\n\nFAST-Knee: Bracing for knee osteoarthritis\n"
            "Study reference | ISRCTN 11122233 |\nStatus | Open to recruitment |\n")
    assert extract(text)["title"] == "FAST-Knee: Bracing for knee osteoarthritis"


def test_a_short_heading_over_a_sentence_stays_the_title() -> None:
    text = "Anakinra and Gout Flares\n\nThe study is designed to assess anakinra in gout flares.\nNCT04888002\n"
    assert extract(text)["title"] == "Anakinra and Gout Flares"


_ABSTRACT = ("Abstract\nWe randomly assigned 120 adults with chronic migraine to 12 weeks of aerobic exercise or a "
             "relaxation programme. The primary outcome was monthly migraine days.\n")


@pytest.mark.parametrize(("byline", "names"), [
    ("Ida Berg a b, Ola Moe a, Per Lund c", ["Ida Berg", "Ola Moe", "Per Lund"]),
    ("Ida Berg1,\nOla Moe2 &\nPer Lund1", ["Ida Berg", "Ola Moe", "Per Lund"]),
])
def test_bylines_with_affiliation_letters_or_one_name_a_line(byline: str, names: list[str]) -> None:
    text = f"Aerobic exercise versus relaxation for chronic migraine: a randomised trial\n{byline}\n\n{_ABSTRACT}"
    assert extract(text)["authors"] == names


@pytest.mark.parametrize(("masthead", "journal", "year"), [
    ("Headache, Pain and Medicine\nVolume 41, 1 March 2021, Pages 10-19", "Headache, Pain and Medicine", 2021),
    ("Headache Journal\nVol. 12, No. 3 | May/June 2022", "Headache Journal", 2022),
    ("Revista de neurología clínica\nRev. neurol. clín. vol.40 no.2 Lima abr. 2020", "Revista de neurología clínica",
     2020),
    ("Journal of Pain Research\n2019 年 12 巻 3 号 p. 100-108", "Journal of Pain Research", 2019),
])
def test_masthead_journal_and_issue_year(masthead: str, journal: str, year: int) -> None:
    text = (f"{masthead}\n\nAerobic exercise versus relaxation for chronic migraine: a randomised trial\n"
            f"Ida Berg, Ola Moe\nSubmitted 3 January 2018\n\n{_ABSTRACT}")
    f = extract(text)
    assert (f["journal"], f["year"]) == (journal, year)


def test_the_english_title_under_a_title_in_another_language() -> None:
    text = ("Ejercicio aeróbico versus relajación en migraña crónica: ensayo clínico aleatorizado\n"
            "Aerobic exercise versus relaxation in chronic migraine: a randomised clinical trial\n"
            "Juan Pérez, Ana Soto\n\n" + _ABSTRACT)
    f = extract(text)
    assert f["title"] == "Aerobic exercise versus relaxation in chronic migraine: a randomised clinical trial"
    assert f["pico"]["intervention"] == "Aerobic exercise"


def test_an_outcome_named_as_the_sentences_subject() -> None:
    text = ("Yoga for neck pain: a randomised trial\nAna Lima, Rui Costa\n\nAbstract\nWe randomised 60 adults with "
            "neck pain to yoga or stretching. Neck disability at 8 weeks, measured with the NDI, was the primary "
            "outcome.\n")
    assert extract(text)["pico"]["outcome"] == "Neck disability at 8 weeks"


def test_a_placebo_with_adjectives_after_or_is_the_control() -> None:
    text = _TRIAL + "What the study involves: Women are randomly allocated to oral ondansetron or a saline placebo.\n"
    assert extract(text)["pico"]["comparator"] == "saline placebo"


def test_the_population_ends_where_the_arms_begin() -> None:
    f = extract("Aerobic exercise versus relaxation for chronic migraine: a randomised trial\nIda Berg, Ola Moe\n\n"
                + _ABSTRACT)
    assert f["pico"]["population"] == "adults with chronic migraine"


def test_the_titles_fuller_name_of_a_listed_intervention() -> None:
    text = ("Internet-delivered cognitive behavioural therapy versus waiting list for insomnia: a randomised trial\n"
            "Ida Berg, Ola Moe\n\nAbstract\nAdults with insomnia were randomised. The primary outcome was the ISI.\n")
    f = extract(text)
    assert f["interventions"][0] == "Internet-delivered cognitive behavioural therapy"
