"""Rows written as XML text read back exactly as openpyxl's own write-only cells would."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from curator.export.cell_text import CUT_MARK, MAX_CELL_CHARS
from curator.export.sheet_rows import BATCH_ROWS, Link, RowStream

REPO = Path(__file__).resolve().parents[2]


class _Text(str):
    """Text of a str subclass (as some libraries hand out)."""


PLAIN = [" lead & <b>trail</b> ", "cr\r\nlf\rend", 42, -1.5, 1e20, True, False, datetime(2024, 2, 1, 10, 30),
         date(2024, 2, 1), None, "tab\tin", "emoji \U0001f600", "a ]]> b", 'quote " and \' apostrophe']


def _write(path: Path) -> None:
    workbook = Workbook(write_only=True)
    mine, theirs = workbook.create_sheet("mine"), workbook.create_sheet("openpyxl")
    wrap = WriteOnlyCell(mine)
    wrap.alignment = Alignment(wrap_text=True)
    quoted = WriteOnlyCell(mine)
    quoted.quotePrefix = True
    link = WriteOnlyCell(mine)
    link.font = Font(underline="single")
    header = WriteOnlyCell(mine)
    header.font = Font(bold=True)
    stream = RowStream(mine, [None, wrap], [quoted, quoted], link)
    stream.append(["first", "second"], style=header)
    stream.append(PLAIN)
    stream.append(["=1+1", "\t-2", "a\x00b\x07c\ud800d", "x" * 40_000, "", _Text("=2*3"), Link("NCT01234567", "https://x.org/?a=1&b=2")])
    for number in range(BATCH_ROWS + 5):
        stream.append([number, f"row {number}"])
    stream.close()
    theirs.append(["first", "second"])
    theirs.append(PLAIN)
    workbook.save(path)


def test_values_types_and_styles_match_openpyxl(tmp_path: Path) -> None:
    _write(tmp_path / "rows.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "rows.xlsx")
    mine, theirs = wb["mine"], wb["openpyxl"]
    for a, b in zip(mine[2], theirs[2], strict=True):
        assert (a.value, a.data_type, a.number_format) == (b.value, b.data_type, b.number_format), a.coordinate
    assert mine["A1"].font.b and not mine["B2"].font.b and mine["B2"].alignment.wrap_text
    assert not mine["A2"].alignment.wrap_text
    formula, after_tab, forbidden, long, empty, subclass, link = mine[3][:7]
    assert formula.value == "=1+1" and formula.data_type == "s" and formula.quotePrefix
    assert after_tab.value == "\t-2" and after_tab.quotePrefix
    assert forbidden.value == "abcd" and not forbidden.quotePrefix
    assert len(long.value) == MAX_CELL_CHARS and long.value.endswith(CUT_MARK)
    assert empty.value is None and subclass.value == "=2*3" and subclass.data_type == "s" and subclass.quotePrefix
    assert link.value == "NCT01234567" and link.hyperlink.target == "https://x.org/?a=1&b=2" and link.font.u
    assert mine.max_row == 3 + BATCH_ROWS + 5 and mine.cell(mine.max_row, 2).value == f"row {BATCH_ROWS + 4}"


def test_standard_library_xml_when_openpyxl_does_not_use_lxml(tmp_path: Path) -> None:
    script = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
              "from tests.export.test_sheet_rows import _write; _write(Path(sys.argv[2]))")
    env = {**os.environ, "OPENPYXL_LXML": "False"}
    subprocess.run([sys.executable, "-c", script, str(REPO), str(tmp_path / "rows.xlsx")], check=True, env=env)
    mine = openpyxl.load_workbook(tmp_path / "rows.xlsx")["mine"]
    assert mine["A2"].value == " lead & <b>trail</b> " and mine["C2"].value == 42
    assert mine["A3"].quotePrefix and mine["G3"].hyperlink.target == "https://x.org/?a=1&b=2"
