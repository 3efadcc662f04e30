"""Work on a thread of its own while the calling thread does something else: duplicate matching while an
import writes its records (:func:`curator.duplicates.matching.link_new_records`).

The writing spends most of its time inside SQLite or the server's driver, which let go of Python's lock
meanwhile, so the matching gets a core of its own: the two take about the time of the longer, not the sum.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")

#: The thread's name (tests look for it: none is left running once an import has ended, however it ended).
THREAD_NAME = "curator-import-matching"


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
    thread.start()
    try:
        meanwhile()
    finally:
        thread.join()
    done, value = outcome[0]
    if not done:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]
