"""Commands that read files: import (into a review) and extract (no review)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from curator.cli.common import open_or_fail, print_json, review_option, reviewer_option
from curator.cli.pico_commands import find_pico
from curator.extraction.entry_pico import fill_entry_pico
from curator.importers import Entry, Problem, expand_paths, read_path
from curator.importers.batch import ImportSummary, import_paths
from curator.store.models import SOURCE_KINDS


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--source", "source_name", help="Name of the database / register / site (default: guessed).")
@click.option("--source-kind", type=click.Choice(SOURCE_KINDS), help="What kind of source (default: guessed).")
@review_option
@reviewer_option
def import_command(paths: tuple[Path, ...], source_name: str | None, source_kind: str | None,
                   review_path: Path | None, reviewer: str) -> None:
    """Import files and folders into the review (all or nothing per run).

    Exit status: 0 when everything imported, 1 when some files or entries
    failed (the rest is imported), 2 on bad usage.
    """
    with open_or_fail(review_path) as review:
        if sys.stderr.isatty():
            with click.progressbar(length=1, label="Reading", file=sys.stderr) as bar:
                def progress(done: int, total: int, name: str) -> None:
                    bar.length = max(total, 1)
                    # After the last file: "saving", then "finding duplicates" (the write, holding the review).
                    bar.label = f"Reading {name[:40]}" if done < total else name.capitalize()
                    bar.update(done - bar.pos)

                summary = import_paths(review, paths, reviewer=reviewer, source_name=source_name,
                                       source_kind=source_kind, progress=progress)
        else:
            summary = import_paths(review, paths, reviewer=reviewer, source_name=source_name,
                                   source_kind=source_kind)
        _print_summary(summary, str(review.path))
        find_pico(review, reviewer)  # after the import's transaction: the records are saved whatever happens here
    if summary.failed:
        sys.exit(1)


def _print_summary(summary: ImportSummary, where: str) -> None:
    click.echo(f"{summary.headline} (into {where})")
    for source in summary.sources:
        click.echo(f"  source: {source}")
    click.echo(f"Duplicates: {summary.duplicates} (linked, not deleted)")
    if summary.failed:
        click.echo(f"Failed: {len(summary.failed)}", err=True)
        for problem in summary.failed:
            click.echo(f"  {problem}", err=True)
    else:
        click.echo("Failed: 0")


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document (per entry) per line.")
def extract_command(paths: tuple[Path, ...], as_json: bool) -> None:
    """Extract the fields of documents without touching any review."""
    files, problems = expand_paths(paths)
    failed = list(problems)
    for path in files:
        for item in read_path(path):
            if isinstance(item, Problem):
                failed.append(item)
                continue
            _print_entry(item, as_json)
    for problem in failed:
        click.echo(f"Error: {problem}", err=True)
    if failed:
        sys.exit(1)


def _print_entry(entry: Entry, as_json: bool) -> None:
    fill_entry_pico(entry.fields, entry.text)  # a bibliographic entry's PICO, from its title and abstract
    fields = dict(entry.fields)
    fields["source"] = entry.source
    if as_json:
        print_json(fields)
        return
    click.echo(f"== {entry.source} ({fields.get('kind')}, {fields.get('profile')})")
    for key, value in fields.items():
        if key in ("evidence", "source", "kind", "profile") or value in (None, [], ""):
            continue
        if key == "pico":
            for part, text in value.items():
                if text:
                    click.echo(f"  pico.{part}: {text}")
            continue
        shown = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
        click.echo(f"  {key}: {shown[:200]}")


def register(cli: click.Group) -> None:
    """Add this module's commands to the ``curator`` group."""
    cli.add_command(import_command)
    cli.add_command(extract_command)
