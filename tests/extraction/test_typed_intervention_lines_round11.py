"""A trial finder's interventions listed with their ClinicalTrials.gov types ("Device: X" / "Behavioural: Y")
under its own heading or a label: the names are read, the list ends at the page's next heading, a dose form ends a
name only when a name is left, and the control is the placebo, sham or inactive item, or the one item typed
"Other" that the page states as what a group had alone."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract

HEAD = """Lung Health Charity
Home   Research   Donate

Research > Find a study > Breathlessness

Can a handheld fan and breathing coaching ease breathlessness in COPD?
Now recruiting
Trial identifier: NCT06612345
Study type: Interventional (clinical trial)

About the study
People with COPD who are breathless at home will be put into one of two groups by chance.

"""
TAIL = """
What the researchers will measure
The main measure is breathlessness on the Dyspnoea-12 questionnaire after 8 weeks.

Interested in taking part?
Ask your respiratory nurse.
"""


def test_typed_lines_under_the_finders_own_heading() -> None:
    text = HEAD + """Treatments being tested
Device: Handheld battery fan
Behavioural: Breathing coaching (three video calls)
Other: Breathlessness information booklet

Group 1: fan and breathing coaching for 8 weeks
Group 2: breathlessness information booklet only
""" + TAIL
    fields = extract(text)
    assert fields["interventions"] == ["Handheld battery fan", "Breathing coaching (three video calls)",
                                       "Breathlessness information booklet"]
    assert fields["pico"]["comparator"] == "Breathlessness information booklet"
    assert "booklet" not in fields["pico"]["intervention"] and "fan" in fields["pico"]["intervention"]
    assert check_evidence(fields, text) == []


def test_an_other_item_not_stated_as_the_control_is_not_guessed() -> None:
    text = HEAD + """Treatments being tested
Device: Handheld battery fan
Other: Breathlessness information booklet
""" + TAIL
    fields = extract(text)
    assert fields["pico"]["comparator"] is None
    assert "Handheld battery fan" in fields["pico"]["intervention"]


def test_a_labelled_list_ends_at_the_next_heading() -> None:
    text = HEAD + "Interventions\nDevice: Handheld battery fan\nOther: Fan video on a tablet\n" + TAIL
    fields = extract(text)
    assert fields["interventions"] == ["Handheld battery fan", "Fan video on a tablet"]


def test_an_inactive_device_is_the_control_of_a_labelled_list() -> None:
    text = HEAD + ("Interventions:   Device: Vibrating cueing wristband; Device: Inactive wristband; "
                   "Behavioral: Home walking programme\n") + TAIL
    fields = extract(text)
    assert fields["pico"]["comparator"] == "Inactive wristband"
    assert "Inactive" not in fields["pico"]["intervention"]


def test_one_typed_line_is_no_list() -> None:
    text = HEAD + "Device: Handheld battery fan\n" + TAIL
    assert extract(text)["interventions"] != ["Handheld battery fan"]


def test_a_finders_plain_labels_for_sponsor_size_and_main_measure() -> None:
    text = HEAD.replace("Study type: Interventional (clinical trial)\n", "Study type: Interventional (clinical trial)\n"
                        "Organised by:   Leeds Teaching Hospitals NHS Trust\nHow many people:   120 people\n") + \
        "Main measure\nBreathlessness on the Dyspnoea-12 questionnaire at 8 weeks.\n"
    fields = extract(text)
    assert fields["sponsor"] == "Leeds Teaching Hospitals NHS Trust" and fields["enrollment"] == 120
    assert fields["pico"]["outcome"].startswith("Breathlessness on the Dyspnoea-12")
