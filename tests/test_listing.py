"""Finding records: search as you type, filters by stage, verdict, reason, tag and kind, sorting."""

from __future__ import annotations

from curator.review.listing import RecordFilter, find_record_ids, fts_query, record_rows, screening_progress
from curator.review.records import add_tag
from curator.review.screening import record_decision
from tests.conftest import add_records


def test_search_narrows_by_every_word_with_prefix_on_the_last(review) -> None:
    ids = add_records(review, ["Anakinra in Kawasaki disease", "Aspirin in Kawasaki disease", "Anakinra in gout"])
    assert find_record_ids(review, RecordFilter(search="kawasaki")) == ids[:2]
    assert find_record_ids(review, RecordFilter(search="anakinra kawa")) == [ids[0]]
    assert find_record_ids(review, RecordFilter(search="ana")) == [ids[0], ids[2]]
    # Punctuation a reviewer types is not FTS syntax.
    assert find_record_ids(review, RecordFilter(search='"anakinra" (gout')) == [ids[2]]
    assert find_record_ids(review, RecordFilter(search="  ")) == ids
    assert fts_query("") == ""
    # One letter is a word, not a prefix of every word.
    assert find_record_ids(review, RecordFilter(search="a")) == []
    assert fts_query("kawasaki a") == '"kawasaki" AND "a"'
    # Search with another filter or another order goes through the full query.
    assert find_record_ids(review, RecordFilter(search="kawasaki"), order_by="title") == [ids[0], ids[1]]
    assert find_record_ids(review, RecordFilter(search="kawasaki"), descending=True) == [ids[1], ids[0]]


def test_filters_by_verdict_reason_tag_and_kind(review) -> None:
    a, b, c, d = add_records(review, ["A", "B", "C", "D"])
    (trial,) = add_records(review, ["T"], source="CT.gov", kind="register", record_kind="trial")
    record_decision(review, a, "include", reviewer="ann")
    record_decision(review, b, "exclude", reviewer="ann", reason="wrong outcome")
    record_decision(review, c, "include", reviewer="ann")
    record_decision(review, c, "exclude", reviewer="bob", reason="other")
    add_tag(review, d, "later", reviewer="ann")
    assert find_record_ids(review, RecordFilter(verdict="include")) == [a]
    assert find_record_ids(review, RecordFilter(verdict="exclude")) == [b]
    assert find_record_ids(review, RecordFilter(verdict="conflict")) == [c]
    assert find_record_ids(review, RecordFilter(verdict="undecided")) == [d, trial]
    assert find_record_ids(review, RecordFilter(reason="wrong outcome")) == [b]
    assert find_record_ids(review, RecordFilter(tag="later")) == [d]
    assert find_record_ids(review, RecordFilter(kind="trial")) == [trial]
    # At full text only what passed title/abstract is still to decide.
    assert find_record_ids(review, RecordFilter(stage="full-text", verdict="undecided")) == [a]


def test_sorting_and_rows(review) -> None:
    ids = add_records(review, ["beta", "Alpha", "gamma"])
    assert find_record_ids(review, order_by="title") == [ids[1], ids[0], ids[2]]
    assert find_record_ids(review, order_by="title", descending=True) == [ids[2], ids[0], ids[1]]
    record_decision(review, ids[0], "exclude", reviewer="ann", reason="other")
    rows = record_rows(review, [ids[2], ids[0]])
    assert [r.id for r in rows] == [ids[2], ids[0]]
    assert rows[1].verdict("title-abstract") == "exclude" and rows[1].reason("title-abstract") == "other"
    assert rows[0].verdict("title-abstract") is None and rows[0].source == "PubMed"
    assert screening_progress(review) == (1, 3)
