"""PICO from unlabelled prose, by class: the second of two randomised arms as the comparison, the arms of
"the experimental group performed X" and of plain-language group sentences, cross-over and single-arm studies,
outcomes written as an apposition, "we measured X as the primary outcome" or "researchers will measure"; and
an intervention never taken from its comparator's words."""

from __future__ import annotations

import pytest

from curator.extraction import extract
from tests.extraction.article_page import extracted_article


def _article(abstract: str, title: str = "Treatment for adults with chronic pain: a randomised trial") -> dict:
    return extracted_article(title, abstract)


@pytest.mark.parametrize(("sentence", "tested", "control"), [
    ("We randomly assigned 212 women aged 40 to 70 years with knee pain to hydrotherapy or land-based exercise.",
     "hydrotherapy", "land-based exercise"),
    ("Adults were randomised to short-course prednisolone (5 days) or standard-course prednisolone (14 days).",
     "short-course prednisolone", "standard-course prednisolone"),
    ("Patients were randomized to day-case surgery or inpatient surgery under general anaesthesia.",
     "day-case surgery", "inpatient surgery"),
])
def test_of_two_randomised_arms_the_second_is_the_comparison(sentence: str, tested: str, control: str) -> None:
    f = _article(sentence + " The primary outcome was pain at 6 months.")
    assert f["pico"]["intervention"] == tested
    assert f["pico"]["comparator"] == control


def test_three_arms_in_a_list_name_no_comparison_by_their_order() -> None:
    f = _article("Adults were randomised to yoga, pilates or walking. The primary outcome was pain at 6 months.")
    assert f["pico"]["comparator"] is None


@pytest.mark.parametrize(("sentence", "tested"), [
    ("The experimental group performed treadmill training with virtual reality three times a week for six weeks, "
     "while the control group received conventional physiotherapy.", "treadmill training with virtual reality"),
    ("Patients in the intervention group received a pharmacist-led medication review with two follow-up calls; "
     "the control group received usual care.", "pharmacist-led medication review"),
])
def test_the_tested_group_sentence_names_the_intervention(sentence: str, tested: str) -> None:
    f = _article(sentence)
    assert f["pico"]["intervention"] == tested


def test_plain_language_groups_name_the_arms_and_a_waiting_list_control() -> None:
    f = extract("ISRCTN12345678\nYoga for stress in teachers\n\nPlain English summary of protocol\n"
                "Background and study aims\nTeachers are often stressed.\n\nWhat does the study involve?\n"
                "Participants will be randomly allocated to one of two groups. Those in the first group will take part "
                "in a ten-week yoga course with weekly group sessions. Those in the second group will be put on a "
                "waiting list and offered the course afterwards.\n\nWhat are the possible benefits and risks of "
                "participating?\nNone known.\n\nWhere is the study run from?\nUniversity of Leeds (UK)\n")
    assert f["pico"]["intervention"] == "yoga course"
    assert f["pico"]["comparator"] == "waiting list"


def test_a_second_group_without_a_controls_words_is_not_taken_as_the_control() -> None:
    f = _article("Those in the first group will take part in a dance class. Those in the second group will "
                 "receive a cookery class.")
    assert f["pico"]["comparator"] is None


def test_a_cross_over_names_the_active_arm_not_the_sham() -> None:
    f = _article("In this cross-over trial, 30 adults received active transcranial magnetic stimulation and sham "
                 "stimulation in random order. Pain was the primary outcome.", title="Pain relief in neuropathy")
    assert f["pico"]["intervention"] == "transcranial magnetic stimulation"


@pytest.mark.parametrize(("abstract", "tested"), [
    ("In this single-arm study, 40 children with epilepsy received oral stiripentol, titrated to 50 mg/kg/day. "
     "Seizures fell by 30% compared with baseline.", "stiripentol"),
    ("This single-group study is testing a new hydrocolloid dressing for people with pressure ulcers.",
     "hydrocolloid dressing"),
])
def test_a_single_arm_study_names_what_was_given_and_no_comparator(abstract: str, tested: str) -> None:
    f = _article(abstract, title="A new treatment in a single-arm study")
    assert f["pico"]["intervention"] == tested
    assert f["pico"]["comparator"] is None


def test_an_intervention_is_not_taken_from_its_comparators_words() -> None:
    # The listed name "physiotherapy" is the comparator's; the tested arm is named in the title.
    f = _article("Design: Randomized trial.\nInterventions:\nTask-oriented circuit training five times a week, or "
                 "conventional physiotherapy of equal duration.\n",
                 title="Task-oriented circuit training versus conventional physiotherapy after stroke")
    assert f["pico"]["comparator"] == "conventional physiotherapy"
    assert "physiotherapy" not in (f["pico"]["intervention"] or "")


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Anxiety was assessed by the Beck Anxiety Inventory at 8 weeks, the primary outcome, and at follow-up.",
     "Anxiety was assessed by the Beck Anxiety Inventory at 8 weeks"),
    ("We measured HbA1c at 12 months as the primary outcome; weight was a secondary outcome.", "HbA1c at 12 months"),
    ("The primary efficacy measure was the number of hot flushes per day.", "the number of hot flushes per day"),
])
def test_outcomes_written_as_apposition_measured_as_or_efficacy_measure(sentence: str, outcome: str) -> None:
    f = _article("Adults were randomised to acupuncture or sham acupuncture. " + sentence)
    assert f["pico"]["outcome"] == outcome


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Researchers will compare asthma control between the two groups using the Asthma Control Test.",
     "asthma control using the Asthma Control Test"),
    ("Researchers will compare drug A to placebo to see if it lowers blood pressure.", None),
])
def test_researchers_will_measure_is_an_outcome_and_compare_to_is_not(sentence: str, outcome: str | None) -> None:
    f = extract(f"Brief Summary\nThe goal of this clinical trial is to learn if an app helps asthma. {sentence}\n\n"
                "ID: NCT05123456\nStudy Type: Interventional\n")
    assert f["pico"]["outcome"] == outcome


def test_an_article_type_badge_is_not_the_journal() -> None:
    f = extract("Journal of Physiotherapy Practice\nOriginal Research\nVolume 12, Issue 3, 2022, Pages 1-9\n\n"
                "Walking for adults with back pain: a randomised trial\n\nAnna Berg, Ola Moe\n\nAbstract\n"
                "Adults were randomised to walking or advice. The primary outcome was pain.\n")
    assert f["journal"] != "Original Research"
