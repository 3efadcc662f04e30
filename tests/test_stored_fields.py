"""Extracted fields kept packed in the review file: what was found only, long verbatim values by position."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from curator.export import export_csv
from curator.export.record_table import COLUMNS
from curator.fields import empty_fields
from curator.importers import Entry, read_path
from curator.importers.batch import import_paths
from curator.review.records import get_record, set_field
from curator.store.database import Review
from curator.store.stored_fields import IN_TEXT, pack, unpack
from tests.importers.conftest import FIXTURES

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted(FIXTURES.iterdir()) + sorted((REPO / "resources" / "samples").glob("*.txt"))


def _entries(path: Path) -> list[Entry]:
    return [item for item in read_path(path) if isinstance(item, Entry)]


def _without_evidence(fields: dict) -> dict:
    return {key: value for key, value in fields.items() if key not in ("evidence", "source")}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_importer_and_sample_unpacks_to_what_was_found(path: Path) -> None:
    entries = _entries(path)
    if not entries:
        pytest.skip(f"{path.name} gives no record (a malformed-input fixture)")
    for entry in entries:
        evidence = entry.fields.get("evidence") or {}
        stored = pack(entry.fields, entry.text, evidence)
        assert "evidence" not in stored and "source" not in stored
        assert unpack(json.loads(json.dumps(stored)), entry.text) == _without_evidence(entry.fields)


def test_an_abstract_is_kept_by_its_position_and_nothing_empty_is_kept() -> None:
    entry = _entries(FIXTURES / "pubmed.nbib")[0]
    assert entry.fields["abstract"] and entry.fields["status"] is None and entry.fields["countries"] == []
    stored = pack(entry.fields, entry.text, entry.fields["evidence"])
    assert "abstract" not in stored and stored[IN_TEXT]["abstract"] == entry.fields["evidence"]["abstract"][0]
    assert "status" not in stored and "countries" not in stored
    assert stored["ids"] == entry.fields["ids"] and stored["authors"] == entry.fields["authors"]
    assert len(json.dumps(stored)) < len(json.dumps(_without_evidence(entry.fields))) - len(entry.fields["abstract"])


def test_a_value_not_word_for_word_at_its_evidence_stays_in_place() -> None:
    text = "Summary\nThe  trial   compares two doses of a drug in adults with chronic pain over twelve weeks.\n"
    abstract = " ".join(text.split("\n")[1].split())  # whitespace tidied: not the text's own characters
    fields = empty_fields() | {"abstract": abstract, "kind": "article"}
    stored = pack(fields, text, {"abstract": [[8, len(text) - 1]]})
    assert stored["abstract"] == abstract and IN_TEXT not in stored
    two_spans = pack(fields | {"abstract": text[8:40] * 3}, text, {"abstract": [[8, 40], [8, 40]]})
    assert IN_TEXT not in two_spans


def test_values_other_than_the_empty_ones_survive() -> None:
    fields = empty_fields() | {"enrollment": 0, "title": "", "ids": None, "extra": None}
    fields["pico"] = {"population": "adults", "intervention": None, "comparator": None, "outcome": None}
    stored = pack(fields, "", {})
    assert stored["enrollment"] == 0 and stored["title"] == "" and stored["ids"] is None and stored["extra"] is None
    assert stored["pico"] == {"population": "adults"}
    assert unpack(stored, "") == _without_evidence(fields)


def test_a_full_fields_object_as_older_reviews_keep_it_unpacks_to_itself() -> None:
    fields = _without_evidence(empty_fields() | {"title": "A trial", "abstract": "x" * 500, "authors": ["Rau R"]})
    assert unpack(fields, "") == fields


def test_imported_abstract_reaches_the_record_the_edit_and_the_export(review: Review, tmp_path: Path) -> None:
    source = FIXTURES / "pubmed.nbib"
    expected = _entries(source)[0].fields["abstract"]
    summary = import_paths(review, [source], reviewer="ann")
    first = summary.record_ids[0]
    with review.engine.connect() as connection:
        stored = json.loads(connection.exec_driver_sql(f"SELECT extracted FROM records WHERE id = {first}").scalar())
    assert "abstract" not in stored and IN_TEXT in stored
    record = get_record(review, first)
    assert record.value("abstract") == record.extracted_value("abstract") == expected
    assert not set_field(review, first, "abstract", expected, reviewer="ann").edited  # the extracted value: no edit
    path = export_csv(review, tmp_path / "records.csv")
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][COLUMNS.index("abstract")] == expected


def test_duplicates_are_found_again_from_packed_fields(review: Review, tmp_path: Path) -> None:
    from sqlalchemy import text as sql

    from curator.duplicates import links as duplicate_links
    from curator.duplicates import matching as dedup

    title = "Long-term outcomes of early methotrexate versus placebo in adults with rheumatoid arthritis"
    for name, journal in (("a.ris", "Annals of the Rheumatic Diseases"), ("b.ris", "Ann Rheum Dis")):
        (tmp_path / name).write_text(f"TY  - JOUR\nTI  - {title}\nAU  - Rau, R.\nPY  - 2019\nJO  - {journal}\nER  - \n")
    summary = import_paths(review, [tmp_path / "a.ris", tmp_path / "b.ris"], reviewer="ann")
    assert summary.duplicates == 1
    with review.transaction() as session:
        stored = session.execute(sql("SELECT extracted FROM records WHERE id = :i"), {"i": summary.record_ids[1]})
        assert "title" in json.loads(stored.scalar())[IN_TEXT]  # kept by its position in the page
        session.execute(sql("DELETE FROM duplicate_links"))
    with review.transaction() as session:
        assert dedup.link_duplicates(session, summary.record_ids) == 1
    assert [(link.record_id, link.duplicate_of_id) for link in duplicate_links.list_links(review)] == [tuple(summary.record_ids)[::-1]]
