"""On a server, where records stand at each stage is kept by the database under any login, read blind, written by no one.

The trigger runs as the schema's owner when a reviewer's login decides; no login writes the table
with plain SQL; in dual screening a reviewer does not read the row of a record only another has
decided. Pushed and pulled, a review's table is the same on every side.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from curator.review.resolution import resolve_conflict
from curator.review.screening import record_decision, set_decision_retracted
from curator.store.database import open_review
from tests.server.conftest import PASSWORDS, ServerReview, login, run

ROWS = "SELECT stage, record_id, reviewers, includes, excludes, first_reviewer, resolution_id FROM stage_verdicts"





@pytest.fixture
def bob(team: ServerReview) -> Iterator[psycopg.Connection]:
    with login(team, "bob") as connection:
        yield connection


def test_a_reviewers_decision_keeps_the_table_though_they_cannot_write_it(team: ServerReview,
                                                                        bob: psycopg.Connection) -> None:
    bobs = team.url("bob", PASSWORDS["bob"])
    assert run("screen", "1", "exclude", "--reason", "other", "--review", bobs, CURATOR_REVIEWER="")[0] == 0
    assert bob.execute(ROWS).fetchall() == [("title-abstract", 1, 1, 0, 1, "bob", None)]
    bob.execute("UPDATE decisions SET retracted = true WHERE reviewer = 'bob'")  # undone, in bob's plain SQL
    assert bob.execute(ROWS).fetchall() == [("title-abstract", 1, 0, 0, 0, None, None)]
    for sql in ("INSERT INTO stage_verdicts (stage, record_id) VALUES ('full-text', 2)",
                "UPDATE stage_verdicts SET reviewers = 5", "DELETE FROM stage_verdicts",
                "SELECT curator_refresh_stage_verdict(1, 'title-abstract')"):
        with pytest.raises(psycopg.Error, match="permission denied"):
            bob.execute(sql)
    with login(team, "carol") as carol, pytest.raises(psycopg.Error, match="permission denied"):
        carol.execute("UPDATE stage_verdicts SET reviewers = 5")  # a lead reads it, and writes it no more


def test_in_dual_screening_a_reviewer_reads_only_what_blindness_allows(team: ServerReview,
                                                                     bob: psycopg.Connection) -> None:
    assert run("screening-mode", "dual", "--review", team.url())[0] == 0
    alices = team.url("alice", PASSWORDS["alice"])
    for record in ("1", "2"):
        assert run("screen", record, "include", "--review", alices, CURATOR_REVIEWER="")[0] == 0
    assert bob.execute(ROWS).fetchall() == []  # alice's verdicts alone: hidden from bob
    bobs = team.url("bob", PASSWORDS["bob"])
    assert run("screen", "2", "exclude", "--reason", "other", "--review", bobs, CURATOR_REVIEWER="")[0] == 0
    assert bob.execute(ROWS + " ORDER BY record_id").fetchall() == [("title-abstract", 2, 2, 1, 1, "alice", None)]
    assert run("screen", "3", "exclude", "--reason", "other", "--automation", "--review", team.url())[0] == 0
    # An automation tool's verdict alone is no reviewer's: nothing to be blind to.
    assert [row[1] for row in bob.execute(ROWS + " ORDER BY record_id").fetchall()] == [2, 3]
    with login(team, "carol") as carol:
        assert len(carol.execute(ROWS).fetchall()) == 3  # the lead reads every row
    assert run("screening-mode", "single", "--review", team.url())[0] == 0
    assert len(bob.execute(ROWS).fetchall()) == 3  # single screening hides nothing
    code, out = run("conflicts", "--json", "--review", team.url())
    assert code == 0 and [json.loads(line)["record_id"] for line in out.splitlines()] == [2]


def test_push_and_pull_keep_the_table(server: ServerReview, samples: list[Path], tmp_path: Path) -> None:
    original = tmp_path / "original.curator.sqlite"
    code, out = run("import", *map(str, samples), "--source", "Samples", "--source-kind", "database",
                    "--review", str(original))
    assert code == 0, out
    with open_review(original) as review:
        record_decision(review, 1, "include", reviewer="ann")
        record_decision(review, 1, "exclude", reason="other", reviewer="ben")
        undone = record_decision(review, 2, "maybe", reviewer="ann")
        set_decision_retracted(review, undone.id, True, reviewer="ann")
        record_decision(review, 3, "include", reviewer="ann")
        resolve_conflict(review, 1, "include", reviewer="cat")
        record_decision(review, 1, "include", stage="full-text", reviewer="ann")
    assert run("push", str(original), server.url())[0] == 0
    copy = tmp_path / "copy.curator.sqlite"
    assert run("pull", server.url(), str(copy))[0] == 0
    tables = []
    for location in (str(original), server.url(), str(copy)):
        with open_review(location) as review, review.engine.connect() as connection:
            tables.append(sorted(tuple(row) for row in connection.exec_driver_sql(ROWS)))
    assert tables[0] == tables[1] == tables[2]
    assert len(tables[0]) == 4 and any(row[6] is not None for row in tables[0])
