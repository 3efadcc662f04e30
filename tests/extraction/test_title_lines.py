"""Lines that are no title: the first sentence under another field's heading, a line naming the record's number."""

from __future__ import annotations

import pytest

from curator.extraction import extract


@pytest.mark.parametrize("heading", ["Brief Summary", "Conditions", "Brief summary:"])
def test_a_value_under_another_fields_heading_is_not_the_title(heading: str) -> None:
    f = extract(f"Registry\nHome  Search  Sign In\n\nStudy Overview\n{heading}\nThis trial compares three oral "
                "regimens in adults with newly diagnosed diabetes.\n\nOfficial Title\nComparative Effectiveness of "
                "Metformin and Sitagliptin as Initial Therapy\n\nStudy Type\nInterventional\n")
    assert f["title"] is None or "compares" not in f["title"]
    assert f["official_title"] == "Comparative Effectiveness of Metformin and Sitagliptin as Initial Therapy"


@pytest.mark.parametrize("line", ["ClinicalTrials.gov ID NCT04311112", "Trial number ISRCTN55102398",
                                  "CRiS Registration Number KCT0006214"])
def test_a_line_naming_the_records_number_is_not_its_title(line: str) -> None:
    f = extract(f"Registry\n\n{line}\n\nOfficial Title\nMetformin and Sitagliptin as Initial Therapy in Diabetes\n"
                "Study Type\nInterventional\n")
    assert f["title"] != line
