"""The people a sentence names before their condition ("Pregnant women at 16 to 24 weeks of gestation with moderate
sleep apnoea were randomised"), also when the title names the condition only and the sentence sits in a "STUDY
DESIGN:" section (the abstract goes on through it); and the people named with their setting ("long-stay residents
of nursing homes aged 65 or older with dementia")."""

from __future__ import annotations

import pytest
from extraction_expect import check_evidence

from curator.extraction import extract


def test_a_study_design_section_keeps_the_abstract_and_its_people() -> None:
    text = """1. Iron infusion for restless legs in pregnancy and sleep quality: a randomised trial.
Moreau C, Adeyemi T, Kowalski J.
Obstet Gynecol. 2025 Mar;145(3):301-310. doi: 10.1097/AOG.0000000000005801.

Abstract
OBJECTIVE: To test whether intravenous iron improves restless legs in pregnancy.
STUDY DESIGN: Pregnant women at 20 to 30 weeks of gestation with restless legs syndrome and low ferritin were randomised at three centres to one infusion of ferric carboxymaltose or to oral iron tablets. The primary outcome was the restless legs severity score at 6 weeks.
RESULTS: Scores fell more after the infusion.
CONCLUSION: Intravenous iron eased restless legs in pregnancy.
"""
    fields = extract(text)
    assert "STUDY DESIGN: Pregnant women" in fields["abstract"]
    assert fields["pico"]["population"].lower().startswith("pregnant women")
    assert "restless legs" in fields["pico"]["population"]
    assert check_evidence(fields, text) == []


@pytest.mark.parametrize("sentence, people", [
    ("Participants were long-stay residents of care homes aged 70 years or older with hearing loss.",
     "long-stay residents of care homes"),
    ("We recruited 180 call-centre workers aged 25-55 years with neck pain from four companies.",
     "call-centre workers"),
])
def test_people_with_their_setting_or_trade(sentence: str, people: str) -> None:
    text = ("Group exercise for older people: a randomised trial\n\nBackground: Little is known.\nMethods: " + sentence
            + " They were randomised to weekly group sessions or usual care. The primary outcome was pain.\n"
            "Results: Pain fell.\nConclusions: Sessions helped.\n")
    assert people in extract(text)["pico"]["population"]


TITLE = "Oral nifedipine versus intravenous labetalol for acute severe hypertension in pregnancy: a randomised trial\n\n"
TAIL = (" The primary outcome was the time to reach a target blood pressure. Target blood pressure was reached sooner"
        " with nifedipine. Oral nifedipine is a good option.")


def test_people_before_an_allocation_that_follows_them() -> None:
    text = TITLE + ("Acute severe hypertension in pregnancy needs rapid treatment. We enrolled pregnant women presenting "
                    "with acute severe hypertension at three hospitals and randomly assigned them to oral nifedipine or "
                    "intravenous labetalol." + TAIL)
    assert extract(text)["pico"]["population"] == "pregnant women presenting with acute severe hypertension"


def test_two_modifiers_joined_by_or() -> None:
    text = TITLE + ("Acute severe hypertension in pregnancy needs rapid treatment. Pregnant or postpartum women with "
                    "acute severe hypertension were randomly assigned to oral nifedipine or intravenous labetalol." + TAIL)
    assert extract(text)["pico"]["population"] == "Pregnant or postpartum women with acute severe hypertension"
