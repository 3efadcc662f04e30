"""EU CTR's protocol copied from the browser cell by cell: the section's number, the label and the value each in a cell
of its own ("A.3<TAB>Full title of the trial<TAB>..."). Example written for the test."""

from __future__ import annotations

from curator.extraction import extract


def test_eu_ctr_rows_copied_cell_by_cell_keep_their_labels() -> None:
    # The protocol's table copied from the browser: section number, label and value each in a cell of its own.
    f = extract("EU Clinical Trials Register\nSummary\nEudraCT Number:\t2021-004455-12\nTrial Status:\tOngoing\n"
                "A. Protocol Information\nA.3\tFull title of the trial\tA randomised trial of oral iron every other "
                "day versus daily in pregnant women with anaemia\nB.1.1\tName of Sponsor\tUniversity of Tartu\n"
                "E.5.1\tPrimary end point(s)\tHaemoglobin at 36 weeks of gestation\n"
                "F.1.1\tTrial has subjects under 18\tNo\n")
    assert f["sponsor"] == "University of Tartu"
    assert "oral iron every other day" in (f["official_title"] or f["title"] or "")
    assert "Haemoglobin at 36 weeks" in (f["pico"]["outcome"] or "")
