"""Writing an export file whole or not at all: a temporary file beside the target, then a rename.

A path that cannot be written gives one readable :class:`ExportError`; a failure or a
cancel part-way removes the temporary file, so no half file is ever left behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

Progress = Callable[[int, int, str], None]  # done, total, what is being written
Cancelled = Callable[[], bool]


def _file_mode() -> int:
    # mkstemp makes owner-only files; an export gets the mode an ordinary new file would.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


class ExportError(Exception):
    """An export could not be written; the message says why, for the reviewer."""


class ExportCancelled(ExportError):
    """The reviewer cancelled the export; no file was written."""


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def check_target(path: Path) -> Path:
    """``path`` as an absolute path whose folder exists and is writable, else ExportError."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportError(f"cannot export to {path}: it is a folder; give a file name")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot export to {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot export to {path}: the folder {folder} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise ExportError(f"cannot export to {path}: the file exists and is read-only")
    return path.absolute()


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path in ``path``'s folder; renamed over ``path`` only if the block succeeds."""
    target = check_target(path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise ExportError(f"cannot export to {target}: {_reason(error)}") from error
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, FILE_MODE)
        os.replace(temp, target)
    except OSError as error:
        raise ExportError(f"cannot write {target}: {_reason(error)}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def write_bytes_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all; returns the path written."""
    with atomic_target(path) as temp:
        temp.write_bytes(data)
    return check_target(path)


def check_cancelled(cancelled: Cancelled | None) -> None:
    """Raise :class:`ExportCancelled` when the reviewer asked to stop."""
    if cancelled is not None and cancelled():
        raise ExportCancelled("export cancelled; no file was written")
