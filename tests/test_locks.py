"""A reviewer's write waits for another writer (an import, mostly) instead of dying on the lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from curator.importers.batch import import_paths
from curator.review.screening import decision_log, record_decision
from curator.store.database import LOCK_WAIT_ENV, ReviewLocked, open_review

REPO = Path(__file__).resolve().parent.parent
WAITING = "waiting for another Curator window or command that is writing to this review (an import?)..."


def _ris(path: Path, count: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(start, start + count):
            out.write(f"TY  - JOUR\nTI  - Generated study number {n} of a treatment\nAU  - Author{n}, A\n"
                      f"PY  - {2000 + n % 20}\nDO  - 10.1000/gen.{n}\nAB  - An abstract about study {n}.\nER  - \n\n")
    return path


@pytest.fixture
def small_review(review_path: Path, tmp_path: Path) -> Path:
    with open_review(review_path) as review:
        import_paths(review, [_ris(tmp_path / "first.ris", 3)], reviewer="ann")
    return review_path


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another writer: a plain connection holding the review's write lock until it commits."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_write_waits_for_the_lock_and_then_goes_through_whole(small_review: Path) -> None:
    other = _hold_write_lock(small_review)
    waits: list[float] = []

    def on_wait(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:  # the other writer finishes while this one waits
            other.execute("UPDATE sources SET name = 'renamed meanwhile'")
            other.execute("COMMIT")

    with open_review(small_review, on_wait=on_wait) as review:
        decision = record_decision(review, 1, "include", reviewer="ann")
        assert [d.id for d in decision_log(review)] == [decision.id]
        with review.session() as session:
            assert session.execute(text("SELECT name FROM sources")).scalar() == "renamed meanwhile"
    other.close()
    assert len(waits) == 2 and waits == sorted(waits)


def test_a_lock_held_past_the_limit_raises_with_nothing_written(small_review: Path, monkeypatch) -> None:
    monkeypatch.setenv(LOCK_WAIT_ENV, "0")
    other = _hold_write_lock(small_review)
    try:
        with open_review(small_review) as review:
            with pytest.raises(ReviewLocked, match="kept this review locked .* so this change was not saved"):
                record_decision(review, 1, "include", reviewer="ann")
            other.execute("ROLLBACK")
            assert list(decision_log(review)) == []
    finally:
        other.close()


def _curator(*args: str, review: Path, **env: str) -> subprocess.Popen[str]:
    import os

    return subprocess.Popen([sys.executable, "-m", "curator", *args, "--review", str(review)], cwd=REPO,
                            env={**os.environ, "CURATOR_REVIEWER": "bob", **env}, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_screen_while_the_lock_stays_held_says_so_in_one_sentence_and_exits_1(small_review: Path) -> None:
    other = _hold_write_lock(small_review)
    try:
        screen = _curator("screen", "1", "include", review=small_review, **{LOCK_WAIT_ENV: "1"})
        out, err = screen.communicate(timeout=120)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert screen.returncode == 1, out + err
    lines = err.splitlines()
    assert lines == [WAITING, lines[1]]
    assert lines[1].startswith("Error: another Curator window or command kept this review locked for")
    assert lines[1].endswith("so this change was not saved; try again when it has finished")
    with open_review(small_review) as review:
        assert list(decision_log(review)) == []


# The import runs as a reviewer runs it, in a process of its own, and stops while it holds the write lock
# (its duplicates step is inside the transaction) until the test has seen the screen command wait.
IMPORT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {repo!r})
    from curator.importers.batch import import_paths
    from curator.store.database import open_review

    def progress(done, total, name):
        if name == "finding duplicates":
            print("holding the lock", flush=True)
            sys.stdin.readline()

    with open_review({review!r}) as review:
        summary = import_paths(review, [{ris!r}], reviewer="ann", progress=progress)
    print("imported", summary.imported, flush=True)
""")


def test_a_decision_made_during_a_large_import_waits_and_both_are_saved(small_review: Path, tmp_path: Path) -> None:
    ris = _ris(tmp_path / "large.ris", 30_000, 1000)
    child = IMPORT.format(repo=str(REPO), review=str(small_review), ris=str(ris))
    importer = subprocess.Popen([sys.executable, "-c", child], cwd=REPO, text=True, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    screen = None
    try:
        assert importer.stdout is not None and importer.stdin is not None
        assert importer.stdout.readline().strip() == "holding the lock"
        screen = _curator("screen", "2", "exclude", "--reason", "wrong population", review=small_review)
        assert screen.stderr is not None
        assert screen.stderr.readline().rstrip("\n") == WAITING  # it waits; it does not die
        importer.stdin.write("go on\n")
        importer.stdin.flush()
        out, err = screen.communicate(timeout=300)
        imported, import_err = importer.communicate(timeout=300)
    finally:
        for process in (importer, screen):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
    assert screen.returncode == 0, err
    assert out.strip() == "record 2: exclude (wrong population) at title-abstract by bob"
    assert "Traceback" not in err and err.strip() == ""
    assert importer.returncode == 0, import_err
    assert imported.strip() == "imported 30000"
    with open_review(small_review) as review:
        assert [(d.record_id, d.verdict, d.reviewer) for d in decision_log(review)] == [(2, "exclude", "bob")]
        with review.session() as session:
            assert session.execute(text("SELECT count(*) FROM records")).scalar() == 30_003
