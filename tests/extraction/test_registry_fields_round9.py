"""Classes of registry-field error left by web batch 21 (fixed with examples written here, not corpus pages)."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_BODY = ("Brief Summary\nAdults with chronic neck pain are randomised to a guided walking plan or to usual care.\n"
         "Study Type: Interventional\nSponsor: Aarhus University Hospital\n")


# ---- A. lines taken as the title
@pytest.mark.parametrize("above", [
    "Active, not recruiting   Updated 2024-03-09",                        # a status badge with a comma and a date
    "Enrolling by invitation   Last update posted 2023-12-01",
    "Active, not recruiting · Last updated 9 March 2024",
    "Not yet recruiting  Updated 2024-03-09",
    "Compare studies   Share   Print this page   Save to my trials",      # a trial finder's action bar
    "Source registry: DRKS   Registry ID: DRKS00031234   Copied: 2024-05-02",  # a mirror's source line
    "Rev. Bras. Fisioter. vol.27 Belo Horizonte 2023 Epub 03-Jul-2023",   # a journal's issue line
])
def test_page_furniture_above_the_heading_is_not_the_title(above: str) -> None:
    f = extract(f"{above}\nGuided Walking Plan for Chronic Neck Pain in Adults\n{_BODY}")
    assert f["title"] == "Guided Walking Plan for Chronic Neck Pain in Adults"


def test_a_badge_gives_the_status_when_no_label_does() -> None:
    f = extract(f"Active, not recruiting   Updated 2024-03-09\nGuided Walking Plan for Chronic Neck Pain\n{_BODY}")
    assert f["status"] == "ACTIVE_NOT_RECRUITING"
    f = extract(f"Completed   Updated 2024-03-09\nGuided Walking Plan for Neck Pain\nOverall status: Recruiting\n{_BODY}")
    assert f["status"] == "RECRUITING"  # the labelled status wins


def test_the_sites_name_over_its_menu_is_not_the_title() -> None:
    f = extract("NeckTrials Hub — every study, one place\nBrowse   Search   Find a registry   Sign in\n"
                f"Guided walking plan for chronic neck pain\n{_BODY}")
    assert f["title"] == "Guided walking plan for chronic neck pain"


@pytest.mark.parametrize(("line", "label"), [
    ("Full title: A randomised trial of guided walking for chronic neck pain in adults Trial short title WALK-NECK",
     "short title"),
    ("Scientific Title of Study  A randomised trial of guided walking for chronic neck pain in adults Secondary IDs if Any",
     "Secondary"),
])
def test_a_title_running_on_into_the_next_label_ends_before_it(line: str, label: str) -> None:
    f = extract(f"Registry record\n{line}\nStudy Type: Interventional\nSponsor: Aarhus University Hospital\n")
    got = f["official_title"] or f["title"]
    assert got == "A randomised trial of guided walking for chronic neck pain in adults"
    assert label not in (f["title"] or "") + (f["official_title"] or "")


# ---- B. values below their labels, in header rows, beside other labels on one line
def test_three_labels_on_one_line_each_give_their_value() -> None:
    f = extract("Guided walking for neck pain\nStatus: Not yet recruiting    Phase: Phase 2    Type: Interventional\n"
                "Sponsor: Aarhus University Hospital\n")
    assert (f["status"], f["phase"], f["study_type"]) == ("NOT_YET_RECRUITING", "PHASE2", "INTERVENTIONAL")


def test_trial_finder_labels_for_dates_and_numbers() -> None:
    f = extract("Guided walking for neck pain\nStatus: Recruiting\nFirst enrolment: 3 April 2023\n"
                "Completion (estimated): October 2025\nParticipants wanted: 150\nCountry: Denmark\n")
    assert (f["start_date"], f["completion_date"], f["enrollment"]) == ("2023-04-03", "2025-10", 150)
    assert f["countries"] == ["Denmark"]


def test_planned_end_and_participants_of_drks_and_ctis() -> None:
    f = extract("Guided walking for neck pain\nStudy Type  Interventional\nPlanned study completion date  2027-01-31\n"
                "Expected number of participants in the whole clinical trial  1,450\n")
    assert (f["completion_date"], f["enrollment"]) == ("2027-01-31", 1450)
    f = extract("Guided walking for neck pain\nTrial status  Ongoing, recruiting\n"
                "Estimated end date of the trial  15/09/2026\n")
    assert f["completion_date"] == "2026-09-15"


def test_ages_on_the_lines_below_their_labels() -> None:
    f = extract("CTRI Number  CTRI/2023/05/052001\nPublic Title of Study  Guided walking for neck pain\n"
                "Type of Trial  Interventional\nInclusion Criteria\nAge From\n21.00 Year(s)\nAge To\n55.00 Year(s)\n"
                "Gender\nBoth\n")
    assert (f["min_age"], f["max_age"]) == ("21 Years", "55 Years")


@pytest.mark.parametrize("gap", ["   ", "  ", "\t"])
def test_dates_in_the_row_under_a_header_row(gap: str) -> None:
    f = extract("ISRCTN registry\nISRCTN40218876\nGuided walking for chronic neck pain\n"
                f"Submission date{gap}Registration date{gap}Last edited\n02/02/2021{gap}09/02/2021{gap}14/08/2023\n"
                f"Recruitment status{gap}Overall study status{gap}Condition category\nNo longer recruiting{gap}Completed"
                f"{gap}Musculoskeletal\nPrimary study design  Interventional\nOverall study start date\n01/03/2021\n"
                "Sponsor  Aarhus University Hospital\n")
    assert (f["last_updated"], f["status"]) == ("2023-08-14", "ACTIVE_NOT_RECRUITING")
    assert (f["study_type"], f["start_date"], f["sponsor"]) == ("INTERVENTIONAL", "2021-03-01",
                                                                "Aarhus University Hospital")


# ---- E. other records' identifiers are not the record's own
@pytest.mark.parametrize("line", ["Other CRIS records by this sponsor: KCT0005521, KCT0006610",
                                  "Previous trial by this team: IRCT20180101038123N1",
                                  "Previous studies: IRCT20180101038123N1"])
def test_a_line_naming_other_records_gives_no_ids(line: str) -> None:
    f = extract(f"Trial registry\n{line}\nRegistration number  IRCT20210405050876N2\nStudy title  Guided walking for "
                "neck pain\nRecruitment status  Recruiting\nSponsor  Shiraz University of Medical Sciences\n")
    assert f["ids"] == ["IRCT20210405050876N2"]
    assert f["sponsor"] == "Shiraz University of Medical Sciences"


@pytest.mark.parametrize("heading", ["Publications", "Study Publications",
                                     "Publications automatically indexed to this study by ClinicalTrials.gov "
                                     "Identifier (NCT Number):"])
def test_a_registry_records_publications_are_references(heading: str) -> None:
    f = extract("Guided Walking Plan for Chronic Neck Pain\nClinicalTrials.gov ID  NCT05998877\nStudy Type  "
                f"Interventional\n{heading}\nOkafor C, Lund M. Walking for neck pain: a pilot. Eur Spine J. "
                "2021;30(7):1820-1828. PMID: 33998210\n")
    assert f["ids"] == ["NCT05998877"]
    assert "PMID:33998210" in f["references"]


def test_a_protocol_article_row_is_a_reference() -> None:
    f = extract("ISRCTN registry\nISRCTN40218876  https://doi.org/10.1186/ISRCTN40218876\nGuided walking for neck pain\n"
                "Primary study design  Interventional\nResults and publications\n"
                "Protocol article  https://doi.org/10.1186/s13063-022-06543-9\n")
    assert "DOI:10.1186/s13063-022-06543-9" not in f["ids"]
    assert "ISRCTN40218876" in f["ids"]


def test_a_journal_pages_own_pmid_stays() -> None:
    f = extract("PubMed\nEur Spine J. 2021;30(7):1820-1828. doi: 10.1007/s00586-021-06811-2. PMID: 33998210\n"
                "Walking for neck pain: a pilot randomised trial\nOkafor C, Lund M\nAbstract\nAdults were randomised "
                "to walking or advice. Trial registration: NCT04455667.\n")
    assert "PMID:33998210" in f["ids"]


# ---- C. an anticipated and an actual date on one line: the actual one
@pytest.mark.parametrize(("value", "want"), [("Anticipated 6/03/2022  Actual 21/03/2022", "2022-03-21"),
                                             ("Actual 21/03/2022   Anticipated 6/03/2022", "2022-03-21"),
                                             ("Anticipated 6/03/2022", "2022-03-06")])
def test_the_actual_date_wins_over_the_anticipated(value: str, want: str) -> None:
    f = extract("Registration number  ACTRN12622000123456\nPublic title  Guided walking for neck pain\n"
                f"Recruitment status  Recruiting\nDate of first participant enrolment  {value}\n")
    assert f["start_date"] == want


# ---- D. EU age bands beside an age in the criteria
def test_the_criteria_age_beats_the_youngest_band() -> None:
    f = extract("EudraCT Number: 2020-003311-40\nA.3 Full title of the trial: Guided walking for neck pain\n"
                "E.3 Principal inclusion criteria: 1. Adults aged 55 years or older with neck pain 2. Consent\n"
                "F.1.1 Trial has subjects under 18: No\nF.1.2 Adults (18-64 years): Yes\nF.1.3 Elderly (>=65 years): Yes\n"
                "F.2.1 Female: Yes\nF.2.2 Male: Yes\n")
    assert (f["min_age"], f["max_age"]) == ("55 Years", None)


def test_open_bands_give_no_maximum_and_yield_to_the_criteria() -> None:
    f = extract("Trial information\nEU CT number 2023-501122-10-00\nFull title: Guided walking for neck pain\n"
                "Gender  Male, Female\nAge range  18-64 years, 65-84 years, 85+ years\nMain inclusion criteria\n"
                "Adults aged 70 years or older living at home.\n")
    assert (f["min_age"], f["max_age"]) == ("70 Years", None)


def test_bands_alone_still_give_the_ages() -> None:
    f = extract("EudraCT Number: 2020-003311-40\nA.3 Full title of the trial: Guided walking for neck pain\n"
                "E.3 Principal inclusion criteria: 1. Neck pain for three months 2. Consent\n"
                "F.1.1 Trial has subjects under 18: No\nF.1.2 Adults (18-64 years): Yes\nF.1.3 Elderly (>=65 years): No\n"
                "F.2.1 Female: Yes\nF.2.2 Male: Yes\n")
    assert (f["min_age"], f["max_age"]) == ("18 Years", "64 Years")


# ---- F. labels inside lists; numbered blocks
def test_numbered_blocks_give_their_descriptions_not_their_counters() -> None:
    f = extract("Registration number  IRCT20210405050876N2\nStudy title  Guided walking for neck pain\n"
                "Recruitment status  Recruiting\nConditions\n1\nDescription of condition  Chronic neck pain\n"
                "ICD-10 code  M54.2\nPrimary outcomes\n1\nDescription  Neck Disability Index\nTimepoint  Week 12\n"
                "Interventions\n1\nDescription  Intervention group: guided walking plan three times a week\n"
                "Category  Treatment - Other\n2\nDescription  Control group: usual physiotherapy advice\n"
                "Category  Treatment - Other\nInclusion/Exclusion criteria\nInclusion criteria  Adults with neck pain\n")
    assert f["conditions"] == ["Chronic neck pain"]
    assert f["pico"]["outcome"] == "Neck Disability Index"
    assert not any(i in ("1", "2") or "criteria" in i or i.startswith(("Intervention group", "Control group"))
                   for i in f["interventions"])


def test_an_arms_group_label_is_no_part_of_a_listed_name() -> None:
    f = extract("Guided walking for neck pain\nStudy type: Interventional\nInterventions:\n"
                "Intervention group: guided walking plan\nControl group: usual physiotherapy advice\n")
    assert "guided walking plan" in f["interventions"]
    assert not any(i.startswith(("Intervention group", "Control group")) for i in f["interventions"])


def test_ctis_rows_inside_its_lists_are_no_items() -> None:
    f = extract("Trial information\nEU CT number 2023-501122-10-00\nFull title: Guided walking for neck pain\n"
                "Medical conditions\nTherapeutic area Diseases [C] - Musculoskeletal Diseases [C05]\n"
                "Medical condition  Chronic neck pain\nIs the condition rare?  No\n"
                "Products\nProduct name  Guided walking booklet\nProduct role  Test\n")
    assert f["conditions"] == ["Chronic neck pain"]
    assert not any("role" in i.lower() or i == "Test" for i in f["interventions"])


# ---- F. journal metadata
@pytest.mark.parametrize(("line", "journal", "year"), [
    ("May 2022 · Physiotherapy Theory and Practice 38(9):1201-1210", "Physiotherapy Theory and Practice", 2022),
    ("14 May 2022 · Journal of Orthopaedic & Sports Physical Therapy 52(5)", "Journal of Orthopaedic & Sports Physical "
     "Therapy", 2022),
])
def test_a_date_first_source_line_gives_journal_and_year(line: str, journal: str, year: int) -> None:
    f = extract("ResearchGate\nArticle\nGuided walking for chronic neck pain: a randomised controlled trial\n"
                f"{line}\nDOI: 10.1080/09593985.2022.123456\nAuthors:\nLea Vogt\nAbstract\nAdults with neck pain "
                "were randomised to guided walking or advice.\n")
    assert (f["journal"], f["year"]) == (journal, year)


def test_a_date_first_line_naming_the_item_type_is_no_journal() -> None:
    f = extract("ResearchGate\nGuided walking for chronic neck pain: a pilot\nMay 2022 · Preprint\n"
                "Authors:\nLea Vogt\nAbstract\nAdults with neck pain were randomised to guided walking or advice.\n")
    assert f["journal"] != "Preprint"


def test_affiliations_under_each_author_are_no_authors() -> None:
    f = extract("ResearchGate\nArticle\nGuided walking for chronic neck pain: a randomised controlled trial\n"
                "DOI: 10.1080/09593985.2022.123456\nAuthors:\nLea Vogt\nUniversity of Bern\nMarco Rossi\n"
                "Bern University Hospital\nAbstract\nAdults with neck pain were randomised to guided walking.\n")
    assert f["authors"] == ["Lea Vogt", "Marco Rossi"]


@pytest.mark.parametrize("sep", ["\n", "   "])
def test_authors_with_roman_marks_and_orcid_links(sep: str) -> None:
    f = extract("SciELO\nRev Bras Fisioter\nGuided walking for chronic neck pain: a randomised controlled trial\n"
                f"Lucas Moreira Pinto I{sep}https://orcid.org/0000-0001-2345-6789\n"
                f"Ana Beatriz Cardoso II{sep}https://orcid.org/0000-0002-3456-7890\n"
                "I Universidade Federal de Minas Gerais, Belo Horizonte, Brasil\n\nABSTRACT\n"
                "Adults with neck pain were randomised to guided walking or advice.\n")
    assert f["authors"] == ["Lucas Moreira Pinto", "Ana Beatriz Cardoso"]
    assert f["title"] == "Guided walking for chronic neck pain: a randomised controlled trial"


# ---- B. ages stated in the criteria under a label of their own
@pytest.mark.parametrize(("label", "criteria", "ages"), [
    ("Who can take part?", "Adults aged 25 to 60 years with chronic neck pain.", ("25 Years", "60 Years")),
    ("Participant inclusion criteria", "Adults aged 40 years or over with chronic neck pain", ("40 Years", None)),
])
def test_ages_from_the_criteria_when_no_age_label(label: str, criteria: str, ages: tuple) -> None:
    f = extract(f"Guided walking for neck pain\nStatus: Recruiting\nTrial ID: NCT05998877\n\n{label}\n{criteria}\n"
                "Sex: Both\n")
    assert (f["min_age"], f["max_age"]) == ages


def test_allocation_to_intervention_makes_the_study_interventional() -> None:
    f = extract("Registration number  ACTRN12622000123456\nPublic title  Guided walking for neck pain\n"
                "Purpose of the study  Treatment\nAllocation to intervention  Randomised controlled trial\n")
    assert f["study_type"] == "INTERVENTIONAL"


def test_ctis_flattened_countries() -> None:
    f = extract("Trial information\nEU CT number 2023-501122-10-00\nFull title Guided walking for neck pain\n"
                "Countries Denmark, Sweden\nCountries of recruitment are listed below\n")
    assert f["countries"] == ["Denmark", "Sweden"]


def test_a_records_heading_over_its_tabs_stays_the_title() -> None:
    f = extract("Guided Walking Plan for Chronic Neck Pain in Adults\nStudy Details   Researcher View   No Results Posted"
                f"   Record History\nClinicalTrials.gov ID  NCT05998877\n{_BODY}")
    assert f["title"] == "Guided Walking Plan for Chronic Neck Pain in Adults"


def test_a_citation_of_the_record_itself_keeps_its_pmid() -> None:
    f = extract("PubMed\nWalking for neck pain: a pilot randomised trial\nOkafor C, Lund M\nAbstract\nAdults were "
                "randomised to walking or advice. Trial registration: NCT04455667.\nCite this article: Okafor C, Lund M. "
                "Walking for neck pain. Eur Spine J. 2021;30(7):1820-1828. PMID: 33998210\n")
    assert "PMID:33998210" in f["ids"]


@pytest.mark.parametrize(("bands", "ages"), [("65-84 years; 85+ years; 18-64 years", ("18 Years", None)),
                                             ("18-64 years, 65-84 years", ("18 Years", "84 Years"))])
def test_bands_in_any_order_under_an_age_range_label(bands: str, ages: tuple) -> None:
    f = extract(f"Trial information\nEU CT number 2023-501122-10-00\nFull title: Guided walking for neck pain\n"
                f"Gender: Male, Female\nAge range: {bands}\n")
    assert (f["min_age"], f["max_age"]) == ages
