"""The review as an Excel workbook, streamed (openpyxl write-only) so memory stays flat.

Sheets: PRISMA 2020, Records, Included studies, Excluded at full text, Risk of bias,
Screening log, Sources, Agreement (dual screening: see :mod:`curator.export.agreement_sheet`);
the review's custom fields close the Records and Included sheets. Text from documents never
becomes a formula and never carries a character XML forbids; the file appears whole or not at all (see :mod:`curator.export.output`).
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy import text

from curator.appraisal.appraisals import PARTS
from curator.export.agreement_sheet import write_agreement_sheet
from curator.export.output import Cancelled, ExportError, Progress, atomic_target, check_cancelled
from curator.export.prisma_sheet import write_prisma_sheet
from curator.export.record_table import (
    COLUMNS,
    LIST_SEPARATOR,
    STAGE_LABELS,
    custom_columns,
    iter_record_rows,
)
from curator.export.registry_links import first_registry_link
from curator.export.risk_of_bias import risk_of_bias_rows
from curator.export.sheet_rows import Link, RowStream
from curator.prisma.counts import prisma_counts
from curator.prisma.flow import EXCLUDED_FULL_TEXT, INCLUDED, NOT_RETRIEVED, PrismaCounts
from curator.store.database import Review
from curator.store.models import NOT_RETRIEVABLE

# Excel refuses a sheet with more hyperlinks than this; later registry ids are written as plain text.
MAX_LINKS = 65_530
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_BORDER = Border(bottom=Side(style="thin", color="000000"))
LINK_FONT = Font(color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
REGISTRY_COLUMN = "registry page"
RECORD_COLUMNS = (COLUMNS[0], REGISTRY_COLUMN, *COLUMNS[1:])
WIDE = {"title": 50, "official_title": 45, "abstract": 80, "notes": 40, "references": 35, "authors": 30,
        "conditions": 30, "interventions": 30, "pico.population": 40, "pico.intervention": 35,
        "pico.comparator": 30, "pico.outcome": 40, "ids": 30, "sponsor": 28, "countries": 22, "source": 20,
        "source file": 22, "entry": 22, "PRISMA box": 26, "status_raw": 22, "explanation": 60, "reason": 24,
        "note": 40, "ids of the record": 30, REGISTRY_COLUMN: 18, "support quotes": 80, "resolved by the lead": 40}
WRAPPED = {"title", "official_title", "abstract", "notes", "references", "authors", "conditions", "interventions",
           "pico.population", "pico.intervention", "pico.comparator", "pico.outcome", "note", "sponsor",
           "support quotes", "resolved by the lead"}

INCLUDED_COLUMNS = ("study", "record id", REGISTRY_COLUMN, "ids", "title", "design", "kind", "participants",
                    "status", "phase", "pico.population", "pico.intervention", "pico.comparator", "pico.outcome",
                    "conditions", "interventions", "sponsor", "countries", "start_date", "completion_date",
                    "source")
EXCLUDED_COLUMNS = ("record id", REGISTRY_COLUMN, "ids", "title", "reason", "PRISMA box", "reviewers", "kind",
                    "authors", "year", "source")
LOG_COLUMNS = ("time (UTC)", "reviewer", "record id", "stage", "verdict", "reason", "actor", "note", "undone",
               "resolves")
RISK_OF_BIAS_COLUMNS = ("study", "record id", "D1 randomization", "D2 deviations", "D3 missing data",
                        "D4 measurement", "D5 reported result", "overall", "reviewers", "unresolved",
                        "resolved by the lead", "support quotes")
SOURCE_COLUMNS = ("source", "kind", "diagram column", "file", "imported (UTC)", "imported by", "records",
                  "duplicates")


class _SheetWriter:
    """Appends rows to a write-only sheet: a styled header, safe text, wrapped long text, registry links."""

    def __init__(self, ws: WriteOnlyWorksheet, columns: tuple[str, ...], *, freeze: str = "A2") -> None:
        self.ws, self.columns, self.links = ws, columns, 0
        for index, name in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = WIDE.get(name, max(12, min(len(name) + 2, 24)))
        ws.freeze_panes = freeze
        header = WriteOnlyCell(ws)
        header.font, header.fill, header.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        link = WriteOnlyCell(ws)
        link.font = LINK_FONT
        # Style ids are looked up once per column here, never per cell.
        self.stream = RowStream(ws, [self._styled(wrap=True) if name in WRAPPED else None for name in columns],
                                [self._styled(wrap=name in WRAPPED, quote=True) for name in columns], link)
        self.stream.append(columns, style=header)
        self._link_column = columns.index(REGISTRY_COLUMN) if REGISTRY_COLUMN in columns else -1

    def _styled(self, *, wrap: bool, quote: bool = False) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws)
        if wrap:
            cell.alignment = WRAP
        if quote:
            cell.quotePrefix = True
        return cell

    def append(self, values: list[Any]) -> None:
        if self._link_column >= 0 and (link := values[self._link_column]) is not None:
            values[self._link_column] = self._link(link)
        self.stream.append(values)

    def _link(self, link: tuple[str, str]) -> Link | str:
        identifier, url = link
        if self.links >= MAX_LINKS:
            return identifier
        self.links += 1
        return Link(identifier, url)

    def finish(self) -> None:
        """Write what is left, and the auto-filter over everything (write-only sheets write it at the end)."""
        self.stream.close()
        self.ws.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self.stream.rows}"


def _when(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _discard_sheet_files(workbook: Workbook) -> None:
    # Write-only sheets stream into temporary files; on cancel or failure remove them now.
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        rows = getattr(ws, "_rows", None)
        for generator in (rows, writer.xf):
            if generator is not None:
                with contextlib.suppress(Exception):
                    generator.close()
        with contextlib.suppress(OSError):
            os.remove(writer.out)


def export_workbook(review: Review, path: Path | str, *, progress: Progress | None = None,
                    cancelled: Cancelled | None = None, counts: PrismaCounts | None = None) -> Path:
    """Write the review's workbook to ``path``; returns the path written.

    ``progress(done, total, what)`` is called as records are written; ``cancelled()`` turning
    true stops the export with :class:`~curator.export.output.ExportCancelled` and no file.
    Raises :class:`~curator.export.output.ExportError` for a path that cannot be written.
    ``counts`` saves computing the PRISMA counts again when the caller already has them.
    """
    target = Path(path)
    counts = counts if counts is not None else prisma_counts(review)
    workbook = Workbook(write_only=True)
    try:
        with atomic_target(target) as temp:
            sheets = {name: workbook.create_sheet(name) for name in (
                "PRISMA 2020", "Records", "Included studies", "Excluded at full text", "Risk of bias",
                "Screening log", "Sources", "Agreement")}
            write_prisma_sheet(sheets["PRISMA 2020"], counts, review.name)
            _write_records(review, counts, sheets, progress, cancelled)
            _write_risk_of_bias(review, sheets["Risk of bias"])
            _write_log(review, sheets["Screening log"], progress, cancelled)
            _write_sources(counts, sheets["Sources"])
            write_agreement_sheet(sheets["Agreement"], review)
            check_cancelled(cancelled)
            if progress is not None:
                progress(1, 1, "saving")
            workbook.save(temp)
    except BaseException:
        _discard_sheet_files(workbook)
        raise
    return target.expanduser().absolute()


def _write_records(review: Review, counts: PrismaCounts, sheets: dict[str, Any],
                   progress: Progress | None, cancelled: Cancelled | None) -> None:
    custom = custom_columns(review)
    records = _SheetWriter(sheets["Records"], (*RECORD_COLUMNS, *custom), freeze="C2")
    own_start = len(COLUMNS)
    included: list[list[Any]] = []
    excluded: list[list[Any]] = []
    total = len(counts.outcomes)
    ft = counts.stage_verdicts.get("full-text", {})
    for done, row in enumerate(iter_record_rows(review, counts, custom=custom), 1):
        if done % 1000 == 0:
            check_cancelled(cancelled)
            if progress is not None:
                progress(done, total, "records")
        fields = row.fields
        link = first_registry_link(fields["ids"])
        records.append([row.values[0], link, *row.values[1:]])
        outcome = counts.outcomes.get(row.id)
        source = row.values[3]
        ids = LIST_SEPARATOR.join(fields["ids"]) or None
        if outcome == INCLUDED:
            included.append([
                counts.study_of.get(row.id), row.id, link, ids, fields["title"], fields["study_type"], fields["kind"],
                fields["enrollment"], fields["status"], fields["phase"], fields["pico.population"],
                fields["pico.intervention"], fields["pico.comparator"], fields["pico.outcome"],
                LIST_SEPARATOR.join(fields["conditions"]) or None, LIST_SEPARATOR.join(fields["interventions"]) or None,
                fields["sponsor"], LIST_SEPARATOR.join(fields["countries"]) or None, fields["start_date"],
                fields["completion_date"], source, *row.values[own_start:],
            ])
        elif outcome in (EXCLUDED_FULL_TEXT, NOT_RETRIEVED):
            verdict = ft.get(row.id)
            excluded.append([
                row.id, link, ids, fields["title"], verdict.reason if verdict and verdict.reason else
                (NOT_RETRIEVABLE if outcome == NOT_RETRIEVED else None), outcome,
                LIST_SEPARATOR.join(verdict.reviewers) if verdict else None, fields["kind"],
                LIST_SEPARATOR.join(fields["authors"]) or None, fields["year"], source,
            ])
    if progress is not None:
        progress(total, total, "records")
    records.finish()
    writer = _SheetWriter(sheets["Included studies"], (*INCLUDED_COLUMNS, *custom), freeze="C2")
    for values in sorted(included, key=lambda v: (v[0] or 0, v[1])):
        writer.append(values)
    writer.finish()
    writer = _SheetWriter(sheets["Excluded at full text"], EXCLUDED_COLUMNS, freeze="B2")
    for values in sorted(excluded, key=lambda v: (str(v[4] or ""), v[0])):
        writer.append(values)
    writer.finish()


def _write_risk_of_bias(review: Review, ws: WriteOnlyWorksheet) -> None:
    """One row per appraised record: study, each domain, overall, reviewers, what is unresolved, the quotes."""
    sheet = _SheetWriter(ws, RISK_OF_BIAS_COLUMNS, freeze="C2")
    for row in risk_of_bias_rows(review):
        final = row.appraisal
        settled = "\n".join(f"{d}: {r.judgement} by {r.resolved_by} ({r.reason})" for d, r in final.resolutions.items())
        sheet.append([row.study, row.record_id, *(row.judgement(p) for p in PARTS),
                      LIST_SEPARATOR.join(final.reviewers), ", ".join(final.unresolved) or None, settled or None,
                      row.support_text()])
    sheet.finish()


def _write_log(review: Review, ws: WriteOnlyWorksheet, progress: Progress | None,
               cancelled: Cancelled | None) -> None:
    log = _SheetWriter(ws, LOG_COLUMNS)
    with review.engine.connect() as connection:
        total = connection.execute(text("SELECT count(*) FROM decisions")).scalar_one()
        result = connection.execution_options(yield_per=5000).execute(text(
            "SELECT decided_at, reviewer, record_id, stage, verdict, reason, actor, note, retracted, resolves"
            " FROM decisions ORDER BY id"))
        for done, (at, reviewer, record_id, stage, verdict, reason, actor, note, retracted,
                   resolves) in enumerate(result, 1):
            if done % 5000 == 0:
                check_cancelled(cancelled)
                if progress is not None:
                    progress(done, total, "screening log")
            log.append([_when(at), reviewer, record_id, STAGE_LABELS.get(stage, stage), verdict, reason, actor,
                        note, "undone" if retracted else None, _settled(resolves)])
    log.finish()


def _write_sources(counts: PrismaCounts, ws: WriteOnlyWorksheet) -> None:
    sources = _SheetWriter(ws, SOURCE_COLUMNS)
    for s in counts.sources:
        sources.append([s.name, s.kind, s.column, s.file_name or None, s.imported_at, s.imported_by or None,
                        s.records, s.duplicates])
    sources.finish()


__all__ = ["ExportError", "export_workbook"]


def _settled(resolves: Any) -> str | None:
    """The decisions a resolution settles, for the log ("decisions 12, 13"); JSON text in a file, a list on a server."""
    ids = json.loads(resolves) if isinstance(resolves, str) else resolves
    return f"decisions {', '.join(map(str, ids))}" if ids else None
