"""An evidence database's document type over the record ("Primary study", "Broad synthesis") is no title."""

from __future__ import annotations

from curator.extraction import extract

PAGE = """Evidence Finder
Home > Search > Primary study

Primary study
Unclassified
Authors   Berg A , Novak P
Journal   Physiotherapy Research
Year   2023

Graded walking compared with stretching for intermittent claudication: a randomised controlled trial

Abstract   Objective: To test graded walking against stretching in people with intermittent claudication. Design: Randomised controlled trial. Interventions: Twelve weeks of graded walking or the same number of stretching sessions. Main measures: The primary outcome was maximal walking distance at 12 weeks. Results: Walking distance improved more with graded walking. Conclusion: Graded walking helps.
"""


def test_a_document_type_over_the_record_is_no_title() -> None:
    fields = extract(PAGE)
    assert fields["title"] == ("Graded walking compared with stretching for intermittent claudication: a randomised "
                               "controlled trial")
