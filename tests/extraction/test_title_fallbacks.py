"""Class tests: a registry page's title when the page has no heading of its own, or a form row first."""

from __future__ import annotations

from curator.extraction.engine import extract

OFFICIAL = "A randomised trial of early mobilisation after hip fracture surgery in older adults"


def test_a_page_giving_only_its_official_title_has_it_as_its_title_too() -> None:
    text = ("Trials Register\nHome  Search\n\nStudy Overview\nBrief Summary\nThis trial compares two rehabilitation "
            f"plans.\n\nOfficial Title\n{OFFICIAL}\n\nConditions\nHip Fractures\n\nStudy Type\nInterventional\n")
    fields = extract(text)
    assert fields["title"] == OFFICIAL == fields["official_title"]
    assert [text[s:e] for s, e in fields["evidence"]["title"]] == [OFFICIAL]


def test_a_labelled_date_or_a_form_row_is_never_the_title() -> None:
    text = ("Clinical Trials Register\nHome  Search  Help\n\nSummary\nEudraCT Number: 2021-001234-56\n"
            "National Competent Authority: Ireland - HPRA\nTrial Status: Ongoing\n"
            "Date on which this record was first entered in the EudraCT database: 2021-05-04\n\n"
            f"Full title of the trial: {OFFICIAL}\nName of Sponsor: University College Cork\n\n"
            "This trial follows patients of an earlier registry who agree to take part.\n")
    fields = extract(text)
    assert fields["title"] == OFFICIAL


def test_a_numbered_section_heading_over_the_official_title_gives_way_to_it() -> None:
    text = ("EU Clinical Trials Register\n\nA. Protocol Information\n"
            f"A.3 Full title of the trial: {OFFICIAL}\nA.4.1 Sponsor's protocol code number: HIP-MOB\n")
    assert extract(text)["title"] == OFFICIAL
