"""Tab-separated tables copied from registry pages: cells read column by column."""

from __future__ import annotations

from curator.extraction import extract

_CLASSIC = (
    "Trial of X\nClinicalTrials.gov Identifier: NCT01234567\n\n"
    "Condition or disease\tIntervention/treatment\tPhase\n"
    "{body}\n\nStudy Type : Interventional\n"
)


def test_multiline_cells_make_one_row() -> None:
    body = "Asthma\nCOPD\tDrug: Foo\nDrug: Bar\nOther: Usual care\tPhase 2\nPhase 3"
    fields = extract(_CLASSIC.format(body=body))
    assert fields["conditions"] == ["Asthma", "COPD"]
    assert fields["interventions"] == ["Foo", "Bar", "Usual care"]
    assert fields["phase"] == "PHASE2/PHASE3"


def test_one_row_per_line() -> None:
    body = "Asthma\tDrug: Foo\tPhase 2\nCOPD\tDrug: Bar\tPhase 2"
    fields = extract(_CLASSIC.format(body=body))
    assert fields["conditions"] == ["Asthma", "COPD"]
    assert fields["interventions"] == ["Foo", "Bar"]
    assert fields["phase"] == "PHASE2"


def test_unknown_header_is_not_a_table() -> None:
    text = "Trial of X\nNCT01234567\nName\tCity\tCountry code\nAsthma\tFoo\tPhase 2\n"
    assert extract(text)["conditions"] != ["Asthma"]


def test_purpose_under_study_type_is_a_value() -> None:
    text = ("ISRCTN12345678\nTrial of walking\nRegistration date\n02/07/2019\nOverall study status\nCompleted\n\n"
            "Study type\nTreatment\nParticipant information sheet\nNot available in web format\n")
    assert extract(text)["interventions"] == []


def test_record_head_with_labels_holds_the_title() -> None:
    text = ("Registry\nSearch   Advanced search   About   Contact\nISRCTN12345678\n"
            "Exercise after hip fracture surgery for people with dementia\nLast edited\n11/01/2024\n"
            "Overall study status\nCompleted\n\nPlain English summary of protocol\n"
            "People with dementia recover less well after a broken hip.\n")
    assert extract(text)["title"] == "Exercise after hip fracture surgery for people with dementia"
