"""House rules that a test can hold (the import graph is read by tests/import_graph.py).

Each rule of the house runs on the real tree, and on a small tree built to break it, so
that a rule which could no longer fail would show.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.import_graph import (
    DATABASE_MODULES,
    GUI_MODULES,
    MAX_TOP_MODULES,
    definitions_of,
    forbidden_imports,
    import_circles,
    private_module_imports,
    room_violations,
    sql_strings,
    top_modules,
)

REPO = Path(__file__).resolve().parent.parent


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


def test_gui_never_imports_the_orm_or_sql() -> None:
    assert forbidden_imports(REPO, "ui", (*DATABASE_MODULES, "alembic", "curator.store.models")) == []
    assert sql_strings(REPO) == []


# -- the rules of the house, each on the real tree and on a small tree built to break it

def test_no_import_circles() -> None:
    assert import_circles(REPO) == []


def test_no_module_imports_another_packages_private_module() -> None:
    assert private_module_imports(REPO) == []


def test_one_definition_of_canonical_doi() -> None:
    found = definitions_of(REPO, "canonical_doi")
    assert len(found) == 1 and found[0].startswith("curator/identifiers.py:"), found


def test_few_modules_directly_in_curator() -> None:
    assert len(top_modules(REPO)) <= MAX_TOP_MODULES, top_modules(REPO)


def test_ui_speaks_to_the_core_not_to_the_database() -> None:
    assert forbidden_imports(REPO, "ui", DATABASE_MODULES) == []


def test_core_never_imports_the_window() -> None:
    assert forbidden_imports(REPO, "curator", GUI_MODULES) == []


def test_data_flows_one_way_between_rooms() -> None:
    assert room_violations(REPO) == []


def _tree(root: Path, files: dict[str, str]) -> Path:
    """A small project under ``root``: ``curator/`` and ``ui/`` packages holding the given modules."""
    for package in ("curator", "ui"):
        (root / package).mkdir(parents=True, exist_ok=True)
        (root / package / "__init__.py").touch()
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return root


def test_a_circle_is_found_at_module_level_in_functions_and_for_types_only(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "curator/a.py": "from curator.b import x\n",
        "curator/b.py": "def f():\n    from curator import a\n",
        "curator/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from curator.d import D\n",
        "curator/d.py": "from curator.c import C\n",
        "curator/e.py": "from curator.a import y\n",  # leans on a circle without being in it
    })
    assert import_circles(root) == ["curator.a <-> curator.b", "curator.c <-> curator.d"]


def test_a_relative_import_makes_a_circle_too(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"curator/room/a.py": "from .b import x\n", "curator/room/b.py": "from . import a\n"})
    assert import_circles(root) == ["curator.room.a <-> curator.room.b"]


def test_a_private_module_of_another_package_is_found(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "curator/importers/_helpers.py": "",
        "curator/importers/ris.py": "from curator.importers._helpers import x\n",  # its own package: allowed
        "curator/review/records.py": "from curator.importers import _helpers\n",
    })
    assert private_module_imports(root) == [
        "curator.review.records (line 1) imports the private module curator.importers._helpers"]


def test_a_second_canonical_doi_is_found(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"curator/identifiers.py": "def canonical_doi(v):\n    return v\n",
                            "curator/importers/ids.py": "class X:\n    def canonical_doi(self, v):\n        pass\n"})
    assert definitions_of(root, "canonical_doi") == ["curator/identifiers.py:1", "curator/importers/ids.py:2"]


def test_too_many_modules_directly_in_curator_are_found(tmp_path: Path) -> None:
    files = {f"curator/m{i}.py": "" for i in range(MAX_TOP_MODULES + 1)}
    root = _tree(tmp_path, files | {"curator/__main__.py": ""})
    assert len(top_modules(root)) == MAX_TOP_MODULES + 1


def test_the_window_importing_the_database_is_found(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"ui/view.py": "def f():\n    import sqlite3\n",
                            "ui/model.py": "from sqlmodel import select\n",
                            "ui/form.py": "from sqlalchemy.orm import Session\n"})
    assert sorted(forbidden_imports(root, "ui", DATABASE_MODULES)) == [
        "ui.form (line 1) imports sqlalchemy.orm", "ui.model (line 1) imports sqlmodel",
        "ui.view (line 2) imports sqlite3"]


def test_the_core_importing_the_window_is_found(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"ui/app.py": "", "curator/cli/gui.py": "def f():\n    from ui.app import run\n",
                            "curator/demo.py": "from PySide6.QtWidgets import QApplication\n"})
    assert sorted(forbidden_imports(root, "curator", GUI_MODULES)) == [
        "curator.cli.gui (line 2) imports ui.app", "curator.demo (line 1) imports PySide6.QtWidgets"]


def test_an_import_against_the_flow_is_found(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"curator/store/audit.py": "from curator.review.records import get_record\n",
                            "curator/review/records.py": ""})
    assert room_violations(root) == ["curator.store.audit (line 1) imports curator.review.records"]


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
