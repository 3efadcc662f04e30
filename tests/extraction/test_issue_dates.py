"""A journal page's issue line with its date after the name ("CMAJ April 08, 2024 196 (13) E442-E451") or after the
issue and pages ("Annals of Surgery 279(4):p 588-596, April 2024"): the journal and the year."""

from __future__ import annotations

import pytest

from curator.extraction import extract


@pytest.mark.parametrize(("line", "journal", "year"), [
    ("CMAJ March 11, 2023 195 (10) E360-E369; DOI: https://doi.org/10.1503/cmaj.220123", "CMAJ", 2023),
    ("Annals of Surgery 277(2):p 201-210, February 2023. | DOI: 10.1097/SLA.0000000000005555", "Annals of Surgery", 2023),
    ("Journal of Hypertension 41(6):pp 990-998, June 2022.", "Journal of Hypertension", 2022),
])
def test_an_issue_line_gives_journal_and_year(line: str, journal: str, year: int) -> None:
    page = (f"Research\n\nWalking groups for older adults: a randomised trial\nAnna Berg, Carl Dahl\n{line}\n\n"
            "Abstract\nWe randomly assigned 120 older adults to walking groups or usual care.\n")
    fields = extract(page)
    assert fields["journal"] == journal, fields["journal"]
    assert fields["year"] == year, fields["year"]
