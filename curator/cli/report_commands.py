"""Commands that report a review: ``prisma`` (counts, checks, the diagram) and ``export``."""

from __future__ import annotations

from pathlib import Path

import click

from curator.cli.common import open_or_fail, print_json, review_option

FILE = click.Path(dir_okay=False, path_type=Path)


@click.command("prisma")
@review_option
@click.option("--json", "as_json", is_flag=True, help="The counts as one JSON object (PRISMA2020 package keys).")
@click.option("--png", "png", type=FILE, help="Draw the flow diagram to this PNG file.")
@click.option("--svg", "svg", type=FILE, help="Draw the flow diagram to this SVG file.")
def prisma_command(review_path: Path | None, as_json: bool, png: Path | None, svg: Path | None) -> None:
    """The PRISMA 2020 counts, computed from the records, with the checks of their arithmetic."""
    from curator.export.flow_diagram import write_diagram
    from curator.export.output import ExportError
    from curator.prisma.counts import prisma_counts
    from curator.prisma.diagram import box_texts
    from curator.review.agreement import reviewer_agreement

    with open_or_fail(review_path, create=False) as review:
        _check_every_verdict_seen(review, "the PRISMA counts")
        counts = prisma_counts(review)
        agreement = [a.as_dict() for a in reviewer_agreement(review)] if as_json else []
    for path, kind in ((png, "png"), (svg, "svg")):
        if path is not None:
            try:
                write_diagram(counts, path, kind)
            except ExportError as error:
                raise click.ClickException(str(error)) from error
            if not as_json:
                click.echo(f"diagram written to {path}")
    if as_json:
        print_json(counts.as_dict() | {"agreement": agreement})
        return
    for lines in box_texts(counts).values():
        click.echo("\n".join(line.replace("\u00a0", " ") for line in lines))
        click.echo("")
    click.echo("Checks:")
    for check in counts.checks:
        mark = {"holds": "ok  ", "open": "open", "broken": "NO  "}[check.status]
        click.echo(f"  {mark} {check.rule}: {check.left} vs {check.right}"
                   + (f" ({check.explanation})" if check.explanation else ""))
    for problem in counts.inconsistencies:
        click.echo(f"  !   {problem}")


@click.command("export")
@review_option
@click.option("--xlsx", type=FILE, help="The Excel workbook (PRISMA 2020, records, included, excluded, log, sources).")
@click.option("--csv", "csv_path", type=FILE, help="Every record as CSV.")
@click.option("--ris", type=FILE, help="The included records as RIS, for reference managers.")
@click.option("--prisma-csv", "prisma_csv", type=FILE, help="The PRISMA2020 package's CSV template, filled in.")
@click.option("--robvis", type=FILE, help="The RoB 2 judgements as robvis's ROB2 CSV (Study, D1-D5, Overall, Weight).")
@click.option("--rob-plots", "rob_plots", type=click.Path(file_okay=False, path_type=Path),
              help="A folder for the RoB 2 traffic-light and summary plots (PNG), drawn as robvis draws them.")
def export_command(review_path: Path | None, xlsx: Path | None, csv_path: Path | None, ris: Path | None,
                   prisma_csv: Path | None, robvis: Path | None, rob_plots: Path | None) -> None:
    """Export the review: give one or more of --xlsx, --csv, --ris, --prisma-csv, --robvis, --rob-plots."""
    from curator.export import ExportError, export_csv, export_prisma_csv, export_ris, export_workbook
    from curator.export.risk_of_bias import export_robvis
    from curator.export.rob_plots import write_rob_plots
    from curator.prisma.counts import prisma_counts

    if not any((xlsx, csv_path, ris, prisma_csv, robvis, rob_plots)):
        raise click.UsageError("name at least one file: --xlsx, --csv, --ris, --prisma-csv, --robvis or --rob-plots")
    with open_or_fail(review_path, create=False) as review:
        if any((xlsx, csv_path, ris, prisma_csv)):
            _check_every_verdict_seen(review, "the exported PRISMA counts and verdicts")
        try:
            if robvis is not None:  # first: an appraisal still open stops the export before anything is written
                click.echo(f"robvis ROB2 table written to {export_robvis(review, robvis)}")
            if rob_plots is not None:
                for written in write_rob_plots(review, rob_plots):
                    click.echo(f"plot written to {written}")
            counts = prisma_counts(review)  # once for every file asked for
            if xlsx is not None:
                click.echo(f"workbook written to {export_workbook(review, xlsx, counts=counts)}")
            if csv_path is not None:
                click.echo(f"records written to {export_csv(review, csv_path, counts=counts)}")
            if ris is not None:
                click.echo(f"included records written to {export_ris(review, ris, counts=counts)}")
            if prisma_csv is not None:
                click.echo(f"PRISMA2020 template written to {export_prisma_csv(review, prisma_csv, counts=counts)}")
        except ExportError as error:
            raise click.ClickException(str(error)) from error


def _check_every_verdict_seen(review: object, needed_for: str) -> None:
    from curator.review.blind import check_every_verdict_seen

    try:
        check_every_verdict_seen(review, needed_for)  # type: ignore[arg-type]
    except ValueError as error:
        raise click.ClickException(str(error)) from error


def register(cli: click.Group) -> None:
    """Add ``prisma`` and ``export`` to the command line."""
    cli.add_command(prisma_command)
    cli.add_command(export_command)
