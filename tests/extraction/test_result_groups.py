"""A posted results page: the arms of its "Arm/Group Title" row (an abbreviation spelled out by the title) and
the primary outcome's "Title:"."""

from __future__ import annotations

import pytest

from curator.extraction import extract


def _results(row: str) -> dict:
    return extract("ClinicalTrials.gov\nStudy Results\n\nMindfulness-Based Stress Reduction for Nurses With Burnout\n"
                   "ClinicalTrials.gov ID NCT03877210\nStudy Type: Interventional\n\nParticipant Flow\n"
                   f"Arm/Group Title | {row}\nPeriod Title: Overall Study\nSTARTED | 48 | 48\n\n"
                   "Outcome Measures\n1. Primary Outcome\nTitle: Emotional Exhaustion\nTime Frame: 6 months\n")


@pytest.mark.parametrize(("row", "tested", "control"), [
    ("MBSR | Waitlist Control", "Mindfulness-Based Stress Reduction", "Waitlist Control"),
    ("Yoga Classes | Usual Care | Total", "Yoga Classes", "Usual Care"),
    ("Placebo | Melatonin 3 mg", "Melatonin 3 mg", "Placebo"),
])
def test_the_arm_group_titles_give_the_tested_arm_and_the_control(row: str, tested: str, control: str) -> None:
    f = _results(row)
    assert (f["pico"]["intervention"], f["pico"]["comparator"]) == (tested, control)
    assert f["pico"]["outcome"] == "Emotional Exhaustion"


def test_two_active_arms_name_no_control() -> None:
    assert _results("Yoga Classes | Pilates Classes")["pico"]["comparator"] is None
