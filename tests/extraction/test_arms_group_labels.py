"""Class A: arms named by their group label. "The experimental group completed X; the control group took part in Y":
the intervention is X and the comparator Y, never "experimental group" / "the control group"."""

from __future__ import annotations

import pytest
from arm_pages import article

from curator.extraction import extract
from curator.extraction.group_received import group_word, received_by


@pytest.mark.parametrize(("body", "tested", "control"), [
    ("Methods: Seventy women aged 70 years or older were randomly assigned to an experimental group or a control group. "
     "The experimental group attended folk dance classes twice weekly for 12 weeks; the control group received printed "
     "advice on home safety. The primary outcome was the Berg Balance Scale score.",
     "folk dance classes", "printed advice on home safety"),
    ("Methods: Adults with burns were randomised to the intervention group (n = 40) or the control group (n = 40). The "
     "intervention group listened to self-selected music during dressing changes, while the control group received "
     "standard analgesia only. The primary outcome was pain on a visual analogue scale.",
     "self-selected music", "standard analgesia"),
    ("Methods: Students were allocated to the experimental group or the control group. The experimental group practised "
     "mindful breathing for ten minutes before each lecture, whereas the control group did quiet reading. The primary "
     "outcome was test anxiety.",
     "mindful breathing", "quiet reading"),
])
def test_what_each_group_received_names_the_arms(body: str, tested: str, control: str) -> None:
    f = article(body)
    assert tested in (f["pico"]["intervention"] or ""), f["pico"]
    assert control in (f["pico"]["comparator"] or ""), f["pico"]
    for key in ("intervention", "comparator"):
        assert "group" not in (f["pico"][key] or "").lower()


def test_groups_named_by_their_initials_and_no_arm_found_before() -> None:
    f = article("Methods: 120 nursing home residents were divided into an experimental group (EG) and a control group "
                "(CG). The EG performed chair-based resistance exercise three times a week and the CG maintained their "
                "daily routine. The primary outcome was grip strength.")
    assert "chair-based resistance exercise" in (f["pico"]["intervention"] or "")
    assert f["pico"]["comparator"] == "their daily routine"


def test_registry_arms_labelled_by_their_group_take_their_listed_intervention() -> None:
    page = ("ClinicalTrials.gov\n\nHome Exercise for Frail Older Adults\nClinicalTrials.gov ID  NCT09999993\nSponsor  "
            "University of Somewhere\n\nStudy Overview\nBrief Summary\nThis trial tests a home exercise programme.\n"
            "Study Type\nInterventional\n\nArms and Interventions\nParticipant Group/Arm   Intervention/Treatment\n"
            "Experimental: Experimental group\nParticipants complete a balance programme three times a week.\n"
            "Behavioral: Balance exercise programme\nActive Comparator: Control group\nParticipants take part in usual "
            "recreation activities at the centre.\nOther: Recreation activities\n\nOutcome Measures\nPrimary Outcome "
            "Measures\nFalls [Time Frame: 12 months]\n")
    f = extract(page)
    assert f["pico"]["intervention"] == "Balance exercise programme"
    assert f["pico"]["comparator"] == "Recreation activities"


def test_a_group_label_stays_when_nothing_says_what_the_group_received() -> None:
    text = "The experimental group improved more than the control group."
    assert group_word("the control group") == "control"
    assert received_by(text, "control", [(0, len(text))]) is None


@pytest.mark.parametrize("value", ["folk dance classes", "control of blood pressure", "group therapy"])
def test_only_a_bare_group_label_is_a_group_label(value: str) -> None:
    assert group_word(value) is None
