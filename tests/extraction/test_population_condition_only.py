"""Class A of the population: a registry page whose population came out as the condition only ("Cervicalgia", an
ICD-10 line, a healthy-volunteer examination code) while its titles, summary or criteria name the people."""

from __future__ import annotations

import pytest

from curator.extraction import extract
from curator.extraction.population_people import coded_condition, condition_only

CTRI_ICD_LINE = """Clinical Trials Registry - India
CTRI Number  CTRI/2023/05/054321 [Registered on: 02/05/2023] Trial Registered Prospectively
Type of Trial  Interventional
Public Title of Study  Workstation stretching breaks for bank employees with chronic neck pain
Scientific Title of Study  Effect of hourly stretching breaks on neck pain in bank employees: a randomised controlled trial
Health Condition / Problems Studied
Health Type | Condition
Patients | (1) ICD-10 Condition: M542||Cervicalgia,
Primary Outcome
Outcome | TimePoints
Neck pain intensity (NRS) | 8 weeks
Recruitment Status of Trial (India)  Open to Recruitment
"""

DRKS_HEALTHY_VOLUNTEERS = """DRKS - German Clinical Trials Register
Trial DRKS00031234
Title
Hand hygiene coaching for hospital cleaners
Health Condition or Problem studied
ICD10: Z00.0 - General adult medical examination
Healthy volunteers: yes
Study Type: Interventional
Primary outcome: Hand hygiene compliance observed over 4 weeks.
"""

CTGOV_CONDITION_AND_AGES = """ClinicalTrials.gov ID NCT06012345
Brief Title
High-dose Influenza Vaccine in Older Adults
Official Title
A Randomized Trial of High-dose Versus Standard-dose Influenza Vaccine in Adults Aged 65 Years or Older Living in Rural Counties
Conditions
Influenza, Human
Study Type  Interventional
Primary Outcome Measures
Laboratory-confirmed influenza
"""

# No people named anywhere: the condition stays, nothing is made up.
NO_PEOPLE_NAMED = """ClinicalTrials.gov ID NCT06099999
Brief Title
Topical Lidocaine for Postherpetic Neuralgia
Conditions
Postherpetic Neuralgia
Study Type  Interventional
Primary Outcome Measures
Pain intensity at 4 weeks
"""


@pytest.mark.parametrize(("page", "people", "not_wanted"), [
    (CTRI_ICD_LINE, "bank employees", "ICD-10"),
    (DRKS_HEALTHY_VOLUNTEERS, "hospital cleaners", "examination"),
    (CTGOV_CONDITION_AND_AGES, "Adults Aged 65 Years or Older", "Influenza"),
])
def test_the_people_named_replace_the_condition(page: str, people: str, not_wanted: str) -> None:
    fields = extract(page)
    population = fields["pico"]["population"]
    assert people in population and not_wanted not in population
    (start, end), = fields["evidence"]["pico.population"]
    assert page[start:end] == population


def test_a_title_phrase_ends_with_its_line() -> None:
    population = extract(CTRI_ICD_LINE)["pico"]["population"]
    assert population == "bank employees with chronic neck pain"


def test_without_people_named_the_condition_stays() -> None:
    assert "neuralgia" in extract(NO_PEOPLE_NAMED)["pico"]["population"].lower()


@pytest.mark.parametrize(("value", "only"), [
    ("Malignant neoplasm of breast; breast cancer screening", True),
    ("(1) ICD-10 Condition: I10||Essential (primary) hypertension", True),
    ("seasonal influenza", True),
    ("women aged 50 to 69 years invited to screening", False),
    ("bus drivers with low back pain", False),
    ("adults aged 60 years or older", False),
])
def test_condition_only(value: str, only: bool) -> None:
    assert condition_only(value) is only


def test_coded_conditions() -> None:
    assert coded_condition("Z00.0 - General adult medical examination")
    assert coded_condition("ICD10: M54.5 Low back pain")
    assert not coded_condition("Low back pain in bus drivers")


GENERIC_PEOPLE_ONLY = """ClinicalTrials.gov ID NCT06077777
Brief Title
A School Inhaler Program to Improve Asthma Control in Children
Conditions
Asthma
Study Type  Interventional
Primary Outcome Measures
Asthma Control Test score at 6 months
"""

TRADE_BEFORE_PEOPLE = """DRKS - German Clinical Trials Register
Trial DRKS00033333
Title
Lifting technique training for nursing staff with back pain
Health Condition or Problem studied
ICD10: M54.5 - Low back pain
Study Type: Interventional
Primary outcome: Pain intensity (0-10) at 12 weeks.
"""


def test_people_named_by_age_alone_leave_the_illness() -> None:
    assert extract(GENERIC_PEOPLE_ONLY)["pico"]["population"].lower().startswith("asthma")


def test_a_trade_before_the_people_is_theirs() -> None:
    assert extract(TRADE_BEFORE_PEOPLE)["pico"]["population"] == "nursing staff with back pain"
