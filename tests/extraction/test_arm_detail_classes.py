"""Arms of summaries whose assignment sentence carries more than the arms' names: where the arm sits ("installed at
every school gate"), its dose ("with 15 ml bupivacaine"), its level ("at T4"), decimals inside the people's words
("haemoglobin 9.5 to 12.5 g/dl") and a single infusion; a results sentence's rate of a group ("versus 7% of control
patients") that names no control; and a labelled control written as a sentence about its clusters."""

from __future__ import annotations

import pytest

from curator.extraction import extract


def _arms(abstract: str) -> tuple[str | None, str | None]:
    page = (f"Arms as written: a randomised trial\nRuth Okafor\nhttps://doi.org/10.1234/arms.2024.7\n\nAbstract\n"
            f"{abstract} The primary outcome was hospital admission at 12 months.\n")
    pico = extract(page)["pico"]
    return pico["intervention"], pico["comparator"]


@pytest.mark.parametrize(("abstract", "tested", "control"), [
    ("In this cluster trial, 64 schools were randomly assigned (1:1) to handwashing stations installed at every "
     "school gate with a trained teacher, or to no intervention.", "handwashing stations", "no intervention"),
    ("Forty clinics were randomised to solar fridges mounted in each vaccine store, or to no intervention.",
     "solar fridges", "no intervention"),
    ("We randomly assigned 90 adults having breast surgery to a paravertebral block at T4 with 15 ml bupivacaine 0.5% "
     "or to a sham injection.", "paravertebral block", "sham injection"),
    ("We randomly assigned women with anaemia (haemoglobin, 9.5 to 12.5 g per decilitre) who were due to give birth "
     "2 to 6 weeks later to receive a single infusion of iron isomaltoside (1000 mg) or placebo (saline).",
     "iron isomaltoside", "placebo"),
])
def test_the_arms_without_their_place_dose_or_amount(abstract: str, tested: str, control: str) -> None:
    got_tested, got_control = _arms(abstract)
    assert got_tested == tested, got_tested
    assert got_control is not None and got_control.startswith(control), got_control


def test_a_results_rate_of_the_control_group_is_no_comparator() -> None:
    abstract = ("Villages were randomly allocated to water filters distributed to every household, or to no "
                "intervention. Filters were in use in 68% of intervention households versus 7% of control households.")
    assert _arms(abstract) == ("water filters", "no intervention")


def test_a_concentration_after_versus_is_still_the_comparator() -> None:
    abstract = "We compared a balanced solution versus 0.9% saline in adults with sepsis in four units."
    assert _arms(abstract)[1] == "0.9% saline"


def test_labelled_arms_written_as_sentences_about_their_clusters_keep_only_the_arms() -> None:
    page = ("Trial registered on ANZCTR\nRegistration number  ACTRN12699000111222\n\nTitles & IDs\nPublic title\n"
            "A classroom sleep programme for teenagers\n"
            "Scientific title\nA cluster randomised trial of a classroom sleep programme in secondary schools\n"
            "\nIntervention/exposure\nStudy type  Interventional\nDescription of intervention(s) / exposure\n"
            "Schools allocated to the intervention deliver SLEEP-WELL, six online lessons on sleep during health "
            "classes over one term, with a booster lesson a year later.\n"
            "Comparator / control treatment\n"
            "Control schools continue their usual personal development lessons during the term; they are offered "
            "SLEEP-WELL after the last survey.\nControl group  Active\n")
    got = extract(page)["pico"]["comparator"]
    assert got is not None and got.startswith("usual personal development lessons"), got
    assert "SLEEP-WELL" not in got


@pytest.mark.parametrize(("value", "name"), [
    ("Schools allocated to the intervention deliver SLEEP-WELL, six online lessons on sleep during health classes over "
     "one term, with a booster lesson a year later.", "SLEEP-WELL"),
    ("Clinics assigned to the intervention arm receive a nurse-led foot screening service, with a podiatry referral "
     "pathway and a patient leaflet.", "nurse-led foot screening service"),
])
def test_a_tested_arm_written_as_a_sentence_about_its_clusters_gives_its_name(value: str, name: str) -> None:
    from curator.extraction.arm_leadin import leadin_arm

    assert leadin_arm(value, 100) == (name, 100 + value.index(name), 100 + value.index(name) + len(name))


def test_a_group_named_after_a_result_figure_is_no_comparator() -> None:
    abstract = ("Ninety wards were randomized to a 6-week nurse-led mobility program, bedside exercise cards and daily "
                "walking goals, or to standard ward physiotherapy. The mean score was 4.1 with the program and 5.3 with "
                "usual care (difference -1.2).")
    assert _arms(abstract)[1] == "standard ward physiotherapy"


_REGISTRY_ARMS = """Study of Knee Bracing
ClinicalTrials.gov ID NCT09000001
Brief Summary:
This study compares an unloader knee brace added to supervised exercise therapy with supervised exercise therapy
alone in adults with medial knee osteoarthritis.

Condition or disease   Intervention/treatment   Phase
Knee Osteoarthritis   Device: unloader knee brace
Other: Supervised exercise therapy   Not Applicable

Arms and Interventions
Arm   Intervention/treatment
Experimental: Brace + SET
Unloader brace worn daily for 12 weeks with exercise continued   Device: unloader knee brace
Other: Supervised exercise therapy
Active Comparator: SET alone
Supervised exercise therapy twice weekly   Other: Supervised exercise therapy
"""


def test_an_acronym_comparator_label_is_spelled_out_by_the_listed_intervention() -> None:
    pico = extract(_REGISTRY_ARMS)["pico"]
    assert pico["comparator"] == "Supervised exercise therapy"
    assert pico["intervention"] == "unloader knee brace"


def test_a_product_naming_the_comparator_in_its_brackets_is_the_comparator() -> None:
    from curator.extraction.arms import names_comparator

    control = "standard-dose trivalent influenza vaccine"
    assert names_comparator("Fluvax Tri (standard-dose trivalent influenza vaccine)", control)
    assert not names_comparator("Fluvax High (high-dose trivalent influenza vaccine)", control)


@pytest.mark.parametrize("summary", ["Pain fell by 40% compared with pre-treatment values in adults with gout.",
                                     "Grip strength rose compared with preoperative levels in older adults."])
def test_a_time_after_versus_is_still_no_comparator(summary: str) -> None:
    from curator.extraction.pico import comparator

    assert comparator(summary, [(0, len(summary))]) is None


def test_the_programme_an_assignment_names_back_is_the_one_named_before() -> None:
    abstract = ("We tested a brief, peer-led sleep hygiene programme for first-year students living in halls. "
                "Halls were randomised to the programme (three evening workshops) or to usual welcome week events.")
    tested, _ = _arms(abstract)
    assert tested is not None and "sleep hygiene programme" in tested, tested


def test_a_bare_programme_named_nowhere_before_is_no_intervention_name() -> None:
    abstract = "Halls were randomised to the programme or to usual welcome week events."
    assert _arms(abstract)[0] != "programme"
