"""The server, not the client, enforces each login's rights: set up with the commands, tried with plain SQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from curator.review.listing import RecordFilter, find_record_ids
from curator.store.database import open_review
from tests.server.conftest import PASSWORDS, ServerReview, login, run


@pytest.fixture
def bob(team: ServerReview) -> Iterator[psycopg.Connection]:
    """Bob's own login, speaking plain SQL."""
    with login(team, "bob") as connection:
        yield connection


def _refused(connection: psycopg.Connection, sql: str) -> str:
    with pytest.raises(psycopg.Error) as refused:
        connection.execute(sql)
    return str(refused.value)


def test_reviewers_are_listed_with_the_lead_first(team: ServerReview) -> None:
    code, out = run("server", "reviewers", team.url(), "--json")
    listed = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["name"] for r in listed] == [team.lead, "alice", "bob", "carol"]
    assert [r["lead"] for r in listed] == [True, False, False, True]


def test_a_decision_in_another_reviewers_name_is_refused_and_nothing_written(team: ServerReview) -> None:
    bobs = team.url("bob", PASSWORDS["bob"])
    code, out = run("screen", "1", "include", "--reviewer", "alice", "--review", bobs)
    assert code == 1 and "refused" in out and "127.0.0.1" in out and PASSWORDS["bob"] not in out
    assert "Traceback" not in out
    code, out = run("log", "--json", "--review", team.url())
    assert code == 0 and out.strip() == ""
    code, out = run("screen", "1", "include", "--review", bobs, CURATOR_REVIEWER="")  # the login by default
    assert code == 0, out
    code, out = run("log", "--json", "--review", team.url())
    assert [json.loads(line)["reviewer"] for line in out.splitlines()] == ["bob"]


def test_plain_sql_cannot_write_in_another_name(bob: psycopg.Connection) -> None:
    for sql in ("INSERT INTO decisions (record_id, stage, reviewer, verdict, actor, decided_at, retracted)"
                " VALUES (1, 'title-abstract', 'alice', 'include', 'human', now(), false)",
                "INSERT INTO notes (record_id, reviewer, text, created_at) VALUES (1, 'alice', 'x', now())",
                "INSERT INTO audit_log (at, reviewer, action) VALUES (now(), 'alice', 'decide')",
                "INSERT INTO record_tags (record_id, tag_id, tagged_by) VALUES (1, 1, 'alice')",
                "UPDATE records SET title = 'changed', edited_by = 'alice' WHERE id = 1"):
        assert "row-level security" in _refused(bob, sql), sql
    assert bob.execute("SELECT count(*) FROM decisions").fetchone() == (0,)
    assert bob.execute("SELECT count(*) FROM records WHERE title = 'changed'").fetchone() == (0,)
    forged = ("UPDATE records SET edited_by = 'bob', curated = '{\"phase\": {\"value\": \"PHASE2\", \"by\": \"alice\","
              " \"at\": \"2026-01-01T00:00:00\"}}' WHERE id = 1")
    assert "may edit phase only in its own name" in _refused(bob, forged)
    bob.execute(forged.replace('"by": "alice"', '"by": "bob"'))  # in his own name: an edit like any other


def test_edits_through_curator_are_bound_to_the_login(team: ServerReview) -> None:
    from curator.review.records import get_record, set_field
    from curator.store.errors import ServerRefused

    with open_review(team.url("bob", PASSWORDS["bob"])) as review:
        with pytest.raises(ServerRefused, match="another reviewer's name"):
            set_field(review, 1, "phase", "PHASE2", reviewer="alice")
        set_field(review, 1, "phase", "PHASE2", reviewer="bob")
        assert get_record(review, 1).curated["phase"]["by"] == "bob"


def test_decisions_and_the_audit_log_are_append_only_for_a_reviewer(bob: psycopg.Connection) -> None:
    bob.execute("INSERT INTO decisions (record_id, stage, reviewer, verdict, actor, decided_at, retracted)"
                " VALUES (1, 'title-abstract', 'bob', 'include', 'human', now(), false)")
    bob.execute("UPDATE decisions SET retracted = true WHERE reviewer = 'bob'")  # undo his own: allowed
    assert "permission denied" in _refused(bob, "UPDATE decisions SET verdict = 'exclude'")
    assert "permission denied" in _refused(bob, "DELETE FROM decisions")
    assert "permission denied" in _refused(bob, "UPDATE audit_log SET reviewer = 'bob'")
    assert "permission denied" in _refused(bob, "DELETE FROM audit_log")
    assert "permission denied" in _refused(bob, "TRUNCATE audit_log")


def test_only_a_lead_imports_deletes_and_changes_the_review(bob: psycopg.Connection) -> None:
    for sql in ("INSERT INTO sources (name, kind, file_name, imported_at, imported_by, record_count)"
                " VALUES ('x', 'database', 'x', now(), 'bob', 0)",
                "DELETE FROM records WHERE id = 1",
                "UPDATE records SET removed_reason = 'no' WHERE id = 1",
                "DELETE FROM exclusion_reasons",
                "UPDATE duplicate_links SET confirmed = false",
                "UPDATE settings SET value = '1'",
                "UPDATE alembic_version SET version_num = '0001'"):
        assert "permission denied" in _refused(bob, sql), sql


def test_a_reviewer_cannot_change_the_schema_or_add_reviewers(bob: psycopg.Connection, team: ServerReview) -> None:
    assert "permission denied" in _refused(bob, "CREATE TABLE mine (id int)")
    assert "must be owner" in _refused(bob, "ALTER TABLE records ADD COLUMN mine int")
    assert "must be owner" in _refused(bob, "DROP TABLE decisions")
    assert "permission denied" in _refused(bob, "CREATE ROLE mallory LOGIN PASSWORD 'x'")
    code, out = run("server", "add-reviewer", team.url("bob", PASSWORDS["bob"]), "mallory", "--password", "pw")
    assert code == 1 and "refused" in out and "pw" not in out.replace("password", "")


def test_a_lead_added_by_the_owner_removes_records_a_reviewer_cannot(team: ServerReview, samples: list[Path]) -> None:
    carols = team.url("carol", PASSWORDS["carol"])
    code, out = run("remove", "1", "--reason", "not a study", "--review", carols)
    assert code == 0, out
    with open_review(team.url()) as review:
        assert 1 not in find_record_ids(review, RecordFilter(verdict="undecided"))
    bobs = team.url("bob", PASSWORDS["bob"])
    code, out = run("remove", "2", "--reason", "not a study", "--review", bobs)
    assert code == 1 and "refused" in out


def test_a_reviewer_cannot_import_nor_change_the_reasons(team: ServerReview, samples: list[Path]) -> None:
    bobs = team.url("bob", PASSWORDS["bob"])
    code, out = run("import", str(samples[0]), "--review", bobs)
    assert code == 1 and "refused this change: the login bob has no right to it" in out and "Traceback" not in out
    code, out = run("reasons", "--set", "mine", "--review", bobs)
    assert code == 1 and "refused" in out
    code, out = run("list", "--json", "--review", team.url())
    assert len(out.splitlines()) == len(samples)  # nothing more was imported


def test_a_reviewer_appraises_fills_the_form_and_attaches_full_texts_in_their_own_name(team: ServerReview) -> None:
    from curator.appraisal.appraisals import appraise
    from curator.appraisal.custom_values import record_custom_values, set_custom_value
    from curator.appraisal.form import add_field
    from curator.fulltext.storage import attach_full_text, full_text_of
    from tests.fulltext.printed_pdf import pdf_from_pages

    with open_review(team.url("carol", PASSWORDS["carol"])) as review:  # the lead designs the form
        add_field(review, "Dose", "number", reviewer="carol")
    with open_review(team.url("bob", PASSWORDS["bob"])) as review:
        set_custom_value(review, 1, "Dose", "12", reviewer="bob")
        assert record_custom_values(review, 1)["Dose"] == 12
        appraise(review, 1, answers={"1.1": "Y"}, reviewer="bob")
        attach_full_text(review, 1, "report.pdf", pdf_from_pages([["A report"]]), reviewer="bob")
        assert full_text_of(review, 1) is not None
        with pytest.raises(Exception):  # noqa: B017 - the server's refusal, whatever the layer that words it
            add_field(review, "Setting", "text", reviewer="bob")  # the form is the lead's
