"""A PostgreSQL server for the server tests: ``CURATOR_TEST_POSTGRES_URL`` (a superuser's URL) when set,
else a throwaway cluster of our own when PostgreSQL is installed, else the tests are skipped with the reason
(``pytest -rs`` prints it)."""

from __future__ import annotations

import itertools
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.server import cluster

ADMIN_URL_ENV = "CURATOR_TEST_POSTGRES_URL"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A superuser's URL on a running PostgreSQL (skips when there is none to be had)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("server tests need psycopg: pip install '.[server]'")
    named = os.environ.get(ADMIN_URL_ENV)
    if named:
        yield named
        return
    if cluster.pg_bin() is None:
        pytest.skip(f"no PostgreSQL for the server tests: set {ADMIN_URL_ENV} to a superuser's URL, or install"
                    " Debian's postgresql package (initdb in /usr/lib/postgresql/*/bin)")
    folder, url = cluster.start()
    try:
        yield url
    finally:
        cluster.stop(folder)


@dataclass(frozen=True)
class ServerReview:
    """An empty database owned by a lead of its own, on the test server."""

    admin_url: str
    host: str
    port: int
    database: str
    lead: str
    password: str

    def url(self, name: str | None = None, password: str | None = None) -> str:
        """The review's URL logging in as ``name`` (the lead by default)."""
        return (f"postgresql://{name or self.lead}:{password or self.password}"
                f"@{self.host}:{self.port}/{self.database}")


@pytest.fixture
def server(postgres_admin_url: str) -> Iterator[ServerReview]:
    """A new empty database and its owner (a lead who may add reviewers); dropped after the test."""
    import psycopg
    from sqlalchemy.engine import make_url

    number = f"{os.getpid()}_{next(_numbers)}"
    database, lead, password = f"review_{number}", f"lead_{number}", secrets.token_urlsafe(12)
    admin = make_url(postgres_admin_url)
    conninfo = dict(host=admin.host, port=admin.port or 5432, user=admin.username, password=admin.password,
                    dbname=admin.database or "postgres", autocommit=True)
    with psycopg.connect(**conninfo) as connection:
        connection.execute(f'CREATE ROLE "{lead}" LOGIN CREATEROLE PASSWORD \'{password}\'')
        connection.execute(f'CREATE DATABASE "{database}" OWNER "{lead}"')
    try:
        yield ServerReview(postgres_admin_url, admin.host or "127.0.0.1", admin.port or 5432, database, lead, password)
    finally:
        with psycopg.connect(**conninfo) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            for role in (f"curator_{database}_reviewers", f"curator_{database}_leads", lead):
                connection.execute(f'DROP ROLE IF EXISTS "{role}"')


#: The reviewers' passwords in the team reviews (roles are the cluster's: the same names in every test).
PASSWORDS = {"alice": "alice-secret-1", "bob": "bob-secret-2", "carol": "carol-secret-3"}


def run(*args: str, **env: str) -> tuple[int, str]:
    """``curator ARGS`` in this process, with ``env`` added: (exit status, what it printed)."""
    from click.testing import CliRunner

    from curator.cli import cli

    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


def login(team: ServerReview, name: str):  # type: ignore[no-untyped-def]  # a psycopg.Connection
    """``name``'s own login to the team's review, speaking plain SQL (autocommit)."""
    import psycopg

    return psycopg.connect(host=team.host, port=team.port, dbname=team.database, user=name,
                           password=PASSWORDS[name], autocommit=True)


@pytest.fixture
def team(server: ServerReview, samples: list) -> ServerReview:
    """A server review with the samples imported by the lead, alice and bob as reviewers, carol as a lead."""
    assert run("server", "init", server.url())[0] == 0
    for name in ("alice", "bob"):
        assert run("server", "add-reviewer", server.url(), name, "--password", PASSWORDS[name])[0] == 0
    assert run("server", "add-reviewer", server.url(), "carol", "--password", PASSWORDS["carol"], "--lead")[0] == 0
    code, out = run("import", *map(str, samples), "--source", "Samples", "--source-kind", "database",
                    "--review", server.url())
    assert code == 0, out
    return server
