"""A text wrapped at a fixed width (PubMed's "Abstract (text)" save format) is read as its sentences were written:
the whole title and author list, sections that run over lines, positions unchanged."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract
from curator.extraction.unwrap import unwrapped

PUBMED_TEXT = """1. Age Ageing. 2019 Mar 1;48(2):233-239. doi: 10.1093/ageing/afy181.

Exercise classes delivered by community physiotherapists for older people after
a fall: a pragmatic randomised controlled trial.

Marsh K(1), Oduya B, Petrakis N, Quinlan S, Ferraro D, Lindqvist M, Achterberg
P, Novak T.

Author information:
(1)Institute of Ageing, University of Northtown, Northtown, UK.

OBJECTIVE: To test whether twelve weeks of group exercise classes reduce further
falls in older people who attend an emergency department after a fall.
DESIGN: Pragmatic randomised controlled trial in six towns.
PARTICIPANTS: 412 people aged 70 years or older who had attended an emergency
department after a fall were randomised (206 classes, 206 control).
INTERVENTION: Twelve weekly group exercise classes led by community
physiotherapists. Controls received usual care from their general practice.
MAIN OUTCOME MEASURES: The primary outcome was the rate of falls over twelve
months. Secondary outcomes were fractures and quality of life.
RESULTS: Falls were 18% fewer with classes (rate ratio 0.82, 95% CI 0.66 to 1.02).
CONCLUSIONS: Exercise classes may reduce falls after an emergency visit.

PMID: 30101234
"""


def test_the_wrapped_lines_are_joined_and_nothing_moves() -> None:
    page = unwrapped(PUBMED_TEXT)
    assert len(page) == len(PUBMED_TEXT)
    assert "older people after a fall: a pragmatic" in page.replace("\n", " ").replace("  ", " ")
    assert "\nDESIGN:" in page and "\nAuthor information:" in page  # headings and labels keep their lines


def test_a_pubmed_text_record_reads_whole() -> None:
    fields = extract(PUBMED_TEXT, source="pubmed.txt")
    assert fields["title"].endswith("after a fall: a pragmatic randomised controlled trial.")
    assert fields["authors"][-1] == "Novak T" and len(fields["authors"]) == 8
    pico = fields["pico"]
    assert pico["population"].startswith("412 people aged 70 years or older")
    assert pico["comparator"] == "usual care from their general practice"
    assert pico["outcome"] == "rate of falls over twelve months"
    assert check_evidence(fields, PUBMED_TEXT) == []


def test_a_form_of_short_lines_is_not_unwrapped() -> None:
    form = "\n".join(["Status:", "Recruiting", "Sponsor:", "City Hospital", "Phase:", "Phase 2", "Enrollment:", "120",
                      "Conditions:", "Asthma"])
    assert unwrapped(form) == form
