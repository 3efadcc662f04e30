"""Class B: registry arm rows with their role labels taken whole. Product roles (CTIS, EU CTR): the tested product is
the intervention, the placebo product the comparator, auxiliary and background products neither; a form's control
vocabulary ("Active control (effective treatment of control group)") gives way to the control arm's description; the
next label glued onto an arm ("... Intervention code:") is cut off; "No control group" is no comparator."""

from __future__ import annotations

import pytest
from arm_pages import arm

from curator.extraction import extract
from curator.extraction.control_rows import is_vocabulary, says_no_control, without_glued_label
from curator.extraction.product_roles import product_roles

CTIS = """Clinical Trials Information System
2024-500111-22-00
Zenocimab for moderate asthma in adults
Overall trial status: Ongoing, recruiting
Trial number  2024-500111-22-00
Sponsor  Examplepharm AB
Medical conditions  Asthma
Trial phase  Phase II

Products
Product role: Test
Product name: Zenocimab
Product role: Placebo
Product name: Sodium chloride 0.9% solution for infusion
Product role: Auxiliary
Product name: Paracetamol 1 g tablets

Primary end point
Change in FEV1 at week 12
"""

DRKS = """DRKS - German Clinical Trials Register
Trial details
DRKS-ID: DRKS00099991
Recruitment Status: Recruiting ongoing

Title
Brief Title (English): Telephone coaching after knee replacement

Interventions, Observational Groups
Arm 1: Weekly telephone coaching by a physiotherapist for 8 weeks after discharge
Arm 2: Standard outpatient physiotherapy prescribed at discharge

Characteristics
Study Type: Interventional
Allocation: Randomized controlled study
Control: Active control (effective treatment of control group)

Primary Outcome
Knee Injury and Osteoarthritis Outcome Score at 3 months
"""

CHICTR = """Chinese Clinical Trial Registry
Registration number: ChiCTR2499999999
Public title: Moxibustion for knee osteoarthritis
Study type: Interventional study
Interventions:
Group: Moxibustion group   Sample size: 60   Intervention: moxibustion at ST35 for 20 minutes daily   Intervention code:
Group: Control group   Sample size: 60   Intervention: health education leaflet   Intervention code:
Outcomes:
Outcome: WOMAC pain score   Type: Primary indicator
"""


def test_product_roles_give_tested_and_placebo_but_not_auxiliary() -> None:
    f = extract(CTIS)
    assert arm(f, CTIS, "intervention") == "Zenocimab"
    assert "Sodium chloride" in arm(f, CTIS, "comparator")
    for key in ("intervention", "comparator"):
        assert "Paracetamol" not in (f["pico"][key] or "")


def test_roles_written_inline_are_read_with_their_product() -> None:
    roles = product_roles("Product role: Placebo: Sodium chloride; Product role: Auxiliary: Influenza vaccine\n"
                          "Product role: Test: RSV vaccine")
    assert [(r, v[0]) for r, v in roles] == [("placebo", "Sodium chloride"), ("auxiliary", "Influenza vaccine"),
                                             ("test", "RSV vaccine")]


def test_control_vocabulary_gives_way_to_the_control_arm() -> None:
    f = extract(DRKS)
    assert arm(f, DRKS, "comparator") == "Standard outpatient physiotherapy prescribed at discharge"
    assert is_vocabulary("Active control (effective treatment of control group)")
    assert not is_vocabulary("Active control with ibuprofen 400 mg")


def test_a_glued_next_label_is_cut_off() -> None:
    f = extract(CHICTR)
    assert arm(f, CHICTR, "intervention") == "moxibustion at ST35 for 20 minutes daily"
    assert arm(f, CHICTR, "comparator") == "health education leaflet"
    value = "electrodes at the same points with no current   Intervention code:"
    assert value[:without_glued_label(value)].rstrip() == "electrodes at the same points with no current"
    assert without_glued_label("Ratio: 2:1") == len("Ratio: 2:1")


def test_no_control_group_is_no_comparator() -> None:
    page = ("Australian New Zealand Clinical Trials Registry\nRegistration number  ACTRN12699999999999\n"
            "Public title  A hearing headband for children\nStudy type  Interventional\n"
            "Description of intervention(s) / exposure  A bone-conduction hearing headband worn daily for 12 weeks.\n"
            "Comparator / control treatment  No control group\nControl group  Uncontrolled\n")
    assert extract(page)["pico"]["comparator"] is None
    assert says_no_control("No control group") and not says_no_control("No treatment")


def test_product_names_written_above_their_roles() -> None:
    page = ("Clinical Trials Information System\n2024-500222-33-00\nVaccine trial in older adults\nTrial number  "
            "2024-500222-33-00\nProducts\nProduct name  RSV vaccine candidate X\nProduct role  Test\nProduct name  "
            "Sodium chloride solution\nProduct role  Placebo\nProduct name  Influenza vaccine\nProduct role  Auxiliary\n"
            "Primary end point\nNeutralising antibody titre\n")
    f = extract(page)
    assert arm(f, page, "intervention") == "RSV vaccine candidate X"
    assert arm(f, page, "comparator") == "Sodium chloride solution"


_HEAD = ("Clinical Trials Information System\n2024-500333-44-00\nA vaccine trial in older adults\nOverall trial status: "
         "Ongoing, recruiting\nTrial number  2024-500333-44-00\nSponsor  Vaxco AB\nMedical conditions  RSV infection\n")


@pytest.mark.parametrize("products", [
    "Products\nProduct role: Test; Product name: RSV-X vaccine; Pharmaceutical form: Suspension for injection; Product "
    "role: Placebo; Product name: Sodium chloride; Product role: Auxiliary; Product name: Quadrivalent influenza vaccine\n",
    "Products\nProduct role | Product name | Pharmaceutical form\nTest | RSV-X vaccine | Suspension for injection\nPlacebo"
    " | Sodium chloride | Solution for injection\nAuxiliary | Quadrivalent influenza vaccine | Suspension for injection\n",
    "Intervention(s)\nProduct role: Test: RSV-X vaccine; Product role: Placebo: Sodium chloride; Product role: Auxiliary: "
    "Quadrivalent influenza vaccine\n",
])
def test_product_roles_in_other_layouts(products: str) -> None:
    page = _HEAD + products + "Primary end point\nAntibody titre at day 29\n"
    f = extract(page)
    assert arm(f, page, "intervention") == "RSV-X vaccine"
    assert arm(f, page, "comparator") == "Sodium chloride"


@pytest.mark.parametrize("line", [
    "Control 1: Active control (effective treatment of control group): chest radiographs read by two radiologists",
    "Arm 2: Active control (effective treatment of control group): chest radiographs read by two radiologists",
])
def test_a_control_written_after_its_kind(line: str) -> None:
    page = ("DRKS - German Clinical Trials Register\nTrial details\nDRKS-ID: DRKS00099992\nBrief Title (English): AI for "
            "chest X-ray reading\n\nInterventions, Observational Groups\nArm 1: Chest radiographs read by one radiologist "
            f"with AI support\n{line}\n\nCharacteristics\nStudy Type: Interventional\nAllocation: Randomized controlled "
            "study\nControl: Active control (effective treatment of control group)\n\nPrimary Outcome\nMissed findings\n")
    f = extract(page)
    assert arm(f, page, "comparator") == "chest radiographs read by two radiologists"
