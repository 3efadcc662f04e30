"""Icons, style sheets and sample documents, found alike in a checkout, a wheel and a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The folder holding Curator's resources (PyInstaller unpacks them under ``sys._MEIPASS``)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of one resource, e.g. ``resource_path("icons", "curator.svg")``."""
    return resource_dir().joinpath(*parts)


def sample_documents() -> list[Path]:
    """The bundled sample documents used by ``curator demo`` and the first run."""
    return sorted(p for p in resource_path("samples").iterdir() if p.is_file() and not p.name.startswith("."))
