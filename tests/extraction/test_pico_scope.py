"""Entries outside PICO's reach (markets, software, organisations) get no PICO; studies of health, patients or a
randomised comparison in any field still do. Entries written here, none from a corpus."""

from __future__ import annotations

import pytest
from test_entry_pico import pico_of

from curator.extraction.pico_scope import speaks_of_health

EMPTY = {"population": None, "intervention": None, "comparator": None, "outcome": None}


@pytest.mark.parametrize("title", [
    "The Impact of Technostress on Role Stress and Productivity",
    "The Role of Signaling Identity in the Adoption of Personal Technologies",
    "Extrinsic versus Intrinsic Rewards for Contributing Reviews in an Online Platform",
    "A Comparison of Pair Versus Solo Programming Under Different Objectives",
    "Effects of time-inconsistent preferences on information technology infrastructure investment",
    "Optimal Software Free Trial Strategy - The Impact of Network Externalities",
    "The effect of personality on IT personnel's job-related attitudes",
])
def test_a_title_alone_outside_health_names_no_pico(title: str) -> None:
    assert pico_of(title, None) == EMPTY


@pytest.mark.parametrize(("title", "abstract"), [
    ("The Commodification of Digital Labor in the Gig Economy",
     "Drawing on interviews with 40 platform workers, we show how online outsourcing turns insecure employment into "
     "the norm and how contingent employment compares with salaried work. Workers were treated as contractors."),
    ("Identification of the Differential Effect of City-Level on the Gini Coefficient",
     "Using panel data on 280 cities, we estimate the effect of city-level digital infrastructure on income "
     "inequality. Results are immune to alternative specifications."),
])
def test_an_abstract_outside_health_names_no_pico(title: str, abstract: str) -> None:
    assert pico_of(title, abstract) == EMPTY


def test_a_randomised_comparison_in_any_field_keeps_its_pico() -> None:
    pico = pico_of("Price framing and online purchases",
                   "Shoppers of an online store were randomly assigned to see prices framed as a daily cost or as a "
                   "yearly cost. The primary outcome was purchase within a week.")
    assert pico["outcome"] is not None and "purchase" in pico["outcome"]


@pytest.mark.parametrize(("title", "part", "value"), [
    ("Sotagliflozin versus placebo in acute myocardial infarction", "comparator", "placebo"),
    ("Music therapy for acquired brain injury", "intervention", "Music therapy"),
    ("Effect of task-based mirror therapy on motor recovery in chronic stroke patients", "intervention",
     "task-based mirror therapy"),
])
def test_a_health_title_alone_keeps_its_pico(title: str, part: str, value: str) -> None:
    assert pico_of(title, None)[part] == value


@pytest.mark.parametrize(("text", "health"), [
    ("Prevalence of myopia among schoolchildren", True),   # two words: myopia, prevalence
    ("patients admitted to the ward", True),              # patients alone say enough
    ("a randomized comparison of two price displays", True),
    ("immune to alternative specifications", False),     # one word of health, a manner of speaking
    ("software trialability in academia", False),          # look-alikes of health words
    ("prednisolone and empagliflozin", True),             # drugs by their endings
])
def test_words_of_health(text: str, health: bool) -> None:
    assert speaks_of_health(text) is health
