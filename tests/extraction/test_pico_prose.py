"""PICO read from unlabelled prose: short names, not clauses; the control's setting left out; no control for one arm."""

from __future__ import annotations

import pytest

from curator.extraction import extract
from tests.extraction.article_page import extracted_article


def _article(title: str, abstract: str) -> dict:
    return extracted_article(title, abstract)


@pytest.mark.parametrize(("title", "tested", "control"), [
    ("Early mobilisation within 24 hours versus delayed mobilisation after hip fracture surgery: a randomised trial",
     "Early mobilisation", "delayed mobilisation"),
    ("Night splints for 8 weeks versus usual care in plantar fasciitis: a randomised trial",
     "Night splints", "usual care"),
    ("Tenecteplase versus alteplase before thrombectomy for ischaemic stroke", "Tenecteplase", "alteplase"),
])
def test_versus_in_the_title_names_both_arms_without_their_timing(title: str, tested: str, control: str) -> None:
    f = _article(title, "Adults were enrolled. The primary outcome was function at 3 months.")
    assert f["pico"]["intervention"] == tested
    assert f["pico"]["comparator"] == control


@pytest.mark.parametrize(("abstract", "tested"), [
    ("Adults with depression were randomly allocated to active home-based tDCS or sham tDCS for 10 weeks.",
     "active home-based tDCS"),
    ("Patients were randomised to nurse-led follow-up or usual care.", "nurse-led follow-up"),
])
def test_the_first_arm_of_an_allocation_sentence_is_the_intervention(abstract: str, tested: str) -> None:
    f = _article("Home treatment for adults with depression", abstract)
    assert f["pico"]["intervention"] == tested


@pytest.mark.parametrize(("title", "tested"), [
    ("Mirror therapy versus conventional occupational therapy for stroke", "Mirror therapy"),
    ("Lorlatinib as first-line treatment in lung cancer: a single-arm trial", "Lorlatinib"),
])
def test_a_therapy_for_title_gives_the_name_only(title: str, tested: str) -> None:
    f = _article(title, "Patients were enrolled. The primary end point was response rate.")
    assert f["pico"]["intervention"] == tested


def test_a_single_arm_study_has_no_comparator() -> None:
    f = _article("Lorlatinib as first-line treatment in lung cancer: a single-arm trial",
                 "In this single-arm study, 48 patients received lorlatinib compared with historical data.")
    assert f["pico"]["comparator"] is None


def test_a_header_row_under_the_outcome_label_is_not_the_outcome() -> None:
    text = ("CTRI Number  CTRI/2021/03/031987\nPublic Title of Study  Yoga for PCOS\n"
            "Primary Outcome  Outcome | Timepoints\nHOMA-IR | 12 weeks\n")
    assert extract(text)["pico"]["outcome"] == "HOMA-IR"


def test_a_control_arm_named_so_is_not_the_intervention() -> None:
    text = ("ChiCTR2100045678\nPublic title: Tai Chi for knee pain\nStudy type: Interventional\n"
            "Interventions:\nTai Chi group\nControl group\n")
    assert "control" not in (extract(text)["pico"]["intervention"] or "").lower()


def test_therapy_stays_in_a_therapy_name() -> None:
    f = _article("Internet-delivered acceptance and commitment therapy for tinnitus distress: a randomised trial",
                 "Adults with tinnitus were enrolled. The primary outcome was distress.")
    assert f["pico"]["intervention"] == "Internet-delivered acceptance and commitment therapy"
