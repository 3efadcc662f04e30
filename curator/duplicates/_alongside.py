"""Work on a thread of its own while the calling thread does something else: duplicate matching while an
import writes its records (:func:`curator.duplicates.matching.link_new_records`).

The writing spends most of its time inside SQLite or the server's driver, which let go of Python's lock
meanwhile, so the matching gets a core of its own: the two take about the time of the longer, not the sum.
Each time the writing comes back from SQLite it asks for Python's lock, which the matching holds; Python
hands it over only after its switch interval, 5 ms by default, and a chunk of rows comes back a few times.
While both run, the interval is a tenth of that, so the writing waits for the lock a tenth as long.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")

#: The thread's name (tests look for it: none is left running once an import has ended, however it ended).
THREAD_NAME = "curator-import-matching"
#: Python's switch interval while both run (seconds); None leaves it as it is.
SWITCH_INTERVAL: float | None = 0.0005


def alongside(work: Callable[[], _T], meanwhile: Callable[[], None]) -> _T:
    """``work``'s result, ``work`` run on a thread while ``meanwhile`` runs here. Both have ended when this
    returns or raises: an error of ``meanwhile`` first, else ``work``'s."""
    outcome: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:  # handed to the calling thread, raised there
            outcome.append((False, error))

    thread = threading.Thread(target=run, name=THREAD_NAME, daemon=True)
    interval = sys.getswitchinterval()
    if SWITCH_INTERVAL is not None:
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
    try:
        thread.start()
        try:
            meanwhile()
        finally:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    done, value = outcome[0]
    if not done:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]
