"""A value the reviewer selected in the full text: kept as the reviewer's, with the page and words it came from."""

from __future__ import annotations

from curator.fulltext.filling import extract_full_text, keep_selection_evidence
from curator.fulltext.storage import attach_full_text
from curator.review.records import get_record, set_field
from tests.conftest import SAMPLES, add_records
from tests.fulltext.printed_pdf import printed_pdf

NAME = "004_d447a14818565f2a.txt"
SPONSOR = "Hospital Universitari Vall d'Hebron Research Institute"
PDF = printed_pdf((SAMPLES / NAME).read_text(encoding="utf-8"), NAME)


def _attached(review) -> int:
    (rid,) = add_records(review, ["Lenalidomide for refractory cutaneous lupus"], record_kind="trial")
    attach_full_text(review, rid, "lupus.pdf", PDF, reviewer="ann")
    return rid


def test_the_selected_words_stay_the_reviewers_value_with_their_page(review) -> None:
    rid = _attached(review)
    set_field(review, rid, "sponsor", "Vall d'Hebron", reviewer="bob")
    assert keep_selection_evidence(review, rid, "sponsor", "Vall d'Hebron", page=2, quote="Vall d'Hebron",
                                   reviewer="bob")
    record = get_record(review, rid)
    entry = record.curated["sponsor"]
    assert record.value("sponsor") == "Vall d'Hebron" and record.origin("sponsor") == "edited"
    assert entry["evidence"] == [{"page": 2, "quote": "Vall d'Hebron"}] and entry["file_name"] == "lupus.pdf"
    extract_full_text(review, rid, reviewer="ann")  # a reading proposes, never overwrites the reviewer's choice
    assert get_record(review, rid).value("sponsor") == "Vall d'Hebron"
    set_field(review, rid, "sponsor", "Someone else", reviewer="bob")  # the next edit drops the evidence
    assert "evidence" not in get_record(review, rid).curated["sponsor"]


def test_nothing_is_kept_when_the_field_does_not_hold_the_reviewers_value(review) -> None:
    rid = _attached(review)
    assert not keep_selection_evidence(review, rid, "sponsor", "Vall d'Hebron", page=2, quote="Vall d'Hebron",
                                       reviewer="bob")  # never set: the edit was refused
    set_field(review, rid, "enrollment", "15", reviewer="bob")
    assert keep_selection_evidence(review, rid, "enrollment", "15", page=3, quote="15", reviewer="bob")
    assert not keep_selection_evidence(review, rid, "enrollment", "16", page=3, quote="16", reviewer="bob")
    assert get_record(review, rid).curated["enrollment"]["evidence"] == [{"page": 3, "quote": "15"}]
    (bare,) = add_records(review, ["No full text"])
    set_field(review, bare, "sponsor", "X", reviewer="bob")
    assert not keep_selection_evidence(review, bare, "sponsor", "X", page=1, quote="X", reviewer="bob")
