"""The PICO fill on a server review: the lead's import finds it; a reviewer's login may not write extracted values."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.review.pico_filling import PicoNotAllowed, fill_pico, records_waiting
from curator.review.records import get_record
from curator.store.database import open_server_review
from tests.pico_export import write_export
from tests.server.conftest import PASSWORDS, ServerReview, run


def test_the_leads_import_finds_the_pico_and_a_reviewer_is_refused(server: ServerReview, tmp_path: Path) -> None:
    assert run("server", "init", server.url())[0] == 0
    assert run("server", "add-reviewer", server.url(), "alice", "--password", PASSWORDS["alice"])[0] == 0
    code, out = run("import", str(write_export(tmp_path / "e.ris", 5, without_abstract=1)), "--review", server.url())
    assert code == 0, out
    assert "Finding PICO in 5 records" in out and "PICO: found in 4 of 5 records" in out
    review = open_server_review(server.url())
    try:
        assert records_waiting(review) == 0
        record = get_record(review, 2)
        assert record.value("pico.comparator") == "usual care"
        (start, end), = record.evidence["pico.comparator"]
        assert record.text[start:end] == "usual care"
    finally:
        review.close()
    alice = open_server_review(server.url("alice", PASSWORDS["alice"]))
    try:
        with pytest.raises(PicoNotAllowed, match="found by a lead"):
            fill_pico(alice, reviewer="alice")
    finally:
        alice.close()
