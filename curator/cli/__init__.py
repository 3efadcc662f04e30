"""The ``curator`` command line: every command scriptable, with --help and a non-zero exit on bad input."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

import click

from curator import __version__
from curator.store.database import ReviewError

# Each module adds its commands to the group; one module per area of work.
COMMAND_MODULES = (
    "review_commands",
    "import_commands",
    "duplicate_commands",
    "report_commands",
    "appraisal_commands",
    "fulltext_commands",
    "dual_commands",
    "ranking_commands",
    "server_commands",
    "pico_commands",
)
#: Packages that add commands of their own (the window adds ``curator gui``) name a
#: ``register(cli)`` function under this entry-point group.
COMMAND_ENTRY_POINTS = "curator.commands"


class _CuratorCommands(click.Group):
    """The command group; a review that cannot be written (read-only, locked too long) ends any command the same way."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ReviewError as error:  # one sentence and exit 1, never a traceback; the store wrote nothing
            raise click.ClickException(str(error)) from error


@click.group(cls=_CuratorCommands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    for entry_point in entry_points(group=COMMAND_ENTRY_POINTS):
        try:
            register = entry_point.load()
        except ImportError:
            continue  # that part is not installed here (the window without Qt): its commands are absent
        register(cli)


_register()


def main() -> None:
    """Entry point of the ``curator`` console script."""
    cli(prog_name="curator")
