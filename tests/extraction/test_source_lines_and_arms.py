"""Classes of batch 9 on journal, database and registry pages: the journal and year in source lines the citation
patterns did not know, identifiers after a Turkish capital, study type and conditions in other layouts, arms and
populations in more wordings."""

from __future__ import annotations

import pytest

from curator.extraction import extract
from curator.identifiers import find_ids

_TITLE = "Ginger capsules for nausea after day surgery: a randomised controlled trial"
_ABSTRACT = ("Abstract\nMethods: Adults having day surgery were randomly assigned to ginger capsules or placebo. The "
             "primary outcome was nausea at 24 hours.\n")


@pytest.mark.parametrize(("source", "journal", "year"), [
    ("Citation Annals of Surgery (2022) 33 (suppl_7): S150-S151.", "Annals of Surgery", 2022),
    ("Kent et al. Trials          (2021) 22:345", "Trials", 2021),
    ("Rev. méd. Chile ; 149(6): 845-853, jun. 2021. tab", "Rev. méd. Chile", 2021),
    ("Health Technology Assessment   Volume 26   Issue 12   February 2022", "Health Technology Assessment", 2022),
    ("Türkiye Klinikleri Tıp Dergisi > Cilt: 41 Sayı: 2\nYıl 2020, Cilt: 41 Sayı: 2, 134 - 142",
     "Türkiye Klinikleri Tıp Dergisi", 2020),
    ("中国针灸   2022年   第42卷   第3期   页码: 265-270", "中国针灸", 2022),
])
def test_journal_and_year_from_a_source_line(source: str, journal: str, year: int) -> None:
    f = extract(f"{source}\n\n{_TITLE}\nAnna Kent, Lars Berg\nhttps://doi.org/10.1234/gin.2021.1\n\n{_ABSTRACT}")
    assert (f["journal"], f["year"]) == (journal, year)


@pytest.mark.parametrize(("line", "year"), [("Version published: 18 March 2021", 2021),
                                            ("PREPRINT   Version 1   posted 18 Jan, 2022", 2022),
                                            ("Volume: 21   Issue: 8   Page: 712-719   Publication year: 2019", 2019)])
def test_year_from_a_version_or_publication_year_line(line: str, year: int) -> None:
    f = extract(f"{_TITLE}\nAnna Kent, Lars Berg\n{line}\nhttps://doi.org/10.1234/gin.2021.1\n\n{_ABSTRACT}")
    assert f["year"] == year


def test_a_reference_heading_in_turkish_keeps_its_citations_out() -> None:
    f = extract(f"{_TITLE}\nAnna Kent, Lars Berg\nhttps://doi.org/10.1234/gin.2021.1\n\n{_ABSTRACT}\nKaynakça\n"
                "1. Gutke A, et al. Pain in pregnancy. Eur Spine J. 2015;24(6):1191-1198. https://doi.org/10.1007/s005\n")
    assert f["journal"] != "Eur Spine J" and f["year"] != 2015
    assert f["ids"] == ["DOI:10.1234/gin.2021.1"]


def test_identifiers_after_a_turkish_capital_keep_their_place() -> None:
    text = "İstanbul Üniversitesi\nhttps://doi.org/10.5336/medsci.2020-79123 NCT01234567"
    found = list(find_ids(text))
    assert [c for c, _s, _e in found] == ["DOI:10.5336/medsci.2020-79123", "NCT01234567"]
    assert text[found[0][1]:found[0][2]].endswith("10.5336/medsci.2020-79123")
    assert text[found[1][1]:found[1][2]] == "NCT01234567"


@pytest.mark.parametrize("line", ["Primary study design Interventional", "Study design  Randomised controlled trial",
                                  "Study design: Randomized-controlled; parallel; treatment"])
def test_study_type_from_a_design_line(line: str) -> None:
    f = extract(f"ISRCTN12345678\nGinger for nausea after surgery\nCondition: Nausea\n{line}\n")
    assert f["study_type"] == "INTERVENTIONAL"


def test_a_table_printed_with_wide_gaps() -> None:
    f = extract("Ginger for Nausea (GINNY)\nClinicalTrials.gov Identifier: NCT04412983\n\nCondition or disease    "
                "Intervention/treatment    Phase\nPostoperative Nausea    Dietary Supplement: Ginger    Phase 2\n")
    assert (f["conditions"], f["phase"]) == (["Postoperative Nausea"], "PHASE2")


def test_an_empty_conditions_label_gives_no_guessed_condition() -> None:
    f = extract("Trial record (draft)\nTitle: Zinc for recurrent inguinal hernia pain in adults\nTrial ID:\n"
                "Conditions:\nInterventions:\n")
    assert f["conditions"] == []


@pytest.mark.parametrize(("title", "condition"), [
    ("A Program to Improve Asthma Control in Children", "Asthma"),
    ("Mesh repair for primary inguinal hernia", "inguinal hernia"),
    ("Valve calcium in aortic stenosis", "aortic stenosis"),
])
def test_a_condition_without_the_verb_before_it(title: str, condition: str) -> None:
    f = extract(f"{title}\nClinicalTrials.gov Identifier: NCT04412983\nStudy Type: Interventional\n")
    assert any(condition in c for c in f["conditions"])
    assert not any("Improve" in c or "repair" in c for c in f["conditions"])


def test_people_named_by_what_they_do() -> None:
    f = extract(f"{_TITLE}\nAnna Kent\nhttps://doi.org/10.1234/gin.2021.1\n\nAbstract\nUniversity students with exam "
                "stress were randomized to ginger or placebo. The primary outcome was nausea.\n")
    assert f["pico"]["population"].startswith("University students with exam stress")


@pytest.mark.parametrize(("sentence", "tested", "control"), [
    ("Patients were randomized 1:1 to ginger 1 g daily plus ondansetron or ondansetron alone.",
     "ginger 1 g daily plus ondansetron", "ondansetron alone"),
    ("Students were randomly allocated to either use the CalmNow app for six weeks or to receive an emailed leaflet.",
     "CalmNow app", "emailed leaflet"),
    ("Adults were randomly assigned to a nerve block or local wound infiltration with levobupivacaine by the surgeon.",
     "nerve block", "local wound infiltration with levobupivacaine"),
])
def test_arms_of_an_assignment_sentence(sentence: str, tested: str, control: str) -> None:
    f = extract(f"Ginger and nausea: a trial\nAnna Kent\nhttps://doi.org/10.1234/gin.2021.1\n\nAbstract\n{sentence} The "
                "primary outcome was nausea.\n")
    assert (f["pico"]["intervention"], f["pico"]["comparator"]) == (tested, control)


def test_a_control_value_written_about_its_people() -> None:
    f = extract("Public title  Yoga for falls\nRegistration number  ACTRN12620000111222\nComparator / control treatment  "
                "Participants in the control group will be given a booklet of stretching exercises.\n")
    assert f["pico"]["comparator"] == "booklet of stretching exercises."


def test_a_form_s_kind_of_control_is_no_comparator() -> None:
    f = extract("NL-OMON52218\nBrief title\nScalp cooling for hair loss\nIntervention\nScalp cooling compared with no "
                "scalp cooling.\nControl: Active\nStudy type: Interventional\n")
    assert f["pico"]["comparator"] == "no scalp cooling"


def test_what_a_vaccine_protects_against_is_no_comparator() -> None:
    f = extract("Trial number: 2023-504812-33-00\nTitle of the trial: Testing a nasal vaccine against whooping cough\n"
                "Lay summary\nThis trial tests a nasal vaccine against whooping cough in healthy adults.\n")
    assert f["pico"]["comparator"] is None


@pytest.mark.parametrize("sentence", [
    "Older adults drank nitrate-rich or nitrate-depleted beetroot juice daily for 4 weeks each, in random order.",
    "Older adults drank nitrate-rich beetroot juice or nitrate-depleted beetroot juice for two weeks each.",
])
def test_two_arms_sharing_one_noun(sentence: str) -> None:
    f = extract(f"Nitrate and blood pressure: a crossover trial\nAnna Kent\nhttps://doi.org/10.1234/gin.2021.1\n\n"
                f"Abstract\n{sentence} The primary outcome was home systolic blood pressure.\n")
    assert f["pico"]["intervention"] == "nitrate-rich beetroot juice"
    assert f["pico"]["comparator"] == "nitrate-depleted beetroot juice"


@pytest.mark.parametrize(("byline", "names"), [
    ("Ji-Hoon Park,1 Soo-Yeon Kim,2 Min-Jae Lee,1 and Hye-Won Choi1,3",
     ["Ji-Hoon Park", "Soo-Yeon Kim", "Min-Jae Lee", "Hye-Won Choi"]),
    ("Giulia Romano, PT, PhD, Marco Ferri, PT, Elena Conti, MD", ["Giulia Romano", "Marco Ferri", "Elena Conti"]),
])
def test_a_byline_with_marks_after_commas_or_degrees(byline: str, names: list[str]) -> None:
    f = extract(f"{_TITLE}\n{byline}\nhttps://doi.org/10.1234/gin.2021.1\n\n{_ABSTRACT}")
    assert f["authors"] == names


def test_authors_with_their_affiliations_in_brackets() -> None:
    f = extract(f"Article\nTitle\n{_TITLE}\nAuthor (2):\nTakahashi Yuki (Kyoto University) ; Sato Kenji (Osaka "
                "University)\nDOI: 10.1111/ggi.14210\n")
    assert f["authors"] == ["Takahashi Yuki", "Sato Kenji"]


def test_measurements_of_a_structured_abstract_are_its_outcome() -> None:
    f = extract(f"{_TITLE}\nAnna Kent, Lars Berg\nhttps://doi.org/10.1234/gin.2021.1\n\nAbstract\nDesign: Randomized "
                "trial.\nMeasurements: Nausea score at 24 hours.\nResults: Less nausea with ginger.\n")
    assert f["pico"]["outcome"] == "Nausea score at 24 hours."


def test_a_database_masthead_with_its_section_is_no_title() -> None:
    f = extract(f"Cochrane Library\nCochrane Database of Systematic Reviews   Review - Intervention\n\n"
                f"Ginger for nausea after surgery\nAnna Kent, Lars Berg\nVersion published: 18 March 2021\n"
                f"https://doi.org/10.1002/14651858.CD012345.pub2\n\n{_ABSTRACT}")
    assert (f["title"], f["journal"], f["year"]) == ("Ginger for nausea after surgery",
                                                    "Cochrane Database of Systematic Reviews", 2021)


def test_a_comma_list_of_conditions_naming_an_attack() -> None:
    f = extract("ClinicalTrials.gov ID  NCT05839127\nStudy Overview\nConditions\nIschemic Stroke, Transient Ischemic "
                "Attack\nStudy Type\nInterventional\n")
    assert f["conditions"] == ["Ischemic Stroke", "Transient Ischemic Attack"]


def test_the_lay_title_of_a_trial_finder() -> None:
    f = extract("Trial summary\nTitle of the trial for lay people: Testing a nasal vaccine in adults\nTrial number: "
                "2023-504812-33-00\nTrial phase: Phase II\n")
    assert f["title"] == "Testing a nasal vaccine in adults"
