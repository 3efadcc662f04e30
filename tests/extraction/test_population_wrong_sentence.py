"""Class B of the population: taken from the wrong sentence or copied whole: the sizes of an allocation sentence's
groups ("(n = 8 teams, 104 workers)"), a list of conditions gathered from results lines, a whole criteria list, an
allocation clause after the people."""

from __future__ import annotations

from curator.extraction import extract
from curator.extraction.people import people_phrase
from curator.extraction.population_trim import long_criterion

ALLOCATION = ("Teams were randomised to sit-stand desks with coaching (n = 9 teams, 97 workers), or to keep their usual "
              "fixed-height desks with no instruction (n = 8 teams, 104 workers).")
ALLOCATION_THEN_PEOPLE = ("Teams were randomised to sit-stand desks (n = 9 teams, 97 workers) or usual desks (n = 8 "
                          "teams, 104 workers). In all, 201 office workers with low back pain were enrolled.")

CRITERIA_LIST = """EU Clinical Trials Register
EudraCT Number: 2021-001234-56
A.3 Full title of the trial: A randomised trial of a reminder letter to increase attendance at breast screening
E.1.1 Medical condition(s) being investigated: Malignant neoplasm of breast; breast cancer screening
E.3 Principal inclusion criteria: 1. Women aged 50 to 69 years. 2. Invited to routine mammography screening. 3. Able to read Swedish.
E.5.1 Primary end point(s): Attendance at screening within 3 months
Clinical Trial Type: EEA CTA
"""

CONDITIONS_OF_RESULTS = """ClinicalTrials.gov ID NCT06055555
Brief Title
Virtual Reality During Blood Tests in Children
Official Title
Virtual Reality Distraction During Venepuncture in Children Aged 7 to 12 Years: a Randomized Trial
Conditions
Pain, Procedural
Anxiety
Needle Phobia
Study Type  Interventional
Primary Outcome Measures
Self-reported pain
"""

ALLOCATION_CLAUSE = """Journal of Community Nursing Research. 2023;12(2):45-52.
Abstract
Aim: To test whether a falls-prevention video lowers fear of falling.
Methods: Participants were 48 residents of three assisted-living facilities in Oregon, who were randomly assigned to the video or to a printed leaflet.
Results: Fear of falling fell more in the video group (p = 0.02).
"""


def test_a_group_size_is_no_count_of_people() -> None:
    assert people_phrase(ALLOCATION, [(0, len(ALLOCATION))]) is None
    found = people_phrase(ALLOCATION_THEN_PEOPLE, [(0, len(ALLOCATION_THEN_PEOPLE))])
    assert found is not None and found[0] == "office workers with low back pain"


def test_a_criteria_list_gives_its_people() -> None:
    fields = extract(CRITERIA_LIST)
    assert fields["pico"]["population"] == "Women aged 50 to 69 years"
    assert fields["conditions"]  # the conditions stay the conditions


def test_conditions_listed_are_not_the_people() -> None:
    population = extract(CONDITIONS_OF_RESULTS)["pico"]["population"]
    assert population == "Children Aged 7 to 12 Years"


def test_the_allocation_clause_is_cut() -> None:
    population = extract(ALLOCATION_CLAUSE)["pico"]["population"]
    assert population == "residents of three assisted-living facilities in Oregon"


LONG_CRITERION = """ANZCTR - Australian New Zealand Clinical Trials Registry
Registration number: ACTRN12624000111222
Public title
Neuromuscular warm-up to prevent knee injuries in community netball
Health condition(s) or problem(s) studied:
Knee injuries
Key inclusion criteria
Registered players of participating community netball clubs, aged 15 years or older, playing in senior or under-17 teams during the 2025 winter season, with written consent from a parent for those under 18.
Key exclusion criteria
Knee surgery in the previous 12 months.
Study type Interventional
"""

LABELLED_CONDITION = """Clinical Trials Registry - India
CTRI Number  CTRI/2024/01/060001 [Registered on: 05/01/2024]
Type of Trial  Interventional
Public Title of Study  Core stability exercise for auto-rickshaw drivers with chronic low back pain
Health Condition / Problems Studied
Health Type | Condition
Patients | Chronic low back pain
Recruitment Status of Trial (India)  Open to Recruitment
"""


def test_a_long_criterion_is_cut_to_its_people() -> None:
    population = extract(LONG_CRITERION)["pico"]["population"]
    assert population == "Registered players of participating community netball clubs, aged 15 years or older"


def test_a_labelled_condition_gives_way_to_the_people_named() -> None:
    population = extract(LABELLED_CONDITION)["pico"]["population"]
    assert population == "auto-rickshaw drivers with chronic low back pain"


def test_a_threshold_and_a_measurement_are_not_who() -> None:
    value = ("Farmers aged 55 years and over who work at least 20 hours a week on a farm in the Mallee region, with mild "
             "to moderate hearing loss on audiometry and no current hearing aid.")
    assert long_criterion(value, value, 0)[0] == "Farmers aged 55 years and over, with mild to moderate hearing loss"


def test_a_threshold_in_a_participle_clause_is_cut_there() -> None:
    value = ("Midwives working night shifts including at least six night shifts a month at one of four maternity units "
             "in Leeds, with an Insomnia Severity Index score above 10.")
    assert long_criterion(value, value, 0)[0] == "Midwives working night shifts"


def test_people_counted_in_the_results_end_before_they_took_part() -> None:
    from tests.extraction.test_entry_pico import pico_of

    pico = pico_of("A reading programme for children starting school: a cluster randomised trial",
                   "Methods: Thirty schools were randomised. Results: 980 children in 30 schools took part and 912 were "
                   "followed up. Conclusions: Reading improved.")
    assert pico["population"] is not None and "took part" not in pico["population"] and "912" not in pico["population"]
    assert "children" in pico["population"]
