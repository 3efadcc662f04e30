"""Class C of the population: abstracts that name their people in a less common way ("Participants were ...", a
count in words, a clause after an opening phrase, "Methods" glued before them, an English abstract after one in
another language): the people, not an empty population nor a condition."""

from __future__ import annotations

import pytest

from curator.extraction import extract
from curator.extraction.population_prose import enrolled_people

PREPRINT = """medRxiv preprint doi: https://doi.org/10.1101/2023.01.01.23280001
Nicotine pouches to help vapers quit: a randomised trial
Abstract
Background E-cigarette use is rising.
Methods Adults who vape daily were recruited through social media and randomised to nicotine pouches or to a quit booklet. The primary outcome was abstinence at 12 weeks.
Results Abstinence was 18% versus 9% (OR 2.2, 95% CI 1.3 to 3.6).
"""

NATIVE_FIRST = """Rivista di Chirurgia Ortopedica 2022;14(1):10-18
Riassunto
Metodi. Settantadue pazienti sottoposti ad artroscopia d'anca sono stati arruolati.
Abstract
Objective. To compare two analgesic blocks after hip arthroscopy.
Methods. Seventy-two adults aged 18 to 60 years undergoing elective hip arthroscopy were enrolled and randomly assigned to a fascia iliaca block or to a pericapsular nerve group block.
Results. Pain scores did not differ (p = 0.41).
Conclusions. Both blocks gave good analgesia in patients having hip surgery.
"""

CONGRESS = """European Respiratory Journal 2024;63(Suppl 1):PA1234
Abstract
Background: Pneumonia in nursing homes is common.
Methods: In this multicentre trial at 9 hospitals, older patients discharged after community-acquired pneumonia were randomised to a home visit or to usual follow-up.
Results: Readmission was similar (difference 1.2%, 95% CI -3.1 to 5.5).
"""


@pytest.mark.parametrize(("page", "people"), [
    (PREPRINT, "Adults who vape daily"),
    (NATIVE_FIRST, "adults aged 18 to 60 years undergoing elective hip arthroscopy"),
    (CONGRESS, "older patients discharged after community-acquired pneumonia"),
])
def test_the_people_an_abstract_enrols(page: str, people: str) -> None:
    fields = extract(page)
    assert fields["pico"]["population"] == people
    (start, end), = fields["evidence"]["pico.population"]
    assert page[start:end] == people


@pytest.mark.parametrize(("sentence", "people"), [
    ("Participants were 64 residents of two long-term care facilities in Ohio.", "residents of two long-term care"
     " facilities in Ohio"),
    ("The sample comprised 120 nursing students at one university.", "nursing students at one university"),
    ("Eligible participants were licensed drivers aged 70 years or older who lived independently, had driven in the "
     "previous month and had no diagnosis of dementia.", "licensed drivers aged 70 years or older"),
    ("Ninety-six residents with moderate dementia living in four nursing homes took part.",
     "residents with moderate dementia living in four nursing homes"),
])
def test_sentences_that_name_the_people(sentence: str, people: str) -> None:
    found = enrolled_people(sentence, sentence.lower(), [(0, len(sentence))])
    assert found is not None and found[0] == people and sentence[found[1]:found[2]] == people


def test_background_and_results_name_no_people() -> None:
    text = "Residents of care homes often fall. Residents in the video group fell less (95% CI 0.5 to 0.9)."
    assert enrolled_people(text, text.lower(), [(0, len(text))]) is None
