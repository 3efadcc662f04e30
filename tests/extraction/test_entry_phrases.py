"""Mends of bibliographic PICO phrases by class (entry_phrases): entries written here, none from the corpus."""

from __future__ import annotations

from test_entry_pico import pico_of


def test_the_outcome_ends_with_its_sentence() -> None:
    pico = pico_of("Splints for carpal tunnel syndrome: a randomised trial",
                   "Adults with carpal tunnel syndrome were randomised to night splints or to no splint. The primary "
                   "outcome was the Boston Carpal Tunnel Questionnaire symptom score at 12 weeks. Secondary outcomes "
                   "were grip strength and surgery.")
    assert pico["outcome"] is not None and pico["outcome"].endswith("12 weeks")


def test_the_arm_s_own_name_in_brackets_is_its_name() -> None:
    pico = pico_of("Imagery before surgery",
                   "Patients were randomly allocated to listen to a guided recording of a calm place (guided imagery) "
                   "or to listen to music of their choice. The primary outcome was preoperative anxiety.")
    assert pico["intervention"] == "guided imagery"


def test_the_control_keeps_its_alone_when_the_arm_adds_to_it() -> None:
    pico = pico_of("Walking groups after cardiac rehabilitation",
                   "In this pragmatic trial, 300 adults with coronary heart disease were randomised to a walking group "
                   "plus usual care or usual care alone. The primary outcome was daily step count.")
    assert pico["comparator"] == "usual care alone"


def test_a_title_names_the_people_when_the_abstract_does_not() -> None:
    pico = pico_of("Calorie labels on menus for university students: a randomised online experiment",
                   "Participants chose a meal from a menu with or without calorie labels. The primary outcome was the "
                   "energy content of the meal chosen.")
    assert pico["population"] == "university students"


def test_a_title_alone_gives_the_people_who_have_its_condition() -> None:
    from curator.extraction.entry_pico import fill_entry_pico
    from curator.importers.ris import to_entry
    entry = to_entry({"TY": ["JOUR"], "TI": ["Colchicine versus placebo in patients with gout after kidney transplantation: "
                                             "a randomized pilot trial"]}, "test.ris#1")
    fill_entry_pico(entry.fields, entry.text)
    assert entry.fields["pico"]["population"] == "patients with gout after kidney transplantation"
