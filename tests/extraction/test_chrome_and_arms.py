"""Publisher metadata of HTML pages, site chrome that is no title, arms typed inside one cell, form answers."""

from __future__ import annotations

import pytest

from curator.extraction import extract, html_to_text


def _page(meta: str, body: str) -> str:
    return html_to_text(f"<!DOCTYPE html><html><head><title>Site | Full Text</title>{meta}</head><body>{body}</body></html>")


_BODY = ("<nav>Journals | About | Login</nav><h1>Cycling or walking for knee pain</h1><h2>Abstract</h2>"
         "<p>We randomised 80 adults with knee pain to cycling or walking. The primary outcome was pain.</p>"
         "<h2>References</h2><ol><li>Old J. Walking. Age Ageing. 2019. https://doi.org/10.1093/ageing/afy145</li></ol>")


def test_citation_meta_tags_give_journal_authors_year_and_doi() -> None:
    meta = ('<meta name="citation_title" content="Cycling or walking for knee pain">'
            '<meta name="citation_journal_title" content="BMC Musculoskeletal Disorders">'
            '<meta name="citation_author" content="Ida Berg"><meta name="citation_author" content="Ola Moe">'
            '<meta name="citation_publication_date" content="2021/03/09">'
            '<meta name="citation_doi" content="10.1186/s12891-021-04100-1">')
    f = extract(_page(meta, _BODY))
    assert f["journal"] == "BMC Musculoskeletal Disorders"
    assert f["authors"] == ["Ida Berg", "Ola Moe"]
    assert f["year"] == 2021
    assert f["ids"] == ["DOI:10.1186/s12891-021-04100-1"]


def test_a_page_without_meta_tags_gains_no_lines() -> None:
    text = _page("", _BODY)
    assert not text.startswith(("Title:", "Journal:"))
    assert extract(text)["journal"] is None


@pytest.mark.parametrize("chrome", [
    "Cookies help us deliver our services. Got it",
    "This site uses cookies. [OK]",
    "Outcomes & Findings",
    "Record NCT04678901 (mirrored from ClinicalTrials.gov, last synced 2024-01-10)",
])
def test_site_chrome_is_never_the_title(chrome: str) -> None:
    text = f"{chrome}\n\nNCT04678901\nStatus: Completed\nStudy type: Interventional\n"
    assert extract(text)["title"] != chrome


@pytest.mark.parametrize(("cell", "tested", "control"), [
    ("Arms | Experimental: Lactobacillus GG; Placebo Comparator: Placebo sachet |", "Lactobacillus GG",
     "Placebo sachet"),
    ("Arms: Experimental: Oral iron | Active Comparator: Intravenous iron", "Oral iron", "Intravenous iron"),
    ("Study arms: Sham Comparator: Sham stimulation; Experimental: Vagus nerve stimulation",
     "Vagus nerve stimulation", "Sham stimulation"),
])
def test_arms_typed_inside_one_cell_give_intervention_and_comparator(cell: str, tested: str, control: str) -> None:
    f = extract(f"A trial in adults\nTrial ID: NCT04333901\nStatus: Recruiting\n{cell}\n")
    assert f["pico"]["intervention"] == tested
    assert f["pico"]["comparator"] == control


@pytest.mark.parametrize("answer", ["Other", "N/A", "None", "Yes"])
def test_a_form_answer_is_no_comparator(answer: str) -> None:
    f = extract(f"DRKS00026012\nStudy type: Non-interventional\nControl: {answer}\nPrimary outcome: Fatigue\n")
    assert f["pico"]["comparator"] is None


def test_a_definition_list_gives_label_value_lines() -> None:
    html = ("<html><body><h1>Ketamine Versus ECT for Depression</h1><dl><dt>Identifier</dt><dd>NCT04711200</dd>"
            "<dt>Status</dt> <dd>Completed</dd><dt>Enrollment</dt><dd>403</dd></dl></body></html>")
    text = html_to_text(html)
    assert "Status: Completed" in text
    f = extract(text)
    assert (f["status"], f["enrollment"]) == ("COMPLETED", 403)


@pytest.mark.parametrize("heading", ["Layman's terms: studies like this one", "See also: related trials",
                                     "Explore: similar studies"])
def test_a_box_heading_after_a_colon_opens_a_box(heading: str) -> None:
    text = f"NCT03122587\nA registry of pregnancies\nStatus: Recruiting\n\n{heading}\nNCT02433288  Another registry\n"
    assert extract(text)["ids"] == ["NCT03122587"]


@pytest.mark.parametrize("wrapper", ["Trial overview", "Outcomes & Findings"])
def test_a_wrapper_heading_is_not_the_title(wrapper: str) -> None:
    text = (f"{wrapper}\nApixaban Versus Aspirin After Embolic Stroke\nNCT04922345\nStatus: Recruiting\n"
            "Study type: Interventional\n")
    f = extract(text)
    assert f["title"] == "Apixaban Versus Aspirin After Embolic Stroke"
    assert "aspirin" in (f["pico"]["comparator"] or "").lower()
