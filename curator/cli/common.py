"""What every command shares: the --review and --reviewer options and opening the review."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from curator.store.database import REVIEW_ENV, Review, ReviewError, open_review
from curator.store.server import is_server_location, login_of, with_password

F = TypeVar("F", bound=Callable[..., Any])
REVIEWER_ENV = "CURATOR_REVIEWER"


class ReviewLocation(click.ParamType):
    """A review file's path, or a server review's ``postgresql://`` URL (kept as it is written)."""

    name = "PATH|URL"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Path) or is_server_location(value):
            return value
        return click.Path(dir_okay=False, path_type=Path).convert(value, param, ctx)


def review_option(function: F) -> F:
    """Add ``--review PATH|URL`` (also read from ``CURATOR_REVIEW``)."""
    return click.option(
        "--review", "review_path", type=ReviewLocation(), envvar=REVIEW_ENV, is_eager=True,
        help=f"The review file, or a server review's postgresql://NAME@HOST:PORT/DATABASE (default: ${REVIEW_ENV},"
             " else the default review in your user-data folder).",
    )(function)


def default_reviewer() -> str:
    """The reviewer's name: ``CURATOR_REVIEWER``, else the login name."""
    named = os.environ.get(REVIEWER_ENV)
    if named:
        return named
    try:
        return getpass.getuser()
    except Exception:
        return "reviewer"


def _server_login_by_default(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """On a server review, a reviewer not named (no --reviewer, no $CURATOR_REVIEWER) is the server login."""
    if ctx.get_parameter_source(param.name or "") != click.core.ParameterSource.DEFAULT or os.environ.get(REVIEWER_ENV):
        return value
    location = ctx.params.get("review_path") or os.environ.get(REVIEW_ENV, "")
    return (login_of(str(location)) or value) if is_server_location(location) else value


def reviewer_option(function: F) -> F:
    """Add ``--reviewer NAME`` (also read from ``CURATOR_REVIEWER``; on a server, the login by default)."""
    return click.option(
        "--reviewer", default=default_reviewer, callback=_server_login_by_default,
        show_default="$CURATOR_REVIEWER, else the server login or your login name",
        help="Who is making the change (kept with every decision and edit).",
    )(function)


WAITING = "waiting for another Curator window or command that is writing to this review (an import?)..."


def _say_waiting_once() -> Callable[[float], None]:
    """An ``on_wait`` that prints :data:`WAITING` to stderr the first time a write waits, and then stays quiet."""
    said = False

    def on_wait(_seconds: float) -> None:
        nonlocal said
        if not said:
            click.echo(WAITING, err=True)
            said = True

    return on_wait


def open_or_fail(path: Path | str | None, *, create: bool = True) -> Review:
    """Open the review, or stop with its reason as the error message.

    Commands that only read or change records pass ``create=False``: a mistyped path
    must not quietly become a new, empty review. A write that has to wait for another
    writer says so once on stderr, then keeps waiting.
    """
    if path is None and is_server_location(os.environ.get(REVIEW_ENV, "")):
        path = os.environ[REVIEW_ENV]
    if is_server_location(path):
        path = with_password(str(path), ask=_ask_password)
    try:
        return open_review(path, create=create, on_wait=_say_waiting_once())
    except ReviewError as error:
        message = str(error)
        if not create and message.startswith("no review at"):
            message += " (create one with `curator import FILES --review PATH` or `curator demo`)"
        raise click.ClickException(message) from error


def _ask_password(prompt: str) -> str | None:
    """The password typed at a prompt, when someone is there to type it."""
    if not os.isatty(0):
        return None
    return str(click.prompt(prompt, hide_input=True, err=True))


def reason_of(error: BaseException) -> str:
    """An exception's message as written (``str(KeyError)`` would add quotes)."""
    if error.args and isinstance(error.args[0], str):
        return error.args[0]
    return str(error)


def print_json(value: Any) -> None:
    """One JSON object on one line."""
    click.echo(json.dumps(value, ensure_ascii=False, default=str))
