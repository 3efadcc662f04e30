"""Arms of bibliographic entries by class: a registry record listing both arms' interventions (the title naming the
tested one, or one listed name being the usual way), "received X, or Y only", an arm's schedule after "with a daily
...", and a results rate after "versus". Entries written here, none from the corpus."""

from __future__ import annotations

from test_entry_pico import pico_of

from curator.extraction.entry_pico import fill_entry_pico
from curator.importers.ris import to_entry


def test_a_registry_record_listing_both_arms_keeps_the_title_s_arm_as_the_tested_one() -> None:
    pico = pico_of("Qigong for Chronic Neck Pain in Office Workers",
                   "CONDITION: Neck Pain INTERVENTION: Behavioral: Qigong; Behavioral: Stretching booklet PRIMARY "
                   "OUTCOME: Neck Disability Index [Time Frame: 12 weeks]")
    assert pico["intervention"] == "Qigong"
    assert pico["comparator"] == "Stretching booklet"


def test_a_listed_usual_way_is_the_control() -> None:
    pico = pico_of("Early Oral Feeding After Bowel Surgery",
                   "CONDITION: Colorectal Cancer INTERVENTION: Other: early oral feeding protocol ; Other: usual "
                   "postoperative care PRIMARY OUTCOME: Length of stay [Time Frame: 30 days]")
    assert pico["intervention"] == "early oral feeding protocol"
    assert pico["comparator"] == "usual postoperative care"


def test_two_listed_arms_neither_a_control_nor_told_apart_stay_joined() -> None:
    entry = to_entry({"TY": ["JOUR"], "TI": ["Two Exercise Programmes for Knee Pain"], "PY": ["2020"],
                      "AB": ["CONDITION: Knee Pain INTERVENTION: Behavioral: Yoga; Behavioral: Pilates PRIMARY "
                             "OUTCOME: Pain [Time Frame: 8 weeks]"]}, "test.ris#1")
    fill_entry_pico(entry.fields, entry.text)
    pico = entry.fields["pico"]
    assert pico["comparator"] is None
    assert pico["intervention"] == "Yoga; Pilates"


def test_what_the_arms_received_with_the_control_last() -> None:
    pico = pico_of("Preoperative relaxation training",
                   "In this randomised trial, 120 adults awaiting hip replacement received three 30-minute sessions of "
                   "guided relaxation training with a nurse plus a leaflet, or standard preoperative advice only. "
                   "The primary outcome was anxiety on the day of surgery.")
    assert pico["intervention"] == "guided relaxation training"
    assert pico["comparator"] is not None and pico["comparator"].startswith("standard preoperative advice")


def test_a_schedule_after_with_is_not_the_arm_s_name() -> None:
    pico = pico_of("Stepping before surgery",
                   "We randomly assigned 90 patients awaiting lung resection at three hospitals to an app-guided "
                   "stair climbing programme with a weekly target of 50 flights, or to advice to keep active. The "
                   "primary outcome was complications.")
    assert pico["intervention"] == "app-guided stair climbing programme"
    assert pico["comparator"] is not None and pico["comparator"].startswith("advice")


def test_an_arm_with_its_device_and_twice_daily_schedule() -> None:
    pico = pico_of("Breathing training before lung surgery",
                   "In this trial in 5 hospitals, 180 patients scheduled for lobectomy were randomized to expiratory "
                   "muscle training with a handheld device twice daily for at least 3 weeks before surgery or to usual "
                   "care. The primary outcome was pneumonia.")
    assert pico["intervention"] is not None and "expiratory muscle training" in pico["intervention"]
    assert pico["comparator"] == "usual care"


def test_an_arm_with_a_long_bracketed_description() -> None:
    pico = pico_of("Home exercise before knee replacement: protocol for a randomised trial",
                   "Participants will be randomised 1:1 to a tele-supervised strengthening programme (three weekly "
                   "sessions of quadriceps and hip exercises guided by a physiotherapist over video, a pedometer and a "
                   "diet leaflet) or to usual preoperative care. The primary outcome is walking speed.")
    assert pico["intervention"] is not None and "tele-supervised strengthening programme" in pico["intervention"]


def test_the_programme_offered_to_the_one_arm_of_a_single_arm_study() -> None:
    pico = pico_of("Prehabilitation before pancreatic surgery: a single-arm feasibility study",
                   "In this single-arm feasibility study, adults aged 60 years or older awaiting pancreatic surgery were "
                   "offered a 3-week tele-coached programme of walking and breathing exercises, supported by daily text "
                   "messages. The primary outcome was adherence.")
    assert pico["intervention"] == "tele-coached programme"
    assert pico["comparator"] is None


def test_a_title_s_postoperative_arm_after_versus_is_a_control_not_a_time() -> None:
    pico = pico_of("Preoperative walking versus postoperative walking for recovery after hip replacement: a randomized "
                   "trial", "Methods: Adults having hip replacement were randomized to a walking programme starting 3 "
                   "weeks before surgery, or to the same programme started only after surgery. Primary outcome: walking "
                   "distance at 6 weeks.")
    assert pico["comparator"] == "postoperative walking"


def test_a_stepped_wedge_roll_out_from_usual_care_to_the_service() -> None:
    pico = pico_of("A falls service in care homes: a stepped-wedge cluster randomised trial",
                   "Twelve care homes crossed over in random order, every 2 months, from usual care to a falls "
                   "prevention service, with exercise and medication review. The primary outcome was falls.")
    assert pico["intervention"] is not None and pico["intervention"].startswith("falls prevention service")
    assert pico["comparator"] == "usual care"


def test_to_assess_whether_x_compared_with_y() -> None:
    pico = pico_of("Exercise before surgery: a systematic review and meta-analysis",
                   "OBJECTIVE: To assess whether preoperative exercise, compared with usual care, reduces complications "
                   "after lung surgery. DATA SOURCES: MEDLINE and Embase were searched.")
    assert pico["intervention"] == "preoperative exercise"
    assert pico["comparator"] == "usual care"


def test_adjectives_listed_before_the_control_s_noun_and_packs_of_the_tested_one() -> None:
    pico = pico_of("Preoperative fish-oil drinks before liver surgery",
                   "Adults awaiting liver resection at 3 centres were randomized to drink 2 sachets daily of an omega-3 "
                   "enriched drink or an isocaloric, isoproteic standard drink for 10 days before surgery. The primary "
                   "endpoint was infection.")
    assert pico["intervention"] == "omega-3 enriched drink"
    assert pico["comparator"] == "isocaloric, isoproteic standard drink"


def test_an_arm_with_a_bracketed_schedule_and_a_control_that_remains_as_it_was() -> None:
    pico = pico_of("Swimming before lung injury in mice",
                   "Female mice were randomly allocated to 6 weeks of swimming (5 days/week, 30 min/day) or to remain "
                   "sedentary, and then received intratracheal lipopolysaccharide. Lung injury was scored at 48 h.")
    assert pico["intervention"] == "swimming"
    assert pico["comparator"] == "sedentary"


def test_what_animals_received_against_a_saline_placebo() -> None:
    pico = pico_of("A feline anti-NGF antibody for older cats: a randomized field study",
                   "In this randomized, placebo-controlled field study, 180 client-owned cats with degenerative joint "
                   "disease were enrolled. Cats received a subcutaneous injection of a felinized anti-NGF monoclonal "
                   "antibody (1 mg/kg) or saline placebo every 28 days for 3 doses. The primary outcome was owner-"
                   "assessed mobility.")
    assert pico["intervention"] == "felinized anti-NGF monoclonal antibody"
    assert pico["comparator"] == "saline placebo"


def test_a_title_s_elliptical_adjective_gives_way_to_the_assigned_arm() -> None:
    pico = pico_of("Subcutaneous versus oral methotrexate for juvenile arthritis: a randomised controlled trial",
                   "Methods: Children with polyarticular juvenile arthritis at 6 centres were randomized to a single "
                   "weekly injection of etanercept-free methotrexate gel or oral methotrexate tablets weekly. The "
                   "primary outcome was response at 6 months.")
    assert pico["intervention"] != "Subcutaneous"


def test_a_title_naming_the_control_first_gives_way_to_the_assignment_order() -> None:
    pico = pico_of("Bed rest versus early walking after lumbar puncture in adults: a randomised controlled trial",
                   "Methods: We randomly assigned 300 adults having diagnostic lumbar puncture to early walking within "
                   "an hour or to standard bed rest for 4 hours. The primary outcome was post-dural puncture headache.")
    assert pico["intervention"] == "early walking"
    assert pico["comparator"] is not None and "bed rest" in pico["comparator"]
