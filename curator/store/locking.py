"""Waiting for the write lock of a review file: how long, and how SQLite says it is locked or read-only.

SQLite lets one writer at a time into a file; :meth:`curator.store.database.Review.transaction`
waits for the lock with these limits. A server review never waits here: PostgreSQL locks rows.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable

#: How long a write waits for another writer to finish (seconds): this variable, else the default.
LOCK_WAIT_ENV = "CURATOR_LOCK_WAIT"
DEFAULT_LOCK_WAIT = 600.0  # generous: a reviewer would rather wait for a very large import than lose a decision
#: Each try for the write lock waits this long inside SQLite (ms): short, so ``on_wait`` hears about a wait at once.
LOCK_TRY_MS = 250
#: How long SQLite waits for any other lock (a reader during a checkpoint, say) before giving up (ms).
BUSY_TIMEOUT_MS = 10000

#: Called while a write waits for the lock, with the seconds waited so far: first when the wait begins, then
#: about every quarter of a second.
OnWait = Callable[[float], None]


def lock_wait_limit() -> float:
    """Seconds a write waits for the write lock: ``CURATOR_LOCK_WAIT`` if it is a number, else 10 minutes."""
    try:
        return max(0.0, float(os.environ.get(LOCK_WAIT_ENV, "")))
    except ValueError:
        return DEFAULT_LOCK_WAIT


def duration(seconds: float) -> str:
    """ "10 minutes", "3 seconds": a wait as a reviewer reads it."""
    if seconds >= 120:
        return f"{seconds / 60:.0f} minutes"
    return f"{seconds:.0f} second{'' if round(seconds) == 1 else 's'}"


def is_locked(error: BaseException) -> bool:
    """True when ``error`` is SQLite saying the file is locked by another writer."""
    detail = getattr(error, "orig", None) or error  # SQLAlchemy wraps sqlite3's error
    return isinstance(detail, sqlite3.OperationalError) and "locked" in str(detail)


def is_read_only(error: BaseException) -> bool:
    """True when ``error`` is SQLite refusing to write a read-only file."""
    detail = getattr(error, "orig", None) or error
    return isinstance(detail, sqlite3.OperationalError) and "readonly database" in str(detail)
