"""The desk's core queries: what is left to screen, keywords, evidence spans."""

from __future__ import annotations

from curator.duplicates import links as duplicate_links
from curator.review import desk, screening
from curator.store.database import Review
from tests.ui.seeding import seed_records


def test_unscreened_ids_follow_decisions_and_undo(review: Review) -> None:
    ids = seed_records(review, 5)
    assert desk.unscreened_ids(review, "title-abstract", "tester") == set(ids)
    decision = screening.record_decision(review, ids[0], "include", reviewer="tester")
    screening.record_decision(review, ids[1], "exclude", reviewer="someone else")
    left = desk.unscreened_ids(review, "title-abstract", "tester")
    assert left == set(ids[1:])
    assert not desk.is_unscreened(review, ids[0], "title-abstract", "tester")
    # The seeded source is a website (other methods): at full text, all but the agreed exclusion.
    assert desk.unscreened_ids(review, "full-text", "tester") == set(ids) - {ids[1]}
    screening.set_decision_retracted(review, decision.id, True, reviewer="tester")
    assert desk.is_unscreened(review, ids[0], "title-abstract", "tester")
    screening.remove_before_screening(review, ids[2], "not a trial", reviewer="tester")
    assert ids[2] not in desk.unscreened_ids(review, "title-abstract", "tester")


def test_next_unscreened_wraps_round() -> None:
    order = [5, 3, 9, 1]
    assert desk.next_unscreened(order, {3, 1}) == 3
    assert desk.next_unscreened(order, {3, 1}, after=3) == 1
    assert desk.next_unscreened(order, {3, 1}, after=1) == 3
    assert desk.next_unscreened(order, {9}, after=9) is None
    assert desk.next_unscreened(order, set()) is None


def test_keywords_are_kept_per_review(review: Review) -> None:
    assert desk.get_keywords(review) == desk.Keywords([], [])
    kept = desk.set_keywords(review, ["random*", " placebo ", "Placebo", ""], ["rat", "mice"])
    assert kept.include == ["random*", "placebo"]
    assert desk.get_keywords(review) == kept


def test_keyword_spans_match_whole_words_and_prefixes() -> None:
    text = "A randomised,\nplacebo-controlled trial; not in rats. Randomly\nassigned."
    spans = desk.keyword_spans(text, ["random*", "placebo controlled", "rat"])
    assert [text[s:e] for s, e in spans] == ["randomised", "Randomly"]
    spans = desk.keyword_spans(text, ["placebo", "rats", "randomly assigned"])
    assert [text[s:e] for s, e in spans] == ["placebo", "rats", "Randomly\nassigned"]
    assert desk.keyword_spans(text, ["*", " "]) == []


def test_evidence_spans_are_clamped_and_sorted() -> None:
    evidence = {"title": [[50, 60], [0, 10], [95, 130], [7, 3], [1]]}
    assert desk.evidence_spans(evidence, "title", 100) == [(0, 10), (50, 60), (95, 100)]
    assert desk.evidence_spans(evidence, "phase", 100) == []


def test_set_aside_names_duplicates_and_removed_records(review: Review) -> None:
    seed_records(review, 5)
    duplicate_links.mark_duplicate(review, 2, 1, reviewer="ada")
    screening.remove_before_screening(review, 3, "retracted", reviewer="ada")
    aside = desk.set_aside(review, [1, 2, 3, 4])
    assert set(aside) == {2, 3}
    assert aside[2].label == "Duplicate of #1"
    assert aside[3].label == "Removed: retracted" and aside[3].short_label == "Removed"
    assert desk.set_aside(review, []) == {}
