"""What an import holds while it reads, before it writes: its rows spooled to a temporary file, and Python's
cycle collector paused (see :mod:`curator.importers.batch`)."""

from __future__ import annotations

import gc
import marshal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a batch is read: it would walk every record kept for dedup.

    An import allocates millions of short-lived objects and keeps a candidate per
    record; the collector's passes over them cost about a tenth of the import.
    Reference counting still frees everything; cycles wait until the end.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Spool:
    """The rows read so far, a chunk at a time, in a temporary file the system deletes even if the import dies."""

    def __init__(self) -> None:
        # Closed by import_paths when the import ends; the system deletes it even if the process is killed.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="curator-import-")  # noqa: SIM115

    def add(self, rows: list[tuple[Any, ...]]) -> None:
        marshal.dump(rows, self._file)  # tuples of str, int and None: marshal writes and reads them fastest

    def add_spooled(self, data: bytes) -> None:
        """Rows another spool wrote (a share of the file read by a worker), as that spool wrote them."""
        self._file.write(data)

    def chunks(self) -> Iterator[list[tuple[Any, ...]]]:
        """Every chunk, in the order added."""
        self._file.seek(0)
        while True:
            try:
                yield marshal.load(self._file)
            except EOFError:
                return

    def close(self) -> None:
        self._file.close()
