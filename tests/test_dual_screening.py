"""Dual screening: the mode per stage, blindness, conflicts and their resolution, agreement, PRISMA."""

from __future__ import annotations

import pytest

from curator.prisma.counts import prisma_counts
from curator.prisma.flow import AWAITING_SCREENING, EXCLUDED_SCREENING, SCREENING_CONFLICT
from curator.review.agreement import (
    cohens_kappa,
    mark_pilot,
    methods_sentence,
    pilot_records,
    reviewer_agreement,
)
from curator.review.blind import (
    hides_others,
    screening_reviewers,
    screening_view,
    visible_notes,
    visible_tags,
)
from curator.review.eligibility import eligible_ids
from curator.review.listing import RecordFilter, find_record_ids, record_rows
from curator.review.records import add_note, add_tag, delete_note, get_record, remove_tag
from curator.review.resolution import conflict_lines, find_conflicts, resolve_conflict
from curator.review.screening import decision_log, record_decision, set_decision_retracted, verdicts
from curator.review.screening_mode import screening_modes, set_lead_reviewer, set_screening_mode
from curator.review.undo import UndoHistory
from tests.conftest import add_records

TA = "title-abstract"


def _dual(review, lead: str | None = "carol") -> None:
    set_screening_mode(review, "dual", reviewer="alice")
    if lead:
        set_lead_reviewer(review, lead, reviewer="alice")


def test_mode_is_per_stage_and_switching_keeps_decisions(review) -> None:
    (rid,) = add_records(review, ["Trial"])
    assert screening_modes(review) == {"title-abstract": "single", "full-text": "single"}
    record_decision(review, rid, "exclude", reason="other", reviewer="alice")
    assert verdicts(review, TA)[rid].verdict == "exclude"
    set_screening_mode(review, "dual", [TA], reviewer="alice")
    assert screening_modes(review) == {"title-abstract": "dual", "full-text": "single"}
    assert verdicts(review, TA)[rid].awaiting and verdicts(review, TA)[rid].verdict is None
    set_screening_mode(review, "single", reviewer="alice")
    assert verdicts(review, TA)[rid].verdict == "exclude"
    assert len(list(decision_log(review))) == 1
    with pytest.raises(ValueError, match="screening mode must be one of"):
        set_screening_mode(review, "triple", reviewer="alice")
    with pytest.raises(ValueError, match="stage must be one of"):
        set_screening_mode(review, "dual", ["abstract"], reviewer="alice")


def test_prisma_waits_for_the_second_reviewer_in_dual_mode(review) -> None:
    one, both, split = add_records(review, ["One exclusion", "Both exclude", "Split"])
    for rid in (one, both, split):
        record_decision(review, rid, "exclude", reason="other", reviewer="alice")
    record_decision(review, both, "exclude", reason="other", reviewer="bob")
    record_decision(review, split, "include", reviewer="bob")
    assert prisma_counts(review).outcomes[one] == EXCLUDED_SCREENING  # single: one reviewer's verdict counts
    _dual(review)
    counts = prisma_counts(review)
    assert counts.outcomes == {one: AWAITING_SCREENING, both: EXCLUDED_SCREENING, split: SCREENING_CONFLICT}
    assert counts.dbr.excluded == 1
    assert counts.as_dict()["awaiting"] == {"title-abstract": 2, "full-text": 0}
    sought = next(c for c in counts.checks if "reports sought for retrieval" in c.rule)
    assert not sought.ok and f"({one})" in sought.explanation
    resolve_conflict(review, split, "exclude", reviewer="carol")
    record_decision(review, one, "exclude", reason="other", reviewer="bob")
    counts = prisma_counts(review)
    assert counts.dbr.excluded == 3 and counts.as_dict()["awaiting"]["title-abstract"] == 0


def test_a_reviewer_lists_only_their_own_verdicts(review) -> None:
    a, b, c = add_records(review, ["A", "B", "C"])
    _dual(review)
    record_decision(review, a, "include", reviewer="alice")
    record_decision(review, a, "exclude", reason="other", reviewer="bob")
    record_decision(review, b, "exclude", reason="wrong outcome", reviewer="bob")
    rows = {r.id: r for r in record_rows(review, [a, b, c], reviewer="alice")}
    assert [rows[i].verdict(TA) for i in (a, b, c)] == ["include", None, None]
    assert rows[b].reason(TA) is None
    assert record_rows(review, [a])[0].verdict(TA) == "conflict"  # the lead's overview
    bob = RecordFilter(stage=TA, verdict="exclude", reviewer="bob")
    assert find_record_ids(review, bob) == [a, b]
    assert find_record_ids(review, RecordFilter(stage=TA, verdict="undecided", reviewer="alice")) == [b, c]
    with pytest.raises(ValueError, match="screening is blind"):
        find_record_ids(review, RecordFilter(stage=TA, verdict="conflict", reviewer="alice"))
    assert find_record_ids(review, RecordFilter(stage=TA, verdict="conflict")) == [a]
    assert find_record_ids(review, RecordFilter(stage=TA, verdict="exclude")) == []  # b awaits alice
    assert screening_reviewers(review) == ["alice", "bob"]


def test_others_are_hidden_until_both_decided_or_from_the_lead(review) -> None:
    (rid,) = add_records(review, ["A"])
    _dual(review)
    record_decision(review, rid, "exclude", reason="other", reviewer="bob")
    add_note(review, rid, "bob's hunch", reviewer="bob")
    view = screening_view(review, rid, TA, "alice")
    assert view.hidden and view.own is None and view.others == ()
    assert visible_notes(review, rid, TA, "alice") == []
    assert not hides_others(review, rid, TA, "carol")  # the lead
    assert [d.reviewer for d in screening_view(review, rid, TA, "carol").others] == ["bob"]
    assert hides_others(review, rid, TA, "bob")  # bob decided, but no one else has yet
    record_decision(review, rid, "include", reviewer="alice")
    view = screening_view(review, rid, TA, "alice")
    assert not view.hidden and view.own.verdict == "include" and view.conflict
    assert [(d.reviewer, d.verdict) for d in view.others] == [("bob", "exclude")]
    assert [n.text for n in visible_notes(review, rid, TA, "alice")] == ["bob's hunch"]
    set_screening_mode(review, "single", reviewer="alice")
    assert not hides_others(review, rid, TA, "dave")


def test_other_reviewers_tags_are_hidden_until_decided_then_shown_with_who_tagged(review) -> None:
    rid, other = add_records(review, ["A", "B"])
    _dual(review)
    add_tag(review, rid, "RCT", reviewer="bob")
    add_tag(review, rid, "mine", reviewer="alice")
    add_tag(review, other, "cohort", reviewer="bob")
    record_decision(review, rid, "exclude", reason="other", reviewer="bob")
    record_decision(review, other, "include", reviewer="bob")

    def seen(reviewer: str) -> list[tuple[str, str, bool]]:
        return [(t.name, t.tagged_by, t.own) for t in visible_tags(review, get_record(review, rid), TA, reviewer)]

    assert seen("alice") == [("mine", "alice", True)]
    assert seen("carol") == [("RCT", "bob", False), ("mine", "alice", False)]  # the lead sees every tag
    rows = {r.id: r for r in record_rows(review, [rid, other], reviewer="alice")}  # the blind list hides them too
    assert rows[rid].tags == ("mine",) and rows[other].tags == ()
    assert record_rows(review, [rid])[0].tags == ("RCT", "mine")  # the lead's overview
    record_decision(review, rid, "include", reviewer="alice")
    assert seen("alice") == [("RCT", "bob", False), ("mine", "alice", True)]
    assert record_rows(review, [rid], reviewer="alice")[0].tags == ("RCT", "mine")
    set_screening_mode(review, "single", reviewer="alice")
    assert [t.name for t in visible_tags(review, get_record(review, other), TA, "dave")] == ["cohort"]
    assert record_rows(review, [other], reviewer="dave")[0].tags == ("cohort",)


def test_the_server_keeps_the_audit_entries_of_verdicts_notes_and_tags_by_their_words(review) -> None:
    from curator.store.audit import audit_trail
    from curator.store.blind_rights import REMARK_ACTIONS, VERDICT_ACTIONS

    (rid,) = add_records(review, ["A"])
    _dual(review)
    record_decision(review, rid, "include", reviewer="alice")
    undone = record_decision(review, rid, "exclude", reason="other", reviewer="bob")
    set_decision_retracted(review, undone.id, True, reviewer="bob")
    set_decision_retracted(review, undone.id, False, reviewer="bob")
    resolve_conflict(review, rid, "include", reviewer="carol")
    add_tag(review, rid, "RCT", reviewer="alice")
    note = add_note(review, rid, "hm", reviewer="alice")
    delete_note(review, note.id, reviewer="alice")
    remove_tag(review, rid, "RCT", reviewer="alice")
    with review.session() as session:
        actions = {line.action for line in audit_trail(session, rid)}
    assert actions == set(VERDICT_ACTIONS) | set(REMARK_ACTIONS)


def test_maybe_against_include_is_a_conflict(review) -> None:
    a, b = add_records(review, ["A", "B"])
    record_decision(review, a, "maybe", reviewer="alice")
    record_decision(review, a, "include", reviewer="bob")
    record_decision(review, b, "exclude", reason="Wrong outcome", reviewer="bob")
    record_decision(review, b, "exclude", reason="other", reviewer="alice")
    found = find_conflicts(review)
    assert [c.as_dict() for c in found] == [
        {"record_id": a, "stage": TA, "decisions": {"alice": "maybe", "bob": "include"}, "reasons": {}}]
    with pytest.raises(ValueError, match="stage must be one of"):
        find_conflicts(review, "abstract")


def test_resolution_is_a_decision_of_its_own_and_undo_works(review) -> None:
    (rid,) = add_records(review, ["A"])
    _dual(review)
    first = record_decision(review, rid, "include", reviewer="alice")
    second = record_decision(review, rid, "exclude", reason="wrong outcome", reviewer="bob")
    history = UndoHistory(review, "dave")
    resolution = history.resolve_conflict(rid, "exclude", stage=TA)
    assert resolution.resolves == (first.id, second.id) and resolution.reason == "wrong outcome"
    verdict = verdicts(review, TA)[rid]
    assert (verdict.verdict, verdict.resolved_by, verdict.conflict) == ("exclude", "dave", False)
    assert find_conflicts(review) == []
    log = list(decision_log(review))
    assert [(d.reviewer, d.verdict, d.resolves) for d in log] == [
        ("alice", "include", None), ("bob", "exclude", None), ("dave", "exclude", (first.id, second.id))]
    history.undo()
    assert verdicts(review, TA)[rid].conflict and len(find_conflicts(review)) == 1
    history.redo()
    assert verdicts(review, TA)[rid].verdict == "exclude"
    # A reviewer deciding again reopens the record: the resolution no longer stands.
    again = record_decision(review, rid, "include", reviewer="bob")
    assert verdicts(review, TA)[rid].verdict == "include" and verdicts(review, TA)[rid].resolved_by is None
    set_decision_retracted(review, again.id, True, reviewer="bob")
    assert verdicts(review, TA)[rid].resolved_by == "dave"


def test_conflict_lines_hold_both_verdicts_reasons_and_the_resolution(review) -> None:
    agreed, split, resolved, later = add_records(review, ["Agreed", "Split", "Resolved", "Later"])
    _dual(review)
    pairs = [("include", "include"), ("include", "exclude"), ("maybe", "exclude"), ("exclude", "exclude")]
    for rid, (alice, bob) in zip((agreed, split, resolved, later), pairs, strict=True):
        record_decision(review, rid, alice, reviewer="alice", reason="other" if alice == "exclude" else None)
        record_decision(review, rid, bob, reviewer="bob", reason="wrong outcome" if bob == "exclude" else None)
    resolve_conflict(review, resolved, "exclude", reviewer="carol")
    lines = conflict_lines(review, TA)
    assert [line.record_id for line in lines] == [split, resolved]
    first = lines[0]
    assert (first.title, first.resolution) == ("Split", None)
    assert [(n, d.verdict, d.reason) for n, d in first.decisions.items()] == [
        ("alice", "include", None), ("bob", "exclude", "wrong outcome")]
    settled = lines[1].resolution
    assert settled is not None and (settled.reviewer, settled.verdict, settled.reason) == (
        "carol", "exclude", "wrong outcome")
    unresolved = conflict_lines(review, TA, resolved=False)
    assert [line.record_id for line in unresolved] == [c.record_id for c in find_conflicts(review, TA)] == [split]
    assert conflict_lines(review, TA, record_ids=[agreed, resolved]) == [lines[1]]
    assert conflict_lines(review, TA, resolved=False, record_ids=[agreed, resolved]) == []
    record_decision(review, later, "include", reviewer="bob")  # a reviewer changes their mind: a new conflict
    assert [line.record_id for line in conflict_lines(review, TA, record_ids=[later])] == [later]
    assert conflict_lines(review, "full-text") == []
    with pytest.raises(ValueError, match="stage must be one of"):
        conflict_lines(review, "abstract")


def test_resolution_rules_write_nothing_when_broken(review) -> None:
    agreed, split = add_records(review, ["Agreed", "Split"])
    _dual(review, lead="alice")
    for reviewer in ("alice", "bob"):
        record_decision(review, agreed, "include", reviewer=reviewer)
    record_decision(review, split, "include", reviewer="alice")
    record_decision(review, split, "exclude", reason="other", reviewer="bob")
    before = len(list(decision_log(review)))
    for args, kwargs, message in [
        ((agreed, "include"), {"reviewer": "carol"}, "has no conflict at title-abstract"),
        ((split, "include"), {"reviewer": "bob"}, "cannot settle a conflict they are part of"),
        ((split, "maybe"), {"reviewer": "carol"}, "resolved to include or exclude"),
        ((split, "exclude"), {"reviewer": "carol", "reason": "too long"}, "not an exclusion reason"),
        ((split, "include"), {"reviewer": "carol", "stage": "abstract"}, "stage must be one of"),
        ((split, "include"), {"reviewer": " "}, "needs the name"),
    ]:
        with pytest.raises(ValueError, match=message):
            resolve_conflict(review, *args, **kwargs)
    with pytest.raises(LookupError, match="no record 999"):
        resolve_conflict(review, 999, "include", reviewer="carol")
    assert len(list(decision_log(review))) == before
    lead = resolve_conflict(review, split, "include", reviewer="alice", reason="outcome is reported")
    assert lead.note == "outcome is reported" and lead.reason is None
    with pytest.raises(ValueError, match="already resolved"):
        resolve_conflict(review, split, "exclude", reviewer="carol")


def test_full_text_follows_the_agreed_title_abstract_verdict(review) -> None:
    one, split, both = add_records(review, ["One include", "Split", "Both include"])
    _dual(review)
    record_decision(review, one, "include", reviewer="alice")
    record_decision(review, split, "include", reviewer="alice")
    record_decision(review, split, "exclude", reason="other", reviewer="bob")
    for reviewer in ("alice", "bob"):
        record_decision(review, both, "include", reviewer=reviewer)
    assert eligible_ids(review, "full-text") == {both}
    resolve_conflict(review, split, "include", reviewer="carol")
    assert eligible_ids(review, "full-text") == {both, split}
    with pytest.raises(ValueError, match="has not passed title/abstract"):
        record_decision(review, one, "include", stage="full-text", reviewer="alice")


def test_kappa_matches_a_hand_computed_value(review) -> None:
    ids = add_records(review, [f"R{i}" for i in range(11)])
    # alice / bob: 3 both include, 1 alice only, 2 bob only, 4 neither (one of them a maybe).
    pairs = [("include", "include")] * 3 + [("include", "exclude")] + [("exclude", "include")] * 2 \
        + [("exclude", "exclude")] * 3 + [("maybe", "exclude")]
    for rid, (a, b) in zip(ids, pairs, strict=False):
        record_decision(review, rid, a, reviewer="alice")
        record_decision(review, rid, b, reviewer="bob")
    record_decision(review, ids[10], "include", reviewer="alice")  # screened by one reviewer only: left out
    (row,) = reviewer_agreement(review, TA)
    # p_o = 7/10; p_e = 0.4·0.5 + 0.6·0.5 = 0.5; kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4
    assert (row.reviewers, row.records, row.agreement, row.kappa) == (("alice", "bob"), 10, 0.7, 0.4)
    assert row.conflicts == 4  # include/exclude ×3 and maybe/exclude
    assert row.as_dict() | {"resolved_by": {}} == {
        "stage": TA, "reviewers": ["alice", "bob"], "set": "all", "records": 10, "agreement": 0.7, "kappa": 0.4,
        "kappa_undefined": None, "conflicts": 4, "resolved": 0, "resolved_by": {}}
    assert cohens_kappa(20, 5, 10, 15) == pytest.approx((35 / 50 - (25 * 30 + 25 * 20) / 2500) / (1 - 0.5))
    assert methods_sentence(review, TA) == ("Two reviewers independently screened 10 titles and abstracts"
                                            " (agreement 70%, Cohen's kappa 0.40); 4 disagreements are not"
                                            " resolved yet.")


def test_kappa_is_undefined_when_a_reviewer_gives_one_verdict(review) -> None:
    ids = add_records(review, ["A", "B", "C"])
    for rid, verdict in zip(ids, ("include", "exclude", "include"), strict=True):
        record_decision(review, rid, "include", reviewer="alice")
        record_decision(review, rid, verdict, reviewer="bob")
    resolve_conflict(review, ids[1], "include", reviewer="carol")
    (row,) = reviewer_agreement(review, TA)
    assert row.kappa_undefined and "alice gave every record the same verdict" in row.kappa_undefined
    assert row.as_dict()["kappa"] is None and row.as_dict()["resolved_by"] == {"carol": 1}
    assert methods_sentence(review, TA) == ("Two reviewers independently screened 3 titles and abstracts"
                                            " (agreement 67%); 1 disagreement was resolved by a third reviewer.")
    assert cohens_kappa(0, 0, 0, 0) is None and cohens_kappa(5, 0, 0, 0) is None


def test_pilot_is_a_repeatable_sample_reported_on_its_own(review) -> None:
    ids = add_records(review, [f"R{i}" for i in range(20)])
    pilot = mark_pilot(review, 5, seed=7, reviewer="alice")
    assert len(pilot) == 5 and set(pilot) <= set(ids) and pilot_records(review) == pilot
    assert mark_pilot(review, 5, seed=7, reviewer="alice") == pilot
    for rid in ids:
        record_decision(review, rid, "include", reviewer="alice")
        record_decision(review, rid, "include" if rid in pilot else "exclude", reviewer="bob")
    rows = reviewer_agreement(review, TA)
    assert [(r.set, r.records, r.agreement) for r in rows] == [("all", 20, 0.25), ("pilot", 5, 1.0)]
    redrawn = mark_pilot(review, 5, seed=8, reviewer="alice")
    assert redrawn != pilot
    for size, message in ((0, "at least one record"), (21, "larger than the 20 records")):
        with pytest.raises(ValueError, match=message):
            mark_pilot(review, size, reviewer="alice")
    assert pilot_records(review) == redrawn  # a refused draw changes nothing
