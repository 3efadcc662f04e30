"""A journal's name and year from a publisher's block citation: SAGE's masthead (the name on its line, "2025, Vol.
41(3) 310–322" under it) and Oxford's running head ("Age Ageing Open, 2025, 3(2), afo061")."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract

BODY = """
Original Article

Group balance classes in the community versus home exercise after a fall: a randomised controlled trial

Maria Keane1, Liam Doyle2 and Sarah Quinn1

Abstract
Objective: To compare group balance classes with home exercise after a fall in older adults living at home.
Design: Randomised controlled trial in four community health areas.
Subjects: 212 adults aged 70 years or older who had fallen in the previous year.
Interventions: Twice-weekly group balance classes for 16 weeks or a home exercise booklet with one visit.
Main measures: The primary outcome was the rate of falls over 12 months.
Results: The fall rate was 0.9 per person-year with classes and 1.2 with home exercise.
Conclusion: Group balance classes reduced falls more than home exercise.
"""


def test_a_masthead_name_over_its_issue_line() -> None:
    text = "Physiotherapy Research and Practice\n2025, Vol. 41(3) 310–322\n© The Author(s) 2025\n" + BODY
    fields = extract(text)
    assert fields["journal"] == "Physiotherapy Research and Practice" and fields["year"] == 2025
    assert check_evidence(fields, text) == []


def test_a_running_head_with_name_year_volume_and_article_number() -> None:
    text = "Age Ageing Open, 2025, 3(2), afo061\nhttps://doi.org/10.5555/ageopen/afo061\n" + BODY
    fields = extract(text)
    assert fields["journal"] == "Age Ageing Open" and fields["year"] == 2025


def test_a_sentence_over_an_issue_line_is_no_journal() -> None:
    text = "We thank the reviewers for their comments.\n2025, Vol. 41(3) 310–322\n" + BODY
    assert extract(text)["journal"] is None
