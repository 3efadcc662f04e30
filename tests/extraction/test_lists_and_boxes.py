"""Lists kept as one item, affiliation marks kept in names, ids of reference lists and of boxes in other languages."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_TRIAL = "NCT04000010\nA Trial of Two Regimens\nStudy Type: Interventional\n"


@pytest.mark.parametrize(("line", "want"), [
    ("Interventions: Drug: Metformin, Drug: Placebo", ["Metformin", "Placebo"]),
    ("Interventions: Behavioral: Walking programme; Behavioral: Health education",
     ["Walking programme", "Health education"]),
    ("Intervention / Treatment: Device: Knee brace, Procedure: Arthroscopic surgery",
     ["Knee brace", "Arthroscopic surgery"]),
])
def test_a_repeated_type_prefix_separates_interventions(line: str, want: list[str]) -> None:
    assert extract(_TRIAL + line + "\n")["interventions"] == want


@pytest.mark.parametrize(("line", "want"), [
    ("Conditions: Asthma, Bronchospasm", ["Asthma", "Bronchospasm"]),
    ("Conditions: Gastritis, Duodenitis", ["Gastritis", "Duodenitis"]),
    ("Conditions: Heart Failure, Diastolic", ["Heart Failure, Diastolic"]),
])
def test_conditions_split_on_commas_only_between_disease_names(line: str, want: list[str]) -> None:
    assert extract(_TRIAL + line + "\n")["conditions"] == want


def test_roman_affiliation_marks_leave_the_names() -> None:
    text = ("Rev Saude Publica. 2021;55:34.\n\nSchool meals and obesity: a cluster trial\n\n"
            "Ana Carvalho I, Bruno Lima II, Carla Souza I\n\nI Universidade Federal de Pelotas\n\n"
            "Abstract\nWe randomised schools to school meals or usual meals.\n")
    assert extract(text)["authors"] == ["Ana Carvalho", "Bruno Lima", "Carla Souza"]


def test_initials_that_look_roman_are_kept() -> None:
    text = ("Ann Rheum Dis. 2020;79:1-8.\n\nA trial of exercise in gout\n\nRau I, Sander V, Lima II\n\n"
            "Abstract\nWe randomised adults to exercise or advice.\n")
    assert extract(text)["authors"] == ["Rau I", "Sander V", "Lima II"]


@pytest.mark.parametrize("heading", [
    "References cited by the sponsor:", "Bibliography of the protocol", "Weitere Artikel zum Thema",
    "Autres articles", "Otros artículos",
])
def test_reference_lists_and_other_language_boxes_hold_no_own_ids(heading: str) -> None:
    text = (_TRIAL + "Status: Recruiting\n\n" + heading + "\n"
            "1. Smith J. A trial of fasting. JAMA. 2017. doi:10.1001/jama.2017.0936. PMID: 28459931\n"
            "2. Lee K. Another trial. NCT02714244\n")
    ids = extract(text)["ids"]
    assert ids == ["NCT04000010"]


@pytest.mark.parametrize(("byline", "names"), [
    ("Mei Lin 1 2, Rafael Souza 3, Karin Ostby 1", ["Mei Lin", "Rafael Souza", "Karin Ostby"]),
    ("Priya Raman, PhD  •  Suresh Kumar, MD  •  Elena Volkova, MD", ["Priya Raman", "Suresh Kumar", "Elena Volkova"]),
])
def test_affiliation_marks_written_apart_and_bullets_between_names(byline: str, names: list[str]) -> None:
    f = extract("Am J Clin Nutr. 2021 Mar 11;113(3):601-610. doi: 10.1093/ajcn/nqaa341.\n\n"
                f"Time-restricted eating for weight loss in adults with obesity\n\n{byline}\n\n"
                "Abstract\nAdults with obesity were randomly assigned to time-restricted eating or usual diet.\n")
    assert f["authors"] == names


@pytest.mark.parametrize(("arm", "name"), [("Ginger extract 1 g daily in two capsules for 5 days.", "Ginger extract"),
                                           ("Turmeric powder 500 mg twice daily for 8 weeks.", "Turmeric powder")])
def test_a_preparations_word_before_a_dose_keeps_the_word_naming_it(arm: str, name: str) -> None:
    f = extract("Public title: Herbal capsules for nausea after chemotherapy\nStudy type: Interventional\n"
                f"Description of intervention(s) / exposure: {arm}\n"
                "Comparator / control treatment: Placebo capsules identical in appearance\n")
    assert f["pico"]["intervention"] == name
