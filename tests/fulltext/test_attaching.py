"""Attaching and detaching full texts: stored once inside the review, shown by `curator show --json`, audited."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.fulltext.reading import DAMAGED, NOT_A_PDF, PASSWORD_PROTECTED
from curator.fulltext.storage import (
    attach_full_text,
    detach_full_text,
    full_text_bytes,
    full_text_of,
    full_texts_of,
    sha256_of,
)
from curator.store.audit import audit_trail
from tests.conftest import add_records
from tests.fulltext.printed_pdf import pdf_from_pages, printed_pdf

REPORT = printed_pdf("Anakinra for refractory complex regional pain syndrome\n\nA randomised trial. " * 40, "Report")


def _run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def _stored_files(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM full_texts").fetchone()[0]


def test_one_file_attached_to_two_records_is_stored_once(review, review_path: Path, tmp_path: Path) -> None:
    first, second = add_records(review, ["Anakinra for CRPS", "Anakinra for CRPS: the trial's registration"])
    pdf = tmp_path / "anakinra.pdf"
    pdf.write_bytes(REPORT)
    for rid in (first, second):
        result = _run("attach", str(rid), str(pdf), "--review", str(review_path))
        assert result.exit_code == 0, result.output
        assert f"anakinra.pdf: attached to record {rid}" in result.output
    assert _stored_files(review_path) == 1
    shown = json.loads(_run("show", str(first), "--json", "--review", str(review_path)).output)
    pages = full_text_of(review, first).pages  # type: ignore[union-attr]
    assert shown["full_text"] == {"file_name": "anakinra.pdf", "pages": pages, "sha256": sha256_of(REPORT),
                                  "kind": "pdf"}
    assert pages >= 2 and set(full_texts_of(review)) == {first, second}
    again = _run("attach", str(first), str(pdf), "--review", str(review_path))
    assert "already attached" in again.output and _stored_files(review_path) == 1


def test_a_record_without_full_text_shows_null(review, review_path: Path) -> None:
    (rid,) = add_records(review, ["Anakinra for CRPS"])
    assert json.loads(_run("show", str(rid), "--json", "--review", str(review_path)).output)["full_text"] is None


def test_detaching_keeps_the_file_and_its_trail(review, review_path: Path) -> None:
    (rid,) = add_records(review, ["Anakinra for CRPS"])
    attach_full_text(review, rid, "report.pdf", REPORT, reviewer="ann")
    result = _run("detach", str(rid), "--review", str(review_path), "--reviewer", "bob")
    assert result.exit_code == 0 and "report.pdf detached" in result.output
    assert full_text_of(review, rid) is None
    assert full_text_bytes(review, sha256_of(REPORT)) == REPORT  # still in the review
    with review.session() as session:
        trail = [(line.action, line.reviewer, line.old, line.new) for line in audit_trail(session, rid)]
    assert trail[0][:2] == ("attach full text", "ann") and trail[0][3]["file_name"] == "report.pdf"
    assert trail[1] == ("detach full text", "bob", {"file_name": "report.pdf", "sha256": sha256_of(REPORT)}, None)
    again = _run("detach", str(rid), "--review", str(review_path))
    assert again.exit_code == 1 and "has no full text attached" in again.output


def test_attaching_another_file_replaces_the_first(review) -> None:
    (rid,) = add_records(review, ["Anakinra for CRPS"])
    attach_full_text(review, rid, "preprint.pdf", REPORT, reviewer="ann")
    other = printed_pdf("The published version of the anakinra trial.", "Published")
    attached = attach_full_text(review, rid, "published.pdf", other, reviewer="ann")
    assert attached.replaced is not None and attached.replaced.file_name == "preprint.pdf"
    assert full_text_of(review, rid).file_name == "published.pdf"  # type: ignore[union-attr]
    assert detach_full_text(review, rid, reviewer="ann").file_name == "published.pdf"  # type: ignore[union-attr]


def _encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(REPORT)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("data", "words"), [
    (_encrypted(), PASSWORD_PROTECTED),
    (REPORT[: len(REPORT) // 2], DAMAGED),
    (b"<!DOCTYPE html><html>Access denied</html>", NOT_A_PDF),
])
def test_an_unreadable_file_is_one_sentence_and_nothing_is_written(review, review_path: Path, tmp_path: Path,
                                                                  data: bytes, words: str) -> None:
    (rid,) = add_records(review, ["Anakinra for CRPS"])
    pdf = tmp_path / "bad.pdf"
    pdf.write_bytes(data)
    result = _run("attach", str(rid), str(pdf), "--review", str(review_path))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: bad.pdf: {words}"
    assert "password-protected" in words or "damaged or incomplete" in words or "not a PDF" in words
    assert _stored_files(review_path) == 0 and full_text_of(review, rid) is None


def test_a_scan_is_attached_and_said_to_need_ocr(review, review_path: Path, tmp_path: Path) -> None:
    (rid,) = add_records(review, ["Anakinra for CRPS"])
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(pdf_from_pages([[], [], []]))
    result = _run("attach", str(rid), str(pdf), "--review", str(review_path))
    assert result.exit_code == 0 and "scan.pdf: attached to record" in result.output
    assert "extraction from it needs OCR" in result.output
    assert full_text_of(review, rid).pages == 3  # type: ignore[union-attr]


def test_a_missing_record_or_file_is_one_sentence(review, review_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(REPORT)
    result = _run("attach", "99", str(pdf), "--review", str(review_path))
    assert result.exit_code == 1 and result.output.strip() == "Error: no record 99 in this review"
    result = _run("attach", "99", str(tmp_path / "missing.pdf"), "--review", str(review_path))
    assert result.exit_code == 1 and "missing.pdf: cannot be read" in result.output
    assert "Traceback" not in result.output


def test_a_500_page_pdf_is_attached_and_the_review_grows_by_its_size(review, review_path: Path) -> None:
    records = add_records(review, [f"Report {n}" for n in range(3)])
    pages = [[f"Line {k}: {n * 13 + k * 7} participants, dose {k * n} mg, outcome measured." for k in range(45)]
             for n in range(500)]
    data = pdf_from_pages(pages)
    review.close()
    before = review_path.stat().st_size
    from curator.store.database import open_review

    with open_review(review_path) as opened:
        for rid in records:
            attached = attach_full_text(opened, rid, "long.pdf", data, reviewer="ann")
            assert attached.info.pages == 500 and attached.has_text
    with sqlite3.connect(review_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    grown = review_path.stat().st_size - before
    assert len(data) * 0.95 <= grown <= len(data) * 1.05 + 256 * 1024  # once, and not more (free pages aside)
