"""PICO of an entry with a title and no abstract: read from the title's own patterns, strictly.

Each test writes titles of its own (none from a corpus or a benchmark's export). A title alone names an
intervention only where it names something given in a question's pattern, a population only where it names
people or the illness such a thing is for, and nothing else: a wrong value is worse than none.
"""

from __future__ import annotations

import pytest

from curator.extraction import extract
from curator.extraction.title_pico import title_pico
from tests.extraction.test_entry_pico import pico_of


def test_a_comparison_names_both_arms_and_the_people() -> None:
    pico = pico_of("Yoga versus stretching for chronic low back pain in office workers: a randomised trial", None)
    assert (pico["intervention"], pico["comparator"]) == ("Yoga", "stretching")
    assert pico["population"] == "office workers"


def test_a_shared_last_word_is_given_to_both_arms() -> None:
    pico = pico_of("Early versus delayed weight bearing after ankle fracture fixation", None)
    assert pico["intervention"] == "Early weight bearing"
    assert pico["comparator"] == "delayed weight bearing"


def test_the_usual_care_named_first_is_the_control() -> None:
    pico = pico_of("Usual care versus STRIDE (Structured Training In Daily Exercise) for older adults after hip fracture: "
                   "a pilot randomised trial", None)
    assert pico["intervention"] == "STRIDE"
    assert pico["comparator"] == "Usual care"


def test_the_effect_of_a_treatment_names_it_and_its_people() -> None:
    pico = pico_of("Effect of a home-based walking programme on fatigue in women with breast cancer", None)
    assert pico["intervention"] == "home-based walking programme"
    assert pico["population"] == "women with breast cancer"


def test_a_treatment_for_an_illness_names_the_illness_as_who_it_is_for() -> None:
    pico = pico_of("Donepezil for apathy after subarachnoid haemorrhage: a pilot study", None)
    assert pico["intervention"] == "Donepezil"
    assert pico["population"] == "apathy after subarachnoid haemorrhage"


def test_treatment_with_a_named_drug_is_the_drug() -> None:
    pico = pico_of("Long-term treatment with memantine may slow decline in vascular dementia patients", None)
    assert pico["intervention"] == "memantine"
    assert pico["population"] == "vascular dementia patients"


def test_a_placebo_controlled_title_names_placebo_as_the_control() -> None:
    pico = pico_of("Double-blind, placebo-controlled, crossover trial of melatonin on sleep in older inpatients", None)
    assert pico["intervention"] == "melatonin"
    assert pico["comparator"] == "placebo"
    assert pico["population"] == "older inpatients"


@pytest.mark.parametrize("title", [
    "Diabetes, heart failure and mortality in older adults admitted to hospital",  # a condition is no population
    "Obstructive sleep apnoea and the link with atrial fibrillation",
    "Asthma rehabilitation",  # a field, nothing given
])
def test_a_condition_of_an_observational_title_is_not_its_population(title: str) -> None:
    pico = pico_of(title, None)
    assert pico["intervention"] is None
    assert pico["population"] is None or any(w in pico["population"] for w in ("adults", "patients"))


@pytest.mark.parametrize("title", [
    "Therapeutic observation of ginkgo extract for vascular dementia",  # the observation is not what was given
    "Nurses' perceptions of bedside glucose monitoring: a qualitative study",
    "Predictors of adherence to home exercise after knee replacement",
    "Why the preferential treatment? Hospital referrals and waiting times",
    "The role of stigma in help-seeking for depression",
    "Appraisal of evidence within physiotherapy for low back pain",
])
def test_what_is_not_given_is_never_the_intervention(title: str) -> None:
    assert pico_of(title, None)["intervention"] is None


@pytest.mark.parametrize("title", [
    "Stakeholder management in hospital information system projects",
    "Implementation strategies for electronic health records in a health district",
    "Cognitive support for clinical decision making",
])
def test_a_kind_of_work_of_every_field_needs_a_trial_or_its_people(title: str) -> None:
    assert title_pico(title).get("intervention") is None


def test_a_kind_of_work_for_named_people_is_given_to_them() -> None:
    found = title_pico("Case management for people with severe mental illness")
    assert found["intervention"][0] == "Case management"
    assert found["population"][0] == "people with severe mental illness"


@pytest.mark.parametrize("title, people", [
    ("Patient-reported pain after tonsillectomy in children", "children"),  # "Patient-" is no one
    ("How doctors use guidelines for acute asthma in adults", "doctors"),  # not "How doctors"
    ("Doctors' advice or nurses' advice for smoking cessation in pregnant women", "pregnant women"),  # whose advice
    ("Mesh repair of umbilical hernia in women", "umbilical hernia in women"),  # the women who have it
    ("An adjuvanted zoster vaccine in adults 50 years and older", "adults 50 years and older"),
    ("Kangaroo care for infants born before 32 weeks of gestation", "infants born before 32 weeks of gestation"),
    ("Investigating falls among nursing home residents with dementia", "nursing home residents with dementia"),
    ("Muscle strength in children with spinal muscular atrophy measured using a hand-held dynamometer",
     "children with spinal muscular atrophy"),
])
def test_people_are_named_without_the_words_around_them(title: str, people: str) -> None:
    assert title_pico(title)["population"][0] == people


def test_spans_point_into_the_title_through_a_bracket() -> None:
    title = "[Effect of acupuncture on pain in patients with knee osteoarthritis]"
    found = title_pico(title)
    for value, spans in found.values():
        assert " ".join(title[s:e] for s, e in spans) == value
    assert found["intervention"][0] == "acupuncture"


def test_a_factor_studied_is_no_intervention_when_the_abstract_compares_nothing_given() -> None:
    abstract = ("We surveyed 412 nurses in six hospitals about their use of the electronic record. Structural equation "
                "models show that peer influence explains 38% of the variance in use.")
    assert pico_of("The impact of peer influence on electronic record use by hospital nurses", abstract)["intervention"] \
        is None
    kept = pico_of("The effect of a peer-led walking programme on activity of hospital nurses", abstract)
    assert kept["intervention"] == "peer-led walking programme"  # a thing given is named all the same


def test_a_factor_of_the_title_stays_when_the_abstract_compares() -> None:
    pico = pico_of("The impact of peer influence on smoking cessation in hospital nurses",
                   "Nurses who smoked (n = 220) were randomly assigned to a peer influence group or to written advice. "
                   "The primary outcome was abstinence at six months.")
    assert pico["intervention"] is not None and "peer influence" in pico["intervention"]


_SURVEY_PAGE = """Journal of Nursing Informatics
Volume 12, Issue 3, 2021, Pages 201-215

The impact of {factor} on electronic record use by hospital nurses

Abstract
Background: Electronic records are used unevenly in hospitals. Methods: We {design} 412 nurses in six hospitals about
their use of the electronic record. Results: Use rose by 38% (95% CI 20 to 56). Conclusions: It matters for nurses.
"""


def test_an_article_pages_title_factor_is_no_intervention_in_a_survey() -> None:
    survey = extract(_SURVEY_PAGE.format(factor="peer influence", design="surveyed"))
    assert survey["kind"] == "article" and survey["pico"]["intervention"] is None
    trial = extract(_SURVEY_PAGE.format(factor="peer influence", design="randomly assigned to two groups"))
    assert trial["pico"]["intervention"] == "peer influence"
    given = extract(_SURVEY_PAGE.format(factor="a two-day training programme", design="surveyed"))
    assert given["pico"]["intervention"] is not None and "training programme" in given["pico"]["intervention"]
