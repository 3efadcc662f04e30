"""Where records stand at each stage (``stage_verdicts``) is kept right by the database on every way of writing.

Randomised small reviews (every write path: screening, change of mind, undo and redo, resolution,
mode switches, removals and duplicates, plain SQL inserts, updates and deletes) are compared with a
plain recomputation from the decisions, written here from the rules alone: the table itself, the
verdicts, the conflicts, the agreement and the PRISMA boxes.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

import pytest
from sqlalchemy import text

from curator.duplicates.links import mark_duplicate
from curator.prisma.counts import prisma_counts
from curator.prisma.flow import (
    AWAITING_FULL_TEXT,
    AWAITING_SCREENING,
    DUPLICATE,
    EXCLUDED_FULL_TEXT,
    EXCLUDED_SCREENING,
    FULL_TEXT_CONFLICT,
    INCLUDED,
    NOT_RETRIEVED,
    REMOVED_AUTOMATION,
    REMOVED_OTHER,
    SCREENING_CONFLICT,
)
from curator.review.agreement import mark_pilot, pilot_records, reviewer_agreement
from curator.review.resolution import conflict_lines, find_conflicts, resolve_conflict
from curator.review.screening import (
    DecisionView,
    exclusion_reasons,
    reconcile,
    record_decision,
    remove_before_screening,
    set_decision_retracted,
    verdicts,
)
from curator.review.screening_mode import is_dual, set_screening_mode
from curator.store.database import make_engine, migrate, open_review
from curator.store.models import STAGES
from tests.conftest import add_records

TA, FT = STAGES
REVIEWERS = ("alice", "bob", "carol", "dan")
COLUMNS = ("reviewers", "includes", "excludes", "maybes", "automated", "latest_id", "latest_verdict", "latest_reason",
           "first_reviewer", "first_verdict", "last_reviewer", "last_verdict", "resolution_id", "resolution_verdict",
           "resolution_reason", "resolution_reviewer", "resolution_actor", "verdict", "reason", "actor", "conflict",
           "awaits_second")


def _decisions(review: Any) -> list[DecisionView]:
    with review.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, record_id, stage, reviewer, verdict, reason, actor, retracted,"
                                       " resolves FROM decisions ORDER BY id")).all()
    return [DecisionView(r[0], r[1], r[2], r[3], r[4], r[5], None, r[6], None, bool(r[7]),  # type: ignore[arg-type]
                         tuple(r[8]) if isinstance(r[8], list) else (() if r[8] is not None else None))
            for r in rows]


def _standing(decisions: list[DecisionView], stage: str) -> tuple[dict[int, dict[str, DecisionView]],
                                                                   dict[int, DecisionView]]:
    """Each reviewer's current decision per record, and the resolution that stands: the rules, plainly."""
    current: dict[int, dict[str, DecisionView]] = defaultdict(dict)
    latest_resolution: dict[int, DecisionView] = {}
    for d in decisions:
        if d.stage != stage or d.retracted:
            continue
        if d.resolves is None:
            current[d.record_id][d.reviewer] = d
        else:
            latest_resolution[d.record_id] = d
    standing = {rid: r for rid, r in latest_resolution.items()
                if all(d.id < r.id for d in current.get(rid, {}).values())}
    return current, standing


def _expected_rows(decisions: list[DecisionView]) -> dict[tuple[str, int], tuple[Any, ...]]:
    expected = {}
    for stage in STAGES:
        current, standing = _standing(decisions, stage)
        for rid in {d.record_id for d in decisions if d.stage == stage}:
            mine = sorted(current.get(rid, {}).values(), key=lambda d: d.reviewer)
            latest = max(mine, key=lambda d: d.id) if mine else None
            res = standing.get(rid)
            single = reconcile(mine, resolution=res)  # the verdict as single screening reads it
            expected[(stage, rid)] = (
                len(mine), *(sum(d.verdict == v for d in mine) for v in ("include", "exclude", "maybe")),
                sum(d.actor == "automation" for d in mine), latest and latest.id, latest and latest.verdict,
                latest and latest.reason, mine[0].reviewer if mine else None, mine[0].verdict if mine else None,
                mine[-1].reviewer if mine else None, mine[-1].verdict if mine else None,
                res and res.id, res and res.verdict, res and res.reason, res and res.reviewer, res and res.actor,
                single.verdict, single.reason, single.actor, int(single.conflict),
                int(res is None and len(mine) == 1 and mine[0].actor != "automation"))
    return expected


def _table(review: Any) -> dict[tuple[str, int], tuple[Any, ...]]:
    with review.engine.connect() as connection:
        rows = connection.execute(text(f"SELECT stage, record_id, {', '.join(COLUMNS)} FROM stage_verdicts")).all()
    return {(r[0], r[1]): tuple(r[2:]) for r in rows}


def _expected_verdicts(review: Any, decisions: list[DecisionView], stage: str) -> dict[int, Any]:
    current, standing = _standing(decisions, stage)
    dual = is_dual(review, stage)
    return {rid: reconcile(list(current.get(rid, {}).values()), dual=dual, resolution=standing.get(rid))
            for rid in set(current) | set(standing) if current.get(rid) or rid in standing}


def _expected_box(review: Any, rid: int, kind: str, ta: Any, ft: Any) -> str:
    with review.engine.connect() as connection:
        removed = connection.execute(text("SELECT removed_reason, removed_by FROM records WHERE id = :id"),
                                     {"id": rid}).one()
        duplicate = connection.execute(text(
            "SELECT count(*) FROM duplicate_links WHERE record_id = :id AND (confirmed = true OR"
            " (confirmed IS NULL AND possible = false))"), {"id": rid}).scalar()
    if duplicate:
        return DUPLICATE
    if removed[0]:
        return REMOVED_AUTOMATION if removed[1] == "automation" else REMOVED_OTHER
    if ta is not None and ta.verdict == "exclude":
        return EXCLUDED_SCREENING
    if kind == "database":
        if ta is None or ta.awaiting:
            return AWAITING_SCREENING
        if ta.conflict:
            return SCREENING_CONFLICT
    if ft is None or ft.awaiting or ft.verdict == "maybe":
        return AWAITING_FULL_TEXT
    if ft.conflict:
        return FULL_TEXT_CONFLICT
    if ft.verdict == "exclude":
        return NOT_RETRIEVED if (ft.reason or "").lower() == "not retrievable" else EXCLUDED_FULL_TEXT
    return INCLUDED


def _expected_agreement(review: Any, decisions: list[DecisionView], stage: str) -> list[dict[str, Any]]:
    current, standing = _standing(decisions, stage)
    pilot = set(pilot_records(review))
    tables: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    resolved: dict[tuple[str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for rid, by_reviewer in current.items():
        names = sorted(by_reviewer)
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                a, b = by_reviewer[first].verdict, by_reviewer[second].verdict
                for chosen in ("all", "pilot") if rid in pilot else ("all",):
                    cell = tables[(first, second, chosen)]
                    cell[0 if a == b == "include" else 1 if a == "include" else 2 if b == "include" else 3] += 1
                    cell[4] += a != b
                    if a != b and rid in standing:
                        resolved[(first, second, chosen)][standing[rid].reviewer] += 1
    return [{"reviewers": [k[0], k[1]], "set": k[2], "cells": tables[k], "resolved_by": dict(resolved.get(k, {}))}
            for k in sorted(tables, key=lambda k: (k[2] != "all", k[0], k[1]))]


def _check_everything(review: Any, kinds: dict[int, str]) -> None:
    decisions = _decisions(review)
    assert _table(review) == _expected_rows(decisions)
    expected = {stage: _expected_verdicts(review, decisions, stage) for stage in STAGES}
    for stage in STAGES:
        assert verdicts(review, stage) == expected[stage]
        assert verdicts(review, stage, list(kinds)[:3]) == {k: v for k, v in expected[stage].items()
                                                           if k in list(kinds)[:3]}
        current, _ = _standing(decisions, stage)
        assert [(c.record_id, c.decisions, c.reasons) for c in find_conflicts(review, stage)] == [
            (rid, {n: current[rid][n].verdict for n in sorted(current[rid])},
             {n: current[rid][n].reason for n in sorted(current[rid]) if current[rid][n].reason})
            for rid in sorted(rid for rid, v in expected[stage].items() if v.conflict)]
        current, standing = _standing(decisions, stage)  # the lead's conflicts view: resolved ones too
        assert [(line.record_id, sorted(line.decisions), line.resolution.id if line.resolution else None)
                for line in conflict_lines(review, stage)] == [
            (rid, sorted(current[rid]), standing[rid].id if rid in standing else None)
            for rid in sorted(current.keys() | standing.keys())
            if len({d.verdict for d in current.get(rid, {}).values()}) > 1 or rid in standing]
        found = [{"reviewers": list(a.reviewers), "set": a.set, "resolved_by": a.resolved_by,
                  "cells": [a.both_include, a.first_only, a.second_only, a.neither, a.conflicts]}
                 for a in reviewer_agreement(review, stage)]
        assert found == _expected_agreement(review, decisions, stage)
    counts = prisma_counts(review)
    boxes = {rid: _expected_box(review, rid, kind, expected[TA].get(rid), expected[FT].get(rid))
             for rid, kind in kinds.items()}
    assert dict(counts.outcomes) == boxes
    dbr, other = counts.dbr, counts.other
    assert sorted(dbr.awaiting_screening + other.awaiting_screening) == sorted(
        rid for rid, box in boxes.items() if box == AWAITING_SCREENING)
    assert sorted(dbr.full_text_conflicts + other.full_text_conflicts) == sorted(
        rid for rid, box in boxes.items() if box == FULL_TEXT_CONFLICT)
    assert dbr.excluded + other.excluded == sum(box == EXCLUDED_SCREENING for box in boxes.values())
    assert dbr.included_reports + other.included_reports == counts.new_reports == sum(
        box == INCLUDED for box in boxes.values())
    assert dbr.identified + other.identified == len(kinds)
    assert dict(counts.stage_verdicts) == expected


def _random_step(review: Any, rng: random.Random, ids: list[int]) -> None:
    """One write, by any of the ways a review is written; a refused one writes nothing."""
    rid, stage = rng.choice(ids), rng.choice(STAGES)
    reviewer = rng.choice(REVIEWERS)
    verdict = rng.choice(("include", "exclude", "maybe"))
    reason = rng.choice(exclusion_reasons(review, stage)) if verdict == "exclude" else None
    step = rng.random()
    try:
        if step < 0.4:
            record_decision(review, rid, verdict, stage=stage, reviewer=reviewer, reason=reason,
                            actor="automation" if rng.random() < 0.1 else "human")
        elif step < 0.5:  # as an import or a bulk write would: plain SQL, any stage
            with review.engine.begin() as connection:
                connection.execute(text(
                    "INSERT INTO decisions (record_id, stage, reviewer, verdict, reason, actor, decided_at, retracted)"
                    " VALUES (:r, :s, :who, :v, :why, 'human', '2026-01-01 00:00:00', false)"),
                    {"r": rid, "s": stage, "who": reviewer, "v": verdict, "why": reason})
        elif step < 0.65:
            known = [d.id for d in _decisions(review)]
            if known:
                set_decision_retracted(review, rng.choice(known), rng.random() < 0.7, reviewer=reviewer)
        elif step < 0.8:
            resolve_conflict(review, rid, rng.choice(("include", "exclude")), stage=stage, reviewer=reviewer)
        elif step < 0.88:
            set_screening_mode(review, rng.choice(("single", "dual")), rng.sample(STAGES, rng.randint(1, 2)),
                               reviewer="lead")
        elif step < 0.91:
            remove_before_screening(review, rid, "retracted", reviewer=reviewer, actor=rng.choice(("human",
                                                                                                   "automation")))
        elif step < 0.94:
            mark_duplicate(review, rid, rng.choice([i for i in ids if i != rid]), reviewer=reviewer)
        else:  # a lead's plain SQL: a decision's verdict changed, or one deleted
            with review.engine.begin() as connection:
                chosen = connection.execute(text("SELECT id FROM decisions ORDER BY id")).scalars().all()
                if chosen:
                    target = rng.choice(chosen)
                    if rng.random() < 0.5:
                        connection.execute(text("UPDATE decisions SET verdict = :v, record_id = :r WHERE id = :id"),
                                           {"v": verdict, "r": rid, "id": target})
                    else:
                        connection.execute(text("DELETE FROM decisions WHERE id = :id"), {"id": target})
    except (ValueError, LookupError):
        pass


@pytest.mark.parametrize("seed", range(12))
def test_fast_reads_match_a_plain_recomputation_on_random_reviews(review: Any, seed: int) -> None:
    rng = random.Random(seed)
    database = add_records(review, [f"Trial {i}" for i in range(5)])
    website = add_records(review, ["Registry page", "Agency report"], source="Web", kind="website")
    kinds = {**dict.fromkeys(database, "database"), **dict.fromkeys(website, "website")}
    ids = database + website
    if seed % 3 == 0:
        mark_pilot(review, 3, seed=seed, reviewer="lead")
    for step in range(90):
        _random_step(review, rng, ids)
        if step % 30 == 29:
            _check_everything(review, kinds)


def test_each_write_keeps_the_row_right(review: Any) -> None:
    """Screen, change of mind, resolve, undo of each, and a mode switch: the row follows each one."""
    (rid,) = add_records(review, ["Trial"])
    set_screening_mode(review, "dual", reviewer="lead")

    def row() -> tuple[Any, ...]:
        return _table(review)[(TA, rid)]

    first = record_decision(review, rid, "include", reviewer="alice")
    assert row()[:5] == (1, 1, 0, 0, 0) and verdicts(review, TA)[rid].awaiting
    second = record_decision(review, rid, "exclude", reason="other", reviewer="bob")
    assert row()[:5] == (2, 1, 1, 0, 0) and row()[8:12] == ("alice", "include", "bob", "exclude")
    assert verdicts(review, TA)[rid].conflict
    changed = record_decision(review, rid, "exclude", reason="other", reviewer="alice")  # a change of mind
    assert row()[:5] == (2, 0, 2, 0, 0) and verdicts(review, TA)[rid].verdict == "exclude"
    set_decision_retracted(review, changed.id, True, reviewer="alice")  # undo the change of mind
    assert verdicts(review, TA)[rid].conflict
    resolution = resolve_conflict(review, rid, "include", reviewer="carol")
    assert row()[12:16] == (resolution.id, "include", None, "carol")
    assert verdicts(review, TA)[rid].verdict == "include" and find_conflicts(review) == []
    set_decision_retracted(review, resolution.id, True, reviewer="carol")  # undo the resolution
    assert row()[12] is None and verdicts(review, TA)[rid].conflict
    set_decision_retracted(review, resolution.id, False, reviewer="carol")  # redo it: it stands again
    assert row()[12] == resolution.id
    again = record_decision(review, rid, "include", reviewer="bob")  # a reviewer decides after it: it no longer stands
    assert row()[12] is None and verdicts(review, TA)[rid].verdict == "include"
    set_decision_retracted(review, again.id, True, reviewer="bob")
    assert row()[12] == resolution.id
    set_decision_retracted(review, resolution.id, True, reviewer="carol")
    set_decision_retracted(review, second.id, True, reviewer="bob")  # undo bob's decision
    assert row()[:2] == (1, 1) and verdicts(review, TA)[rid].awaiting
    set_screening_mode(review, "single", reviewer="lead")  # nothing rewritten: the read follows the mode
    assert verdicts(review, TA)[rid].verdict == "include"
    set_decision_retracted(review, first.id, True, reviewer="alice")
    assert row()[:1] == (0,) and rid not in verdicts(review, TA)


def test_an_existing_review_is_filled_when_upgraded(review_path: Any) -> None:
    engine = make_engine(review_path)
    migrate(engine, "0010")
    rng = random.Random(3)
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO sources (name, kind, file_name, imported_at, imported_by,"
                                   " record_count) VALUES ('PubMed', 'database', 'a.nbib', '2024-01-01', 'ann', 20)")
        for i in range(20):
            connection.exec_driver_sql(
                "INSERT INTO records (source_id, source_entry, text, content_hash, kind, profile, title, extracted,"
                f" curated, evidence, imported_at) VALUES (1, 'a#{i}', 'T', 'h{i}', 'article', 'medline', 'T',"
                " '{}', '{}', '{}', '2024-01-01 00:00:00')")
        for _ in range(80):
            resolves = "'[1]'" if rng.random() < 0.1 else "NULL"
            connection.exec_driver_sql(
                "INSERT INTO decisions (record_id, stage, reviewer, verdict, actor, decided_at, retracted, resolves)"
                f" VALUES ({rng.randint(1, 20)}, '{rng.choice(STAGES)}', '{rng.choice(REVIEWERS)}',"
                f" '{rng.choice(('include', 'exclude', 'maybe'))}', 'human', '2024-01-01', {int(rng.random() < 0.2)},"
                f" {resolves})")
    engine.dispose()
    with open_review(review_path) as review:
        assert review.backup is not None
        expected = _expected_rows(_decisions(review))
        assert len(expected) > 20 and _table(review) == expected
