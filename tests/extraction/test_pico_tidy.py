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
    text = "Interventions\nDescription of intervention(s) / exposure\nComparator / control treatment: usual care"
    at = text.index("Description")
    value = "Description of intervention(s) / exposure"
    fields = _fields(text, "intervention", value, [[at, at + len(value)]])
    tidy_pico(text, fields)  # the line below is another label's: nothing taken
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


def test_the_value_under_an_intervention_label_is_the_intervention() -> None:
    text = "Description of intervention(s) / exposure\nTai chi classes twice a week for 24 weeks\nComparator: usual care\n"
    value = "Description of intervention(s) / exposure"
    fields = _fields(text, "intervention", value, [[0, len(value)]])
    tidy_pico(text, fields)
    assert fields["pico"]["intervention"] == "Tai chi classes twice a week for 24 weeks"
    s, e = fields["evidence"]["pico.intervention"][0]
    assert text[s:e] == "Tai chi classes twice a week for 24 weeks"


def test_a_heading_or_another_labels_line_is_never_taken_from_below() -> None:
    text = "Endpoints\nPrimary outcome: Incident hypertension over 3 years\n"
    fields = _fields(text, "intervention", "Endpoints", [[0, 9]])
    tidy_pico(text, fields)
    assert fields["pico"]["intervention"] is None


def test_a_role_word_is_no_intervention() -> None:
    fields = _fields("the test group", "intervention", "test", [[4, 8]])
    tidy_pico("the test group", fields)
    assert fields["pico"]["intervention"] is None


def test_a_cross_overs_sequences_are_read_as_its_arms() -> None:
    text = "Sequence A: electroacupuncture then sham electroacupuncture"
    at = text.index("electro")
    fields = _fields(text, "intervention", text[at:], [[at, len(text)]])
    fields["pico"]["comparator"] = "sham electroacupuncture then electroacupuncture"
    tidy_pico(text, fields)
    assert fields["pico"]["intervention"] == "electroacupuncture"
    assert fields["pico"]["comparator"] == "sham electroacupuncture"
    assert [text[s:e] for s, e in fields["evidence"]["pico.comparator"]] == ["sham electroacupuncture"]
