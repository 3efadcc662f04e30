"""Extraction from an attached full text: empty fields filled with page evidence, others proposed, never over the reviewer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.fulltext.filling import NoFullText, accept_proposals, extract_full_text
from curator.fulltext.reading import NO_TEXT_LAYER, UnreadablePdf, read_pdf
from curator.fulltext.storage import attach_full_text, full_text_of
from curator.review.records import get_record, set_field
from tests.conftest import SAMPLES, add_records
from tests.fulltext.printed_pdf import pdf_from_pages, printed_pdf

NAME = "004_d447a14818565f2a.txt"
SPONSOR = "Hospital Universitari Vall d'Hebron Research Institute"
PDF = printed_pdf((SAMPLES / NAME).read_text(encoding="utf-8"), NAME)


def _attached(review, **fields: object) -> int:
    (rid,) = add_records(review, ["Lenalidomide for refractory cutaneous lupus"], record_kind="trial", fields=fields)
    attach_full_text(review, rid, "lupus.pdf", PDF, reviewer="ann")
    return rid


def test_empty_fields_are_filled_with_their_page_and_words(review) -> None:
    rid = _attached(review)
    filling = extract_full_text(review, rid, reviewer="ann")
    filled = {f.key: f for f in filling.filled}
    assert {"sponsor", "enrollment", "conditions", "interventions"} <= set(filled)
    record = get_record(review, rid)
    assert record.value("sponsor") == SPONSOR and record.origin("sponsor") == "full text"
    assert record.value("enrollment") == 15
    entry = record.curated["sponsor"]
    assert entry["file_name"] == "lupus.pdf" and entry["by"] == "ann"
    pages = read_pdf(PDF).pages
    for item in entry["evidence"]:
        assert item["page"] >= 2 and pages[item["page"] - 1][item["start"]:item["end"]] == item["quote"] == SPONSOR
    assert record.origin("title") == "extracted"  # the title it had stays: the PDF's is only proposed if it differs


def test_a_filled_field_gets_a_proposal_and_keeps_its_value(review) -> None:
    rid = _attached(review, sponsor="Vall d'Hebron", enrollment=15)
    filling = extract_full_text(review, rid, reviewer="ann")
    proposed = {f.key: f for f in filling.proposed}
    assert proposed["sponsor"].value == SPONSOR and proposed["sponsor"].current == "Vall d'Hebron"
    assert "enrollment" in filling.agreed
    assert get_record(review, rid).value("sponsor") == "Vall d'Hebron"
    assert full_text_of(review, rid).proposals["sponsor"]["value"] == SPONSOR  # type: ignore[union-attr]


def test_a_curated_value_is_never_overwritten(review) -> None:
    rid = _attached(review)
    set_field(review, rid, "sponsor", "Vall d'Hebron (Barcelona)", reviewer="bob")
    set_field(review, rid, "enrollment", "12", reviewer="bob")  # the reviewer counted those randomised
    for _ in range(2):
        filling = extract_full_text(review, rid, reviewer="ann")
        record = get_record(review, rid)
        assert record.value("sponsor") == "Vall d'Hebron (Barcelona)" and record.curated["sponsor"]["by"] == "bob"
        assert record.value("enrollment") == 12 and record.origin("enrollment") == "edited"
        assert {"sponsor", "enrollment"} <= {f.key for f in filling.proposed}
        assert not {"sponsor", "enrollment"} & {f.key for f in filling.filled}


def test_a_proposal_taken_by_the_reviewer_carries_its_evidence(review, review_path: Path) -> None:
    rid = _attached(review, sponsor="Vall d'Hebron")
    extract_full_text(review, rid, reviewer="ann")
    result = CliRunner().invoke(cli, ["extract-full-text", str(rid), "--accept", "sponsor", "--review",
                                      str(review_path)])
    assert result.exit_code == 0, result.output
    record = get_record(review, rid)
    assert record.value("sponsor") == SPONSOR and record.curated["sponsor"]["evidence"][0]["quote"] == SPONSOR
    assert "sponsor" not in full_text_of(review, rid).proposals  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="proposes no value for sponsor"):
        accept_proposals(review, rid, ["sponsor"], reviewer="ann")


def test_the_command_reports_fields_with_pages(review, review_path: Path) -> None:
    rid = _attached(review)
    result = CliRunner().invoke(cli, ["extract-full-text", str(rid), "--json", "--review", str(review_path)])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["filled"]["sponsor"]["value"] == SPONSOR
    assert all(isinstance(e["page"], int) and e["quote"] for f in shown["filled"].values() for e in f["evidence"])
    text = CliRunner().invoke(cli, ["extract-full-text", str(rid), "--review", str(review_path)])
    assert "agree" in text.output  # a second run finds what the first filled


def test_a_scan_or_no_full_text_is_one_sentence(review, review_path: Path) -> None:
    (rid,) = add_records(review, ["A scanned report"])
    with pytest.raises(NoFullText):
        extract_full_text(review, rid, reviewer="ann")
    result = CliRunner().invoke(cli, ["extract-full-text", str(rid), "--review", str(review_path)])
    assert result.exit_code == 1 and "has no full text attached" in result.output
    attach_full_text(review, rid, "scan.pdf", pdf_from_pages([[], []]), reviewer="ann")
    with pytest.raises(UnreadablePdf, match=NO_TEXT_LAYER):
        extract_full_text(review, rid, reviewer="ann")
    result = CliRunner().invoke(cli, ["extract-full-text", str(rid), "--review", str(review_path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: scan.pdf (record {rid}'s full text): {NO_TEXT_LAYER}"
