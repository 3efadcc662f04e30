"""The last look at a page's PICO: a label is no value; a primary outcome ends where the secondary ones begin."""

from __future__ import annotations

from curator.extraction import extract
from curator.extraction.pico_tidy import tidy_pico


def _fields(text: str, part: str, value: str, spans: list[list[int]]) -> dict:
    fields = {"pico": {"population": None, "intervention": None, "comparator": None, "outcome": None},
              "evidence": {}}
    fields["pico"][part] = value
    fields["evidence"][f"pico.{part}"] = spans
    return fields


def test_a_labels_words_are_no_intervention() -> None:
    text = "Interventions\nDescription of intervention(s) / exposure\nTai chi twice a week"
    at = text.index("Description")
    value = "Description of intervention(s) / exposure"
    fields = _fields(text, "intervention", value, [[at, at + len(value)]])
    tidy_pico(text, fields)
    assert fields["pico"]["intervention"] is None and "pico.intervention" not in fields["evidence"]
    fields = _fields("Endpoints", "intervention", "Endpoints", [[0, 9]])
    tidy_pico("Endpoints", fields)
    assert fields["pico"]["intervention"] is None


def test_a_primary_outcome_ends_where_the_secondary_ones_begin() -> None:
    text = "Primary end point\nComplete response at 3 months\nSecondary end points\nOverall survival at 12 months\n"
    a, b = text.index("Complete"), text.index("Overall survival") + len("Overall survival at 12 months")
    spans = [[a, text.index("\nSecondary")], [text.index("Secondary"), text.index("\nOverall")], [text.index("Overall"), b]]
    value = " ".join(text[s:e] for s, e in spans)
    fields = _fields(text, "outcome", value, spans)
    tidy_pico(text, fields)
    assert fields["pico"]["outcome"] == "Complete response at 3 months"
    assert [text[s:e] for s, e in fields["evidence"]["pico.outcome"]] == ["Complete response at 3 months"]


def test_an_outcome_without_a_next_label_is_kept_whole() -> None:
    text = "Primary outcome: Secondary prevention of falls at 12 months"  # "Secondary" opens the value itself
    at = text.index("Secondary")
    fields = _fields(text, "outcome", text[at:], [[at, len(text)]])
    tidy_pico(text, fields)
    assert fields["pico"]["outcome"] == "Secondary prevention of falls at 12 months"


def test_a_page_keeps_its_outcome_and_loses_the_secondary_ones() -> None:
    page = ("ClinicalTrials.gov mirror\nTrial of greater occipital nerve block for migraine\n\nPrimary outcome measures\n"
            "Change in headache pain from baseline to 60 minutes after injection Other outcome measures Need for "
            "rescue medication within 2 hours\n")
    outcome = extract(page)["pico"]["outcome"]
    assert outcome is None or "rescue" not in outcome
