"""Class E: a comparator cut short or left empty. "usual care" is never cut to "care"; a control stated by what goes on
unchanged ("continued usual services", "kept their usual fixed-height desks") is the comparator."""

from __future__ import annotations

import pytest
from arm_pages import article

from curator.extraction import extract
from curator.extraction.stated_control import continued_usual


@pytest.mark.parametrize(("body", "control"), [
    ("Methods: Patients with COPD were randomised to a home-based pulmonary rehabilitation programme or to usual care. "
     "The primary outcome was exercise capacity.", "usual care"),
    ("Methods: Practices were allocated to the pharmacist review or to continue usual care from the practice team. The "
     "primary outcome was hospital admission.", "usual care"),
    ("Methods: Offices were randomly allocated to receive height-adjustable desks with brief coaching; offices in the "
     "control arm kept their usual fixed-height desks. The primary outcome was sitting time.", "usual fixed-height desks"),
    ("Methods: Twelve districts were randomly assigned to a school meals programme; the other twelve districts "
     "continued usual services. The primary outcome was anaemia.", "usual services"),
])
def test_the_control_is_not_cut_short(body: str, control: str) -> None:
    f = article(body)
    assert control in (f["pico"]["comparator"] or ""), f["pico"]
    assert (f["pico"]["comparator"] or "").lower() != "care"


@pytest.mark.parametrize(("body", "control"), [
    ("Methods: Patients were randomised to a transitional care bundle or usual (routine) care. The primary outcome was "
     "readmission.", "usual (routine) care"),
    ("Methods: Adults were randomised to app-based coaching (n = 150) or to the usual care group (n = 148). The "
     "primary outcome was HbA1c.", "usual care"),
])
def test_the_control_keeps_its_noun_and_loses_its_group(body: str, control: str) -> None:
    assert article(body)["pico"]["comparator"] == control


def test_the_tested_arm_of_a_comparison_with_usual_care() -> None:
    f = article("Methods: Patients were randomised to an exercise programme compared with usual primary care. The "
                "primary outcome was pain.")
    assert "exercise programme" in (f["pico"]["intervention"] or "")
    assert f["pico"]["comparator"] == "usual primary care"


def test_going_on_as_usual_outside_an_allocation_is_no_control() -> None:
    text = "Most patients continued usual activities after discharge."
    assert continued_usual(text, [(0, len(text))]) is None


def test_a_control_named_before_its_detail_keeps_its_name() -> None:
    page = ("Australian New Zealand Clinical Trials Registry\nRegistration number  ACTRN12699999999997\nPublic title  "
            "Caffeine dose for preterm infants\nStudy type  Interventional\nDescription of intervention(s) / exposure  "
            "High-dose caffeine citrate: 20 mg/kg/day maintenance for 14 days after extubation.\nComparator / control "
            "treatment  Standard-dose caffeine citrate: 5 mg/kg/day maintenance.\nControl group  Dose comparison\n"
            "Primary outcome [1]  Extubation failure within 7 days\n")
    assert (extract(page)["pico"]["comparator"] or "").startswith("Standard-dose caffeine citrate: 5 mg/kg/day")


def test_both_arms_going_on_with_their_medicines_is_no_control() -> None:
    text = "Patients were randomised to yoga and continued their usual medication throughout."
    assert continued_usual(text, [(0, len(text))]) is None
    text = "Workers were randomised to sit-stand desks or to keep their usual fixed-height desks."
    assert continued_usual(text, [(0, len(text))])[0] == "their usual fixed-height desks"
