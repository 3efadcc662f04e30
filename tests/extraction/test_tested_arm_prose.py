"""The tested arm of an unlabelled abstract: "we tested X against sham", "randomised to a 12-month X with
physiotherapist visits or to Y" (the arm's length and delivery are not its name)."""

from __future__ import annotations

import pytest

from curator.extraction import extract


def _abstract(sentence: str) -> dict:
    return extract("Journal of Trials\n\nA randomised trial in older adults\nAnna Berg, Tom Lee\n\nAbstract\n"
                   f"Older adults took part. {sentence} The primary outcome was falls at one year.\n")["pico"]


@pytest.mark.parametrize(("sentence", "tested"), [
    ("We tested transcutaneous vagus nerve stimulation against sham stimulation.", "transcutaneous vagus nerve stimulation"),
    ("This trial compared tai chi with usual care.", "tai chi"),
    ("Adults were randomised to a 12-month home-based balance programme with physiotherapist visits or to written "
     "advice.", "home-based balance programme"),
    ("Adults were randomised to six-week aquatic exercise or to usual care.", "aquatic exercise"),
])
def test_the_tested_arm_of_a_sentence_is_its_short_name(sentence: str, tested: str) -> None:
    assert _abstract(sentence)["intervention"] == tested


def test_a_comparison_of_two_controls_names_no_tested_arm_from_it() -> None:
    assert _abstract("We compared placebo with standard care in a pilot.")["intervention"] != "placebo"
