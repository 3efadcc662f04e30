"""Commands on full texts: attach (one file, or a folder matched to its records), detach, extract-full-text."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from curator.cli.common import open_or_fail, print_json, reason_of, review_option, reviewer_option
from curator.fields import FIELD_KEYS
from curator.fulltext.attaching import attach_files, describe_attached
from curator.fulltext.filling import NoFullText, accept_proposals, extract_full_text
from curator.fulltext.matching import TITLE_THRESHOLD
from curator.fulltext.reading import UnreadablePdf
from curator.fulltext.storage import (
    attach_full_text,
    detach_full_text,
    full_text_of,
)
from curator.review.records import RecordNotFound


def _pdfs_in(paths: tuple[Path, ...]) -> tuple[list[Path], list[str]]:
    """The PDF files named or inside the folders named (sorted), and the paths that are neither."""
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    return files, problems


@click.command("attach")
@click.argument("targets", nargs=-1, required=True, metavar="ID FILE.pdf | --match FOLDER...")
@click.option("--match", "match", is_flag=True,
              help="Attach every PDF in the folders (and files) given to the record it reports: by its DOI, PMID, "
                   f"PMCID or registry id, else by its title (at least {TITLE_THRESHOLD}% alike).")
@review_option
@reviewer_option
def attach_command(targets: tuple[str, ...], match: bool, review_path: Path | None, reviewer: str) -> None:
    """Attach a full text (PDF) to a record, or --match a folder of PDFs to their records.

    The file is stored inside the review (once, however many records it is attached to).
    Exit status: 0 when every file was attached, 1 when some were not (each listed with the reason).
    """
    if not match:
        if len(targets) != 2 or not targets[0].isdigit():
            raise click.UsageError("give a record id and a PDF file (or --match FOLDER)")
        record_id, path = int(targets[0]), Path(targets[1])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise click.ClickException(f"{path.name}: cannot be read ({error.strerror or error})") from error
        with open_or_fail(review_path, create=False) as review:
            try:
                attached = attach_full_text(review, record_id, path.name, data, reviewer=reviewer)
            except UnreadablePdf as error:
                raise click.ClickException(f"{path.name}: {error}") from error
            except RecordNotFound as error:
                raise click.ClickException(reason_of(error)) from error
        click.echo(describe_attached(attached, record_id, path.name))
        return
    files, failed = _pdfs_in(tuple(Path(t) for t in targets))
    with open_or_fail(review_path, create=False) as review:
        report = attach_files(review, files, reviewer=reviewer)
    for line in report.attached:
        click.echo(line)
    click.echo(report.headline)
    for line in [*failed, *report.failed]:
        click.echo(f"  {line}", err=True)
    if failed or report.failed:
        sys.exit(1)


@click.command("detach")
@click.argument("record_id", type=int)
@review_option
@reviewer_option
def detach_command(record_id: int, review_path: Path | None, reviewer: str) -> None:
    """Detach a record's full text (the file stays in the review's audit trail)."""
    with open_or_fail(review_path, create=False) as review:
        try:
            info = detach_full_text(review, record_id, reviewer=reviewer)
        except RecordNotFound as error:
            raise click.ClickException(reason_of(error)) from error
    if info is None:
        raise click.ClickException(f"record {record_id} has no full text attached")
    click.echo(f"record {record_id}: {info.file_name} detached")


@click.command("extract-full-text")
@click.argument("record_id", type=int)
@click.option("--accept", "accept", multiple=True, type=click.Choice(FIELD_KEYS), metavar="FIELD",
              help="Take the full text's proposed value for FIELD into the form (repeat for several).")
@click.option("--json", "as_json", is_flag=True, help="As one JSON object (values with their page evidence).")
@review_option
@reviewer_option
def extract_full_text_command(record_id: int, accept: tuple[str, ...], as_json: bool, review_path: Path | None,
                              reviewer: str) -> None:
    """Read a record's attached full text into its form: empty fields are filled, others get proposals.

    A field the reviewer edited is never overwritten. Every value keeps its evidence: page and words.
    """
    with open_or_fail(review_path, create=False) as review:
        try:
            if accept:
                taken = accept_proposals(review, record_id, accept, reviewer=reviewer)
                click.echo(f"record {record_id}: took {', '.join(taken)} from the full text")
                return
            filling = extract_full_text(review, record_id, reviewer=reviewer)
        except UnreadablePdf as error:
            info = full_text_of(review, record_id)
            name = info.file_name if info else "the file"
            raise click.ClickException(f"{name} (record {record_id}'s full text): {error}") from error
        except (NoFullText, RecordNotFound, ValueError) as error:
            raise click.ClickException(reason_of(error)) from error
    if as_json:
        print_json(filling.as_json())
        return
    click.echo(f"record {record_id}: from {filling.file_name}, {len(filling.filled)} fields filled, "
               f"{len(filling.proposed)} proposed, {len(filling.agreed)} agree")
    for mark, items in (("filled", filling.filled), ("proposed", filling.proposed)):
        for item in items:
            pages = sorted({e["page"] for e in item.evidence})
            where = f" (page {', '.join(map(str, pages))})" if pages else ""
            shown = "; ".join(map(str, item.value)) if isinstance(item.value, list) else str(item.value)
            now = f"  [form: {item.current!r}]" if mark == "proposed" else ""
            click.echo(f"{mark:>9} {item.key:>18}: {shown[:200]}{where}{now}")
    if filling.proposed:
        click.echo(f"take a proposal with `curator extract-full-text {record_id} --accept FIELD`")


def register(cli: click.Group) -> None:
    """Add this module's commands to the ``curator`` group."""
    for command in (attach_command, detach_command, extract_full_text_command):
        cli.add_command(command)
