"""A journal line without a label: CENTRAL's "Name, year, volume(issue), pages" under the authors (also with its
"| added to CENTRAL" tail), and a PubMed text save's numbered citation whose abbreviation holds a place in brackets;
a row of the site's links above the title is not a masthead."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract

TITLE = "Pelvic floor muscle training after prostatectomy delivered by telephone: a randomised controlled trial\n\n"
BODY = """
Abstract
OBJECTIVE: To test whether telephone-supported pelvic floor muscle training reduces incontinence after prostatectomy.
METHODS: 180 men were randomised to telephone-supported training or a leaflet. The primary outcome was continence at 3 months.
RESULTS: More men were continent with telephone support.
CONCLUSIONS: Telephone support helped.
"""


def test_a_comma_citation_under_the_authors() -> None:
    text = TITLE + "Okafor T, Lindgren S, Mbeki R\nNeurourology and Urodynamics, 2023, 42(5), 1012-1021\n" + BODY
    fields = extract(text)
    assert fields["journal"] == "Neurourology and Urodynamics" and fields["year"] == 2023
    assert check_evidence(fields, text) == []


def test_centrals_line_with_its_added_to_central_tail_and_a_typographic_hyphen() -> None:
    text = ("Cochrane Library\nCochrane Reviews   Trials   Clinical Answers   About   Help\n\n" + TITLE
            + "Okafor T, Lindgren S\nJournal of Urology & Continence Care, 2022, 9, 45‐53 | added to CENTRAL: 30 June 2022 "
            "| 2022 Issue 6\n" + BODY)
    fields = extract(text)
    assert fields["journal"] == "Journal of Urology & Continence Care" and fields["year"] == 2022


def test_a_row_of_site_links_is_not_the_journal() -> None:
    text = "Cochrane Library\nCochrane Reviews   Trials   Clinical Answers   About   Help\n\n" + TITLE + "Okafor T, Lindgren S\n" + BODY
    assert "Trials" not in (extract(text)["journal"] or "")


def test_a_numbered_text_save_citation_with_a_place_in_brackets() -> None:
    text = ("1. Occup Health (Tokyo). 2024 Feb;66(1):e12401. doi: 10.1002/1348-9585.12401.\n\n" + TITLE
            + "Okafor T(1), Lindgren S(2).\n" + BODY)
    fields = extract(text)
    assert fields["journal"] == "Occup Health (Tokyo)" and fields["year"] == 2024


def test_an_author_line_with_a_year_is_not_a_journal() -> None:
    text = TITLE + "Okafor T, 2021, Lindgren S\n" + BODY
    assert extract(text)["journal"] is None


def test_a_summary_saves_result_number_is_not_the_titles() -> None:
    text = ("1. Telephone-supported pelvic floor training after prostatectomy: a randomised controlled trial.\n"
            "Okafor T, Lindgren S, Mbeki R.\nNeurourol Urodyn. 2023 Jun;42(5):1012-1021. doi: 10.1002/nau.25190.\n"
            "PMID: 37012345 Clinical Trial.\n" + BODY)
    fields = extract(text)
    assert fields["title"].startswith("Telephone-supported pelvic floor training")
    assert fields["journal"] == "Neurourol Urodyn" and fields["year"] == 2023
    assert check_evidence(fields, text) == []
