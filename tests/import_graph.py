"""The house's import graph, read from the source (no import is run): who imports whom, and the rules it keeps.

Every ``import`` and ``from ... import`` counts, at module level, inside functions and under
``if TYPE_CHECKING:``. An edge goes to the module a statement names: ``from curator.review
import records`` to ``curator.review.records``, ``from curator.store.database import Review``
to ``curator.store.database``. A package's ``__init__`` is reached only when it is named
itself, so importing a module of a package does not make it depend on its siblings.

Each check returns what breaks its rule, as readable lines (empty: the rule holds), so that
``tests/test_architecture.py`` can run it on the real tree and on small trees built to break it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: The packages of the project (the core, the window).
ROOTS = ("curator", "ui")
#: Most modules allowed directly in ``curator/`` besides ``__init__`` and ``__main__``.
MAX_TOP_MODULES = 8
#: What the window must never import: it speaks to the core, which speaks to the database.
DATABASE_MODULES = ("sqlalchemy", "sqlmodel", "sqlite3")
#: What the core must never import.
GUI_MODULES = ("ui", "PySide6", "shiboken6", "PyQt5", "PyQt6")
#: Rooms of the core and the rooms each must not import: data flows import -> extraction -> store
#: -> review / duplicates -> appraisal -> prisma / export; cli (and ui) are clients of all of them.
FORBIDDEN_ROOMS = {
    "curator.extraction": ("curator.importers", "curator.store", "curator.review", "curator.duplicates",
                           "curator.prisma", "curator.export", "curator.cli"),
    "curator.store": ("curator.importers", "curator.extraction", "curator.review", "curator.duplicates",
                      "curator.prisma", "curator.export", "curator.cli"),
    "curator.duplicates": ("curator.review", "curator.prisma", "curator.export", "curator.cli"),
    "curator.review": ("curator.importers", "curator.prisma", "curator.export", "curator.cli"),
    "curator.prisma": ("curator.importers", "curator.export", "curator.cli"),
    "curator.export": ("curator.importers", "curator.cli"),
    "curator.fulltext": ("curator.importers", "curator.duplicates", "curator.prisma", "curator.export",
                         "curator.cli"),
    "curator.importers": ("curator.review", "curator.prisma", "curator.export", "curator.cli"),
    "curator.appraisal": ("curator.importers", "curator.extraction", "curator.duplicates", "curator.prisma",
                          "curator.export", "curator.cli"),
}


@dataclass(frozen=True)
class Imported:
    """One module named by an import statement of ``source`` (a dotted name, in the tree or not)."""

    source: str
    target: str
    line: int


def module_name(path: Path, root: Path) -> str:
    """``curator.review.records`` for ``root/curator/review/records.py`` (a package by its own name)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def project_modules(root: Path, roots: Iterable[str] = ROOTS) -> dict[str, Path]:
    """Every module of the project's packages under ``root``, by dotted name."""
    return {module_name(p, root): p for r in roots for p in sorted((root / r).rglob("*.py"))}


def imports_of(name: str, path: Path, known: dict[str, Path]) -> list[Imported]:
    """What the module ``name`` at ``path`` imports, each resolved to the most precise module known."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Imported] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend(Imported(name, alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join(parts + ([base] if base else []))
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.append(Imported(name, child if child in known else base, node.lineno))
    return found


def import_graph(root: Path) -> dict[str, list[Imported]]:
    """Every project module with what it imports."""
    known = project_modules(root)
    return {name: imports_of(name, path, known) for name, path in known.items()}


def _within(target: str, prefixes: Iterable[str]) -> bool:
    return any(target == p or target.startswith(p + ".") for p in prefixes)


def import_circles(root: Path) -> list[str]:
    """Groups of project modules that import one another, directly or through others (Tarjan's algorithm)."""
    graph = import_graph(root)
    edges = {m: sorted({i.target for i in found if i.target in graph and i.target != m}) for m, found in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[str] = []

    def visit(start: str) -> None:
        # Iterative, so that a long chain of modules cannot hit the recursion limit.
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    circles.append(" <-> ".join(sorted(group)))

    for module in edges:
        if module not in index:
            visit(module)
    return sorted(circles)


def private_module_imports(root: Path) -> list[str]:
    """Imports of a project's ``_private`` module by a module outside the package that holds it.

    Third-party internals are not the house's to arrange (the export's use of openpyxl's
    write-only internals is pinned in ``pyproject.toml``).
    """
    found = []
    for name, imports in import_graph(root).items():
        own_package = name.rpartition(".")[0]
        for i in imports:
            package, _, last = i.target.rpartition(".")
            if not _within(i.target, ROOTS):
                continue
            if last.startswith("_") and not last.startswith("__") and package not in (own_package, name):
                found.append(f"{name} (line {i.line}) imports the private module {i.target}")
    return found


def definitions_of(root: Path, function: str) -> list[str]:
    """Where ``function`` is defined (``def``), as ``path:line``, across the project's packages."""
    found = []
    for path in project_modules(root).values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == function:
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def top_modules(root: Path, package: str = "curator") -> list[str]:
    """The modules directly in ``package`` besides ``__init__`` and ``__main__``."""
    return sorted(p.name for p in (root / package).glob("*.py") if p.stem not in ("__init__", "__main__"))


def forbidden_imports(root: Path, package: str, forbidden: Iterable[str]) -> list[str]:
    """Imports of a ``forbidden`` module (or one inside it) by modules of ``package``."""
    forbidden = tuple(forbidden)
    return [f"{name} (line {i.line}) imports {i.target}"
            for name, imports in import_graph(root).items() if _within(name, (package,))
            for i in imports if _within(i.target, forbidden)]


def room_violations(root: Path) -> list[str]:
    """Imports that go against the flow of data between the core's rooms (see :data:`FORBIDDEN_ROOMS`)."""
    return [line for room, forbidden in FORBIDDEN_ROOMS.items() for line in forbidden_imports(root, room, forbidden)]


SQL_STRING = re.compile(r"""["'](SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE|PRAGMA)\s""")


def sql_strings(root: Path, package: str = "ui") -> list[str]:
    """SQL written as strings in ``package``."""
    return [f"{p.relative_to(root)}: SQL string {m.group(1)}" for p in sorted((root / package).rglob("*.py"))
            for m in SQL_STRING.finditer(p.read_text(encoding="utf-8"))]
