"""An interventions list naming a placebo or sham beside the tested ones, with no arm labels: that item is the
comparator; a list without one gives no comparator from the list."""

from __future__ import annotations

import pytest

from curator.extraction import extract


def _pico(interventions: str) -> dict:
    return extract(f"Drug Y in Chronic Cough\n\nNCT ID: NCT05511112\nStatus: Recruiting\nInterventions: {interventions}\n"
                   "Sponsor: Some University\n")["pico"]


@pytest.mark.parametrize(("listed", "comparator"), [
    ("Drug: Gefapixant; Drug: Placebo", "Placebo"),
    ("Device: Vagus nerve stimulator; Device: Sham stimulation", "Sham stimulation"),
])
def test_a_listed_placebo_or_sham_is_the_comparator(listed: str, comparator: str) -> None:
    got = _pico(listed)
    assert got["comparator"] == comparator
    assert comparator.lower() not in (got["intervention"] or "").lower()


def test_a_list_without_placebo_or_sham_gives_no_comparator() -> None:
    assert _pico("Drug: Gefapixant; Drug: Codeine")["comparator"] is None
