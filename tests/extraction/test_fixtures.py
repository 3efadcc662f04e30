"""Fixture documents in the layouts of real sites (registries, PubMed, publishers, foreign-language pages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from extraction_expect import check, check_evidence, load_expectations

from curator.extraction import extract, html_to_text, looks_like_html

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPECTED = load_expectations(FIXTURES / "expected.json")


def test_every_fixture_has_expectations() -> None:
    files = {p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html")}
    assert files == set(EXPECTED)
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_expectations(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    if looks_like_html(text):
        text = html_to_text(text)
    fields = extract(text, source=name)
    problems = check(fields, EXPECTED[name]) + check_evidence(fields, text)
    assert not problems, "\n".join(problems)
