"""What goes wrong with a review, in one sentence for the reviewer: the errors the store raises.

Every one of them is a :class:`ReviewError`; the command line prints its message and exits 1,
the window shows it. None of them carries a password or a traceback for the reviewer.
"""

from __future__ import annotations


class ReviewError(Exception):
    """A review cannot be opened or written; the message says why, for the reviewer."""


class ReviewLocked(ReviewError):
    """Another writer held the review longer than the write would wait; nothing was written."""


class ReviewReadOnly(ReviewError):
    """The review file cannot be written (permissions, a read-only disk); nothing was written."""


class ServerUnavailable(ReviewError):
    """The review server cannot be reached or refused the login; nothing was written."""


class ServerRefused(ReviewError):
    """The review server refused a change this login has no right to make; nothing was written."""


class EditConflict(ReviewError):
    """Someone else saved the same field since it was read; the second save is refused, nothing written."""

    def __init__(self, message: str, *, theirs: object, yours: object) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.yours = yours
