"""Registry classes of error met on held-out web batch 13, each tested on text written here (no corpus page):
labels written twice in two languages, several label-value pairs on one line or a flattened table, age
wordings, the final count beside the target, registry fields of EU CTR, CTIS and UMIN, titles."""

from __future__ import annotations

from curator.extraction import extract

BILINGUAL = """中国临床试验注册中心   Chinese Clinical Trial Registry

注册号：Registration number：  ChiCTR2300071234
注册题目：Public title：  太极拳对膝骨关节炎的影响
Public title (English)：  Tai chi for knee osteoarthritis in older adults: a randomized trial
研究课题的正式科学名称：Scientific title：  A randomized controlled trial of 12-week tai chi versus stretching for pain in older adults with knee osteoarthritis
研究实施负责（组长）单位：Primary sponsor：  北京体育大学 Beijing Sport University
研究疾病：Target disease：  膝骨关节炎 Knee osteoarthritis
研究类型：Study type：  干预性研究 Interventional study
研究所处阶段：Study phase：  其它 N/A
研究实施时间：Study execute time：  从From 2023-03-01 至To 2024-02-29

干预措施：Interventions：
组别：Group：  太极组 Tai chi group   样本量：Sample size：  60
干预措施：Intervention：  Tai chi, 60 minutes, 3 times a week for 12 weeks
组别：Group：  对照组 Control group   样本量：Sample size：  60
干预措施：Intervention：  Stretching exercises, same schedule

测量指标：Outcomes：
指标中文名：Outcome：  疼痛 WOMAC pain score   指标类型：Type：  主要指标 Primary indicator
指标中文名：Outcome：  步速 Gait speed   指标类型：Type：  次要指标 Secondary indicator

征募研究对象情况：Recruiting status：  正在进行 Recruiting
年龄范围：Participant age：  最小 Min age years 55   最大 Max age years 85
性别：Gender：  女性 Female
"""


def test_labels_written_twice_with_full_width_colons() -> None:
    f = extract(BILINGUAL)
    assert f["study_type"] == "INTERVENTIONAL"
    assert f["phase"] == "NA"
    assert f["status"] == "RECRUITING"
    assert f["sex"] == "FEMALE"
    assert (f["min_age"], f["max_age"]) == ("55 Years", "85 Years")
    assert (f["start_date"], f["completion_date"]) == ("2023-03-01", "2024-02-29")
    assert "tai chi versus stretching" in (f["official_title"] or "")
    assert f["sponsor"] == "Beijing Sport University"  # the English name, not the Chinese one before it
    assert f["enrollment"] == 120  # the groups' sample sizes after their group names, summed
    assert f["pico"]["outcome"] == "WOMAC pain score"


def test_a_latin_label_with_a_colon_in_its_value_is_not_read_as_two_labels() -> None:
    f = extract("Registration number: ChiCTR2300071234\n标题：Effect of tai chi: a randomized trial\n"
                "Study type: Interventional study\n")
    assert f["study_type"] == "INTERVENTIONAL"


def test_a_row_of_label_value_cells_with_one_field_of_no_validated_value() -> None:
    text = ("ISRCTN12345678\nWalking after hip fracture\n\nSubmission date 02/02/2020   Registration date 10/02/2020\n"
            "Recruitment status Recruiting   Overall study status Ongoing   Condition category Musculoskeletal Diseases\n")
    f = extract(text)
    assert f["status"] == "RECRUITING"


def test_a_gap_table_whose_row_runs_over_two_lines() -> None:
    text = ("NCT01234567\nExercise for Fatigue in Lupus\n\nCondition or disease   Intervention/treatment   Phase\n"
            "Systemic Lupus Erythematosus   Device: 2 mA transcranial stimulation\n"
            "Behavioral: Stretching   Not Applicable\n\nStudy Type  : Interventional\n")
    f = extract(text)
    assert f["conditions"] == ["Systemic Lupus Erythematosus"]
    assert f["phase"] == "NA"
    assert {"2 mA transcranial stimulation", "Stretching"} <= set(f["interventions"])  # a typed name, number and all


def test_ctri_coded_conditions_and_outcome_table_under_its_label() -> None:
    text = ("CTRI Number  CTRI/2022/01/039999\nPublic Title of Study  Ginger for nausea in pregnancy\n"
            "Health Condition / Problems Studied\nHealth Type | Condition\n"
            "Patients | (1) ICD-10 Condition: O21||Excessive vomiting in pregnancy (hyperemesis), (2) ICD-10 "
            "Condition: R11.0||Nausea,\nPrimary Outcome\nOutcome | TimePoints\n"
            "Nausea score on the PUQE scale | day 4\nSecondary Outcome\nOutcome | TimePoints\nWeight | day 7\n"
            "Target Sample Size  Total Sample Size=\"80\"\nFinal Enrollment numbers achieved (Total)= \"Applicable "
            "only for Completed/Terminated trials\"\nFinal Enrollment numbers achieved (India)=\"76\"\n")
    f = extract(text)
    assert f["conditions"] == ["Excessive vomiting in pregnancy (hyperemesis)", "Nausea"]
    assert f["pico"]["outcome"] == "Nausea score on the PUQE scale"
    assert f["enrollment"] == 76  # the final count, not the target


def test_printed_outcome_table_gives_the_first_measure() -> None:
    text = ("NCT01234568\nCoffee and Arrhythmia\nStudy Type  OBSERVATIONAL\n\nPrimary Outcome Measures\n"
            "Outcome Measure   Measure Description   Time Frame\n"
            "Incident atrial fibrillation   Any episode on ECG monitoring   2 years\n"
            "Secondary Outcome Measures\nStroke   Time Frame: 2 years\n")
    assert extract(text)["pico"]["outcome"] == "Incident atrial fibrillation"


def test_age_wordings() -> None:
    one = extract("NCT01234569\nSleep study\nStudy Type  Interventional\n"
                  "Ages Eligible for Study 12 Years to 17 Years (Child)\n")
    assert (one["min_age"], one["max_age"]) == ("12 Years", "17 Years")
    two = extract("NCT01234570\nSleep study\nStatus: Recruiting\nAges eligible: 30 Years to 60 Years\n")
    assert (two["min_age"], two["max_age"]) == ("30 Years", "60 Years")
    groups = extract("2024-500123-45-00\nA trial\nTrial phase  Therapeutic use (Phase IV)\n"
                     "Age groups  18-64 years, 65-84 years\n")
    assert (groups["min_age"], groups["max_age"]) == ("18 Years", "84 Years")
    open_group = extract("2024-500123-45-00\nA trial\nTrial phase  Therapeutic use (Phase IV)\n"
                         "Age groups  65-84 years, 85+ years\n")
    assert (open_group["min_age"], open_group["max_age"]) == ("65 Years", None)


def test_eu_ctr_age_flags_both_yes_give_no_maximum() -> None:
    text = ("EudraCT Number: 2020-001234-56\nTrial Status: Ongoing\nF.1 Age Range\n"
            "F.1.1 Trial has subjects under 18: No\nF.1.2 Adults (18-64 years): Yes\nF.1.3 Elderly (>=65 years): Yes\n")
    f = extract(text)
    assert (f["min_age"], f["max_age"]) == ("18 Years", None)


def test_final_count_beside_the_target() -> None:
    anz = extract("Registration number ACTRN12699000123456\nStudy type Interventional\n"
                  "Sample size  Target 400   Accrual to date   Final 388\n")
    assert anz["enrollment"] == 388
    umin = extract("Unique ID issued by UMIN  UMIN000012345\nRecruitment status   Completed\n"
                   "Target sample size   50\nNumber of participants that the trial has enrolled   47\n")
    assert umin["enrollment"] == 47
    ctis = extract("Trial number  2024-500123-45-00\nTrial phase  Therapeutic use (Phase IV)\n"
                   "Planned number of participants in EU/EEA  900\nPlanned number of participants worldwide  1,200\n")
    assert ctis["enrollment"] == 1200


def test_eu_ctr_global_end_and_member_states() -> None:
    text = ("EudraCT Number: 2019-004321-11\nTrial Status: Completed\n"
            "Member States in which this trial is conducted: Spain; Italy\n"
            "P. End of Trial\nDate of the global end of the trial: 2022-06-30\n")
    f = extract(text)
    assert f["completion_date"] == "2022-06-30"
    assert f["countries"] == ["Spain", "Italy"]


def test_ctis_record_is_interventional_and_its_heading_beats_the_lay_title() -> None:
    text = ("Back to search results\n2024-500123-45-00\n"
            "Oral semaglutide versus placebo for weight loss in adolescents: a randomised trial\n"
            "Overall trial status: Ongoing, recruiting\n\nSummary\nTrial number  2024-500123-45-00\n"
            "Trial phase  Therapeutic confirmatory (Phase III)\nPublic title\nA pill for weight loss in teenagers\n")
    f = extract(text)
    assert f["study_type"] == "INTERVENTIONAL"
    assert f["title"].startswith("Oral semaglutide versus placebo")


def test_sponsor_label_beats_a_contact_organisation() -> None:
    text = ("Unique ID issued by UMIN  UMIN000012345\nRecruitment status   Recruiting\n\nResearch contact person\n"
            "Name of lead principal investigator   Taro Yamada\nOrganization   Kyoto Medical School Department of Surgery\n\n"
            "Sponsor or person\nInstitute   Kyoto Medical School\n")
    assert extract(text)["sponsor"] == "Kyoto Medical School"


def test_observational_placeholder_is_no_intervention() -> None:
    text = ("NCT01234571\nCohort of Night Shift Workers\nStudy Type OBSERVATIONAL\n\nIntervention / Treatment\n"
            "OTHER: No intervention (observational)\n\nConditions\nSleep Disorder\n")
    f = extract(text)
    assert f["interventions"] == []
    assert f["pico"]["intervention"] is None


def test_page_update_note_and_printed_head_are_no_title() -> None:
    mirror = extract("Trials Mirror   Home   About\n\nThis page was updated: 2024-02-01   Source: ClinicalTrials.gov\n\n"
                     "Yoga Versus Walking for Low Back Pain\nNCT01234572\n\nStatus: Recruiting\nPhase: Phase 2\n")
    assert mirror["title"] == "Yoga Versus Walking for Low Back Pain"
    printed = extract("1/2/25, 10:00 AM   Study Details | Night Shift Cohort | ClinicalTrials.gov\nRECRUITING\n"
                      "Night Shift Cohort (NIGHT)\nClinicalTrials.gov ID NCT01234573\nLast Update Posted 2024-01-02\n\n"
                      "Official Title\nSleep and Metabolism in Night Shift Workers: a Prospective Cohort\n")
    assert printed["title"] == "Night Shift Cohort (NIGHT)"


def test_ctri_comparator_agent_row_joins_the_interventions() -> None:
    for sep in (" | ", "  "):
        text = ("CTRI Number  CTRI/2022/02/040000\nPublic Title of Study  Zinc for diarrhoea\n"
                f"Intervention / Comparator Agent\nType{sep}Name{sep}Details\n"
                f"Intervention{sep}Zinc sulphate{sep}20 mg orally once daily for 14 days\n"
                f"Comparator Agent{sep}Oral rehydration solution{sep}As needed for 14 days\n"
                "Inclusion Criteria\nAge From  1.00 Year(s)\n")
        f = extract(text)
        assert f["interventions"] == ["Zinc sulphate", "Oral rehydration solution"], sep


def test_anzctr_recruitment_states_on_one_line() -> None:
    text = ("Registration number ACTRN12699000123457\nStudy type Interventional\n\nRecruitment\n"
            "Recruitment status Recruiting\nRecruitment state(s) QLD, WA\n"
            "Recruitment outside Australia Country Fiji\n")
    assert set(extract(text)["countries"]) == {"Australia", "Fiji"}


def test_a_sentence_about_ages_is_no_age_limit() -> None:
    f = extract("NCT01234574\nSchool Meals Study\nStudy Type  Interventional\n\n"
                "Ages 6 to 11 years were enrolled in most schools.\n")
    assert (f["min_age"], f["max_age"]) == (None, None)


def test_a_record_s_related_information_section_keeps_its_secondary_ids() -> None:
    text = ("jRCT ID: jRCTs031219999\nRecruitment status: Recruiting\n\nRelated Information\n"
            "Secondary IDs: UMIN000099999\n\nRelated trials\nNCT01234575   Another trial   Recruiting\n")
    ids = extract(text)["ids"]
    assert "UMIN000099999" in ids and "NCT01234575" not in ids
