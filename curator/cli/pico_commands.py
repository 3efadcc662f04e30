"""Finding the PICO of imported bibliographic records: after each import, and on demand (``find-pico``)."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import click

from curator.cli.common import open_or_fail, review_option, reviewer_option
from curator.review.pico_filling import PicoFill, PicoNotAllowed, fill_pico, records_waiting
from curator.store.database import Review


def find_pico(review: Review, reviewer: str) -> PicoFill | None:
    """Fill the PICO of the records still waiting, with a progress line; Ctrl+C stops it after the batch
    being written (what was found stays, the rest waits for the next fill). None when none is waiting or
    this login may not write extracted values (said in one line)."""
    waiting = records_waiting(review)
    if not waiting:
        return None
    try:
        if sys.stderr.isatty():
            with click.progressbar(length=waiting, label=f"Finding PICO in {_records(waiting)}", file=sys.stderr) as bar:
                filled = _interruptible(review, reviewer, lambda done, _total: bar.update(done - bar.pos))
        else:
            click.echo(f"Finding PICO in {_records(waiting)}", err=True)
            filled = _interruptible(review, reviewer, None)
    except PicoNotAllowed as refused:
        click.echo(f"PICO not searched: {refused}", err=True)
        return None
    if filled.stopped:
        click.echo(f"PICO: stopped after {filled.sought} records; {filled.waiting} still waiting "
                   "(`curator find-pico` carries on)", err=True)
    else:
        click.echo(f"PICO: found in {filled.found} of {filled.sought} records")
    return filled


def _interruptible(review: Review, reviewer: str, progress: Callable[[int, int], None] | None) -> PicoFill:
    """The fill, stopped by Ctrl+C after the batch being written (nothing half-written)."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        return fill_pico(review, reviewer=reviewer, progress=progress, cancelled=stop.is_set)
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    try:
        return fill_pico(review, reviewer=reviewer, progress=progress, cancelled=stop.is_set)
    finally:
        signal.signal(signal.SIGINT, previous)


@click.command("find-pico")
@review_option
@reviewer_option
def find_pico_command(review_path: Path | None, reviewer: str) -> None:
    """Find the PICO of imported bibliographic records not read yet (their title and abstract, or title alone).

    Runs after every import by itself; this carries on after a stopped one. Only extracted values are
    written: a reviewer's edited value stays.
    """
    with open_or_fail(review_path) as review:
        if find_pico(review, reviewer) is None and not records_waiting(review):
            click.echo("PICO: no record is waiting")


def register(cli: click.Group) -> None:
    """Add this module's commands to the ``curator`` group."""
    cli.add_command(find_pico_command)


def _records(count: int) -> str:
    return "1 record" if count == 1 else f"{count} records"  # a title alone is read too
