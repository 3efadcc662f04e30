"""A sender's note above an abstract pasted into a mail is no title (nor a journal line): with or without the
mail's header, over a citation line or over the bare title and abstract; a reply's "On ... wrote:" line gives no
journal or year."""

from __future__ import annotations

import pytest
from extraction_expect import check_evidence

from curator.extraction import extract

TITLE = "Pulmonary rehabilitation at home versus in hospital after an exacerbation of COPD: a randomised trial"
ABSTRACT = """Background: Few people attend hospital pulmonary rehabilitation after an exacerbation of COPD.
Methods: 240 adults discharged after an exacerbation were randomised to an eight-week home programme with weekly telephone support or to the hospital outpatient programme. The primary outcome was the six-minute walk distance at 10 weeks.
Results: The walk distance improved by 41 m at home and 38 m in hospital (difference 3 m, 95% CI -12 to 18).
Conclusions: Home rehabilitation was not inferior to hospital rehabilitation.
"""
NOTES = [
    "Below is the abstract Maria flagged on Monday; the full text is on the team drive. Could you screen it before our meeting?",
    "FYI - one more for the rehab review, found in the citation chase.",
    "Please screen this one for the COPD review; I think the comparator fits our protocol.",
    "As promised, here is the abstract. Let me know what you think.",
]


@pytest.mark.parametrize("note", NOTES)
def test_a_note_over_a_bare_title_and_abstract(note: str) -> None:
    text = note + "\n\n" + TITLE + "\n\n" + ABSTRACT
    fields = extract(text)
    assert fields["title"] == TITLE
    assert note[:20] not in (fields["abstract"] or "")
    assert check_evidence(fields, text) == []


@pytest.mark.parametrize("note", NOTES)
def test_a_note_over_a_title_authors_and_citation(note: str) -> None:
    text = note + "\n\n" + TITLE + "\n\nOkafor C, Lindqvist M, Haddad R\nThorax. 2025;80(4):301-309. doi:10.1136/thorax-2024-221877\n\n" + ABSTRACT
    fields = extract(text)
    assert fields["title"] == TITLE and fields["journal"] == "Thorax" and fields["year"] == 2025


def test_a_replys_quote_header_is_no_journal_line() -> None:
    text = ("Agreed, it goes in.\n\nOn Tue, 1 Dec 2026, 10:02 Ana Costa <ana.costa@example.org> wrote:\n> Does this one fit?\n\n"
            + TITLE + "\n\nOkafor C, Haddad R\n\nEur Respir J 2024; 63(2): 2301445. https://doi.org/10.1183/13993003.01445-2023\n\n"
            + ABSTRACT)
    fields = extract(text)
    assert fields["journal"] == "Eur Respir J" and fields["year"] == 2024


def test_a_title_that_speaks_of_people_is_still_a_title() -> None:
    text = "What we know about home rehabilitation after COPD exacerbations: a randomised trial\n\n" + ABSTRACT
    assert extract(text)["title"].startswith("What we know about home rehabilitation")


def test_the_authors_under_a_bare_title_are_no_part_of_the_abstract() -> None:
    body = ABSTRACT.replace("Background: ", "").replace("Methods: ", "").replace("Results: ", "").replace("Conclusions: ", "")
    text = NOTES[2] + "\n\n" + TITLE + "\n\nOkafor C, Lindqvist M, Haddad R\n\n" + body.replace("\n", " ")
    fields = extract(text)
    assert fields["authors"] == ["Okafor C", "Lindqvist M", "Haddad R"]
    assert not fields["abstract"].startswith("Okafor")
    assert check_evidence(fields, text) == []
