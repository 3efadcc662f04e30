"""Structured abstracts whose headings run into their text (BMJ, JAMA): the arms and the primary outcome."""

from __future__ import annotations

import pytest

from curator.extraction import extract


def _bmj(interventions: str, outcome_head: str = "Main outcome measures") -> dict:
    return extract("BMJ 2023;380:e072345 doi: https://doi.org/10.1136/bmj-2022-072345\n\n"
                   "Effect of an incentive on smoking in pregnancy: randomised controlled trial\n\n"
                   "Anna Berg, professor1, Tom Lee, research fellow2\n\nAbstract\n"
                   "Objective To test whether incentives help pregnant women stop smoking.\n"
                   "Design Multicentre randomised controlled trial.\n"
                   f"Interventions {interventions}\n"
                   f"{outcome_head} Self-reported smoking cessation in late pregnancy, validated by cotinine.\n"
                   "Results Cessation was 27% and 12%.\n")


@pytest.mark.parametrize(("interventions", "tested", "control"), [
    ("Usual support plus shopping vouchers for abstinence, or usual support alone.",
     "Usual support plus shopping vouchers for abstinence", "usual support alone"),
    ("Text reminders every day or no reminders.", "Text reminders every day", "no reminders"),
])
def test_a_run_in_interventions_heading_gives_the_arm_and_the_control(interventions: str, tested: str,
                                                                      control: str) -> None:
    f = _bmj(interventions)
    assert (f["pico"]["intervention"], f["pico"]["comparator"]) == (tested, control)


@pytest.mark.parametrize("head", ["Main outcome measures", "Main Outcomes and Measures"])
def test_a_run_in_outcome_heading_gives_the_primary_outcome(head: str) -> None:
    f = _bmj("Vouchers for abstinence, or usual support alone.", head)
    assert f["pico"]["outcome"] == "Self-reported smoking cessation in late pregnancy, validated by cotinine"


def test_a_sentence_that_starts_with_the_word_is_no_heading() -> None:
    f = extract("Effect of an incentive on smoking\n\nAnna Berg, Tom Lee\n\nAbstract\nIntervention studies were "
                "searched in five databases, or in trial registries alone.\n")
    assert f["pico"]["comparator"] is None
    assert "studies" not in (f["pico"]["intervention"] or "")
