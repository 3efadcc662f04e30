"""A review file Curator may not write opens read-only: it reads, and every change is refused in one sentence."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from curator.cli import cli
from curator.importers.batch import import_paths
from curator.review.screening import record_decision
from curator.store import database
from curator.store.database import ReviewReadOnly, open_review

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


@pytest.fixture
def review_file(review_path: Path) -> Path:
    with open_review(review_path) as review:
        import_paths(review, sorted(SAMPLES.glob("*.txt"))[:2], reviewer="ann")
    return review_path


@pytest.fixture
def not_writable(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the file had no write permission: the tests run as root in CI, where chmod stops nothing."""
    monkeypatch.setattr(database, "is_writable", lambda _path: False)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_review_reads_and_refuses_writes_even_to_root(review_file: Path, not_writable: None) -> None:
    with open_review(review_file) as review:
        assert review.read_only
        with review.session() as session:
            assert session.execute(text("SELECT count(*) FROM records")).scalar() == 2
            # SQLite itself refuses, whoever runs Curator: the file is opened with mode=ro
            with pytest.raises(Exception, match="readonly database"):
                session.execute(text("UPDATE records SET title = 'changed'"))
        with pytest.raises(ReviewReadOnly, match=r"^this review is read-only: .* cannot be saved$"):
            record_decision(review, 1, "include", reviewer="ann")


@pytest.mark.parametrize("command", [
    ["screen", "1", "include"],
    ["import", str(SAMPLES)],
    ["tag", "1", "pilot"],
    ["note", "1", "check the dose"],
])
def test_every_change_from_the_command_line_is_refused_in_one_sentence(review_file: Path, not_writable: None,
                                                                        command: list[str]) -> None:
    before = _digest(review_file)
    result = CliRunner().invoke(cli, [*command, "--review", str(review_file)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: this review is read-only: {review_file} cannot be written")
    assert result.stderr.endswith("cannot be saved\n") and result.stderr.count("\n") == 1
    assert _digest(review_file) == before


def test_reading_commands_still_work(review_file: Path, not_writable: None) -> None:
    result = CliRunner().invoke(cli, ["list", "--review", str(review_file)], catch_exceptions=False)
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes whatever the permissions")
def test_a_file_without_write_permission_opens_read_only(review_file: Path) -> None:
    review_file.chmod(0o444)
    try:
        with open_review(review_file) as review:
            assert review.read_only
    finally:
        review_file.chmod(0o644)

