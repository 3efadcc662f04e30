"""Arm lines of registry intervention lists: names without dosing, comparators recognised."""

from __future__ import annotations

import pytest

from curator.extraction.arms import ARM_PREFIX_RE, cut_dose, names_comparator


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Andrographis paniculata extract capsules 180 mg andrographolide per day for 5 days",
         "Andrographis paniculata extract"),
        ("Placebo capsules three times daily for 5 days", "Placebo"),
        ("Dapagliflozin 10 mg once daily for 24 weeks", "Dapagliflozin"),
        ("Vitamin D3 1000 IU", "Vitamin D3"),
        ("Activities of daily living training", "Activities of daily living training"),
        ("Mirror therapy", "Mirror therapy"),
    ],
)
def test_cut_dose(raw: str, name: str) -> None:
    assert cut_dose(raw) == name


def test_arm_prefix_and_comparator() -> None:
    assert ARM_PREFIX_RE.sub("", "Experimental Arm: Drug A") == "Drug A"
    assert ARM_PREFIX_RE.sub("", "Placebo Comparator: Placebo") == "Placebo"
    assert ARM_PREFIX_RE.sub("", "Armodafinil") == "Armodafinil"
    assert names_comparator("Placebo", "placebo")
    assert names_comparator("Placebo capsules", "placebo")
    assert not names_comparator("Mirror therapy plus usual care", "usual care")
