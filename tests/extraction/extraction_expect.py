"""Checking extracted fields against expectations in the equals / contains / absent format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from curator.fields import get_field


def load_expectations(path: Path) -> dict[str, dict[str, Any]]:
    """The ``documents`` mapping of an expectations file."""
    return json.loads(path.read_text(encoding="utf-8"))["documents"]


def _as_text(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def check(fields: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Every failed expectation, as readable messages (empty list: all met)."""
    problems: list[str] = []
    for key, want in (expected.get("equals") or {}).items():
        got = get_field(fields, key)
        if got != want:
            problems.append(f"{key}: expected {want!r}, got {got!r}")
    for key, wants in (expected.get("contains") or {}).items():
        items = [s.lower() for s in _as_text(get_field(fields, key))]
        for want in wants:
            if not any(want.lower() in item for item in items):
                problems.append(f"{key}: expected to contain {want!r}, got {get_field(fields, key)!r}")
    for key, banned in (expected.get("absent") or {}).items():
        items = [s.lower() for s in _as_text(get_field(fields, key))]
        for bad in banned:
            if any(bad.lower() in item for item in items):
                problems.append(f"{key}: must not contain {bad!r}, got {get_field(fields, key)!r}")
    return problems


def check_evidence(fields: dict[str, Any], text: str) -> list[str]:
    """Evidence spans must lie inside the text and be non-empty."""
    problems = []
    for key, spans in fields["evidence"].items():
        for span in spans:
            s, e = span
            if not (0 <= s < e <= len(text)):
                problems.append(f"evidence {key}: bad span {span}")
    return problems
