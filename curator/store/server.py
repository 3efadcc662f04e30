"""A review on a PostgreSQL server: its address, the engine that reaches it, and its errors in one sentence.

A review is named either by a path to a ``.sqlite`` file or by a URL,
``postgresql://NAME:PASSWORD@HOST:PORT/DATABASE``. The password may also come from
``PGPASSWORD`` (or ``~/.pgpass``), as for any PostgreSQL client. Every connection
works in UTC, so the times stored are the same whichever desk wrote them.

Whatever goes wrong on the way to the server (unreachable, wrong password, a
database that is not there, a connection dropped half-way) or on it (a right
the login does not have) comes back as one sentence naming the server as
``host:port/database`` and the login, never the password.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.engine.interfaces import ExceptionContext
from sqlalchemy.exc import ArgumentError

from curator.store.errors import ReviewError, ServerRefused, ServerUnavailable

#: The schemes that name a server review.
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
#: Seconds to wait for the server to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 10


def is_server_location(location: object) -> bool:
    """True when ``location`` names a review on a server (a ``postgresql://`` URL), not a file."""
    return isinstance(location, str | Path) and str(location).startswith(SERVER_SCHEMES)


def server_url(location: str) -> URL:
    """The URL of a server review, for the psycopg driver; ReviewError when it cannot be read."""
    try:
        url = make_url(str(location))
    except ArgumentError:
        raise ReviewError("cannot read the server address; write it as postgresql://NAME@HOST:PORT/DATABASE") from None
    if not url.database:
        raise ReviewError(f"the server address names no database: postgresql://{url.host or 'HOST'}/DATABASE")
    return url.set(drivername="postgresql+psycopg")


def describe(url: URL) -> str:
    """``host:port/database``: how the reviewer sees a server review (never the password)."""
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def address_of(location: str) -> str:
    """The server address without its password: what a desk may remember (recent reviews) and show."""
    url = make_url(str(location))
    return URL.create("postgresql", url.username, None, url.host, url.port, url.database,
                      url.query).render_as_string(hide_password=False)


def password_in(location: str) -> str | None:
    """The password written in a server address, or None."""
    return make_url(str(location)).password or None


def short_name(location: str) -> str:
    """``database@host``: a server review's name in a window's title."""
    url = make_url(str(location))
    return f"{url.database}@{url.host or 'localhost'}"


def login_of(location: str) -> str | None:
    """The login a server address names (else ``PGUSER``), or None."""
    try:
        return make_url(str(location)).username or os.environ.get("PGUSER")
    except ArgumentError:
        return None


def with_password(location: str, ask: Callable[[str], str | None]) -> str:
    """``location`` with a password: its own, else none needed (``PGPASSWORD``, ``~/.pgpass``), else asked for.

    ``ask(prompt)`` returns the password typed, or None when no one can be asked.
    """
    url = server_url(location)
    if url.password or os.environ.get("PGPASSWORD") or os.environ.get("PGPASSFILE") or \
            (Path.home() / ".pgpass").exists():
        return location
    typed = ask(f"password of {url.username or 'your login'} on the review server {describe(url)}")
    if not typed:
        return location
    return url.set(password=typed).render_as_string(hide_password=False)


def make_server_engine(location: str) -> Engine:
    """An engine on the server review at ``location``, whose errors read as one sentence (see the module)."""
    url = server_url(location)
    engine = create_engine(
        url, pool_pre_ping=True, pool_size=2, max_overflow=4,
        connect_args={"options": "-c timezone=UTC", "connect_timeout": CONNECT_TIMEOUT, "application_name": "curator"},
    )
    name, login = describe(url), url.username or "(your login)"

    @event.listens_for(engine, "handle_error")
    def _one_sentence(context: ExceptionContext) -> BaseException | None:
        if context.is_pre_ping:  # a connection the server dropped while idle: the pool makes a new one
            return None
        return server_error(context.original_exception, name, login)

    return engine


def server_error(error: BaseException, server: str, login: str) -> ReviewError | None:
    """The sentence for an error from the server (None when it is not one the reviewer can act on)."""
    import psycopg

    sqlstate = getattr(error, "sqlstate", None) or ""
    text = str(error)
    if isinstance(error, psycopg.errors.InsufficientPrivilege) or sqlstate == "42501":
        if "row-level security" in text:
            return ServerRefused(f"the review server {server} refused a change in another reviewer's name: the login"
                                 f" {login} may write only in its own name; nothing was saved")
        return ServerRefused(f"the review server {server} refused this change: the login {login} has no right to it"
                             " (only a lead imports, removes, deletes and adds reviewers); nothing was saved")
    if isinstance(error, psycopg.errors.RaiseException):
        return ServerRefused(f"the review server {server} refused this change: {error.diag.message_primary};"
                             " nothing was saved")
    if not isinstance(error, psycopg.OperationalError):
        return None
    if sqlstate == "28P01" or "password authentication failed" in text or "no password supplied" in text:
        # The server says no more to a client whose login has expired (VALID UNTIL): only its own log does.
        return ServerUnavailable(f"the review server {server} refused the login {login}: wrong name or password,"
                                 " or the login's access has ended (ask the lead)")
    if sqlstate == "3D000" or re.search(r'database ".*" does not exist', text):
        return ServerUnavailable(f"the review server {server} has no such database; ask the lead for the address")
    if sqlstate in ("28000", "42704") or "role" in text and "does not exist" in text:
        return ServerUnavailable(f"the review server {server} does not let the login {login} in"
                                 " (no such reviewer, or their access has ended); ask the lead")
    if sqlstate.startswith("57P") or "closed the connection" in text or "terminat" in text:
        return ServerUnavailable(f"lost the connection to the review server {server}; nothing of this change"
                                 " was saved, try again when it is back")
    return ServerUnavailable(f"cannot reach the review server {server}: is it running, and is the address right?")
