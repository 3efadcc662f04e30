"""Curator's window: a Qt client of the core in ``curator/`` (which never imports Qt)."""

from __future__ import annotations

import sys


def _keep_singletons_alive() -> None:
    """Work around PySide6 6.12 on Python 3.11: each call of a Qt method that returns nothing drops one
    reference to ``None`` it never took (the bindings assume 3.12's immortal ``None``). A day of
    screening makes millions of such calls and the process would abort ("deallocating None"), so on
    Python < 3.12 ``None``, ``True`` and ``False`` get a reference count no session can use up."""
    if sys.version_info >= (3, 12):
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 48  # ob_refcnt is PyObject's first field


_keep_singletons_alive()
