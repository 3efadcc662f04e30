"""attach_files: several PDFs at once, to one record or each to its own; failures listed; cancel between files."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.fulltext.attaching import AttachCancelled, attach_files
from curator.fulltext.storage import full_text_of
from tests.conftest import add_records
from tests.fulltext.printed_pdf import printed_pdf


def _files(tmp_path: Path) -> list[Path]:
    named = {"report.pdf": printed_pdf("Trial registration: NCT01408199\n\nLenalidomide in lupus.\n", "report"),
             "stray.pdf": printed_pdf("Nothing of this review.\n" * 3, "stray"),
             "fake.pdf": b"<html>not a pdf</html>"}
    for name, data in named.items():
        (tmp_path / name).write_bytes(data)
    return [tmp_path / name for name in named]


def test_each_file_to_its_record_and_the_others_listed_with_the_reason(review, tmp_path: Path) -> None:
    (lupus,) = add_records(review, ["Lenalidomide for refractory cutaneous lupus"], fields={"ids": ["NCT01408199"]})
    seen: list[tuple[int, int, str]] = []
    report = attach_files(review, _files(tmp_path), reviewer="ann", progress=lambda *a: seen.append(a))
    assert report.headline == "Attached 1 of 3 PDF files" and report.record_ids == [lupus]
    assert report.attached == [f"report.pdf: attached to record {lupus} (1 page, registry id NCT01408199)"]
    assert report.failed[0].startswith("stray.pdf: not attached: no DOI, PMID, PMCID or registry id")
    assert report.failed[1].startswith("fake.pdf: not a PDF")
    assert full_text_of(review, lupus).file_name == "report.pdf"  # type: ignore[union-attr]
    assert [s[:2] for s in seen] == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_to_one_record_and_cancelled_between_files(review, tmp_path: Path) -> None:
    (rid,) = add_records(review, ["Any record"])
    files = _files(tmp_path)
    calls = iter([False, True])
    with pytest.raises(AttachCancelled, match="attached 1 of 3 PDF files before you cancelled"):
        attach_files(review, files, reviewer="ann", record_id=rid, cancelled=lambda: next(calls))
    assert full_text_of(review, rid).file_name == "report.pdf"  # type: ignore[union-attr]
