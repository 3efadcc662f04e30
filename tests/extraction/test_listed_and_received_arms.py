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
