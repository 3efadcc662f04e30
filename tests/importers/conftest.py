"""Fixtures of the importer tests: small exports written in each format's exact syntax."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixture_path() -> type[Path]:
    """A function-like accessor: ``fixture_path("x.ris")`` is the path of a fixture file."""
    return Path


def fixture(name: str) -> Path:
    """The path of one fixture file."""
    return FIXTURES / name
