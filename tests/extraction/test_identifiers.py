"""Identifier patterns: registry prefixes only where they stand for a trial id."""

from __future__ import annotations

from curator.identifiers import find_ids


def _ids(text: str) -> list[str]:
    return [cid for cid, _, _ in find_ids(text)]


def test_dutch_register_ids_need_a_registry_context() -> None:
    assert _ids("Trial ID: NL7823") == ["NL7823"]
    assert _ids("Secondary ID(s)\nNL12345\n") == ["NL12345"]
    assert _ids("Secondary ID(s)\nNL73233.091.20\n") == []  # an ethics (CCMO) number
    assert _ids("Postbus NL12345 Amsterdam") == []
    assert _ids("NL-OMON23456") == ["NL-OMON23456"]
