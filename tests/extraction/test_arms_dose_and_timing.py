"""Class C: dose and timing comparisons. An arm labelled only "High-dose" / "Standard-dose" / "Early" is named by what
the page lists or says under it; a substance without its dose against the same substance with one gets its own dose;
two arms of one product are intervention and comparator, not both the intervention; a bare "placebo" gives way to
what the page says the placebo was."""

from __future__ import annotations

import pytest
from arm_pages import arm, article

from curator.extraction import extract
from curator.extraction.named_arms import is_bare_level, two_of_one_product

CTGOV = """ClinicalTrials.gov

Ketamine Dose for Depression in the Emergency Department
ClinicalTrials.gov ID  NCT09999991
Sponsor  University of Somewhere

Study Overview
Brief Summary
This trial compares two doses of ketamine.
Study Type
Interventional

Arms and Interventions
Participant Group/Arm   Intervention/Treatment
Experimental: {tested}
Adults take ketamine 0.25 mg/kg intravenously once.
Drug: Ketamine 0.25 mg/kg
Active Comparator: {control}
Adults take ketamine 0.5 mg/kg intravenously once.
Drug: Ketamine 0.5 mg/kg

Outcome Measures
Primary Outcome Measures
Depression severity at day 1
"""


@pytest.mark.parametrize(("tested", "control"), [("Low-dose", "Standard-dose"), ("Lower dose", "Usual dose")])
def test_dose_labelled_arms_are_named_by_their_listed_intervention(tested: str, control: str) -> None:
    page = CTGOV.format(tested=tested, control=control)
    f = extract(page)
    assert arm(f, page, "intervention") == "Ketamine 0.25 mg/kg"
    assert arm(f, page, "comparator") == "Ketamine 0.5 mg/kg"


def test_timing_arms_keep_their_timing() -> None:
    f = article("Methods: Pregnant women were randomised to influenza vaccination in the second trimester or in the "
                "third trimester. The primary outcome was laboratory-confirmed influenza in infants.")
    assert f["pico"]["intervention"] == "influenza vaccination in the second trimester"
    assert f["pico"]["comparator"] == "influenza vaccination in the third trimester"


def test_two_experimental_arms_of_one_product_are_not_both_the_intervention() -> None:
    page = ("ClinicalTrials.gov\n\nTiming of Pertussis Vaccination in Pregnancy (TIME-P)\nClinicalTrials.gov ID  "
            "NCT09999992\nSponsor  University of Somewhere\n\nStudy Overview\nBrief Summary\nThis trial compares two "
            "times in pregnancy for giving the pertussis vaccine.\nStudy Type\nInterventional\n\nArms and Interventions\n"
            "Participant Group/Arm   Intervention/Treatment\nExperimental: Earlier vaccination\nWomen receive the vaccine "
            "at 20-24 weeks of gestation.\nBiological: Pertussis vaccine at 20-24 weeks\nExperimental: Later vaccination\n"
            "Women receive the vaccine at 30-32 weeks of gestation.\nBiological: Pertussis vaccine at 30-32 weeks\n")
    f = extract(page)
    assert arm(f, page, "intervention") == "Pertussis vaccine at 20-24 weeks"
    assert arm(f, page, "comparator") == "Pertussis vaccine at 30-32 weeks"
    assert two_of_one_product("Tdap vaccine at 20-24 weeks; Tdap vaccine at 28-32 weeks") > 0
    assert two_of_one_product("Aspirin 75 mg; Clopidogrel 75 mg") == 0


@pytest.mark.parametrize(("body", "control"), [
    ("Methods: Children were randomised to saline nebulisation or placebo (sterile water). The primary outcome was "
     "length of stay.", "placebo (sterile water)"),
    ("Methods: Children undergoing tonsillectomy were randomised to bupivacaine infiltration or to an identical "
     "injection without the local anaesthetic, in a placebo-controlled design. The primary outcome was pain at 24 "
     "hours.", "identical injection without the local anaesthetic"),
])
def test_the_placebo_the_text_names_is_kept(body: str, control: str) -> None:
    f = article(body)
    assert control in (f["pico"]["comparator"] or "")


@pytest.mark.parametrize(("body", "control"), [
    ("Methods: Infants were randomised to sucrose or placebo. The placebo was sterile water given by the same route. "
     "The primary outcome was pain score.", "sterile water"),
    ("Methods: Adults were randomised to melatonin 3 mg or matching placebo containing microcrystalline cellulose. The "
     "primary outcome was sleep onset.", "placebo containing microcrystalline cellulose"),
])
def test_what_the_placebo_was_made_of(body: str, control: str) -> None:
    assert article(body)["pico"]["comparator"] == control


def test_a_bare_dose_arm_takes_the_substance_of_the_other() -> None:
    body = ("Methods: Preterm infants were randomised to high-dose (20 mg/kg/day) or standard-dose (5 mg/kg/day) "
            "caffeine citrate. The primary outcome was extubation failure.")
    f = article(body, "High-dose versus standard-dose caffeine for extubation in preterm infants")
    assert f["pico"]["intervention"] == "High-dose caffeine"
    assert f["pico"]["comparator"] == "standard-dose caffeine"


def test_a_placebo_described_only_by_its_look_stays_placebo() -> None:
    page = ("Trial of M\n\nNCT Number: NCT03900123\nStudy Type: Interventional\nArms and Interventions\n"
            "Experimental: Melatonin\nMelatonin 3 mg each evening\nPlacebo Comparator: Placebo\nIdentical tablets\n")
    assert extract(page)["pico"]["comparator"] == "Placebo"


@pytest.mark.parametrize(("value", "bare"), [("High-dose", True), ("Early", True), ("below", True),
                                              ("high-dose caffeine", False), ("Standard care", False)])
def test_bare_levels(value: str, bare: bool) -> None:
    assert is_bare_level(value) is bare


def test_a_substance_without_its_dose_takes_the_pages_dose_word() -> None:
    page = ("Australian New Zealand Clinical Trials Registry\nRegistration number  ACTRN12699999999997\nPublic title  "
            "Caffeine dose for preterm infants\nStudy type  Interventional\nDescription of intervention(s) / exposure  "
            "High-dose caffeine citrate: 20 mg/kg/day maintenance for 14 days after extubation.\nComparator / control "
            "treatment  Standard-dose caffeine citrate: 5 mg/kg/day maintenance.\nControl group  Dose comparison\n"
            "Primary outcome [1]  Extubation failure within 7 days\n")
    f = extract(page)
    assert arm(f, page, "intervention") == "High-dose caffeine citrate"
