"""When the server is away or refuses the login: one sentence naming the server (host:port/database), never
the password, never a traceback, exit status 1."""

from __future__ import annotations

import socket

import psycopg
import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.review.screening import decision_log, record_decision
from curator.store.database import open_review
from curator.store.errors import ServerUnavailable
from tests.conftest import add_records
from tests.server.conftest import ServerReview


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens there once the probe is closed


def _one_sentence(out: str) -> str:
    assert "Traceback" not in out and "psycopg" not in out and "sqlalchemy" not in out.lower()
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out
    return lines[0]


def test_an_unreachable_server_is_named_in_one_sentence() -> None:
    port = _closed_port()
    code, out = run("list", "--review", f"postgresql://ann:secret-pw@127.0.0.1:{port}/review")
    line = _one_sentence(out)
    assert code == 1 and f"cannot reach the review server 127.0.0.1:{port}/review" in line
    assert "secret-pw" not in out


def test_a_wrong_password_is_named_without_the_password(server: ServerReview) -> None:
    with open_review(server.url()):
        pass
    code, out = run("list", "--review", server.url(password="not-the-password"))
    line = _one_sentence(out)
    assert code == 1 and line == (f"Error: the review server {server.host}:{server.port}/{server.database} refused"
                                  f" the login {server.lead}: wrong name or password, or the login's access has"
                                  " ended (ask the lead)")
    assert "not-the-password" not in out and server.password not in out


def test_a_database_that_is_not_there_and_one_without_a_review(server: ServerReview) -> None:
    code, out = run("list", "--review", server.url().replace(server.database, "no_such_review"))
    assert code == 1 and "has no such database" in _one_sentence(out) and server.password not in out
    code, out = run("list", "--review", server.url())
    assert code == 1 and "no Curator review in" in _one_sentence(out) and "curator server init" in out


def test_a_connection_dropped_between_decisions_is_made_again(server: ServerReview) -> None:
    with open_review(server.url()) as review:
        (record_id,) = add_records(review, ["Trial of anakinra"])
        record_decision(review, record_id, "include", reviewer=server.lead)
        with psycopg.connect(server.admin_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                          (server.database,))
        record_decision(review, record_id, "exclude", reason="wrong population", reviewer=server.lead)
        assert [d.verdict for d in decision_log(review)] == ["include", "exclude"]


def test_a_connection_lost_in_a_transaction_saves_nothing_and_says_so(server: ServerReview) -> None:
    with open_review(server.url()) as review:
        (record_id,) = add_records(review, ["Trial of anakinra"])
        with pytest.raises(ServerUnavailable, match="lost the connection to the review server") as lost, \
                review.transaction() as session:
            session.connection().exec_driver_sql("SELECT 1")
            with psycopg.connect(server.admin_url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s"
                              " AND pid <> pg_backend_pid()", (server.database,))
            session.connection().exec_driver_sql(
                f"INSERT INTO decisions (record_id, stage, reviewer, verdict, actor, decided_at, retracted)"
                f" VALUES ({record_id}, 'title-abstract', 'x', 'include', 'human', now(), false)")
        assert server.password not in str(lost.value)
        assert list(decision_log(review)) == []
