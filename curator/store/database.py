"""The review store: one review is one SQLite file, or a database on a server (a ``postgresql://`` URL:
:mod:`curator.store.server`, its rights :mod:`curator.store.rights`). What follows is about the file.

Opening a review sets WAL, foreign keys and a busy timeout on every
connection, runs any pending migration (after a backup copy of the file)
and seeds the default exclusion reasons. Every write goes through
:meth:`Review.transaction`, so a batch is all or nothing.

A write never dies on a lock. SQLite lets one writer at a time into a file;
another Curator window or command (an import, mostly) may be writing when a
reviewer decides. :meth:`Review.transaction` takes the write lock first
(``BEGIN IMMEDIATE``), before any of its work runs, so waiting for the lock
never leaves half a transaction behind: it waits, telling ``on_wait`` about
it, for up to ``CURATOR_LOCK_WAIT`` seconds (10 minutes unless set), then
raises :class:`ReviewLocked` with nothing written.

A file Curator may not write (no write permission, a read-only disk) opens
read-only (SQLite's ``mode=ro``, which holds for root too): everything reads,
and every write raises :class:`ReviewReadOnly` before it starts.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic.migration import MigrationContext
from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine, select

from curator import APP_NAME
from curator.store import rights
from curator.store.errors import ReviewError, ReviewLocked, ReviewReadOnly, ServerRefused
from curator.store.locking import (
    BUSY_TIMEOUT_MS,
    LOCK_TRY_MS,
    LOCK_WAIT_ENV,
    OnWait,
    duration,
    is_locked,
    is_read_only,
    lock_wait_limit,
)
from curator.store.models import DEFAULT_REASONS, STAGES, ExclusionReason, Setting, utcnow
from curator.store.schema import MIGRATIONS_DIR, current_revision, head_revision, migrate
from curator.store.server import describe, is_server_location, make_server_engine, server_error, server_url

REVIEW_ENV = "CURATOR_REVIEW"
REVIEW_SUFFIX = ".curator.sqlite"


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


#: Page size of a new review file (bytes). A record holds a document of a few kilobytes: 16 KiB pages keep
#: several records each, where SQLite's default 4 KiB holds one and leaves a quarter of it empty. A review
#: of 100,000 imported records is a quarter smaller and writes faster. An existing file keeps its size.
PAGE_SIZE = 16384


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")  # only takes effect on a new, empty file: before WAL
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # No page size or journal mode: setting either is a write, which a read-only file refuses.
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def is_writable(path: Path) -> bool:
    """True when Curator may write the review file at ``path`` (a missing file: when its folder may be written)."""
    if path.exists():
        return os.access(path, os.W_OK)
    return os.access(path.parent, os.W_OK)


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on ``path`` whose every connection has WAL, foreign keys and a busy timeout.

    ``read_only`` opens the file with SQLite's ``mode=ro``: every write fails, whoever runs Curator
    (file permissions do not stop root; this does).
    """
    if read_only:
        url = f"sqlite:///file:{quote(path.resolve().as_posix())}?mode=ro&uri=true"
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _on_connect_read_only)
        return engine
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine


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


@dataclass
class Review:
    """An open review: a file, or a database on a server (``server`` then names it, ``host:port/database``)."""

    path: Path
    engine: Engine
    backup: Path | None = None
    #: True when the file cannot be written: reading works, every write raises :class:`ReviewReadOnly`.
    read_only: bool = False
    #: Told while a write waits for another writer (the command line prints a line, the window a message).
    on_wait: OnWait | None = None
    server: str | None = None
    _closed: bool = field(default=False, repr=False)

    @property
    def name(self) -> str:
        """The review's name as a reviewer sees it."""
        return self.path.name if self.server else review_name(self.path)

    @property
    def location(self) -> str:
        """Where the review lives, as a reviewer reads it: the file's path, or the server's ``host:port/database``."""
        return self.server or str(self.path)

    def session(self) -> Session:
        """A new ORM session (use as a context manager); reads only, writes use :meth:`transaction`."""
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all.

        The write lock is taken before the work runs: while another writer holds the review this waits
        (calling :attr:`on_wait`), up to :func:`lock_wait_limit`, then raises :class:`ReviewLocked`.
        A read-only review raises :class:`ReviewReadOnly`. Either way nothing was written.
        """
        self.check_writable()
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                self._begin_writing(session)
                yield session
                session.commit()
            except BaseException as error:
                session.rollback()
                if is_read_only(error):  # the file turned read-only under us (a disk remounted, say)
                    raise ReviewReadOnly(self._read_only_message()) from error
                said = server_error(error, self.server, self.engine.url.username or "") if self.server else None
                if said is not None:  # the server refusing work done on the driver's own connection (a COPY)
                    raise said from error
                raise

    def check_writable(self) -> None:
        """Raise :class:`ReviewReadOnly` when the review cannot be written (before a long job starts, say)."""
        if self.read_only:
            raise ReviewReadOnly(self._read_only_message())

    def _read_only_message(self) -> str:
        return f"this review is read-only: {self.path} cannot be written, so this change cannot be saved"

    def _begin_writing(self, session: Session) -> None:
        """Take the write lock on the session's connection, waiting while another writer holds it.

        A server locks only the rows a transaction writes: many reviewers write at once, nothing to wait for here.
        """
        if self.server:
            return
        connection: sqlite3.Connection = session.connection().connection.dbapi_connection  # type: ignore[assignment]
        limit = lock_wait_limit()
        start = time.monotonic()
        connection.execute(f"PRAGMA busy_timeout={LOCK_TRY_MS}")
        try:
            while True:
                try:
                    connection.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    if not is_locked(error):
                        raise
                waited = time.monotonic() - start
                if waited >= limit:
                    raise ReviewLocked(
                        f"another Curator window or command kept this review locked for {duration(waited)}, "
                        "so this change was not saved; try again when it has finished"
                    )
                if self.on_wait is not None:
                    self.on_wait(waited)
        finally:
            connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def close(self) -> None:
        """Close every connection (the file stays as it is on disk)."""
        if not self._closed:
            self.engine.dispose()
            self._closed = True

    def __enter__(self) -> Review:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_review(path: Path | str | None = None, *, create: bool = True, on_wait: OnWait | None = None) -> Review:
    """Open (or create) the review at ``path``; the default review when ``path`` is None.

    Pending migrations run first, after a backup copy of an existing file is
    taken beside it. A file that cannot be written opens read-only. ``on_wait``
    is told whenever a write waits for another writer (see :class:`Review`).
    ``path`` may be a ``postgresql://`` URL: the review on that server (see :func:`open_server_review`).
    Raises :class:`ReviewError` with a readable reason.
    """
    if path is None and is_server_location(os.environ.get(REVIEW_ENV, "")):
        path = os.environ[REVIEW_ENV]
    if is_server_location(path):
        return open_server_review(str(path), create=create, on_wait=on_wait)
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
    read_only = target.exists() and not is_writable(target)
    engine = make_engine(target, read_only=read_only)
    backup = None
    try:
        revision = current_revision(engine)
        head = head_revision()
        if revision != head:
            if read_only:
                raise ReviewError(f"this review is read-only: {target} was made by another version of Curator"
                                  " and cannot be upgraded without writing to it")
            if revision is not None:
                backup = backup_file(target, f"r{revision}")
            elif _has_tables(engine):
                raise ReviewError(f"{target} is an SQLite file but not a Curator review")
            migrate(engine)
        review = Review(target, engine, backup, read_only=read_only, on_wait=on_wait)
        if not read_only:
            _seed_defaults(review)
    except ReviewError:
        engine.dispose()
        raise
    except Exception as error:  # sqlite3 / SQLAlchemy errors become one readable message
        engine.dispose()
        detail = getattr(error, "orig", None) or error  # SQLite's own words, without SQLAlchemy's help links
        raise ReviewError(f"cannot open the review {target}: {detail}") from error
    return review


def open_server_review(location: str, *, create: bool = True, on_wait: OnWait | None = None) -> Review:
    """Open the review in the server database at ``location`` (a ``postgresql://`` URL).

    Creating it in an empty database (``create``) and upgrading an older schema take its owner, the lead;
    both set the rights too. Raises :class:`ReviewError` with one sentence naming the server."""
    url, engine = server_url(location), make_server_engine(location)
    name = describe(url)
    try:
        with engine.connect() as connection:
            revision = MigrationContext.configure(connection).get_current_revision()
        if revision is None and _has_tables(engine):
            raise ReviewError(f"the database {name} holds tables but no Curator review")
        if revision is None and not create:
            raise ReviewError(f"no Curator review in {name} yet; the lead creates it with `curator server init URL`")
        if revision != head_revision():
            try:
                migrate(engine)
                with engine.begin() as connection:
                    rights.grant_rights(connection)
            except ServerRefused:
                if revision is None:
                    raise
                raise ReviewError(f"the review on {name} was made by another version of Curator; its owner (the lead)"
                                  " upgrades it with `curator server init URL`") from None
        else:
            with engine.begin() as connection:
                rights.bring_rights_up_to_date(connection)
        review = Review(Path(url.database or ""), engine, on_wait=on_wait, server=name)
        _seed_defaults(review)
    except ReviewError:
        engine.dispose()
        raise
    except Exception as error:
        engine.dispose()
        detail = getattr(error, "orig", None) or error
        raise ReviewError(f"cannot open the review {name}: {str(detail).splitlines()[0]}") from error
    return review


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _seed_defaults(review: Review) -> None:
    with review.session() as session:  # most opens have nothing to seed: do not wait for the write lock then
        if (session.exec(select(ExclusionReason).limit(1)).first() is not None
                and session.get(Setting, "created_at") is not None):
            return
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


__all__ = [
    "MIGRATIONS_DIR",
    "LOCK_WAIT_ENV",
    "Review",
    "ReviewError",
    "ReviewLocked",
    "ReviewReadOnly",
    "backup_file",
    "current_revision",
    "default_review_path",
    "get_setting",
    "head_revision",
    "is_writable",
    "lock_wait_limit",
    "migrate",
    "open_review",
    "open_server_review",
    "review_name",
    "set_setting",
]
