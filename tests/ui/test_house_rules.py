"""The window is a client of the core: the core never loads Qt, ``ui/`` never talks to the database."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


def test_core_modules_of_the_desk_do_not_load_qt() -> None:
    code = ("import sys, curator.review.desk, curator.review.undo, curator.review.listing, curator.review.records; "
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=UI.parent).stdout.strip()
    assert out == "False"


def test_ui_neither_imports_the_orm_nor_writes_sql() -> None:
    forbidden = re.compile(r"^\s*(from|import)\s+(sqlalchemy|sqlmodel|sqlite3)\b|\b(INSERT|UPDATE|DELETE|SELECT)\s",
                           re.MULTILINE)
    offenders = [str(p) for p in UI.rglob("*.py") if forbidden.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_ui_modules_stay_small() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in UI.rglob("*.py")}
    assert max(sizes.values()) <= 420, sizes
