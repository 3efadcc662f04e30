"""An abstract's aim names what was tested when it names no drug ("to evaluate the effect of a school-based
programme on ..."); a factor, a thing pointed to or a cause is no intervention."""

from __future__ import annotations

import pytest

from curator.extraction import extract
from curator.extraction.objective_arm import objective_intervention


@pytest.mark.parametrize(("sentence", "tested"), [
    ("OBJECTIVE: To evaluate the effect of a nurse-led telephone follow-up programme on readmissions.",
     "nurse-led telephone follow-up programme"),
    ("We assessed the effectiveness of computer reminders in improving influenza vaccination.", "computer reminders"),
    ("The aim was to determine the impact of two peer support programmes among new mothers.", "peer support programmes"),
    ("This study sought to examine the effects of audit and feedback, delivered monthly, for ward nurses.",
     "audit and feedback"),
])
def test_the_aim_names_what_was_tested(sentence: str, tested: str) -> None:
    got = objective_intervention(sentence, [(0, len(sentence))])
    assert got is not None and got[0] == tested and sentence[got[1]:got[2]] == tested


@pytest.mark.parametrize("sentence", [
    "We examined the impact of social influence on the adoption of mobile banking.",
    "To assess the effect of age on recovery after hip fracture.",
    "To evaluate the effect of this intervention on falls.",
    "We measured the effects of our strategy in four wards.",
    "The efficacy of the drug was assessed in a previous trial.",
])
def test_a_factor_or_a_thing_pointed_to_is_none(sentence: str) -> None:
    assert objective_intervention(sentence, [(0, len(sentence))]) is None


def test_an_abstract_of_a_programme_gets_its_intervention() -> None:
    text = ("Peer mentoring for new graduate nurses: a controlled before-after study\n\n"
            "BACKGROUND: Many new graduate nurses leave hospital practice in their first year. OBJECTIVE: To evaluate "
            "the effect of a structured peer mentoring programme on retention of new graduate nurses. METHODS: Two "
            "hospitals offered the programme and two did not. Retention at 12 months was compared. RESULTS: Retention "
            "was 88% with mentoring and 79% without. CONCLUSIONS: Mentoring may help retain new nurses.\n")
    assert extract(text, source="x")["pico"]["intervention"] == "structured peer mentoring programme"
