"""``curator gui``: open the window on a review.

The command line is the core's and knows nothing of the window: the window adds this command
to it through the ``curator.commands`` entry point (see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

import click

from curator.cli.common import review_option


@click.command("gui")
@review_option
@click.option("--demo", is_flag=True, help="Open the demo review (built from the bundled samples on first use; "
              "at --review or $CURATOR_REVIEW when given, never into a review with records of its own).")
def gui_command(review_path: Path | None, demo: bool) -> None:
    """Open the curation window on the review."""
    if demo:
        from curator.demo import build_demo_review

        try:
            review_path = build_demo_review(review_path)
        except (OSError, ValueError) as error:  # a review with records of its own, a folder not writable
            raise click.ClickException(str(error)) from error
    try:
        from ui.app import run
    except ImportError as error:  # PySide6's system libraries absent
        raise click.ClickException(f"the window cannot start: {error}") from error
    raise SystemExit(run(review_path))


def register(cli: click.Group) -> None:
    """Add this module's command to the ``curator`` group."""
    cli.add_command(gui_command)
