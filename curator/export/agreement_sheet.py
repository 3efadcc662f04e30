"""The workbook's Agreement sheet: how well the reviewers agreed, and a sentence for the methods section.

One row per stage, pair of reviewers and set of records (all, then the pilot): records both
screened, % agreement, Cohen's kappa (or why it is undefined), conflicts, and who resolved
them. Below, the screening mode of each stage and the sentence a review can paste.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from curator.review.agreement import methods_sentence, reviewer_agreement
from curator.review.screening_mode import screening_modes
from curator.store.database import Review
from curator.store.models import STAGES

AGREEMENT_COLUMNS = ("stage", "reviewers", "records", "set", "% agreement", "Cohen's kappa", "conflicts",
                     "resolved", "resolved by", "note")
WIDTHS = (16, 26, 10, 8, 13, 14, 10, 10, 26, 60)


def _bold(ws: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font = Font(bold=True)
    return cell


def _percent(ws: WriteOnlyWorksheet, value: float | None) -> WriteOnlyCell | None:
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = "0%"
    return cell


def _wrapped(ws: WriteOnlyWorksheet, value: str | None) -> WriteOnlyCell | None:
    if not value:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def write_agreement_sheet(ws: WriteOnlyWorksheet, review: Review) -> None:
    """Fill the (write-only) Agreement sheet from the reviewers' current decisions."""
    for index, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    ws.append([_bold(ws, name) for name in AGREEMENT_COLUMNS])
    rows = reviewer_agreement(review)
    for a in rows:
        kappa = None if a.kappa_undefined else round(a.kappa or 0.0, 4)
        ws.append([a.stage, " & ".join(a.reviewers), a.records, a.set, _percent(ws, a.agreement), kappa,
                   a.conflicts, sum(a.resolved_by.values()),
                   "; ".join(f"{name} ({n})" for name, n in sorted(a.resolved_by.items())) or None,
                   _wrapped(ws, a.kappa_undefined)])
    if not rows:
        ws.append([None, "no record has been screened by two reviewers yet"])
    ws.append([])
    modes = screening_modes(review)
    ws.append([_bold(ws, "Screening mode")])
    for stage in STAGES:
        ws.append([stage, modes[stage]])
    ws.append([])
    ws.append([_bold(ws, "For the methods section")])
    for stage in STAGES:
        sentence = methods_sentence(review, stage)
        if sentence:
            ws.append([stage, sentence])
