"""A review on a PostgreSQL server works as a review file does: import, search, screen, edit, PRISMA."""

from __future__ import annotations

from pathlib import Path

from curator.importers.batch import import_paths
from curator.prisma.counts import prisma_counts
from curator.review.listing import RecordFilter, find_record_ids, record_rows
from curator.review.records import add_note, add_tag, get_record, set_field
from curator.review.screening import record_decision, set_decision_retracted, verdicts
from curator.store.database import open_review
from tests.server.conftest import ServerReview

SEARCHES = ("anakinra", "randomised", "trial", "covid 19", "NCT", "placebo contr", "the", "x", "nothing-such")


def _without_times(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if "imported_at" not in k and k != "at"}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def _import_samples(location: str, samples: list[Path]) -> None:
    with open_review(location) as review:
        summary = import_paths(review, samples, reviewer="tester", source_name="Samples", source_kind="database")
        assert summary.imported == len(samples) and summary.ok


def test_a_server_review_works_as_a_file_does(server: ServerReview, samples: list[Path], tmp_path: Path) -> None:
    file = str(tmp_path / "same.curator.sqlite")
    for location in (server.url(), file):
        _import_samples(location, samples)
    results = {}
    for location in (server.url(), file):
        with open_review(location) as review:
            ids = find_record_ids(review)
            record_decision(review, ids[0], "include", reviewer="tester")
            wrong = record_decision(review, ids[1], "maybe", reviewer="tester")
            set_decision_retracted(review, wrong.id, True, reviewer="tester")
            record_decision(review, ids[1], "exclude", reviewer="tester", reason="wrong population")
            set_field(review, ids[2], "phase", "PHASE3", reviewer="tester")
            add_tag(review, ids[2], "RCT", reviewer="tester")
            add_note(review, ids[2], "check the dose", reviewer="tester")
            results[location] = (
                {words: find_record_ids(review, RecordFilter(search=words)) for words in SEARCHES},
                find_record_ids(review, order_by="title"), find_record_ids(review, order_by="phase", descending=True),
                find_record_ids(review, RecordFilter(verdict="undecided")),
                {k: v.verdict for k, v in verdicts(review, "title-abstract").items()},
                [(row.title, row.tags) for row in record_rows(review, ids)],
                get_record(review, ids[2]).value("phase"),
                _without_times(prisma_counts(review).as_dict()),
            )
    on_server, in_file = results[server.url()], results[file]
    assert on_server[0] == in_file[0] and any(on_server[0].values())
    assert on_server[1:] == in_file[1:]
