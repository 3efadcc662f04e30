"""A review pushed from a file to a server and pulled back into a new file keeps every count."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli
from curator.review.listing import find_record_ids
from curator.review.records import add_note, add_tag, set_field
from curator.review.screening import record_decision, set_decision_retracted
from curator.store.database import open_review
from tests.server.conftest import ServerReview


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


def _worked_review(path: Path, samples: list[Path]) -> None:
    code, out = run("import", *map(str, samples), "--source", "Samples", "--source-kind", "database",
                    "--review", str(path))
    assert code == 0, out
    run("import", str(samples[0]), "--source", "Again", "--source-kind", "register", "--review", str(path))
    with open_review(path) as review:
        ids = find_record_ids(review)
        record_decision(review, ids[0], "include", reviewer="ann")
        record_decision(review, ids[0], "include", reviewer="ben")
        undone = record_decision(review, ids[1], "maybe", reviewer="ann")
        set_decision_retracted(review, undone.id, True, reviewer="ann")
        record_decision(review, ids[1], "exclude", reason="wrong population", reviewer="ann")
        record_decision(review, ids[2], "include", reviewer="ann")
        record_decision(review, ids[2], "exclude", reason="wrong population", reviewer="ben")
        record_decision(review, ids[0], "include", stage="full-text", reviewer="ann")
        set_field(review, ids[3], "phase", "PHASE2", reviewer="ann")
        add_tag(review, ids[3], "RCT", reviewer="ann")
        add_note(review, ids[3], "check the dose", reviewer="ben")
    run("remove", str(ids[4]), "--reason", "not a study", "--review", str(path))


def _counts(location: str) -> dict[str, object]:
    code, out = run("prisma", "--json", "--review", location)
    assert code == 0, out
    return json.loads(out)


def test_push_then_pull_keeps_the_prisma_counts(server: ServerReview, samples: list[Path], tmp_path: Path) -> None:
    original = tmp_path / "original.curator.sqlite"
    _worked_review(original, samples)
    code, out = run("push", str(original), server.url())
    assert code == 0 and "records" in out, out
    copy = tmp_path / "copy.curator.sqlite"
    code, out = run("pull", server.url(), str(copy))
    assert code == 0, out
    counts = _counts(str(original))
    assert counts == _counts(server.url()) == _counts(str(copy))
    assert any(v for v in counts.values() if isinstance(v, int))
    for command in (("log", "--json"), ("audit", "--json"), ("list", "--json", "--search", "anakinra")):
        outputs = [run(*command, "--review", where)[1] for where in (str(original), server.url(), str(copy))]
        assert outputs[0] == outputs[1] == outputs[2], command
    with open_review(server.url()) as review:  # the server numbers new rows after the pushed ones
        record_decision(review, find_record_ids(review)[3], "include", reviewer="cy")


def test_push_refuses_a_server_review_with_records(server: ServerReview, samples: list[Path], tmp_path: Path) -> None:
    original = tmp_path / "original.curator.sqlite"
    _worked_review(original, samples)
    assert run("push", str(original), server.url())[0] == 0
    code, out = run("push", str(original), server.url())
    assert code == 1 and "already has records" in out
    existing = tmp_path / "exists.curator.sqlite"
    existing.write_bytes(b"")
    code, out = run("pull", server.url(), str(existing))
    assert code == 1 and "already exists" in out


def test_a_copy_of_either_kind_of_review_is_a_file_with_the_same_counts(server: ServerReview, samples: list[Path],
                                                                       tmp_path: Path) -> None:
    from curator.store.moving import copy_review

    original = tmp_path / "original.curator.sqlite"
    _worked_review(original, samples)
    assert run("push", str(original), server.url())[0] == 0
    for location, copy in ((str(original), tmp_path / "of-file.curator.sqlite"),
                           (server.url(), tmp_path / "of-server.curator.sqlite")):
        with open_review(location) as review:
            assert copy_review(review, copy) == copy
        assert _counts(str(copy)) == _counts(str(original))
