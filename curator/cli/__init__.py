"""The ``curator`` command line: every command scriptable, with --help and a non-zero exit on bad input."""

from __future__ import annotations

import importlib

import click

from curator import __version__

# Each module adds its commands to the group; one module per area of work.
COMMAND_MODULES = (
    "review_commands",
    "import_commands",
    "duplicate_commands",
    "report_commands",
    "ranking_commands",
    "gui_command",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="curator")
def cli() -> None:
    """Curator: screen, curate and report the sources of a systematic review.

    Every command works on one review file: --review PATH, or the CURATOR_REVIEW
    environment variable, or the default review in your user-data folder.
    """


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            continue
        module.register(cli)


_register()


def main() -> None:
    """Entry point of the ``curator`` console script."""
    cli(prog_name="curator")
