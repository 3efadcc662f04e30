"""What an import holds while it reads, before it writes: its rows spooled to a temporary file, and Python's
cycle collector paused (see :mod:`curator.importers.batch`)."""

from __future__ import annotations

import gc
import io
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
    """The rows read so far, a chunk at a time, in temporary files the system deletes even if the import dies.

    The rows a worker spooled for a share of a large file stay in the worker's file: the spool keeps where
    each chunk is (file, position, size) rather than copying a share's hundreds of megabytes into its own
    file. A chunk is read back in one piece and then unmarshalled: ``marshal.load`` on the file itself
    would ask the file for every string of every row, several times slower.
    """

    def __init__(self) -> None:
        # Closed by import_paths when the import ends; the system deletes it even if the process is killed.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="curator-import-")  # noqa: SIM115
        self._chunks: list[tuple[IO[bytes], int, int]] = []  # each chunk's file, start and size, in order
        self._others: list[IO[bytes]] = []  # other spools' files, open until this spool closes

    def add(self, rows: list[tuple[Any, ...]]) -> None:
        data = marshal.dumps(rows)  # tuples of str, int and None: marshal writes and reads them fastest
        self._chunks.append((self._file, self._file.seek(0, io.SEEK_END), len(data)))
        self._file.write(data)

    def open_spooled(self, name: str) -> IO[bytes]:
        """Another spool's file (a share of the file, spooled by a worker), open until this spool closes."""
        file = open(name, "rb")  # noqa: SIM115
        self._others.append(file)
        return file

    def add_spooled(self, file: IO[bytes], start: int, size: int) -> None:
        """A chunk another spool wrote into ``file`` (see :meth:`open_spooled`): ``size`` bytes at ``start``,
        marshalled as :meth:`add` writes them."""
        self._chunks.append((file, start, size))

    def chunks(self) -> Iterator[list[tuple[Any, ...]]]:
        """Every chunk, in the order added."""
        for file, start, size in self._chunks:
            file.seek(start)
            yield marshal.loads(file.read(size))

    def close(self) -> None:
        self._file.close()
        for file in self._others:
            file.close()
