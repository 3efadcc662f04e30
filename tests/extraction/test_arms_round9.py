"""Arms as web batch 21 showed them, in wordings written for the test: the amount and schedule before an arm's name,
an arm delivered at home with a device, an arms list whose names run into their descriptions after a dash, an
"Other:" arm that is the control, a drug named inside a device's parenthesis, a single arm's "No control group"."""

from __future__ import annotations

from curator.extraction import extract
from curator.extraction.assignment import summary_assigned_arm
from curator.extraction.pico_fragments import fragment_cut


def test_amount_and_schedule_before_the_name_and_the_home_device_after_it() -> None:
    text = ("Participants were randomised 1:1 to 8 weeks of twice-weekly 20-minute PEMF at home using a wearable "
            "coil, or to sham stimulation with an identical coil.")
    got = summary_assigned_arm(text, [(0, len(text))])
    assert got is not None and got[0] == "PEMF"


def test_a_ten_word_arm_is_still_an_arm() -> None:
    text = ("Mothers were randomised to six weeks of breastfeeding support calls guided by a peer counsellor "
            "app or to a printed booklet.")
    got = summary_assigned_arm(text, [(0, len(text))])
    assert got is not None and got[0].startswith("breastfeeding support calls")


def test_an_arms_list_with_dashes_and_an_other_control() -> None:
    page = ("Trial finder\n\nOnline yoga for chronic neck pain\n\nStatus: Recruiting\n\nArms\n"
            "Experimental: Online yoga classes — twelve weekly 60-minute sessions led by a teacher\n"
            "Other: Waitlist control — no classes; offered the course after follow-up\n\n"
            "Summary\nAdults with chronic neck pain are randomly assigned to begin classes now or after a wait.\n")
    pico = extract(page, source="finder.txt")["pico"]
    assert pico["intervention"] == "Online yoga classes"
    assert pico["comparator"] == "Waitlist control"


def test_a_drug_inside_a_devices_parenthesis_is_not_the_intervention() -> None:
    page = ("Registry mirror\n\nAutomated oxygen titration in preterm infants\n\nStudy type: Interventional\n\n"
            "Intervention\nAutomated oxygen controller (pulse oximeter, oxygen blender and closed-loop software) used "
            "for 72 hours\n\nCondition\nRespiratory distress syndrome\n")
    assert (extract(page, source="mirror.txt")["pico"]["intervention"] or "").lower() != "oxygen"


def test_no_control_group_is_no_comparator() -> None:
    assert fragment_cut("comparator", "No control group. Each participant is compared with baseline.") == 0
    assert fragment_cut("comparator", "no treatment") is None
