"""Blind dual screening kept by the server itself: a reviewer's login, even speaking plain SQL, does not read
another reviewer's verdicts, notes, tags or appraisals of a record before deciding (or appraising) it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from curator.review.blind import screening_view
from curator.review.screening import set_decision_retracted
from curator.review.screening_mode import is_lead
from curator.store.database import open_review
from tests.server.conftest import PASSWORDS, ServerReview, login, run

TA = "title-abstract"



def as_(team: ServerReview, name: str) -> str:
    return team.url(name, PASSWORDS[name])


@pytest.fixture
def team(team: ServerReview) -> ServerReview:
    """The team's review (see conftest), screened in dual mode."""
    assert run("screening-mode", "dual", "--review", team.url())[0] == 0
    return team


@pytest.fixture
def bob(team: ServerReview) -> Iterator[psycopg.Connection]:
    with login(team, "bob") as connection:
        yield connection


def seen(connection: psycopg.Connection, sql: str) -> list[tuple]:
    return connection.execute(sql).fetchall()


def test_bob_reads_alices_verdict_only_once_he_decided_the_record(team: ServerReview,
                                                                  bob: psycopg.Connection) -> None:
    assert run("screen", "1", "include", "--review", as_(team, "alice"), CURATOR_REVIEWER="")[0] == 0
    sql = "SELECT reviewer, verdict FROM decisions WHERE record_id = 1"
    assert seen(bob, sql) == []
    assert seen(bob, "SELECT reviewer FROM audit_log WHERE action = 'decide'") == []
    assert run("screen", "1", "exclude", "--reason", "wrong outcome", "--review", as_(team, "bob"),
               CURATOR_REVIEWER="")[0] == 0
    assert sorted(seen(bob, sql)) == [("alice", "include"), ("bob", "exclude")]
    assert len(seen(bob, "SELECT reviewer FROM audit_log WHERE action = 'decide'")) == 2
    own = bob.execute("SELECT id FROM decisions WHERE reviewer = 'bob'").fetchone()[0]
    with open_review(as_(team, "bob")) as review:  # bob undoes his decision: undecided again, hidden again
        set_decision_retracted(review, own, True, reviewer="bob")
    assert [row[0] for row in seen(bob, sql)] == ["bob"]


def test_the_lead_reads_every_verdict_and_a_single_stage_hides_nothing(team: ServerReview,
                                                                        bob: psycopg.Connection) -> None:
    for name in ("alice", "carol"):  # both include: the record goes on to full text
        assert run("screen", "2", "include", "--review", as_(team, name), CURATOR_REVIEWER="")[0] == 0
    code, out = run("screen", "2", "include", "--stage", "full-text", "--review", as_(team, "alice"),
                    CURATOR_REVIEWER="")
    assert code == 0, out
    with login(team, "carol") as carol:
        assert len(seen(carol, "SELECT * FROM decisions")) == 3
    assert seen(bob, "SELECT stage FROM decisions") == []
    assert run("screening-mode", "single", "--stage", "full-text", "--review", team.url())[0] == 0
    assert seen(bob, "SELECT stage FROM decisions") == [("full-text",)]
    # The reviewer the settings name lead sees everything too.
    assert run("screening-mode", "--lead", "bob", "--review", team.url())[0] == 0
    assert len(seen(bob, "SELECT * FROM decisions")) == 3


def test_a_lead_login_is_the_lead_in_the_core_and_the_desk_though_the_settings_name_none(team: ServerReview) -> None:
    assert run("screen", "3", "include", "--review", as_(team, "alice"), CURATOR_REVIEWER="")[0] == 0
    with open_review(as_(team, "carol")) as review:  # carol was added with --lead; no lead is named
        assert is_lead(review, "carol") and not is_lead(review, "alice")
        view = screening_view(review, 3, TA, "carol")
        assert not view.hidden and [d.reviewer for d in view.others] == ["alice"]
    with open_review(as_(team, "bob")) as review:
        assert not is_lead(review, "bob")
        assert screening_view(review, 3, TA, "bob").hidden


def test_notes_and_tags_of_another_reviewer_wait_for_a_decision(team: ServerReview,
                                                                bob: psycopg.Connection) -> None:
    alices = as_(team, "alice")
    assert run("note", "3", "seems randomised", "--review", alices, CURATOR_REVIEWER="")[0] == 0
    assert run("tag", "3", "RCT", "--review", alices, CURATOR_REVIEWER="")[0] == 0
    assert run("note", "3", "mine", "--review", as_(team, "bob"), CURATOR_REVIEWER="")[0] == 0
    assert seen(bob, "SELECT reviewer, text FROM notes") == [("bob", "mine")]
    assert seen(bob, "SELECT tagged_by FROM record_tags") == []
    assert seen(bob, "SELECT action FROM audit_log WHERE reviewer = 'alice'") == []
    assert run("screen", "3", "maybe", "--review", as_(team, "bob"), CURATOR_REVIEWER="")[0] == 0
    assert sorted(seen(bob, "SELECT reviewer, text FROM notes")) == [("alice", "seems randomised"),
                                                                     ("bob", "mine")]
    assert seen(bob, "SELECT tagged_by FROM record_tags") == [("alice",)]
    assert sorted(seen(bob, "SELECT action FROM audit_log WHERE reviewer = 'alice'")) == [("add note",), ("add tag",)]


def test_an_appraisal_of_another_reviewer_waits_for_ones_own(team: ServerReview, bob: psycopg.Connection) -> None:
    from curator.appraisal import rob2
    from curator.appraisal.appraisals import appraise

    every = {q.id: "Y" for q in rob2.QUESTIONS}
    with open_review(as_(team, "alice")) as review:
        appraise(review, 4, answers=every, reviewer="alice")
    assert seen(bob, "SELECT reviewer FROM appraisals") == []
    alices_entries = "SELECT count(*) FROM audit_log WHERE reviewer = 'alice' AND action LIKE '%rob2'"
    assert seen(bob, alices_entries) == [(0,)]
    with open_review(as_(team, "bob")) as review:
        appraise(review, 4, answers={"1.1": "Y"}, reviewer="bob")  # begun, not complete: still blind
        assert seen(bob, "SELECT reviewer FROM appraisals") == [("bob",)]
        appraise(review, 4, answers=every, reviewer="bob")
    assert sorted(seen(bob, "SELECT reviewer FROM appraisals")) == [("alice",), ("bob",)]
    assert seen(bob, alices_entries)[0][0] > 0
    with login(team, "carol") as carol:
        assert len(seen(carol, "SELECT * FROM appraisals")) == 2


def test_the_commands_still_work_for_the_reviewer_and_the_lead(team: ServerReview, tmp_path: Path) -> None:
    alices, bobs = as_(team, "alice"), as_(team, "bob")
    for record_id, (a, b) in enumerate((("include", "exclude"), ("include", "include"), ("exclude", "exclude")), 1):
        reason = ["--reason", "wrong outcome"]
        assert run("screen", str(record_id), a, *(reason if a == "exclude" else []), "--review", alices,
                   CURATOR_REVIEWER="")[0] == 0
        assert run("screen", str(record_id), b, *(reason if b == "exclude" else []), "--review", bobs,
                   CURATOR_REVIEWER="")[0] == 0
    assert run("screen", "4", "include", "--review", alices, CURATOR_REVIEWER="")[0] == 0
    code, out = run("list", "--json", "--reviewer", "bob", "--review", bobs)
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    assert code == 0 and rows[1]["decisions"][TA] == "exclude" and rows[4]["decisions"].get(TA) is None
    code, out = run("conflicts", "--json", "--review", team.url())
    assert code == 0 and [json.loads(line)["record_id"] for line in out.splitlines()] == [1]
    code, out = run("agreement", "--json", "--stage", TA, "--review", team.url())
    assert code == 0 and json.loads(out.splitlines()[0])["records"] == 3
    code, out = run("prisma", "--json", "--review", team.url())
    assert code == 0 and json.loads(out)["awaiting"][TA] >= 2
    # Bob sees what is his to see, in words: his own conflicts, and no counts the server keeps from him.
    code, out = run("conflicts", "--json", "--review", bobs)
    assert code == 0 and [json.loads(line)["record_id"] for line in out.splitlines() if line.startswith("{")] == [1]
    code, out = run("prisma", "--json", "--review", bobs)
    assert code == 1 and "lead" in out and "Traceback" not in out
    code, out = run("agreement", "--json", "--stage", TA, "--review", bobs)
    pairs = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert code == 0 and [p["reviewers"] for p in pairs] == [["alice", "bob"]] and pairs[0]["records"] == 3
    assert "a lead sees them all" in out
    code, out = run("export", "--xlsx", str(tmp_path / "bob.xlsx"), "--review", bobs)
    assert code == 1 and "lead" in out and not (tmp_path / "bob.xlsx").exists()
    code, out = run("pull", bobs, str(tmp_path / "bob.curator.sqlite"))  # a partial copy would mislead
    assert code == 1 and "a lead pulls it" in out and not (tmp_path / "bob.curator.sqlite").exists()


def test_an_existing_review_gets_the_blind_rights_when_its_owner_opens_it(team: ServerReview,
                                                                          bob: psycopg.Connection) -> None:
    from curator.store import rights

    with open_review(team.url()) as review, review.engine.begin() as connection:
        connection.exec_driver_sql("DROP FUNCTION curator_rights_version()")
        connection.exec_driver_sql("DROP POLICY curator_read ON decisions")
        connection.exec_driver_sql("CREATE POLICY curator_read ON decisions FOR SELECT USING (true)")
    assert run("screen", "5", "include", "--review", as_(team, "alice"), CURATOR_REVIEWER="")[0] == 0
    assert len(seen(bob, "SELECT * FROM decisions")) == 1  # the old rights: everything was read
    with open_review(as_(team, "bob")) as review, review.engine.connect() as connection:
        assert rights.rights_version(connection) == 0  # a reviewer cannot set them
    with open_review(team.url()) as review, review.engine.connect() as connection:
        assert rights.rights_version(connection) == rights.RIGHTS_VERSION
    assert seen(bob, "SELECT * FROM decisions") == []


def test_a_tag_or_note_of_another_reviewer_is_refused_in_a_sentence(team: ServerReview) -> None:
    from curator.review.records import add_note, add_tag, delete_note, get_record, remove_tag

    with open_review(as_(team, "alice")) as review:
        add_tag(review, 3, "RCT", reviewer="alice")
        note = add_note(review, 3, "randomised?", reviewer="alice")
    with open_review(as_(team, "bob")) as review:
        with pytest.raises(ValueError, match="already carries the tag 'RCT', put on by another reviewer"):
            add_tag(review, 3, "RCT", reviewer="bob")  # alice's tag, kept from him while he is undecided
        assert get_record(review, 3).tags == []
        from curator.review.screening import record_decision

        record_decision(review, 3, "include", reviewer="bob")
        assert get_record(review, 3).tagged_by == {"RCT": "alice"}
        with pytest.raises(ValueError, match="put on by alice; only they or a lead"):
            remove_tag(review, 3, "RCT", reviewer="bob")
        with pytest.raises(ValueError, match="written by alice; only they or a lead"):
            delete_note(review, note.id, reviewer="bob")
    with login(team, "carol") as carol:  # nothing was written, not even to the audit log
        assert seen(carol, "SELECT count(*) FROM record_tags") == [(1,)]
        assert seen(carol, "SELECT count(*) FROM notes") == [(1,)]
        assert seen(carol, "SELECT count(*) FROM audit_log WHERE reviewer = 'bob' AND action <> 'decide'") == [(0,)]
