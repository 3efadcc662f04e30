"""Article pages: by-lines, statements after the abstract, boxes about other articles."""

from __future__ import annotations

import pytest

from curator.extraction import extract
from curator.extraction.authors import author_line

_PREPRINT = (
    "medRxiv\nA cohort study of statin use in older adults with heart failure\n"
    "Ann Smith, View ORCID Profile Bo Li, Carl Diaz\ndoi: https://doi.org/10.1101/2023.01.02.123456\n"
    "Abstract\nStatin use was associated with lower mortality in 4,000 older adults with heart failure.\n"
    "{heading}\nThe authors have declared no competing interest.\n"
    "Related articles: Statins and frailty (doi: https://doi.org/10.1101/2022.11.02.514321)\n"
)


def test_orcid_link_text_is_not_part_of_a_name() -> None:
    assert author_line("Ann Smith, View ORCID Profile Bo Li, Carl Diaz") == ["Ann Smith", "Bo Li", "Carl Diaz"]


@pytest.mark.parametrize("heading", ["Competing Interest Statement", "Author Declarations", "Data Availability",
                                     "Ethics statement", "Funding Statement", "Copyright"])
def test_statements_end_the_abstract(heading: str) -> None:
    fields = extract(_PREPRINT.format(heading=heading))
    assert fields["abstract"].endswith("heart failure.")
    assert fields["ids"] == ["DOI:10.1101/2023.01.02.123456"]
    assert fields["authors"] == ["Ann Smith", "Bo Li", "Carl Diaz"]


def test_degrees_after_names_are_dropped() -> None:
    assert author_line("Helena Marsh MD, PhD; Ravi Patel MBBS; Joanna Kowalski PhD") == [
        "Helena Marsh", "Ravi Patel", "Joanna Kowalski"]
