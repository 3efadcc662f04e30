"""The schema of a review and its upgrades: the Alembic migrations, run when a review is opened.

The same migrations build a review in an SQLite file and in a PostgreSQL database: each
one asks the dialect it runs on (``op.get_bind().dialect.name``) where the two differ
(the search index, SQLite's PRAGMAs and triggers).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision this version of Curator knows."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in a review file (None for a new, empty file)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine, target: str = "head") -> None:
    """Upgrade the schema of ``engine``'s review to ``target`` in one transaction."""
    _run(engine, target, lambda script, revision: script._upgrade_revs(target, revision))


def downgrade(engine: Engine, target: str) -> None:
    """Take the schema of ``engine``'s review back to ``target`` ("base": nothing), in one transaction."""
    _run(engine, target, lambda script, revision: script._downgrade_revs(target, revision))


def _run(engine: Engine, target: str, steps: Any) -> None:
    config = _alembic_config()
    script = ScriptDirectory.from_config(config)
    with engine.begin() as connection, EnvironmentContext(
            config, script, fn=lambda revision, _context: steps(script, revision), destination_rev=target) as env:
        env.configure(connection=connection, target_metadata=None, transactional_ddl=True)
        with env.begin_transaction():
            env.run_migrations()


def revisions() -> list[str]:
    """Every schema revision this version of Curator knows, oldest first."""
    script = ScriptDirectory.from_config(_alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions("base", "heads")))]
