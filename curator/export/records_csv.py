"""Every record as one CSV row (UTF-8 with a byte-order mark, so spreadsheets read the accents)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from curator.export.cell_text import csv_text
from curator.export.output import Cancelled, Progress, atomic_target, check_cancelled
from curator.export.record_table import COLUMNS, custom_columns, iter_record_rows
from curator.prisma.counts import prisma_counts
from curator.prisma.flow import PrismaCounts
from curator.store.database import Review


def _value(value: Any) -> Any:
    return csv_text(value) if isinstance(value, str) else value


def export_csv(review: Review, path: Path | str, *, progress: Progress | None = None,
               cancelled: Cancelled | None = None, counts: PrismaCounts | None = None) -> Path:
    """Write every record to ``path`` as CSV (the Records sheet's columns, custom fields last); returns the path written.

    A text cell starting with = + - @ gets a leading apostrophe so a spreadsheet never runs it.
    """
    counts = counts or prisma_counts(review)
    total = len(counts.outcomes)
    target = Path(path)
    with atomic_target(target) as temp, open(temp, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        custom = custom_columns(review)
        writer.writerow((*COLUMNS, *custom))
        for done, row in enumerate(iter_record_rows(review, counts, custom=custom), 1):
            if done % 2000 == 0:
                check_cancelled(cancelled)
                if progress is not None:
                    progress(done, total, "records")
            writer.writerow([_value(v) for v in row.values])
        check_cancelled(cancelled)
    return target.expanduser().absolute()
