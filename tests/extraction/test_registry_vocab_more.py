"""Registry wording read by class: enrolment of the whole trial, study type from design words, sponsors without
a colon, eligibility written elsewhere, arms written one a line, outcomes under sub-labels, list rows and doses."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_HEAD = "A trial of a new treatment\nTrial ID: NCT04999001\nStatus: Recruiting\n"


@pytest.mark.parametrize(("line", "count"), [
    ("Number of subjects: In the EEA: 300 | Whole clinical trial: 1,200", 1200),
    ('Target Sample Size   Total Sample Size="96"  Sample Size from India="60"', 96),
    ("Expected number of participants in EEA: 75", 75),
    ("Target recruitment: 410 participants", 410),
    ("Planned participants: 64", 64),
])
def test_enrolment_is_the_whole_trials_count(line: str, count: int) -> None:
    assert extract(_HEAD + line + "\n")["enrollment"] == count


def test_the_whole_trial_label_wins_over_the_eea_label() -> None:
    text = _HEAD + "F.4.2.1 In the EEA: 500\nF.4.2.2 In the whole clinical trial: 700\n"
    assert extract(text)["enrollment"] == 700


@pytest.mark.parametrize("line", [
    "Type of trial: RCT",
    "Study design: Randomization: Randomized, Blinding: Double blinded, Assignment: Parallel",
])
def test_design_words_give_the_study_type(line: str) -> None:
    assert extract(_HEAD + line + "\n")["study_type"] == "INTERVENTIONAL"


def test_randomization_not_applicable_gives_no_study_type() -> None:
    assert extract(_HEAD + "Study design: Randomization: N/A\n")["study_type"] is None


@pytest.mark.parametrize(("line", "sponsor"), [
    ("Sponsored by Karolinska Institutet", "Karolinska Institutet"),
    ("Sponsor Memorial Sloan Kettering Cancer Center", "Memorial Sloan Kettering Cancer Center"),
    ("Primary Sponsor   Name  Christian Medical College Vellore", "Christian Medical College Vellore"),
    ("Name of primary sponsor  Graduate School of Medicine, Osaka University",
     "Graduate School of Medicine, Osaka University"),
])
def test_sponsor_without_a_colon_or_behind_a_sub_label(line: str, sponsor: str) -> None:
    assert extract(_HEAD + line + "\n")["sponsor"] == sponsor


@pytest.mark.parametrize("line", [
    "Sponsored by the trial team, who will pay for travel.",
    "Sponsor Information",
    "Sponsor Role",
])
def test_a_sentence_or_heading_about_the_sponsor_is_no_sponsor(line: str) -> None:
    assert extract(_HEAD + line + "\n\nPhase: Phase 2\n")["sponsor"] is None


def test_ages_and_sex_inside_the_criteria_row() -> None:
    text = _HEAD + ("Inclusion Criteria   Age From  21.00 Year(s)  Age To  50.00 Year(s)  Gender  Male  "
                    "Details  Stable angina\n")
    f = extract(text)
    assert (f["sex"], f["min_age"], f["max_age"]) == ("MALE", "21 Years", "50 Years")


@pytest.mark.parametrize(("flags", "low", "high"), [
    (("No", "Yes", "No"), "18 Years", "64 Years"),
    (("No", "Yes", "Yes"), "18 Years", None),
    (("No", "No", "Yes"), "65 Years", None),
    (("Yes", "Yes", "Yes"), None, None),
])
def test_euctr_age_group_flags(flags: tuple[str, str, str], low: str | None, high: str | None) -> None:
    text = _HEAD + (f"F.1.1 Trial has subjects under 18: {flags[0]}\nF.1.2 Adults (18-64 years): {flags[1]}\n"
                    f"F.1.3 Elderly (>=65 years): {flags[2]}\n")
    f = extract(text)
    assert (f["min_age"], f["max_age"]) == (low, high)


@pytest.mark.parametrize(("groups", "low", "high"), [
    ("18-64 years, 65-84 years", "18 Years", "84 Years"),
    ("65-84 years, 85+ years", "65 Years", None),
])
def test_ctis_age_groups(groups: str, low: str | None, high: str | None) -> None:
    f = extract(_HEAD + f"Age group: {groups}\n")
    assert (f["min_age"], f["max_age"]) == (low, high)


def test_an_open_ended_age_in_the_criteria_gives_the_minimum_age() -> None:
    f = extract(_HEAD + "Who can take part: Adults aged 70 years and over living at home\n")
    assert (f["min_age"], f["max_age"]) == ("70 Years", None)


@pytest.mark.parametrize(("lines", "tested", "control"), [
    ("Arm 1: Twelve weekly sessions of group yoga\nArm 2: Waiting list control; offered yoga later",
     "Twelve weekly sessions of group yoga", "Waiting list control"),
    ("Intervention 1: Intervention group: Vitamin D 2000 IU daily. Category: Treatment - Drugs\n"
     "Intervention 2: Control group: Placebo drops of identical appearance. Category: Placebo",
     "Vitamin D", "Placebo drops of identical appearance"),
    ("Interventions/Control_1  Online coaching programme for 6 weeks\nInterventions/Control_2  Usual care",
     "Online coaching programme for 6 weeks", "Usual care"),
    ("组别 Group: Treatment group  干预措施 Intervention: Moxibustion at CV4\n"
     "组别 Group: Control group  干预措施 Intervention: Sham moxibustion", "Moxibustion at CV4", "Sham moxibustion"),
    ("Experimental: Dapagliflozin\nDapagliflozin 10 mg once daily\nPlacebo Comparator: Placebo\nMatching tablet",
     "Dapagliflozin", "Placebo"),
])
def test_arms_written_one_a_line_give_intervention_and_comparator(lines: str, tested: str, control: str) -> None:
    f = extract(_HEAD + lines + "\n")
    assert f["pico"]["intervention"] == tested
    assert f["pico"]["comparator"] == control


def test_numbered_arms_without_a_control_give_no_comparator() -> None:
    f = extract(_HEAD + "Arm 1: High-intensity training\nArm 2: Moderate-intensity training\n")
    assert f["pico"]["comparator"] is None


@pytest.mark.parametrize(("lines", "outcome"), [
    ("Primary outcomes\n1. Description: Acne lesion count; Timepoint: week 12", "Acne lesion count"),
    ("Outcome\nPrimary: Change in HbA1c at week 26", "Change in HbA1c at week 26"),
])
def test_outcome_under_a_sub_label(lines: str, outcome: str) -> None:
    assert extract(_HEAD + lines + "\n")["pico"]["outcome"] == outcome


def test_a_heading_word_over_labelled_lines_ends_the_value_above() -> None:
    text = _HEAD + "Primary outcome\nPain at 6 weeks\nRecruitment\nPlanned/Actual: Planned\nNumber of participants: 40\n"
    assert extract(text)["pico"]["outcome"] == "Pain at 6 weeks"


def test_a_table_row_with_an_empty_first_cell_continues_the_row_above() -> None:
    text = _HEAD + ("Condition or disease | Intervention/treatment | Phase\n"
                    "Gout | Drug: Febuxostat 80 mg | Phase 4\n | Drug: Allopurinol |\n")
    assert extract(text)["interventions"] == ["Febuxostat 80 mg", "Allopurinol"]


def test_arms_told_apart_by_dose_keep_their_doses() -> None:
    text = ("Full title: Vitamin D 4000 IU versus 400 IU in pregnancy\nEudraCT Number: 2019-001234-11\n"
            "D.3.1 Product name: Cholecalciferol 4000 IU\nD.3.1 Product name: Cholecalciferol 400 IU\n")
    f = extract(text)
    assert f["interventions"] == ["Cholecalciferol 4000 IU", "Cholecalciferol 400 IU"]
    assert f["pico"]["comparator"] == "400 IU"
    assert f["pico"]["intervention"] == "Cholecalciferol 4000 IU"


@pytest.mark.parametrize("register", ["NTR", "ISRCTN", "ClinicalTrials.gov"])
def test_a_registry_named_as_the_source_is_not_a_journal(register: str) -> None:
    f = extract(f"NL-OMON48211\nSource: {register}\nBrief title: Metformin in pregnancy for obese women\n"
                "Research type: Interventional\nRecruitment status: Completed\n")
    assert f["journal"] is None


@pytest.mark.parametrize(("age", "low", "high"), [("19Year~No Limit", "19 Years", None),
                                                  ("No Limit~65Year", None, "65 Years")])
def test_an_age_range_with_an_open_end_written_no_limit(age: str, low: str | None, high: str | None) -> None:
    f = extract(f"CRiS Registration Number: KCT0006214\nPublic/Brief Title: Red ginseng for fatigue\nAge: {age}\n"
                "Gender: Both\nStudy Type: Interventional Study\n")
    assert (f["min_age"], f["max_age"]) == (low, high)


@pytest.mark.parametrize("block", ["Type  Primary\nOutcome  Brief Fatigue Inventory score\nTimepoint  16 weeks",
                                   "Outcome: Brief Fatigue Inventory score\nType: Primary indicator"])
def test_an_outcome_typed_primary_on_the_line_above_or_below(block: str) -> None:
    f = extract("CRiS Registration Number: KCT0006214\nPublic/Brief Title: Red ginseng for fatigue\n"
                f"Study Type: Interventional Study\n\nOutcome Measure(s)\n{block}\n")
    assert f["pico"]["outcome"] == "Brief Fatigue Inventory score"
