"""How large a table Curator reads, and the checks made before its rows are read.

A small file can stand for a huge table: an XLSX is a zip archive (1 MB on disk can expand
to gigabytes) whose sheet may declare half a million rows, and a CSV may simply be long.
Reading such a file took minutes and gigabytes, so a table beyond these limits is refused
with a message that names the limit and the environment variable that raises it.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

#: Environment variable raising the most data rows (heading row not counted) read from one table.
ROWS_ENV = "CURATOR_MAX_TABLE_ROWS"
DEFAULT_MAX_ROWS = 200_000

#: Environment variable raising the most megabytes an XLSX workbook may expand to when unzipped.
WORKBOOK_MB_ENV = "CURATOR_MAX_WORKBOOK_MB"
# As large as the largest text file Curator reads (importers.MAX_FILE_BYTES): a workbook may hold
# what a CSV may, and a zip bomb expanding to gigabytes is stopped before anything is unpacked.
DEFAULT_MAX_WORKBOOK_MB = 512

_CHUNK = 1 << 20


class TableRefused(ValueError):
    """The table is larger than Curator reads, or a limit is set to something that is not a number."""


def _limit(variable: str, default: int, unit: str) -> int:
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return default
    try:
        value = int(raw.replace(",", "").replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise TableRefused(f"the environment variable {variable} must be a whole number of {unit} above 0, "
                           f"not {raw!r}")
    return value


def max_rows() -> int:
    """The most data rows read from one table: ``CURATOR_MAX_TABLE_ROWS``, else 200,000."""
    return _limit(ROWS_ENV, DEFAULT_MAX_ROWS, "rows")


def max_workbook_bytes() -> int:
    """The most bytes an XLSX may expand to: ``CURATOR_MAX_WORKBOOK_MB`` megabytes, else 512 MB."""
    return _limit(WORKBOOK_MB_ENV, DEFAULT_MAX_WORKBOOK_MB, "megabytes") * 1024 * 1024


def too_many_rows(limit: int, rows: int | None = None) -> TableRefused:
    """The refusal of a table with ``rows`` data rows (``None``: counted only as far as the limit)."""
    counted = f"{rows:,}" if rows is not None else f"more than {limit:,}"
    return TableRefused(f"the table has {counted} rows; Curator reads at most {limit:,} rows of a table "
                        f"(set the environment variable {ROWS_ENV} to a larger number to read it)")


def rows_cut_short(limit: int) -> str:
    """What is said when a table turns out longer than the limit only as it is read (an XLSX without its size)."""
    return (f"the table has more than {limit:,} rows; Curator read the first {limit:,} and stopped "
            f"(set the environment variable {ROWS_ENV} to a larger number to read them all)")


def check_workbook_archive(path: Path) -> None:
    """Refuse a workbook whose zip members together expand beyond the limit (a zip bomb), before unpacking any.

    The sizes are those the archive declares; Python's zipfile never unpacks a member beyond its
    declared size, so a member cannot lie its way past this check. Raises :class:`TableRefused`, or
    ``zipfile.BadZipFile`` for a file that is not a zip archive at all.
    """
    limit = max_workbook_bytes()
    with zipfile.ZipFile(path) as archive:
        expanded = sum(member.file_size for member in archive.infolist())
    if expanded > limit:
        raise TableRefused(
            f"the workbook expands to {-(-expanded // (1024 * 1024)):,} MB when unzipped; Curator reads at most "
            f"{limit // (1024 * 1024):,} MB (set the environment variable {WORKBOOK_MB_ENV} to a larger number "
            "to read it)")


def line_count_bound(path: Path) -> int:
    """An upper bound on the lines of a text file, counted in its bytes without decoding or holding it.

    Every row of a CSV ends a line (a quoted cell may span several), so a file with no more lines than
    the limit cannot have too many rows and need not be parsed twice. Counted in any encoding: UTF-16
    newlines hold a newline byte too, and a stray one only raises the bound.
    """
    lines = 1
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            lines += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
    return lines
