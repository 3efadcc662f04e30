"""``curator duplicates``: list the duplicate links (sure and possible), confirm, undo or reject one."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from curator.cli.common import open_or_fail, print_json, review_option, reviewer_option
from curator.duplicates import links as duplicate_links


@click.group("duplicates", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per link per line.")
@click.option("--all", "show_all", is_flag=True, help="Show undone links too.")
@review_option
@click.pass_context
def duplicates_group(ctx: click.Context, as_json: bool, show_all: bool, review_path: Path | None) -> None:
    """List duplicate links (a duplicate is linked to the record it repeats, never deleted).

    A link marked possible is a pair Curator was unsure of: it is not counted as a
    duplicate until confirmed (curator duplicates confirm ID, or reject ID).
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_or_fail(review_path, create=False) as review:
        links = duplicate_links.list_links(review, include_undone=show_all)
    for link in links:
        if as_json:
            print_json(asdict(link))
        else:
            verb = "may repeat" if link.status == "possible" else "repeats"
            click.echo(f"{link.id:>6}  record {link.record_id} {verb} {link.duplicate_of_id}  "
                       f"[{link.method}, {link.score:.2f}, {link.status}]  {link.record_title[:60]}")
    if not as_json:
        possible = sum(1 for link in links if link.status == "possible")
        click.echo(f"{sum(1 for link in links if link.counts)} duplicate links"
                   + (f", {possible} possible (confirm or reject them)" if possible else ""))


def _change(action: str, link_id: int, review_path: Path | None, reviewer: str) -> None:  # confirm, undo, reject
    with open_or_fail(review_path, create=False) as review:
        try:
            change = duplicate_links.confirm_link if action == "confirm" else duplicate_links.undo_link
            link = change(review, link_id, reviewer=reviewer)
        except duplicate_links.LinkNotFound as error:
            raise click.ClickException(str(error)) from error
    verb = "confirmed" if link.confirmed else ("rejected" if action == "reject" else "undone")
    click.echo(f"link {link.id} {verb}: record {link.record_id} / {link.duplicate_of_id}")


@duplicates_group.command("confirm")
@click.argument("link_id", type=int)
@review_option
@reviewer_option
def confirm_command(link_id: int, review_path: Path | None, reviewer: str) -> None:
    """Confirm duplicate link LINK_ID (the record does repeat the other)."""
    _change("confirm", link_id, review_path, reviewer)


@duplicates_group.command("undo")
@click.argument("link_id", type=int)
@review_option
@reviewer_option
def undo_command(link_id: int, review_path: Path | None, reviewer: str) -> None:
    """Undo duplicate link LINK_ID (kept in the log, no longer counted)."""
    _change("undo", link_id, review_path, reviewer)


@duplicates_group.command("reject")
@click.argument("link_id", type=int)
@review_option
@reviewer_option
def reject_command(link_id: int, review_path: Path | None, reviewer: str) -> None:
    """Reject link LINK_ID, a possible duplicate or any other (kept in the log, not counted)."""
    _change("reject", link_id, review_path, reviewer)


def register(cli: click.Group) -> None:
    """Add this module's commands to the ``curator`` group."""
    cli.add_command(duplicates_group)
