"""Wordings of real abstracts: an outcome set off by commas, a heading after two spaces, the person who gives a
treatment joined by "or" (no second arm)."""

from __future__ import annotations

from curator.extraction import extract
from curator.extraction.plain_outcome import set_off_outcome


def test_an_outcome_set_off_by_commas() -> None:
    text = ("Methods: Wards were randomised. The primary outcome, the rate of falls per 1000 bed days, was taken "
            "from incident reports.")
    got = set_off_outcome(text, [(0, len(text))])
    assert got is not None and got[0] == "the rate of falls per 1000 bed days"


def test_an_outcome_named_before_its_heading_word_is_not_set_off() -> None:
    text = "The Barthel index was the main outcome, and the walking speed and the grip strength were also compared."
    assert set_off_outcome(text, [(0, len(text))]) is None


def test_headings_after_two_spaces_and_the_one_who_gives_the_treatment() -> None:
    text = ("Practice nurse review of children with wheeze: a controlled trial\n\n"
            "Objective: To test whether a structured review changes asthma care.  Design: Randomised controlled "
            "trial.  Subjects: 1200 children aged 2-12 years with wheeze in 10 general practices.  Intervention: "
            "Children were invited for a structured review by their general practitioner or practice nurse.  Main "
            "outcome measures: Asthma consultations in the following year.  Results: Consultations rose.\n")
    pico = extract(text, source="x")["pico"]
    assert pico["outcome"] == "Asthma consultations in the following year"
    assert pico["comparator"] is None or "nurse" not in pico["comparator"]


def test_a_short_arm_ending_in_a_defined_abbreviation_is_spelled_out() -> None:
    from curator.extraction.terms import spelled_in

    abbrs = {"CST": "cognitive stimulation therapy", "SGLT2": "sodium-glucose cotransporter 2"}
    assert spelled_in("weekly CST", abbrs) == {"CST": "cognitive stimulation therapy"}
    assert spelled_in("SGLT2 inhibitor", abbrs) == {}  # the name goes on after it: left whole
    assert spelled_in("cognitive stimulation therapy (CST)", abbrs) == {}


def test_compared_with_in_a_title_is_not_what_the_tested_arm_is_given_with() -> None:
    from curator.extraction.pico import title_intervention

    title = "Hip Protectors Compared With Exercise Classes as Initial Treatment for Frail Residents"
    got = title_intervention(title, 0)
    assert got is None or "Exercise" not in got[0]


def test_an_illness_that_names_a_service_or_what_is_prevented_is_no_ones_illness() -> None:
    from curator.extraction.population_pick import someones_illness

    def check(title: str, illness: str) -> bool:
        at = title.index(illness)
        return someones_illness(title, at, at + len(illness))

    assert not check("A psoriasis management training programme for community pharmacists", "psoriasis")
    assert not check("Guidelines to prevent cardiovascular disease in general practice", "cardiovascular disease")
    assert not check("Asthma care in primary care: an audit", "Asthma")
    assert check("Yoga for adults with chronic low back pain", "chronic low back pain")
    assert check("Treatment of psoriasis with a topical cream", "psoriasis")


def test_run_in_headings_without_a_colon_in_one_paragraph() -> None:
    text = ("Nurse-led clinics for heart failure in primary care: a before-after study\n\n"
            "Objective To assess the effectiveness of nurse-led heart failure clinics in primary care.  Design A "
            "before-after study in 12 practices.  Subjects Adults with chronic heart failure registered with the "
            "practices.  Interventions Monthly nurse-led clinic visits with medication review and education.  Main "
            "outcome Hospital admissions for heart failure in the following year.  Results Admissions fell.\n")
    pico = extract(text, source="x")["pico"]
    assert (pico["outcome"] or "").startswith("Hospital admissions for heart failure")
    assert "heart failure" in (pico["population"] or "")
