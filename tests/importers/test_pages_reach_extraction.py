"""Saved pages go to extraction whole: no export reader may claim a page because it quotes an export's words.

`curator extract` and `curator import` read files through the importers; the
extraction engine is tested on these same documents directly, so both routes must
give the same fields.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.extraction import decode_bytes, extract
from curator.importers import Entry, read_path

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted([*(REPO / "resources" / "samples").glob("*.txt"),
                *(REPO / "tests" / "extraction" / "fixtures").glob("*.txt")])


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_a_saved_page_is_read_by_extraction(path: Path) -> None:
    data = path.read_bytes()
    try:
        text = decode_bytes(data)
    except ValueError:
        pytest.skip("not a text document")
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], Entry), items
    entry = items[0]
    expected = extract(text, source=path.name)
    assert entry.text == text
    assert {k: v for k, v in entry.fields.items() if k != "source"} == \
        {k: v for k, v in expected.items() if k != "source"}
