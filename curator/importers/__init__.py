"""Readers of the files reviewers bring, one module per format, found by suffix and by content.

Every reader turns one file into entries (one per record) and problems (an
entry or the file that could not be read, with its position); nothing here
touches a review. :func:`read_path` picks the reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curator.importers._decoding import DecodingError
from curator.terms import SOURCE_KINDS

#: Files larger than this are refused with a clear message rather than read into memory.
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass
class Entry:
    """One record read from a file: its readable text, its fields, and where it came from."""

    source: str  # "file.ris#3": the file, and the entry number inside a multi-record file
    text: str  # the document as the document pane shows it
    fields: dict[str, Any]  # fields.md JSON shape, with profile, kind and evidence
    source_kind: str | None = None  # guess for PRISMA: database | register | website | ...; else the reader's
    source_name: str | None = None  # guess, e.g. "ClinicalTrials.gov", "PubMed"


@dataclass
class Problem:
    """Something that could not be read: the file, where in it, and why."""

    file: str
    position: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file} ({self.position})" if self.position else self.file
        return f"{where}: {self.message}"


Item = Entry | Problem


@dataclass
class Share:
    """A worker's share of a large file: runs of ``run`` entries dealt in turn to ``parts`` readers, this one ``part``.

    A reader that can read in shares (``Reader.shares``) still parses the whole file, so entry numbers and
    positions stay the file's, and counts every entry that makes a record (so a share numbers its records
    as one process would), but makes records only of the entries its share takes.
    """

    part: int
    parts: int
    run: int
    number: int = 0  # the entry last asked about: the one an item just yielded belongs to
    records: int = 0  # the entries so far that make a record, any share's: the reader counts them

    def takes(self, number: int) -> bool:
        """Whether entry ``number`` (from 1) is this share's."""
        self.number = number
        return (number - 1) // self.run % self.parts == self.part

    @property
    def takes_the_file(self) -> bool:
        return self.part == 0


@dataclass(frozen=True)
class Reader:
    """A file format: the suffixes it claims, a content sniffer, and the function that reads it.

    A format reads its file's bytes whole (``read``) or, for exports that can be large, as the file
    streams, never holding it whole (``stream``). ``source_kind`` is the kind of source (PRISMA) its
    files come from: ``register`` for a registry's export, ``database`` for a bibliographic
    database's; None when the content decides, entry by entry (a table, a saved page).
    """

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]  # looks at the first few KB
    read: Callable[[Path, bytes], Iterator[Item]] | None = None
    priority: int = 50  # lower sniffs first
    stream: Callable[..., Iterator[Item]] | None = None  # (path) -> items; (path, share) when ``shares``
    source_kind: str | None = None
    shares: bool = False  # ``stream`` can read a share of the file (see :class:`Share`)

    def __post_init__(self) -> None:
        if (self.read is None) == (self.stream is None):
            raise ValueError(f"reader {self.name!r} needs one of read and stream")
        if self.source_kind is not None and self.source_kind not in SOURCE_KINDS:
            raise ValueError(f"reader {self.name!r}: source kind {self.source_kind!r} is none of {SOURCE_KINDS}")


READERS: list[Reader] = []


def opening_lines(head: bytes, count: int = 3) -> list[bytes]:
    """The first ``count`` non-blank lines of a file's head (BOM and surrounding spaces removed).

    Export formats announce themselves on their first lines; a saved web page that merely
    quotes an export's words further down must stay a page for extraction to read.
    """
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    lines: list[bytes] = []
    for line in head.splitlines():
        if line.strip():
            lines.append(line.strip())
            if len(lines) == count:
                break
    return lines


def register(reader: Reader) -> Reader:
    """Add a reader to the registry (each format module registers itself on import)."""
    READERS.append(reader)
    READERS.sort(key=lambda r: r.priority)
    return reader


_loaded = False


def _load_formats() -> None:
    # Imported for their side effect of registering; each module is one format. A flag, not an empty
    # registry, says whether this was done: one format module imported directly registers only itself.
    global _loaded
    import importlib
    import pkgutil

    _loaded = True
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")


def choose_reader(path: Path, head: bytes) -> Reader | None:
    """The reader for a file: the first whose sniffer recognises the content, else by suffix."""
    if not _loaded:
        _load_formats()
    suffix = path.suffix.lower()
    for reader in READERS:
        try:
            if reader.sniff(head):
                return reader
        except Exception:  # a sniffer must never stop an import
            continue
    for reader in READERS:
        if suffix in reader.suffixes:
            return reader
    return None


def read_path(path: Path, share: Share | None = None) -> Iterator[Item]:
    """Entries and problems of one file (of ``share`` of it); never raises for bad content."""
    return _read_path(path, share)


def can_share(path: Path) -> bool:
    """Whether the file's format can be read in shares by several processes (see :class:`Share`)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(8192)
    except OSError:
        return False
    reader = choose_reader(path, head) if head.strip() else None
    return reader is not None and reader.shares


def _read_path(path: Path, share: Share | None) -> Iterator[Item]:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Problem(name, None, f"file is {size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB")
            return
        with path.open("rb") as stream:
            head = stream.read(8192)
        data = path.read_bytes() if size <= len(head) or not head.strip() else None
    except OSError as error:
        yield Problem(name, None, f"cannot read the file: {error.strerror or error}")
        return
    if data is not None and not data.strip():
        yield Problem(name, None, "the file is empty")
        return
    reader = choose_reader(path, head)
    if reader is None:
        yield Problem(name, None, f"unrecognised format ({path.suffix or 'no suffix'})")
        return
    if share is not None and not reader.shares and not share.takes_the_file:
        return  # a format read whole: the first share reads it all
    if reader.stream is not None:
        items = reader.stream(path, share) if share is not None and reader.shares else reader.stream(path)
    else:
        assert reader.read is not None
        try:
            items = reader.read(path, path.read_bytes() if data is None else data)
        except OSError as error:
            yield Problem(name, None, f"cannot read the file: {error.strerror or error}")
            return
    del data  # the reader may drop the bytes once decoded: a large export is not held twice
    try:
        for item in items:
            # The format says where its files come from unless the entry itself does (a table's row, a page).
            if reader.source_kind is not None and isinstance(item, Entry) and item.source_kind is None:
                item.source_kind = reader.source_kind
            yield item
    except DecodingError as error:  # the file's encoding: its own message says what is wrong
        yield Problem(name, None, str(error))
    except Exception as error:  # a reader's bug or a broken file: report it by name, keep the batch going
        yield Problem(name, None, f"cannot read as {reader.name}: {error}")


SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Files named or found (recursively, sorted) inside the folders named; missing paths are problems."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found = [
                p for p in sorted(path.rglob("*"))
                if p.is_file() and not p.name.startswith(".") and p.name not in SKIPPED_NAMES
            ]
            if not found:
                problems.append(Problem(str(path), None, "the folder holds no files to import"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), None, "no such file or folder"))
    return files, problems
