"""Moving a review between a file and a server: ``curator push`` and ``curator pull``."""

from __future__ import annotations

from pathlib import Path

import click

from curator.cli.common import ReviewLocation
from curator.store.moving import pull, push
from curator.store.server import is_server_location, with_password


def _ask(prompt: str) -> str | None:
    import os

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
    """Add ``curator push`` and ``curator pull`` to the command line."""
    cli.add_command(push_command)
    cli.add_command(pull_command)
