"""House rules that a test can hold: the core never loads Qt; the GUI never touches the ORM or SQL."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SQL_STRING = re.compile(r"""["'](SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE|PRAGMA)\s""")
FORBIDDEN_IN_UI = ("sqlalchemy", "sqlmodel", "sqlite3", "alembic", "curator.store.models", "curator.store.Session")


def test_core_imports_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys, curator\n"
        "for m in pkgutil.walk_packages(curator.__path__, 'curator.'):\n"
        "    importlib.import_module(m.name)\n"
        "import curator.cli\n"
        "loaded = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_gui_never_imports_the_orm_or_sql() -> None:
    offenders = []
    for path in sorted((REPO / "ui").rglob("*.py")):
        for name in _imports(path):
            if name.startswith(FORBIDDEN_IN_UI):
                offenders.append(f"{path.relative_to(REPO)}: {name}")
        for match in SQL_STRING.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(REPO)}: SQL string {match.group(1)}")
    assert offenders == []


def test_qt_survives_many_void_calls() -> None:
    """A PySide6 that drops references to None (6.12.0 on Python 3.11) would abort a day of screening."""
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(20000):\n"
        "    label.setText('x')\n"
        "sys.exit(0 if sys.getrefcount(None) >= before - 100 else 3)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
