"""The seed documents printed to PDF (wrapped at 90 columns, over pages, headed and footed) keep every expectation.

They keep them as text (tests/extraction/test_seeds.py); as printed PDFs they go through the same
extraction, and every value's evidence is on a page, quoting the words that stand there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.extraction import extract
from curator.fulltext.filling import page_evidence
from curator.fulltext.reading import read_pdf
from tests.fulltext.printed_pdf import printed_pdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "extraction"))
from extraction_expect import check, check_evidence, load_expectations  # noqa: E402

SAMPLES = HERE.parents[1] / "resources" / "samples"
EXPECTED = load_expectations(HERE.parent / "extraction" / "seeds_expected.json")


@pytest.mark.parametrize("width", [70, 90])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_printed_seed_keeps_every_expectation(name: str, width: int) -> None:
    full = read_pdf(printed_pdf((SAMPLES / name).read_text(encoding="utf-8"), name, width=width))
    assert full.page_count >= 1
    fields = extract(full.text, source=name)
    problems = check(fields, EXPECTED[name]) + check_evidence(fields, full.text)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_value_of_a_printed_seed_has_its_page_and_words(name: str) -> None:
    full = read_pdf(printed_pdf((SAMPLES / name).read_text(encoding="utf-8"), name))
    fields = extract(full.text, source=name)
    assert fields["evidence"]
    for key, spans in fields["evidence"].items():
        evidence = page_evidence(full, spans)
        assert evidence, key
        for item in evidence:
            assert 1 <= item["page"] <= full.page_count
            on_page = full.pages[item["page"] - 1][item["start"]:item["end"]]
            # The same words: a wrapped line's break is a space, a word cut at the margin is whole.
            assert _letters(on_page) == _letters(item["quote"]), (key, item)


def _letters(text: str) -> str:
    return "".join(text.split()).replace("-", "").replace("\u00ad", "")


def test_extract_command_reads_a_printed_pdf_as_its_text(tmp_path: Path) -> None:
    name = "004_d447a14818565f2a.txt"
    path = tmp_path / "lenalidomide.pdf"
    path.write_bytes(printed_pdf((SAMPLES / name).read_text(encoding="utf-8"), name))
    result = CliRunner().invoke(cli, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    fields = json.loads(result.output)
    assert not check(fields, EXPECTED[name])
