"""The five seed documents: every expectation a careful reviewer wrote down must be met."""

from __future__ import annotations

from pathlib import Path

import pytest
from extraction_expect import check, check_evidence, load_expectations

from curator.extraction import extract

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[1] / "resources" / "samples"
EXPECTED = load_expectations(HERE / "seeds_expected.json")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_expectations(name: str) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    fields = extract(text, source=name)
    problems = check(fields, EXPECTED[name]) + check_evidence(fields, text)
    assert not problems, "\n".join(problems)
    assert fields["source"] == name
