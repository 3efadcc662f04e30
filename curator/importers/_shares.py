"""A large file read in shares by several processes: the reading of an import, which holds no lock, on every core.

Reading (parsing, the labelled page, the fields, the stored row, the duplicate
keys) is most of an import's time and each entry's is independent of the
others'. A large file in a format that can be read in shares (RIS) is dealt to
a few processes in runs of entries: the importing process reads the first
share, each worker another. Every reader parses the whole file, so entry
numbers, the positions problems name and the records' ids are the file's,
and makes records only of its own runs; a worker spools its rows to a file of
its own and hands back the duplicate keys and problems of each run. The batch
then takes the runs in the file's order, so the review gets the same records,
ids and problems as from one process. A file with a problem of its own (not
of an entry: undecodable half-way, no entries at all) is read again in one
process, which says where the reading stopped.

A share goes to each core the machine has free (at most ``MOST_SHARES``): on
cores kept busy by other work, the shares would only add their parsing.
Workers are started the platform's way (fork on Linux, spawn on Windows and
macOS; the frozen app calls ``multiprocessing.freeze_support()``), except that a
process running other threads (the window imports on a worker thread) spawns
them rather than fork itself mid-work. When they
cannot start or one fails, nothing of theirs is used and the file is read in
one process. A cancelled import stops its workers. The spool folder is named
for the importing process, so that the next import deletes the folder of one
that was killed before it could delete its own.
"""

from __future__ import annotations

import dataclasses
import marshal
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import starmap
from operator import attrgetter
from pathlib import Path
from typing import Any

from curator.duplicates.keys import Candidate
from curator.importers import Problem, Share, can_share, read_path
from curator.importers._rows import record_row
from curator.importers._spool import without_cycle_collection

#: A file at least this large is read in shares (about 4,000 RIS records: below, starting processes costs more).
SHARED_FROM_BYTES = 8 * 1024 * 1024
#: At most this many processes read one file.
MOST_SHARES = 4
#: How workers are started: None for the platform's way (see the module's docstring).
START_METHOD: str | None = None
#: How often a waiting import looks whether it was cancelled or a worker died (seconds).
_WAIT = 0.2
#: A duplicate key's fields as a tuple, in the order :class:`Candidate` takes them.
_CANDIDATE_VALUES = attrgetter(*(f.name for f in dataclasses.fields(Candidate)))


@dataclass
class Run:
    """What a share made of one run of entries: its rows (spooled by the share), duplicate keys and problems."""

    index: int
    rows: int = 0
    start: int = 0  # where the run's rows begin in the share's spool
    size: int = 0  # how many bytes they take there
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    # A worker hands its runs to the importing process through a pipe. Pickled as objects, the duplicate keys
    # of a share of 100,000 records take the importing process half a second to load, while it waits; as
    # ``marshal``-ed tuples (strings, numbers, frozensets and bytes), a fifth of that.
    def __getstate__(self) -> tuple[Any, ...]:
        keys = marshal.dumps(list(map(_CANDIDATE_VALUES, self.candidates)))
        return self.index, self.rows, self.start, self.size, keys, self.problems

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.index, self.rows, self.start, self.size, keys, self.problems = state
        self.candidates = list(starmap(Candidate, marshal.loads(keys)))


@dataclass
class ShareRead:
    """One share of a file read: its runs in order, the file's own problems, and its first entry's source."""

    spool_name: str
    runs: list[Run] = field(default_factory=list)
    file_problems: list[Problem] = field(default_factory=list)
    first: tuple[int, str | None, str | None] | None = None  # entry number, source name, source kind


def share_count(path: Path) -> int:
    """How many processes should read ``path`` (1: read it in the importing process alone)."""
    try:
        size = path.stat().st_size
    except OSError:
        return 1
    parts = min(free_cores(), MOST_SHARES, size // SHARED_FROM_BYTES + 1)
    return parts if parts > 1 and can_share(path) else 1


def free_cores() -> int:
    """Cores that other work leaves free, the importing process's own among them (at least 1)."""
    return max(1, (os.cpu_count() or 1) - busy_cores())


def busy_cores() -> int:
    """Cores other work keeps busy: the load average of the last minute, rounded, less the importing process
    itself, which is running. A share on a busy core only adds its parsing to the import's time.
    0 where the system does not say."""
    try:
        return max(0, round(os.getloadavg()[0]) - 1)
    except (AttributeError, OSError):  # Windows has no load average
        return 0


def read_share(path: str, share: Share, first_ids: tuple[int, int], stamp: str, spool_name: str,
               check: Callable[[], None] | None = None) -> ShareRead:
    """Read ``share`` of the file, its records numbered from ``first_ids`` (record, source): the rows into
    ``spool_name``, the rest returned; ``check`` before each run."""
    first_id, source_id = first_ids
    result = ShareRead(spool_name)
    run: Run | None = None
    rows: list[tuple[Any, ...]] = []
    with open(spool_name, "wb") as spool, without_cycle_collection():
        for item in read_path(Path(path), share):
            if isinstance(item, Problem) and item.position is None:
                result.file_problems.append(item)
                continue
            index = (share.number - 1) // share.run
            if run is None or run.index != index:
                if check is not None:
                    check()
                if run is not None:
                    _close_run(run, rows, spool, result)
                run, rows = Run(index), []
            if isinstance(item, Problem):
                run.problems.append(item)
                continue
            if result.first is None:
                result.first = (share.number, item.source_name, item.source_kind)
            row, candidate = record_row(first_id + share.records - 1, item, source_id, stamp)
            rows.append(row)
            run.candidates.append(candidate)
        if run is not None:
            _close_run(run, rows, spool, result)
    return result


def _close_run(run: Run, rows: list[tuple[Any, ...]], spool: Any, result: ShareRead) -> None:
    run.rows = len(rows)
    if rows:
        data = marshal.dumps(rows)  # as :class:`~curator.importers._spool.Spool` writes a chunk
        run.start, run.size = spool.tell(), len(data)
        spool.write(data)
    result.runs.append(run)


def _work(path: str, share: Share, first_ids: tuple[int, int], stamp: str, spool_name: str, sender: Any) -> None:
    sender.send(read_share(path, share, first_ids, stamp, spool_name))
    sender.close()


def read_in_shares(path: Path, parts: int, run: int, first_ids: tuple[int, int], stamp: str, folder: str,
                   check: Callable[[], None]) -> list[ShareRead] | None:
    """Every share of ``path`` read, the first here and the others by workers; None when a worker could not
    start or failed, or the file has a problem of its own (then nothing of them is used: the file is read in
    one process). ``check`` raises to cancel; the workers are stopped."""
    context = multiprocessing.get_context(START_METHOD or _start_method())
    workers = []
    try:
        for part in range(1, parts):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_work, daemon=True, args=(
                str(path), Share(part, parts, run), first_ids, stamp, os.path.join(folder, f"share{part}"), sender))
            process.start()
            sender.close()
            workers.append((process, receiver))
    except (OSError, RuntimeError, ValueError):  # no processes here (a sandbox, a frozen app without support)
        _stop(workers)
        return None
    try:
        shares = [read_share(str(path), Share(0, parts, run), first_ids, stamp, os.path.join(folder, "share0"), check)]
        for process, receiver in workers:
            while not receiver.poll(_WAIT):
                check()
                if not process.is_alive() and not receiver.poll(0):
                    return None
            try:
                shares.append(receiver.recv())
            except (EOFError, OSError):
                return None
        return None if any(share.file_problems for share in shares) else shares
    finally:
        _stop(workers)


def _start_method() -> str | None:
    """The platform's way, but not forking a process that runs other threads (a lock one of them holds
    would stay locked in the copy)."""
    if threading.active_count() > 1 and multiprocessing.get_start_method(allow_none=True) in (None, "fork") \
            and multiprocessing.get_context().get_start_method() == "fork":
        return "spawn"
    return None


def _stop(workers: list[tuple[Any, Any]]) -> None:
    for process, receiver in workers:
        receiver.close()
        if process.is_alive():
            process.terminate()
        process.join()


_SPOOL_PREFIX = "curator-import-"
_STALE_AFTER = 24 * 3600  # seconds: where a process cannot be asked whether it still runs


def spool_folder() -> tempfile.TemporaryDirectory[str]:
    """Where the shares spool their rows, deleted when the import ends (and, for an import that was killed,
    by the next one). The batch's spool reads the rows from there as it writes them."""
    remove_stale_spools(Path(tempfile.gettempdir()))
    return tempfile.TemporaryDirectory(prefix=f"{_SPOOL_PREFIX}{os.getpid()}-")


def remove_stale_spools(folder: Path) -> None:
    """Delete the spool folders in ``folder`` left by imports whose process no longer runs."""
    for spool in folder.glob(f"{_SPOOL_PREFIX}*-*"):
        pid = spool.name[len(_SPOOL_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and spool.is_dir() and not _still_importing(int(pid), spool):
            shutil.rmtree(spool, ignore_errors=True)


def _still_importing(pid: int, spool: Path) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill would end the process there: judge by age instead
        try:
            return time.time() - spool.stat().st_mtime < _STALE_AFTER
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True
