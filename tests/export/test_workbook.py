"""The Excel workbook read back with openpyxl: sheets, headers, every PRISMA count, safety."""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.export import ExportCancelled, ExportError, export_workbook
from curator.export.cell_text import cell_text, csv_text, looks_like_formula
from curator.export.prisma_sheet import KEY_MEANINGS
from curator.prisma.counts import prisma_counts
from curator.store.database import Review
from tests.export.built_review import build_review

SHEETS = ["PRISMA 2020", "Records", "Included studies", "Excluded at full text", "Risk of bias", "Screening log",
          "Sources", "Agreement"]


def _rows(ws: object) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]  # type: ignore[attr-defined]


@pytest.fixture
def workbook(review: Review, review_path: Path, tmp_path: Path) -> tuple[dict, openpyxl.Workbook, Path]:
    built = build_review(review)
    target = tmp_path / "review.xlsx"
    result = CliRunner().invoke(cli, ["export", "--review", str(review_path), "--xlsx", str(target)])
    assert result.exit_code == 0, result.output
    return built, openpyxl.load_workbook(target), target


def test_sheets_and_headers(workbook: tuple[dict, openpyxl.Workbook, Path]) -> None:
    _built, wb, _ = workbook
    assert wb.sheetnames == SHEETS
    records = wb["Records"]
    header = [c.value for c in records[1]]
    assert header[:4] == ["record id", "registry page", "PRISMA box", "study"]
    assert {"title", "ids", "pico.population", "title/abstract verdict", "full text reason", "tags", "notes"} <= set(header)
    assert records.freeze_panes == "C2" and records.auto_filter.ref == f"A1:{records.cell(1, len(header)).column_letter}19"
    assert records.column_dimensions["A"].width and records.max_row == 19  # header + 18 records
    assert [c.value for c in wb["Screening log"][1]][:7] == ["time (UTC)", "reviewer", "record id", "stage",
                                                              "verdict", "reason", "actor"]
    assert wb["Sources"].max_row == 5


def test_prisma_sheet_matches_prisma_json(workbook: tuple[dict, openpyxl.Workbook, Path], review_path: Path) -> None:
    _built, wb, _ = workbook
    result = CliRunner().invoke(cli, ["prisma", "--review", str(review_path), "--json"])
    data = json.loads(result.output)
    found = {row[0]: row[2] for row in _rows(wb["PRISMA 2020"]) if row and row[0] in KEY_MEANINGS}
    assert set(found) == set(KEY_MEANINGS)
    for key in KEY_MEANINGS:
        expected = data[key]
        if isinstance(expected, dict):
            expected = "; ".join(f"{reason}, {n}" for reason, n in expected.items())
        assert found[key] == expected, key
    sheet = wb["PRISMA 2020"]
    box = sheet["B6"]
    assert box.value == "Records screened (n = 12)" and box.border.left.style == "thin"
    assert len(sheet._images) == 1  # the drawn diagram
    checks = [row for row in _rows(sheet) if row and row[0] in ("yes", "open", "NO")]
    # the two rules left open by the pending and conflicting records are "open", not broken
    assert len(checks) == len(data["checks"]) and sum(r[0] == "open" for r in checks) == 2
    assert [r[0] for r in checks] == [{"holds": "yes", "open": "open", "broken": "NO"}[c["status"]]
                                      for c in data["checks"]]


def test_records_included_and_excluded(workbook: tuple[dict, openpyxl.Workbook, Path]) -> None:
    built, wb, _ = workbook
    ids = built["ids"]
    records = {row[0]: row for row in _rows(wb["Records"])[1:]}
    header = [c.value for c in wb["Records"][1]]
    col = {name: header.index(name) for name in header}
    curated = records[ids["reg_other"]]
    assert curated[col["title"]] == "Unrelated included trial (curated title)"
    assert curated[col["edited fields"]] == "title"
    assert records[ids["cats"] + 0][col["title/abstract reason"]] == "wrong population"
    assert records[ids["conflict"]][col["title/abstract verdict"]] == "conflict"
    assert records[ids["article"]][col["tags"]] == "key paper"
    link = wb["Records"].cell(row=2, column=2)
    assert link.value == "ISRCTN12908996" and link.hyperlink.target == "https://www.isrctn.com/ISRCTN12908996"
    included = _rows(wb["Included studies"])
    assert len(included) == 1 + 4
    studies = {row[0] for row in included[1:]}
    assert len(studies) == 3
    excluded = {row[0]: row[4] for row in _rows(wb["Excluded at full text"])[1:]}
    assert excluded == {ids["formula"]: "wrong intervention", ids["missing"]: "not retrievable",
                        ids["wrongpop"]: "wrong population", ids["embase_excl"]: "wrong population",
                        ids["web_excl"]: "wrong comparator"}
    log = _rows(wb["Screening log"])
    assert len(log) == 1 + 29 and any(row[6] == "automation" for row in log[1:])


def test_formulas_stay_text_and_forbidden_characters_go(workbook: tuple[dict, openpyxl.Workbook, Path]) -> None:
    built, wb, target = workbook
    ws = wb["Records"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == built["ids"]["formula"])
    title = row[header.index("title")]
    assert title.value == '=HYPERLINK("http://evil","click")' and title.data_type == "s" and title.quotePrefix
    abstract = row[header.index("abstract")]
    assert abstract.data_type == "s" and abstract.quotePrefix
    assert abstract.value == "+cmd|' /C calc'!A0 and a bell  and a NUL  and form feed  end"
    note = next(r for r in ws.iter_rows(min_row=2) if r[0].value == built["ids"]["article"])[header.index("notes")]
    assert "=SUM(A1:A9)" in note.value and note.data_type == "s"
    import zipfile

    with zipfile.ZipFile(target) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert all(b"<f>" not in xml for xml in sheets)  # no formula anywhere


def test_cell_text_rules() -> None:
    assert looks_like_formula("=1+1") and looks_like_formula("@SUM(1)") and looks_like_formula("\t-2")
    assert not looks_like_formula("a = b")
    assert cell_text("a\x00b\x1fc\ud800d") == "abcd"
    assert len(cell_text("x" * 40_000)) == 32_767
    assert csv_text("=cmd") == "'=cmd" and csv_text("fine") == "fine"


def test_unwritable_path_gives_a_clear_message_and_no_file(review: Review, tmp_path: Path) -> None:
    build_review(review)
    with pytest.raises(ExportError, match="does not exist"):
        export_workbook(review, tmp_path / "missing" / "x.xlsx")
    with pytest.raises(ExportError, match="is a folder"):
        export_workbook(review, tmp_path)
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(ExportError, match="not writable"):
                export_workbook(review, locked / "x.xlsx")
        finally:
            locked.chmod(0o700)


def test_cancel_leaves_no_file_and_keeps_the_old_one(review: Review, tmp_path: Path) -> None:
    build_review(review)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.xlsx"
    target.write_bytes(b"previous export")
    calls: list[tuple[int, int, str]] = []
    with pytest.raises(ExportCancelled):
        export_workbook(review, target, progress=lambda *a: calls.append(a), cancelled=lambda: True)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in target.parent.iterdir()] == ["out.xlsx"]  # no temporary file left
    written = export_workbook(review, target, progress=lambda *a: calls.append(a))
    assert written == target.absolute() and openpyxl.load_workbook(target).sheetnames == SHEETS
    assert calls and calls[-1] == (1, 1, "saving")
    assert oct(target.stat().st_mode & 0o077) != "0o0"  # an ordinary file, not owner-only


def test_counts_on_sheet_follow_new_decisions(review: Review, tmp_path: Path) -> None:
    built = build_review(review)
    from curator.review.screening import record_decision

    record_decision(review, built["ids"]["pending"], "include", reviewer="alice")
    wb = openpyxl.load_workbook(export_workbook(review, tmp_path / "x.xlsx"))
    found = {row[0]: row[2] for row in _rows(wb["PRISMA 2020"]) if row and row[0] in KEY_MEANINGS}
    assert found["dbr_sought_reports"] == prisma_counts(review).dbr.sought == 9
