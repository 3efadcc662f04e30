"""A review on a PostgreSQL server: ``curator server init``, ``add-reviewer``, ``reviewers``; ``push``, ``pull``.

The lead asks the server's administrator for an empty database they own and a login that may
create roles (``CREATE ROLE lead LOGIN CREATEROLE PASSWORD '...'; CREATE DATABASE review OWNER
lead``), then creates the review in it and gives each reviewer a login of their own. ``push`` copies
a review file into an empty server review, ``pull`` a server review into a new file.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from curator.cli.common import ReviewLocation, open_or_fail, print_json
from curator.store import rights
from curator.store.errors import ReviewError
from curator.store.moving import pull, push
from curator.store.server import is_server_location, with_password

URL = click.argument("url", type=ReviewLocation())


def _server_url(url: object) -> str:
    if not is_server_location(url):
        raise click.ClickException(f"{url} is not a server address; write postgresql://NAME@HOST:PORT/DATABASE")
    return str(url)


@click.group("server")
def server_group() -> None:
    """Set up a review shared by a team on a PostgreSQL server (rights enforced by the server)."""


@server_group.command("init")
@URL
def init_command(url: str) -> None:
    """Create the review in the empty database at URL, as its owner (the lead), with the team's rights."""
    with open_or_fail(_server_url(url)) as review, review.engine.begin() as connection:
        rights.grant_rights(connection)
        lead: str = connection.exec_driver_sql("SELECT current_user").scalar_one()
    click.echo(f"the review on {review.location} is ready; its lead is {lead}.")
    click.echo("Add each reviewer with: curator server add-reviewer URL NAME (they then connect as"
               " postgresql://NAME@HOST:PORT/DATABASE)")


@server_group.command("add-reviewer")
@URL
@click.argument("name")
@click.option("--password", envvar="CURATOR_NEW_REVIEWER_PASSWORD",
              help="The reviewer's password (else $CURATOR_NEW_REVIEWER_PASSWORD, else asked for).")
@click.option("--lead", is_flag=True, help="A lead: may import, delete, resolve and add reviewers too.")
def add_reviewer_command(url: str, name: str, password: str | None, lead: bool) -> None:
    """Give NAME a login of their own on the review at URL (only a lead may)."""
    _check_name(name)
    if not password:
        if not os.isatty(0):
            raise click.ClickException(f"no password for {name}: give --password, or run this where it can be typed")
        password = click.prompt(f"password for {name}", hide_input=True, confirmation_prompt=True, err=True)
    with open_or_fail(_server_url(url), create=False) as review, review.engine.begin() as connection:
        new = rights.add_reviewer(connection, name, password or "", lead=lead)
    role = "lead" if lead else "reviewer"
    click.echo(f"{'added' if new else 'updated'} the {role} {name} on {review.location}")


def _check_name(name: str) -> None:
    try:
        rights.check_reviewer_name(name)
    except ReviewError as error:
        raise click.ClickException(str(error)) from error


@server_group.command("reviewers")
@URL
@click.option("--json", "as_json", is_flag=True, help="One JSON object per reviewer per line.")
def reviewers_command(url: str, as_json: bool) -> None:
    """List the reviewers and leads of the review at URL."""
    with open_or_fail(_server_url(url), create=False) as review, review.engine.connect() as connection:
        found = rights.reviewers(connection)
    for reviewer in found:
        if as_json:
            print_json({"name": reviewer.name, "lead": reviewer.lead, "can_log_in": reviewer.can_log_in})
        else:
            marks = ", ".join(m for m, on in (("lead", reviewer.lead), ("cannot log in", not reviewer.can_log_in)) if on)
            click.echo(reviewer.name + (f" ({marks})" if marks else ""))


def _ask(prompt: str) -> str | None:
    return str(click.prompt(prompt, hide_input=True, err=True)) if os.isatty(0) else None


def _summary(copied: dict[str, int]) -> str:
    shown = ("records", "decisions", "duplicate_links", "notes", "audit_log")
    return ", ".join(f"{copied.get(t, 0):,} {t.replace('_', ' ')}" for t in shown)


@click.command("push")
@click.argument("review_file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.argument("url", type=ReviewLocation())
def push_command(review_file: Path, url: str) -> None:
    """Copy the review file REVIEW_FILE into the empty server review at URL (records, decisions, links, audit)."""
    if not is_server_location(url):
        raise click.ClickException(f"{url} is not a server address; write postgresql://NAME@HOST:PORT/DATABASE")
    copied = push(review_file, with_password(str(url), ask=_ask))
    click.echo(f"pushed {_summary(copied)}")


@click.command("pull")
@click.argument("url", type=ReviewLocation())
@click.argument("copy_file", type=click.Path(dir_okay=False, path_type=Path))
def pull_command(url: str, copy_file: Path) -> None:
    """Copy the server review at URL into the new review file COPY_FILE (a snapshot to archive or read offline)."""
    if not is_server_location(url):
        raise click.ClickException(f"{url} is not a server address; write postgresql://NAME@HOST:PORT/DATABASE")
    copied = pull(with_password(str(url), ask=_ask), copy_file)
    click.echo(f"pulled {_summary(copied)} into {copy_file}")


def register(cli: click.Group) -> None:
    """Add ``curator server``, ``push`` and ``pull`` to the command line."""
    cli.add_command(server_group)
    cli.add_command(push_command)
    cli.add_command(pull_command)
