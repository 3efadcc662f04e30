"""Commands of the relevance ranking: ranking (its state), rank (the benchmark protocol), simulate (a replay)."""

from __future__ import annotations

from pathlib import Path

import click

from curator.cli.common import open_or_fail, print_json, review_option, reviewer_option
from curator.store.models import STAGES


@click.command("ranking")
@review_option
@click.option("--stage", type=click.Choice(STAGES), default="title-abstract", show_default=True)
@click.option("--by", "by_reviewer", metavar="REVIEWER",
              help="Learn from this reviewer's decisions only (default: the agreed decisions).")
@click.option("--json", "as_json", is_flag=True, help="As one JSON object.")
@click.option("--draw-sample", "sample_size", type=click.IntRange(min=1), metavar="N",
              help="First draw N random undecided records (of --by's decisions, if named) to screen: once they are"
                   " decided, the estimate of the includes left comes from them.")
@click.option("--seed", type=int, help="With --draw-sample: the seed of the draw (default: a random one, kept).")
@reviewer_option
def ranking_command(review_path: Path | None, stage: str, by_reviewer: str | None, as_json: bool,
                    sample_size: int | None, seed: int | None, reviewer: str) -> None:
    """The relevance ranking of a stage: what it learnt from, and how many includes may be left."""
    from curator.ranking.relevance import rank_undecided
    from curator.ranking.remaining_sample import draw_sample

    if seed is not None and sample_size is None:
        raise click.UsageError("--seed goes with --draw-sample")
    with open_or_fail(review_path, create=False) as review:
        if sample_size is not None:
            try:
                drawn = draw_sample(review, sample_size, stage, by_reviewer, seed=seed, actor=reviewer)
            except ValueError as error:
                raise click.ClickException(str(error)) from error
            if not as_json:
                click.echo(f"sample of {len(drawn.ids)} drawn (seed {drawn.seed}); screen records"
                           f" {', '.join(str(i) for i in drawn.ids)}")
        state = rank_undecided(review, stage, by_reviewer, estimate=True).summary()
    if as_json:
        print_json(state)
        return
    remaining = state["estimated_remaining"]
    click.echo(f"model: {state['model']}")
    click.echo(f"trained on: {state['trained_on']['include']} include (or maybe),"
               f" {state['trained_on']['exclude']} exclude; at {state['trained_at'] or '-'}")
    click.echo(f"undecided: {state['undecided']}; excludes since the last include: {state['consecutive_irrelevant']}")
    if remaining.get("value") is None:
        click.echo(f"includes left: not estimated ({remaining.get('reason')})")
    else:
        interval = remaining.get("interval")
        between = f", 95% interval {interval[0]}-{interval[1]}" if interval else ""
        click.echo(f"includes left: about {remaining['value']} ({remaining['method']}{between})")
    if remaining.get("sample_reason"):
        click.echo(f"random sample: {remaining['sample_reason']}")


@click.command("rank")
@click.option("--jsonl", is_flag=True, help="Serve the JSON-lines protocol of the ranking benchmark on stdin/stdout.")
def rank_command(jsonl: bool) -> None:
    """Serve the relevance model to the shared ranking benchmark (JSON lines on stdin and stdout)."""
    if not jsonl:
        raise click.UsageError("only --jsonl is offered: `curator rank --jsonl`")
    from curator.ranking.protocol import serve

    serve()


def _ids(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


@click.command("simulate")
@click.argument("screening", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--prior-included", metavar="IDS", help="Ids of the records known to be included at the start (comma-separated).")
@click.option("--prior-excluded", metavar="IDS", help="Ids of the records known to be excluded at the start (comma-separated).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Draws one prior include and one prior exclude when none are named (as the benchmark does).")
@click.option("--json", "as_json", is_flag=True, help="As one JSON object.")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="Write the recall curve to this PNG.")
def simulate_command(screening: Path, prior_included: str | None, prior_excluded: str | None, seed: int,
                     as_json: bool, plot: Path | None) -> None:
    """Replay a finished screening (CSV with a 'label' or 'included' column, 1 = include; or ASReview RIS).

    Reports the work saved over screening at random at 95% recall (WSS@95), the recall after
    10% of the records, and the records screened to find 95% and 100% of the includes.
    """
    from curator.ranking.replay import ScreeningFileError, read_screening, replay

    included, excluded = _ids(prior_included), _ids(prior_excluded)
    if bool(included) != bool(excluded):
        raise click.UsageError("name both --prior-included and --prior-excluded, or neither")
    try:
        result = replay(read_screening(screening), seed=seed, prior_included=included, prior_excluded=excluded)
    except ScreeningFileError as error:
        raise click.ClickException(str(error)) from error
    figures = result.figures()
    if plot is not None:
        from curator.ranking.recall_curve import write_recall_curve

        try:
            write_recall_curve(result, plot, screening.name)
        except OSError as error:
            raise click.ClickException(f"cannot write {plot}: {error.strerror or error}") from error
    if as_json:
        print_json(figures | {"seed": seed})
        return
    click.echo(f"{screening.name}: {figures['records']} records, {figures['includes']} includes;"
               f" priors {', '.join(result.priors_included)} (include), {', '.join(result.priors_excluded)} (exclude)")
    click.echo(f"WSS@95: {figures['wss95']:.3f}  recall at 10%: {figures['recall10']:.3f}"
               f"  screened to 95%: {figures['screened95']}  to 100%: {figures['screened100']}")
    if plot is not None:
        click.echo(f"recall curve written to {plot}")


def register(cli: click.Group) -> None:
    """Add ``ranking``, ``rank`` and ``simulate`` to the command line."""
    cli.add_command(ranking_command)
    cli.add_command(rank_command)
    cli.add_command(simulate_command)
