"""Attaching several PDF files at once: each to one record, or each to the record it reports.

The desk attaches dropped or chosen files through :func:`attach_files`, off its GUI thread: progress
is reported file by file and the reviewer may cancel between two files (those attached stay attached).
A file that cannot be attached is listed with one sentence saying why; the others are still attached.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from curator.fulltext.matching import FIRST_PAGES, RecordIndex
from curator.fulltext.reading import NO_TEXT_LAYER, UnreadablePdf, read_pdf
from curator.fulltext.storage import Attached, attach_full_text, check_full_text
from curator.review.records import RecordNotFound
from curator.store.database import Review


class AttachCancelled(Exception):
    """The reviewer cancelled attaching; the files attached before stay attached."""


@dataclass
class AttachReport:
    """What attaching did: a line per file attached, a line per file not attached (with the reason)."""

    total: int
    attached: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    record_ids: list[int] = field(default_factory=list)

    @property
    def headline(self) -> str:
        """``Attached 2 of 3 PDF files``."""
        return f"Attached {len(self.attached)} of {self.total} PDF file{'' if self.total == 1 else 's'}"


def describe_attached(attached: Attached, record_id: int, name: str, how: str = "") -> str:
    """One line saying what attaching ``name`` to a record did."""
    if attached.already:
        return f"{name}: already attached to record {record_id}"
    pages = f"{attached.info.pages} page{'' if attached.info.pages == 1 else 's'}"
    line = f"{name}: attached to record {record_id} ({pages}{', ' + how if how else ''})"
    if attached.replaced is not None:
        line += f", replacing {attached.replaced.file_name}"
    if not attached.has_text:
        line += "; it has no text layer (a scan?): extraction from it needs OCR"
    return line


def attach_files(review: Review, files: Sequence[Path], *, reviewer: str, record_id: int | None = None,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> AttachReport:
    """Attach each file to ``record_id``, or (None) to the record it reports (:class:`RecordIndex`).

    Raises :class:`AttachCancelled` when ``cancelled()`` turns true between two files.
    """
    report = AttachReport(len(files))
    index = RecordIndex(review) if record_id is None else None
    for number, path in enumerate(files):
        if cancelled is not None and cancelled():
            raise AttachCancelled(f"Cancelled: {report.headline[0].lower()}{report.headline[1:]} before you cancelled.")
        if progress is not None:
            progress(number, len(files), path.name)
        try:
            data = path.read_bytes()
            check_full_text(data)
            if index is None:
                target, how, has_text = record_id, "", None
            else:
                first = read_pdf(data, max_pages=FIRST_PAGES)
                if not first.has_text:
                    report.failed.append(f"{path.name}: {NO_TEXT_LAYER}; nothing in it tells which record it "
                                         "reports: attach it to its record by hand (Record > Attach full text, "
                                         "or `curator attach ID FILE`)")
                    continue
                found = index.match(first.text)
                if found.record_id is None:
                    report.failed.append(f"{path.name}: not attached: {found.reason}")
                    continue
                target, how, has_text = found.record_id, found.how, True
            assert target is not None
            attached = attach_full_text(review, target, path.name, data, reviewer=reviewer, has_text=has_text)
        except OSError as error:
            report.failed.append(f"{path.name}: cannot be read ({error.strerror or error})")
            continue
        except (UnreadablePdf, RecordNotFound) as error:
            report.failed.append(f"{path.name}: {error}")
            continue
        report.attached.append(describe_attached(attached, target, path.name, how))
        report.record_ids.append(target)
    if progress is not None:
        progress(len(files), len(files), "")
    return report
