"""Aggregators' by-lines that hide names behind a count ("A, B, +2 authors, C", "+ 6 more", one name a line), and
their abstract after "TLDR" / "Abstract": opened by a "Purpose:" section and ended by the "Expand" link."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract

PAGE = """Semantic Scholar
Search 220,000,000 papers from all fields of science
Sign In   Create Free Account

Corpus ID: 270001234

Low-level laser therapy versus sham laser for burning mouth syndrome: a randomized controlled trial
{byline}
Published in Oral Diseases 12 March 2024
Medicine

TLDR
Low-level laser therapy reduced burning pain more than sham laser over eight weeks.
Abstract
{first}: To compare low-level laser therapy with sham laser in adults with burning mouth syndrome. Methods: Sixty-two adults were randomised to ten sessions of laser therapy or sham laser. The primary outcome was burning pain on a visual analogue scale at eight weeks. Results: Pain fell more with laser therapy. Conclusion: Laser therapy helped.
Expand
View on Wiley   Save to Library   Create Alert   Cite

12 Citations
"""


def _page(byline: str, first: str = "Objective") -> str:
    return PAGE.replace("{byline}", byline).replace("{first}", first)


def test_a_plus_n_authors_count_between_names() -> None:
    text = _page("Camila Rojas-Vega, Tomás Herrera, +2 authors, Lucía Fuentes")
    fields = extract(text)
    assert fields["authors"] == ["Camila Rojas-Vega", "Tomás Herrera", "Lucía Fuentes"]
    assert check_evidence(fields, text) == []


def test_a_count_without_commas_and_a_venue_run_on() -> None:
    fields = extract(_page("Camila Rojas-Vega, Tomás Herrera +2 authors Lucía Fuentes · Published in Oral Diseases"))
    assert fields["authors"] == ["Camila Rojas-Vega", "Tomás Herrera", "Lucía Fuentes"]


def test_a_more_count() -> None:
    assert extract(_page("C. Rojas-Vega, T. Herrera, + 6 more, L. Fuentes"))["authors"] == [
        "C. Rojas-Vega", "T. Herrera", "L. Fuentes"]


def test_one_name_a_line_around_the_count() -> None:
    fields = extract(_page("Camila Rojas-Vega\nTomás Herrera\n+2 authors\nLucía Fuentes"))
    assert fields["authors"] == ["Camila Rojas-Vega", "Tomás Herrera", "Lucía Fuentes"]


def test_the_abstract_opened_by_a_purpose_section_and_ended_by_expand() -> None:
    fields = extract(_page("Camila Rojas-Vega, Tomás Herrera, +2 authors, Lucía Fuentes", first="Purpose"))
    assert fields["abstract"].startswith("Purpose: To compare low-level laser therapy")
    assert fields["abstract"].endswith("Laser therapy helped.")


def test_a_registrys_short_purpose_under_a_summary_heading_is_not_an_abstract() -> None:
    text = ("Trial registration: ISRCTN12345678\nPublic title:   Laser therapy for burning mouth\nAbstract\n"
            "Purpose: Treatment\nStatus: Recruiting\n")
    assert "Treatment" not in (extract(text)["abstract"] or "")
