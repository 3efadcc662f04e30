"""A population that is only a condition's name gives way to the people the title or summary names with it."""

from __future__ import annotations

from curator.extraction import extract


def _population(title: str, summary: str, condition: str = "") -> str | None:
    page = f"ClinicalTrials.gov ID NCT01234567\n{title}\nBrief Summary\n{summary}\n"
    if condition:
        page += f"Conditions\n{condition}\n"
    return extract(page)["pico"]["population"]


def test_people_living_with_the_condition_replace_the_condition():
    pop = _population("Peer mentoring and clinic attendance among adolescents living with sickle cell disease",
                      "Peer mentors will meet young people monthly during the move to adult care.",
                      "Sickle Cell Disease")
    assert pop is not None and pop.lower().startswith("adolescents living with sickle cell disease"), pop


def test_the_people_a_summary_names_with_another_condition():
    pop = _population("Honey rinses for oral mucositis",
                      "Patients with acute myeloid leukaemia scheduled for induction chemotherapy will rinse with "
                      "honey three times a day.", "Oral Mucositis")
    assert pop is not None and "acute myeloid leukaemia" in pop, pop
    assert "rinse" not in pop


def test_people_receiving_a_treatment_in_the_title():
    pop = _population("Senna for constipation in patients receiving opioids for bone pain",
                      "A pragmatic trial of senna tablets at night.", "Constipation")
    assert pop is not None and pop.lower().startswith("patients receiving opioids for bone pain"), pop


def test_a_results_sentence_is_not_the_population():
    pop = _population("Hydroxyurea dosing in sickle cell disease",
                      "In patients aged 60 or older with sickle cell anaemia, the effect was significantly smaller. "
                      "Patients with sickle cell anaemia have lower quality of life than their peers.",
                      "Sickle Cell Disease")
    assert pop is not None and pop.lower() == "sickle cell disease", pop
