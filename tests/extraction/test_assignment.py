"""The arms of an allocation sentence: the tested arm's name without its amount or provider, and the control
of "... or (to) Y" when Y names no treatment, the same care alone or a control word; group sentences."""

from __future__ import annotations

import pytest

from curator.extraction import extract
from tests.extraction.article_page import extracted_article


def _article(title: str, abstract: str) -> dict:
    return extracted_article(title, abstract)


@pytest.mark.parametrize(("abstract", "tested"), [
    ("Adults were randomised to 15 weeks of supervised exercise training or to usual care.",
     "supervised exercise training"),
    ("Adults were randomised to six to eight sessions of problem solving delivered by lay counsellors or to "
     "enhanced usual care.", "problem solving"),
    ("Villages were assigned to monthly home visits by trained volunteers or to usual care.", "monthly home visits"),
    ("Adults were randomly assigned to early feeding (within 6 hours) with oral nutrition or delayed feeding alone.",
     "early feeding"),
])
def test_the_tested_arm_loses_its_amount_and_its_provider(abstract: str, tested: str) -> None:
    f = _article("Care for adults in hospital", abstract + " The primary outcome was function.")
    assert f["pico"]["intervention"] == tested


@pytest.mark.parametrize(("abstract", "control"), [
    ("Adults were randomised to vitamin K2 three times weekly or no supplementation for 18 months.",
     "no supplementation"),
    ("Patients were randomized to colchicine in addition to standard therapy, or to standard therapy alone.",
     "standard therapy alone"),
    ("Adults were randomised to group walking or to enhanced usual care at their practice.", "enhanced usual care"),
])
def test_the_second_arm_of_an_allocation_is_the_control_when_it_names_one(abstract: str, control: str) -> None:
    f = _article("Care for adults in hospital", abstract)
    assert f["pico"]["comparator"] == control


def test_a_second_active_arm_of_two_is_the_comparison_but_not_of_three() -> None:
    # Head to head, as a title's "X versus Y": the arm named second is what the first is compared with.
    f = _article("Care for adults in hospital", "Adults were randomised to yoga or to pilates for 12 weeks.")
    assert f["pico"]["comparator"] == "pilates"
    f = _article("Care for adults in hospital", "Adults were randomised to yoga, tai chi or pilates for 12 weeks.")
    assert f["pico"]["comparator"] is None


def test_group_sentences_name_the_tested_arm_and_the_control() -> None:
    f = _article("Needling for dysphagia after stroke",
                 "Ninety patients were divided into an observation group and a control group. The control group was "
                 "treated with swallowing training alone, and the observation group was treated with "
                 "electroacupuncture combined with swallowing training, for 4 weeks.")
    assert f["pico"]["comparator"] == "swallowing training alone"
    assert f["pico"]["intervention"] == "electroacupuncture combined with swallowing training"


def test_a_control_group_label_inside_an_arms_value_names_the_control() -> None:
    f = extract("Public title: Breathing training before surgery\nMain ID: RBR-7x3kq9\nStudy type: Interventional\n"
                "Intervention(s): Intervention group: breathing training twice daily for 2 weeks. Control group: 55 "
                "participants receive usual preoperative care.\nPrimary Outcome(s): Pulmonary complications\n")
    assert f["pico"]["comparator"] == "usual preoperative care"
