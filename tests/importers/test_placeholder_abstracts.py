"""A database's note that a record has no abstract ("[No abstract available]", "Abstract not available") is no abstract,
in every reader that writes one (CSV, RIS, MEDLINE): no abstract field, no Abstract block on the page."""

from __future__ import annotations

import pytest

from curator.importers import Entry, read_path
from curator.importers._page import is_placeholder

_NOTES = ("[No abstract available]", "No abstract available", "Abstract not available", "[Abstract missing]")


def _only(path):
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], Entry)
    return items[0]


@pytest.mark.parametrize("note", _NOTES)
def test_notes_are_placeholders(note: str) -> None:
    assert is_placeholder(note)


def test_a_short_real_abstract_is_kept() -> None:
    assert not is_placeholder("Zinc shortened colds by a day.")
    assert not is_placeholder("No difference was found between arms in the abstract.")


@pytest.mark.parametrize("note", _NOTES)
def test_csv_note_is_no_abstract(tmp_path, note: str) -> None:
    target = tmp_path / "scopus.csv"
    target.write_text(f'"Title","Year","Abstract","Document Type"\n"Walking for knee pain","2020","{note}","Letter"\n',
                      encoding="utf-8")
    entry = _only(target)
    assert entry.fields["abstract"] is None and "abstract" not in entry.fields["evidence"]
    assert note not in entry.text


@pytest.mark.parametrize("note", _NOTES)
def test_ris_note_is_no_abstract(tmp_path, note: str) -> None:
    target = tmp_path / "embase.ris"
    target.write_text(f"TY  - JOUR\nT1  - Walking for knee pain\nY1  - 2020\nAB  - {note}\nER  - \n", encoding="utf-8")
    entry = _only(target)
    assert entry.fields["abstract"] is None and note not in entry.text


@pytest.mark.parametrize("note", _NOTES)
def test_medline_note_is_no_abstract(tmp_path, note: str) -> None:
    target = tmp_path / "pubmed.nbib"
    target.write_text(f"PMID- 123456\nTI  - Walking for knee pain.\nDP  - 2020\nAB  - {note}\n", encoding="utf-8")
    entry = _only(target)
    assert entry.fields["abstract"] is None and note not in entry.text
