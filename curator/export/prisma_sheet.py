"""The workbook's "PRISMA 2020" sheet: the flow diagram laid out in cells, every count, the checks.

The boxes carry the template's words in its order (the same text as the drawn
diagram), with borders; the drawn diagram is embedded beside them as a picture.
Below: one row per PRISMA2020 ``data`` key, the arithmetic checks, anything
inconsistent, and the counts per source and per exclusion reason.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from curator.export.cell_text import cell_text, looks_like_formula
from curator.prisma.diagram import DBR_HEADER, FOOTNOTES, OTHER_HEADER, box_texts, diagram_png_bytes
from curator.prisma.flow import PrismaCounts

THIN = Side(style="thin", color="000000")
BOX_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
BOLD = Font(bold=True)
FILLS = {"dbr": PatternFill("solid", fgColor="FFC000"), "other": PatternFill("solid", fgColor="D9D9D9"),
         "band": PatternFill("solid", fgColor="A6C9EC")}
LINE_POINTS = 15

# What each PRISMA2020 data key counts, in the words of the template.
KEY_MEANINGS = {
    "database_results": "Records identified from databases",
    "database_specific_results": "Records identified per database",
    "register_results": "Records identified from registers",
    "register_specific_results": "Records identified per register",
    "website_results": "Records identified from websites",
    "organisation_results": "Records identified from organisations",
    "citations_results": "Records identified from citation searching",
    "duplicates": "Duplicate records removed",
    "excluded_automatic": "Records marked as ineligible by automation tools",
    "excluded_other": "Records removed for other reasons",
    "records_screened": "Records screened",
    "records_excluded": "Records excluded (title/abstract)",
    "dbr_sought_reports": "Reports sought for retrieval (databases and registers)",
    "dbr_notretrieved_reports": "Reports not retrieved (databases and registers)",
    "other_sought_reports": "Reports sought for retrieval (other methods)",
    "other_notretrieved_reports": "Reports not retrieved (other methods)",
    "dbr_assessed": "Reports assessed for eligibility (databases and registers)",
    "dbr_excluded": "Reports excluded, with reasons (databases and registers)",
    "other_assessed": "Reports assessed for eligibility (other methods)",
    "other_excluded": "Reports excluded, with reasons (other methods)",
    "new_studies": "Studies included in review",
    "new_reports": "Reports of included studies",
    "total_studies": "Total studies included",
    "total_reports": "Total reports of included studies",
}
COUNTS_HEADER = ("PRISMA2020 data key", "box", "n")


def _cell(ws: WriteOnlyWorksheet, value: Any, *, border: bool = False, fill: str | None = None,
          bold: bool = False, align: Alignment | None = None) -> WriteOnlyCell:
    if isinstance(value, str):
        value = cell_text(value)
    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str) and looks_like_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    if border:
        cell.border = BOX_BORDER
    if fill:
        cell.fill = FILLS[fill]
    if bold:
        cell.font = BOLD
    if align is not None:
        cell.alignment = align
    return cell


def _box(ws: WriteOnlyWorksheet, lines: list[str] | None) -> WriteOnlyCell | None:
    if lines is None:
        return None
    return _cell(ws, "\n".join(line.replace("\u00a0", " ") for line in lines), border=True, align=TOP)


def _reason_text(reasons: dict[str, int]) -> str:
    return "; ".join(f"{reason}, {n}" for reason, n in reasons.items())


def write_prisma_sheet(ws: WriteOnlyWorksheet, counts: PrismaCounts, review_name: str) -> None:
    """Fill the (write-only) PRISMA 2020 sheet; column widths and merges are set before any row."""
    for letter, width in zip("ABCDEFGH", (16, 46, 5, 52, 6, 40, 5, 40), strict=True):
        ws.column_dimensions[letter].width = width
    texts = box_texts(counts)
    with_other = counts.other.identified > 0

    written = [0]

    def row(*cells: Any, lines: int = 1) -> None:
        written[0] += 1
        if lines > 1:
            ws.row_dimensions[written[0]].height = lines * LINE_POINTS + 4
        ws.append(list(cells))

    def height(*keys: str) -> int:
        return max(len(texts[k]) for k in keys)

    row(_cell(ws, f"PRISMA 2020 flow diagram: {review_name}", bold=True))
    row()
    ws.merged_cells.add("B3:D3")
    if with_other:
        ws.merged_cells.add("F3:H3")
    row(None, _cell(ws, DBR_HEADER, border=True, fill="dbr", bold=True, align=CENTRE), None, None, None,
        _cell(ws, OTHER_HEADER, border=True, fill="other", bold=True, align=CENTRE) if with_other else None,
        lines=2)
    band = {"align": CENTRE, "border": True, "fill": "band", "bold": True}
    right, down = _cell(ws, "→", align=CENTRE), _cell(ws, "↓", align=CENTRE)
    other = (lambda key: texts[key] if with_other else None)  # noqa: E731
    row(_cell(ws, "Identification", **band), _box(ws, texts["dbr_identified"]), right,
        _box(ws, texts["dbr_removed"]), None, _box(ws, other("other_identified")),
        lines=height("dbr_identified", "dbr_removed", "other_identified"))
    row(None, down, None, None, None, _cell(ws, "↓", align=CENTRE) if with_other else None)
    ws.merged_cells.add("A6:A10")
    row(_cell(ws, "Screening", **band), _box(ws, texts["dbr_screened"]), _cell(ws, "→", align=CENTRE),
        _box(ws, texts["dbr_excluded_records"]), lines=height("dbr_screened", "dbr_excluded_records"))
    row(None, _cell(ws, "↓", align=CENTRE))
    row(None, _box(ws, texts["dbr_sought"]), _cell(ws, "→", align=CENTRE), _box(ws, texts["dbr_not_retrieved"]),
        None, _box(ws, other("other_sought")), _cell(ws, "→", align=CENTRE) if with_other else None,
        _box(ws, other("other_not_retrieved")), lines=height("dbr_sought", "dbr_not_retrieved"))
    row(None, _cell(ws, "↓", align=CENTRE), None, None, None, _cell(ws, "↓", align=CENTRE) if with_other else None)
    row(None, _box(ws, texts["dbr_assessed"]), _cell(ws, "→", align=CENTRE), _box(ws, texts["dbr_excluded_reports"]),
        None, _box(ws, other("other_assessed")), _cell(ws, "→", align=CENTRE) if with_other else None,
        _box(ws, other("other_excluded_reports")),
        lines=height("dbr_assessed", "dbr_excluded_reports", "other_excluded_reports"))
    row(None, _cell(ws, "↓", align=CENTRE), None, None, None,
        _cell(ws, "↙ to the included box", align=CENTRE) if with_other else None)
    row(_cell(ws, "Included", **band), _box(ws, texts["included"]), lines=height("included"))
    row()
    for note in FOOTNOTES:
        row(None, _cell(ws, note))
    row()
    _write_tables(ws, counts, row)
    picture = Image(BytesIO(diagram_png_bytes(counts, scale=1.0)))
    ws.add_image(picture, "J3")


def _write_tables(ws: WriteOnlyWorksheet, counts: PrismaCounts, row: Any) -> None:
    data = counts.as_prisma2020_data()
    row(_cell(ws, "Counts", bold=True))
    row(*(_cell(ws, h, bold=True, border=True) for h in COUNTS_HEADER))
    for key, meaning in KEY_MEANINGS.items():
        value = data[key]
        if isinstance(value, dict):
            value = _reason_text(value)
        row(_cell(ws, key), _cell(ws, meaning), _cell(ws, value))
    detail = counts.as_dict()
    for key, meaning in (("records_excluded_human", "Records excluded by a human"),
                         ("records_excluded_automation", "Records excluded by automation tools")):
        row(_cell(ws, key), _cell(ws, meaning), _cell(ws, detail[key]))
    for stage, n in detail["awaiting"].items():
        row(_cell(ws, f"awaiting {stage}"), _cell(ws, f"Records awaiting a verdict at {stage} (fewer verdicts than"
                                                      " the stage needs, or an unresolved conflict): not counted"),
            _cell(ws, n))
    row()
    row(_cell(ws, "Arithmetic checks", bold=True))
    row(*(_cell(ws, h, bold=True, border=True) for h in ("holds", "rule", "left", "right", "", "explanation")))
    for check in counts.checks:
        holds = {"holds": "yes", "open": "open", "broken": "NO"}[check.status]
        row(_cell(ws, holds, bold=check.status == "broken"), _cell(ws, check.rule, align=TOP),
            _cell(ws, check.left), _cell(ws, check.right), None, _cell(ws, check.explanation or None, align=TOP),
            lines=2 if len(check.rule) > 45 else 1)
    row()
    row(_cell(ws, "Inconsistencies", bold=True))
    for problem in counts.inconsistencies or ["none"]:
        row(None, _cell(ws, problem, align=TOP), lines=max(1, len(problem) // 45 + 1))
    row()
    row(_cell(ws, "Records identified per source", bold=True))
    row(*(_cell(ws, h, bold=True, border=True) for h in ("kind", "source", "records", "duplicates")))
    for source in counts.sources:
        row(_cell(ws, source.kind), _cell(ws, source.name), _cell(ws, source.records),
            _cell(ws, source.duplicates))
    for title, reasons in (
        ("Title/abstract exclusion reasons", detail["records_excluded_reasons"]),
        ("Full-text exclusion reasons (databases and registers)", data["dbr_excluded"]),
        ("Full-text exclusion reasons (other methods)", data["other_excluded"]),
    ):
        row()
        row(_cell(ws, title, bold=True))
        for reason, n in reasons.items() or [("none", 0)]:
            row(None, _cell(ws, reason), _cell(ws, n))
