"""Commands of dual screening: screening-mode, conflicts, resolve, agreement and pilot."""

from __future__ import annotations

from pathlib import Path

import click

from curator.cli.common import open_or_fail, print_json, reason_of, review_option, reviewer_option
from curator.review.agreement import mark_pilot, methods_sentence, reviewer_agreement
from curator.review.blind import stages_kept_from_login
from curator.review.resolution import RESOLUTION_VERDICTS, find_conflicts, resolve_conflict
from curator.review.screening_mode import (
    MODES,
    lead_reviewer,
    screening_modes,
    set_lead_reviewer,
    set_screening_mode,
)
from curator.store.database import Review
from curator.store.models import STAGES

STAGE_HELP = f"Only this stage: {' or '.join(STAGES)} (default: both)."


def _stages(stage: str | None) -> list[str]:
    """The stages a command works on; a stage that does not exist ends it with one sentence (exit 1)."""
    if stage is None:
        return list(STAGES)
    if stage not in STAGES:
        raise click.ClickException(f"there is no stage {stage!r}; the stages are {' and '.join(STAGES)}")
    return [stage]


@click.command("screening-mode")
@click.argument("mode", type=click.Choice(MODES), required=False)
@click.option("--stage", help=STAGE_HELP)
@click.option("--lead", help="Name the lead reviewer: sees every verdict and may settle any conflict"
                             " (\"\" for none).")
@click.option("--json", "as_json", is_flag=True, help="As one JSON object.")
@review_option
@reviewer_option
def screening_mode_command(mode: str | None, stage: str | None, lead: str | None, as_json: bool,
                           review_path: Path | None, reviewer: str) -> None:
    """Screen in dual (two blind reviewers per record) or single mode; alone, print each stage's mode.

    Switching keeps every decision: in dual mode a record has a verdict at a stage once two
    reviewers agree or a conflict is resolved.
    """
    if stage and not mode:
        raise click.ClickException("--stage goes with a mode: curator screening-mode dual|single --stage STAGE")
    with open_or_fail(review_path, create=False) as review:
        if mode:
            set_screening_mode(review, mode, _stages(stage), reviewer=reviewer)
        if lead is not None:
            set_lead_reviewer(review, lead, reviewer=reviewer)
        modes, named = screening_modes(review), lead_reviewer(review)
    if as_json:
        print_json({"modes": modes, "lead": named})
        return
    for each, each_mode in modes.items():
        click.echo(f"{each}: {each_mode}")
    click.echo(f"lead: {named or '(none)'}")


def _say_what_the_server_keeps(review: Review, what: str) -> bool:
    """Tell (on stderr) that the server shows this login only ``what`` it decided; True when it does."""
    kept = stages_kept_from_login(review)
    if kept:
        click.echo(f"note: in blind dual screening at {' and '.join(kept)} the server shows"
                   f" {review.engine.url.username} only {what} they decided themselves; a lead sees them all",
                   err=True)
    return bool(kept)


@click.command("conflicts")
@click.option("--stage", help=STAGE_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@review_option
def conflicts_command(stage: str | None, as_json: bool, review_path: Path | None) -> None:
    """Records whose reviewers disagree (a "maybe" against include or exclude too) and no one has resolved."""
    _stages(stage)
    with open_or_fail(review_path, create=False) as review:
        found = find_conflicts(review, stage)
        _say_what_the_server_keeps(review, "conflicts on records")
    for conflict in found:
        if as_json:
            print_json(conflict.as_dict())
            continue
        sides = "; ".join(f"{name}: {verdict}" + (f" ({conflict.reasons[name]})" if name in conflict.reasons else "")
                          for name, verdict in conflict.decisions.items())
        click.echo(f"#{conflict.record_id:<6} {conflict.stage:15} {sides}")


@click.command("resolve")
@click.argument("record_id", type=int)
@click.argument("verdict", type=click.Choice(RESOLUTION_VERDICTS))
@click.option("--stage", default="title-abstract", show_default=True, help=f"One of {', '.join(STAGES)}.")
@click.option("--reason", help="With exclude, the exclusion reason (default: the excluding reviewer's);"
                               " with include, kept as a note.")
@review_option
@reviewer_option
def resolve_command(record_id: int, verdict: str, stage: str, reason: str | None, review_path: Path | None,
                    reviewer: str) -> None:
    """Settle the reviewers' conflict on a record with a final verdict (a decision of its own, kept in the log).

    Rule: a reviewer who is part of the conflict cannot settle it unless they are the lead
    (curator screening-mode --lead NAME); a third reviewer can. Undo it like any decision.
    """
    _stages(stage)
    with open_or_fail(review_path, create=False) as review:
        try:
            decision = resolve_conflict(review, record_id, verdict, stage=stage, reviewer=reviewer, reason=reason)
        except (ValueError, LookupError) as error:
            kept = f" (the server shows {review.engine.url.username} the verdicts at {stage} only on records they" \
                   " decided: on a server a lead settles conflicts)" if stage in stages_kept_from_login(review) else ""
            raise click.ClickException(reason_of(error) + kept) from error
    click.echo(f"record {record_id}: {verdict}{' (' + decision.reason + ')' if decision.reason else ''} at {stage},"
               f" resolved by {reviewer} (settles decisions {', '.join(map(str, decision.resolves or ()))})")


@click.command("agreement")
@click.option("--stage", help=STAGE_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@review_option
def agreement_command(stage: str | None, as_json: bool, review_path: Path | None) -> None:
    """How well each pair of reviewers agrees, per stage: records both screened, % agreement, Cohen's kappa.

    Measured on include against not-include (exclude and maybe count alike) over the records
    both reviewers screened; kappa is undefined (null) when a reviewer gave every record the
    same verdict. The pilot's agreement is on its own line ("set": "pilot").
    """
    stages = _stages(stage)
    with open_or_fail(review_path, create=False) as review:
        rows = reviewer_agreement(review, stage)
        if _say_what_the_server_keeps(review, "the agreement of pairs over records"):
            login = review.engine.url.username
            rows, sentences = [row for row in rows if login in row.reviewers], []
        else:
            sentences = [s for s in (methods_sentence(review, each) for each in stages) if s]
    if as_json:
        for row in rows:
            print_json(row.as_dict())
        return
    if not rows:
        click.echo("no record has been screened by two reviewers yet")
    for row in rows:
        share = f"{row.agreement:.0%}" if row.agreement is not None else "-"
        kappa = row.kappa_undefined or f"kappa {row.kappa:.2f}"
        click.echo(f"{row.stage:15} {' & '.join(row.reviewers):24} {row.set:5} {row.records:>7} records"
                   f"  agreement {share:>4}  {kappa}  conflicts {row.conflicts} (resolved"
                   f" {sum(row.resolved_by.values())})")
    for sentence in sentences:
        click.echo(sentence)


@click.command("pilot")
@click.option("--size", type=int, required=True, help="How many records every reviewer screens first.")
@click.option("--seed", type=int, help="Repeat a draw: the same seed draws the same records.")
@click.option("--json", "as_json", is_flag=True, help="The record ids as one JSON object.")
@review_option
@reviewer_option
def pilot_command(size: int, seed: int | None, as_json: bool, review_path: Path | None, reviewer: str) -> None:
    """Mark a random sample of the records to screen at title/abstract as the pilot every reviewer screens first."""
    with open_or_fail(review_path, create=False) as review:
        try:
            chosen = mark_pilot(review, size, seed=seed, reviewer=reviewer)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    if as_json:
        print_json({"pilot": chosen})
    else:
        click.echo(f"pilot of {len(chosen)} records: {', '.join(map(str, chosen))}")


def register(cli: click.Group) -> None:
    """Add the dual-screening commands to the ``curator`` group."""
    for command in (screening_mode_command, conflicts_command, resolve_command, agreement_command, pilot_command):
        cli.add_command(command)
