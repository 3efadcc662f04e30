"""Table rows flattened by copying a page: label and value cells two spaces apart, labels run on after one space."""

from __future__ import annotations

import pytest

from curator.extraction import extract


@pytest.mark.parametrize(("label", "value", "key", "want"), [
    ("Study Type", "Interventional", "study_type", "INTERVENTIONAL"),
    ("Type of Trial", "Observational", "study_type", "OBSERVATIONAL"),
    ("Sponsor", "Aarhus University Hospital", "sponsor", "Aarhus University Hospital"),
    ("Primary Sponsor", "Monash University", "sponsor", "Monash University"),
    ("Target Sample Size", "240", "enrollment", 240),
    ("Sexes Eligible for Study", "Female", "sex", "FEMALE"),
])
def test_label_and_value_two_spaces_apart(label: str, value: str, key: str, want: object) -> None:
    text = f"Trial record\nNCT04000001\n{label}  {value}\nConditions  Asthma\n"
    assert extract(text)[key] == want


def test_a_row_of_several_label_value_cells() -> None:
    text = "Trial record\nStudy Type  Interventional  Phase  Phase 2  Enrollment  64\n"
    f = extract(text)
    assert (f["study_type"], f["phase"], f["enrollment"]) == ("INTERVENTIONAL", "PHASE2", 64)


@pytest.mark.parametrize("row", [
    "Recruitment status No longer recruiting  Overall study status Completed",
    "Overall study status Completed  Recruitment status No longer recruiting",
])
def test_the_overall_status_wins_in_either_order_on_one_row(row: str) -> None:
    f = extract(f"ISRCTN12345678\nA trial of exercise\n{row}\n")
    assert f["status"] == "COMPLETED"


def test_a_sentence_with_two_spaces_is_not_a_label_row() -> None:
    text = "A trial.\nTitle.  We studied walking in older adults.\n"
    assert extract(text)["title"] != "We studied walking in older adults."


@pytest.mark.parametrize(("label", "value", "key", "want"), [
    ("Recruitment Status", "Active, not recruiting", "status", "ACTIVE_NOT_RECRUITING"),
    ("Overall Status", "Terminated", "status", "TERMINATED"),
    ("Phase", "Phase 3", "phase", "PHASE3"),
    ("Start Date", "March 2021", "start_date", "2021-03"),
])
def test_a_validated_label_run_on_after_one_space_ends_the_title(label: str, value: str, key: str,
                                                                    want: str) -> None:
    title = "A Randomized Trial of Drug A Versus Drug B in Adults With Gout"
    f = extract(f"NCT04000002\nOfficial Title: {title} {label}: {value}\n")
    assert f["official_title"] == title
    assert f[key] == want


def test_a_colon_inside_a_title_is_not_a_run_on_label() -> None:
    title = "Fasting: A Randomized Trial of Time-Restricted Eating in Adults With Obesity"
    assert extract(f"NCT04000003\nOfficial Title: {title}\n")["official_title"] == title


@pytest.mark.parametrize("gloss", ["(i.e. non-technical)", ", i.e. non-technical,"])
def test_the_eu_ctr_lay_title_is_the_title_however_its_gloss_is_written(gloss: str) -> None:
    gloss = gloss if gloss.startswith(",") else " " + gloss
    text = ("EudraCT Number: 2016-003812-27\nNational Competent Authority: Netherlands - Competent Authority\n"
            "A.3 Full title of the trial: A randomised trial of vitamin D3 to prevent falls\n"
            f"A.3.1 Title of the trial for lay people, in easily understood{gloss} language: Vitamin D and falls\n")
    assert extract(text)["title"] == "Vitamin D and falls"
