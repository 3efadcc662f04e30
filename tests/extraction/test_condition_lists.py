"""A comma-joined conditions value: split when its parts are names (known ones, and names of several capitalised
words beside them), whole when a part is a one-word qualifier or most parts are unknown."""

from __future__ import annotations

import pytest

from curator.extraction import extract


def _conditions(value: str) -> list[str]:
    return extract(f"Trial of X\n\nNCT ID: NCT05511111\nStatus: Recruiting\nConditions: {value}\n"
                   "Sponsor: Some University\n")["conditions"]


@pytest.mark.parametrize(("value", "items"), [
    ("Migraine, Chronic Migraine, Medication Overuse Headache",
     ["Migraine", "Chronic Migraine", "Medication Overuse Headache"]),
    ("Asthma, Exercise Induced Bronchoconstriction, Obesity", ["Asthma", "Exercise Induced Bronchoconstriction", "Obesity"]),
])
def test_names_beside_known_conditions_are_split(value: str, items: list[str]) -> None:
    assert _conditions(value) == items


@pytest.mark.parametrize("value", ["Heart Failure, Diastolic", "Hand, Foot and Mouth Disease",
                                   "Quality of Life, Patient Reported Outcome Measures"])
def test_a_qualifier_or_mostly_unknown_parts_keep_the_value_whole(value: str) -> None:
    assert _conditions(value) == [value]
