"""The review store: one review is one SQLite file.

Opening a review sets WAL, foreign keys and a busy timeout on every
connection, runs any pending migration (after a backup copy of the file)
and seeds the default exclusion reasons. Every write goes through
:meth:`Review.transaction`, so a batch is all or nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine, select

from curator import APP_NAME
from curator.store.models import DEFAULT_REASONS, STAGES, ExclusionReason, Setting, utcnow

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
REVIEW_ENV = "CURATOR_REVIEW"
REVIEW_SUFFIX = ".curator.sqlite"


class ReviewError(Exception):
    """A review file cannot be opened or written; the message says why, for the reviewer."""


def default_review_path() -> Path:
    """The review used when none is named: ``CURATOR_REVIEW`` or the user-data folder's default."""
    named = os.environ.get(REVIEW_ENV)
    if named:
        return Path(named).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / f"review{REVIEW_SUFFIX}"


def review_name(path: Path) -> str:
    """The name a reviewer sees for a review file (its file name without the suffix)."""
    name = path.name
    for suffix in (REVIEW_SUFFIX, ".sqlite", ".db"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision this version of Curator knows."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


#: Page size of a new review file (bytes). A record holds a document of a few kilobytes: 16 KiB pages keep
#: several records each, where SQLite's default 4 KiB holds one and leaves a quarter of it empty. A review
#: of 100,000 imported records is a quarter smaller and writes faster. An existing file keeps its size.
PAGE_SIZE = 16384


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")  # only takes effect on a new, empty file: before WAL
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine on ``path`` whose every connection has WAL, foreign keys and a busy timeout."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in a review file (None for a new, empty file)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_file(path: Path, label: str) -> Path:
    """A consistent copy of the review beside it (SQLite's online backup, so WAL content is included)."""
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{review_name(path)}.backup-{label}-{stamp}{REVIEW_SUFFIX}")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def migrate(engine: Engine, target: str = "head") -> None:
    """Upgrade the schema of ``engine``'s file to ``target`` in one transaction."""
    config = _alembic_config()
    script = ScriptDirectory.from_config(config)

    def upgrade(revision: Any, _context: Any) -> Any:
        return script._upgrade_revs(target, revision)

    with engine.begin() as connection, EnvironmentContext(config, script, fn=upgrade, destination_rev=target) as env:
        env.configure(connection=connection, target_metadata=None, transactional_ddl=True)
        with env.begin_transaction():
            env.run_migrations()


@dataclass
class Review:
    """An open review file."""

    path: Path
    engine: Engine
    backup: Path | None = None
    _closed: bool = field(default=False, repr=False)

    @property
    def name(self) -> str:
        """The review's name as a reviewer sees it."""
        return review_name(self.path)

    def session(self) -> Session:
        """A new ORM session (use as a context manager); reads only, writes use :meth:`transaction`."""
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        """Close every connection (the file stays as it is on disk)."""
        if not self._closed:
            self.engine.dispose()
            self._closed = True

    def __enter__(self) -> Review:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_review(path: Path | str | None = None, *, create: bool = True) -> Review:
    """Open (or create) the review at ``path``; the default review when ``path`` is None.

    Pending migrations run first, after a backup copy of an existing file is
    taken beside it. Raises :class:`ReviewError` with a readable reason.
    """
    target = Path(path).expanduser() if path is not None else default_review_path()
    if target.is_dir():
        raise ReviewError(f"{target} is a folder, not a review file")
    if not target.exists():
        if not create:
            raise ReviewError(f"no review at {target}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReviewError(f"cannot create a review at {target}: {error.strerror}") from error
    elif target.stat().st_size > 0:
        with open(target, "rb") as handle:
            if not handle.read(16).startswith(b"SQLite format 3"):
                raise ReviewError(f"{target} is not a Curator review (not an SQLite file)")
    engine = make_engine(target)
    backup = None
    try:
        revision = current_revision(engine)
        head = head_revision()
        if revision != head:
            if revision is not None:
                backup = backup_file(target, f"r{revision}")
            elif _has_tables(engine):
                raise ReviewError(f"{target} is an SQLite file but not a Curator review")
            migrate(engine)
        review = Review(target, engine, backup)
        _seed_defaults(review)
    except ReviewError:
        engine.dispose()
        raise
    except Exception as error:  # sqlite3 / SQLAlchemy errors become one readable message
        engine.dispose()
        detail = getattr(error, "orig", None) or error  # SQLite's own words, without SQLAlchemy's help links
        raise ReviewError(f"cannot open the review {target}: {detail}") from error
    return review


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar()
    return bool(rows)


def _seed_defaults(review: Review) -> None:
    with review.transaction() as session:
        if session.exec(select(ExclusionReason).limit(1)).first() is None:
            for stage in STAGES:
                for position, label in enumerate(DEFAULT_REASONS):
                    session.add(ExclusionReason(stage=stage, position=position, label=label))
        if session.get(Setting, "created_at") is None:
            session.add(Setting(key="created_at", value=utcnow().isoformat(timespec="seconds")))


def get_setting(review: Review, key: str, default: Any = None) -> Any:
    """A per-review setting, or ``default``."""
    with review.session() as session:
        setting = session.get(Setting, key)
        return default if setting is None else setting.value


def set_setting(review: Review, key: str, value: Any) -> None:
    """Store a per-review setting."""
    with review.transaction() as session:
        setting = session.get(Setting, key)
        if setting is None:
            session.add(Setting(key=key, value=value))
        else:
            setting.value = value
            session.add(setting)


def copy_review(review: Review, target: Path) -> Path:
    """Write a consistent copy of the review to ``target`` (Save a copy / backups)."""
    with review.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        copy = sqlite3.connect(target)
        try:
            raw.backup(copy)  # type: ignore[attr-defined]
        finally:
            copy.close()
    return target


__all__ = [
    "Review",
    "ReviewError",
    "backup_file",
    "copy_review",
    "default_review_path",
    "get_setting",
    "head_revision",
    "open_review",
    "review_name",
    "set_setting",
]
