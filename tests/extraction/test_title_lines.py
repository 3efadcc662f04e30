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


@pytest.mark.parametrize("site", ["Cochrane Central Register of Controlled Trials", "ISRCTN registry",
                                  "Clinical Trials Search Portal"])
def test_the_sites_own_name_is_not_the_title(site: str) -> None:
    f = extract(f"Library\nSearch   Advanced search   Help\n{site}\n\nVitamin K2 supplementation in dialysis patients: "
                "a randomised trial\n\nAuthor(s): Okafor C, Haddad R\nSource: Kidney International\nYear: 2021\n"
                "Abstract\nAdults on dialysis were randomised to vitamin K2 or no supplementation.\n")
    assert f["title"] == "Vitamin K2 supplementation in dialysis patients: a randomised trial"


@pytest.mark.parametrize("badge", ["Randomized Controlled Trial", "Meta-Analysis", "Original Investigation"])
def test_a_publication_type_over_the_title_is_not_the_title(badge: str) -> None:
    f = extract(f"PubMed\n\n{badge}\nAm J Clin Nutr. 2021 Mar 11;113(3):601-610. doi: 10.1093/ajcn/nqaa341.\n\n"
                "Time-restricted eating for weight loss in adults with obesity\n\nMei Lin, Rafael Souza\n\n"
                "Abstract\nAdults with obesity were randomly assigned to time-restricted eating or usual diet.\n")
    assert f["title"] == "Time-restricted eating for weight loss in adults with obesity"


def test_the_title_of_an_outcome_measure_is_not_the_records_title() -> None:
    f = extract("ClinicalTrials.gov\nStudy Results\n\nMindfulness for Nurses With Burnout\n"
                "ClinicalTrials.gov ID NCT03877210\nStudy Type: Interventional\n\nOutcome Measures\n1. Primary Outcome\n"
                "Title: Emotional Exhaustion (Maslach Burnout Inventory)\nTime Frame: 6 months\n")
    assert f["title"] == "Mindfulness for Nurses With Burnout"


def test_a_label_with_two_names_before_a_wide_gap_names_its_field() -> None:
    f = extract("Trial Information\nCRiS Registration Number  KCT0006214\n"
                "Public/Brief Title  Korean red ginseng for cancer-related fatigue\nStudy Type  Interventional Study\n")
    assert f["title"] == "Korean red ginseng for cancer-related fatigue"


def test_a_press_releases_article_title_label_gives_the_title() -> None:
    f = extract("NEWS RELEASE 12-APR-2022\n\nDaily aspirin does not prevent dementia, trial finds\n\nJOURNAL\n"
                "Annals of Internal Medicine\nDOI\n10.7326/M21-3412\nARTICLE TITLE\nRandomized trial of aspirin on "
                "dementia and cognitive decline\nARTICLE PUBLICATION DATE\n11-Apr-2022\n")
    assert f["title"] == "Randomized trial of aspirin on dementia and cognitive decline"
