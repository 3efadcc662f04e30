"""Class D: arms stated less commonly than "versus": a stepped-wedge roll-out "from usual care to X", "allocated to
receive X", a diagnostic accuracy study's index test, arms named by abbreviations defined earlier (the name the page
spells out), and a single-arm study's intervention with no comparator."""

from __future__ import annotations

import pytest
from arm_pages import arm, article

from curator.extraction.abbreviated_arm import definition
from curator.extraction.diagnostic_arms import index_test


def test_a_roll_out_from_usual_care_to_x_names_both_arms() -> None:
    f = article("Methods: Twenty care homes switched in random order from usual care to the falls prevention "
                "programme over 18 months. The primary outcome was the rate of falls.",
                "Falls prevention in care homes: a stepped-wedge cluster randomised trial")
    assert f["pico"]["intervention"] == "falls prevention programme"
    assert f["pico"]["comparator"] == "usual care"


def test_an_index_test_is_the_intervention_and_its_reference_standard_no_comparator() -> None:
    f = article("Methods: We assessed the diagnostic accuracy of a point-of-care troponin test (index test) against "
                "laboratory high-sensitivity troponin (reference standard) in 800 patients with chest pain. The primary "
                "outcome was sensitivity.", "Point-of-care troponin testing in the emergency department")
    assert "point-of-care troponin test" in (f["pico"]["intervention"] or "")
    assert f["pico"]["comparator"] is None


@pytest.mark.parametrize(("body", "tested", "control"), [
    ("Background: Problem-solving therapy (PST) is a brief psychological treatment and enhanced usual care (EUC) the "
     "comparison. Methods: Older adults with depression were randomised to PST or to EUC. The primary outcome was "
     "depression severity at 12 weeks.", "Problem-solving therapy", "enhanced usual care"),
    ("Background: We tested whether group cognitive behavioural therapy (CBT-G) reduces insomnia. Methods: Adults were "
     "assigned to six weekly CBT-G sessions or to sleep hygiene advice. The primary outcome was the Insomnia Severity "
     "Index.", "group cognitive behavioural therapy", "sleep hygiene advice"),
])
def test_abbreviated_arms_are_spelled_out(body: str, tested: str, control: str) -> None:
    f = article(body)
    assert tested.lower() in (f["pico"]["intervention"] or "").lower(), f["pico"]
    assert control.lower() in (f["pico"]["comparator"] or "").lower(), f["pico"]


def test_an_abbreviation_defined_inside_a_longer_parenthesis_is_found() -> None:
    text = "A trial of transcutaneous auricular vagus nerve stimulation (taVNS, 25 Hz) in migraine."
    got = definition(text, "taVNS")
    assert got is not None and got[0] == "transcutaneous auricular vagus nerve stimulation"
    assert definition("The fecal immunochemical test was mailed (FIT kits).", "FIT") is None


def test_a_modified_abbreviation_is_not_replaced() -> None:
    body = ("Methods: Adults aged 50 to 75 years were randomised to mailed fecal immunochemical test (FIT) outreach or "
            "to usual care. The primary outcome was screening completion.")
    f = article(body)
    assert "mailed" in (f["pico"]["intervention"] or "")


def test_a_single_arm_study_has_an_intervention_and_no_comparator() -> None:
    body = ("Methods: In this single-arm study, 40 adults received a 12-week yoga programme. The primary outcome was "
            "pain.")
    f = article(body)
    assert "yoga" in (f["pico"]["intervention"] or "")
    assert f["pico"]["comparator"] is None


def test_evidence_of_a_spelled_out_arm_points_at_its_name() -> None:
    body = ("Background: Cognitive stimulation therapy (CST) helps people with dementia. Methods: Residents were "
            "randomised to CST or to treatment as usual. The primary outcome was cognition.")
    page = ("Journal site\n\nA randomised trial in adults\n\nAnna Berger, Felix Hartmann\n\nTrials. 2020;21:314. "
            f"doi:10.1186/s13063-020-04245-3\n\nAbstract\n{body}\n")
    f = article(body)
    assert arm(f, page, "intervention") == "Cognitive stimulation therapy (CST)"


def test_a_crossover_of_a_new_device_and_the_usual_one() -> None:
    f = article("Methods: In this crossover trial, 30 children with asthma used a new spacer and their usual spacer for "
                "two weeks each in random order. The primary outcome was FEV1.")
    assert "new spacer" in (f["pico"]["intervention"] or "")
    assert f["pico"]["comparator"] == "their usual spacer"


@pytest.mark.parametrize(("body", "tested"), [
    ("Methods: Twelve communities were randomly assigned to a program in which trained community health workers visited "
     "adults with hypertension at home every month to measure blood pressure and support adherence; the other 12 "
     "communities continued usual services. The primary outcome was blood pressure control.",
     "a program in which trained community health workers visited adults with hypertension at home every month"),
    ("Methods: In this cluster randomised trial, 40 clinics were allocated to an intervention in which community health "
     "workers delivered adherence support, or to standard clinic care. The primary outcome was viral suppression.",
     "an intervention in which community health workers delivered adherence support"),
])
def test_a_programme_assigned_by_its_description(body: str, tested: str) -> None:
    f = article(body)
    assert f["pico"]["intervention"] == tested
    assert f["pico"]["comparator"] in ("usual services", "standard clinic care")


def test_an_abbreviation_defined_after_it_in_a_bracket() -> None:
    f = article("Methods: Patients were randomly assigned to IPT-G (group interpersonal psychotherapy, eight weekly "
                "sessions) or enhanced usual care. The primary outcome was depression.")
    assert f["pico"]["intervention"] == "group interpersonal psychotherapy"


def test_accuracy_outside_a_diagnostic_study_names_no_index_test() -> None:
    text = "Structured handovers may improve the accuracy of diagnosis in emergency departments."
    assert index_test(text, [(0, len(text))]) is None
    text = "The index test was faecal calprotectin; the reference standard was colonoscopy."
    assert index_test(text, [(0, len(text))])[0] == "faecal calprotectin"
