"""A review on a PostgreSQL server works as a review file does: import, search, screen, edit, PRISMA."""

from __future__ import annotations

from pathlib import Path

from curator.importers.batch import import_paths
from curator.prisma.counts import prisma_counts
from curator.review.listing import RecordFilter, find_record_ids, record_rows
from curator.review.records import add_note, add_tag, get_record, set_field
from curator.review.screening import record_decision, set_decision_retracted, verdicts
from curator.store.database import open_review
from tests.conftest import add_records
from tests.server.conftest import ServerReview

SEARCHES = ("anakinra", "randomised", "trial", "covid 19", "NCT", "placebo contr", "the", "x", "nothing-such",
            "sjogren", "Sjögren", "meniere", "MÉNIÈRE", "naive cafe")
ACCENTED = ["Sjögren syndrome and anakinra", "Ménière disease: a naïve café study", "Sjogren without accents"]


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
        with open_review(location) as review:
            add_records(review, ACCENTED)
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
    assert len(in_file[0]["sjogren"]) == len(in_file[0]["Sjögren"]) == 2 and len(in_file[0]["MÉNIÈRE"]) == 1
    assert on_server[1:] == in_file[1:]


def _run(*args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from curator.cli import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


def test_every_command_answers_the_same_on_a_server_and_in_a_file(server: ServerReview, samples: list[Path],
                                                                  tmp_path: Path) -> None:
    file = str(tmp_path / "same.curator.sqlite")
    steps = [("import", *map(str, samples), "--source", "Samples", "--source-kind", "database"),
             ("import", str(samples[1]), "--source", "Register", "--source-kind", "register"),
             ("screen", "1", "include"), ("screen", "2", "exclude", "--reason", "wrong population"),
             ("screen", "2", "include", "--reviewer", "other"), ("screen", "1", "include", "--stage", "full-text"),
             ("edit", "3", "enrollment", "250"), ("edit", "3", "enrollment", "--revert"), ("edit", "3", "phase", "PHASE2"),
             ("tag", "3", "RCT", "urgent"), ("tag", "3", "urgent", "--remove"), ("note", "4", "ask the authors"),
             ("remove", "5", "--reason", "not a study"), ("remove", "5", "--restore"),
             ("reasons", "--set", "wrong population", "--set", "wrong design", "--set", "other")]
    for step in steps:
        for location in (server.url(), file):
            code, out = _run(*step, "--review", location)
            assert code == 0, (step, out)
    code, links = _run("duplicates", "--json", "--review", file)
    for link in [line for line in links.splitlines() if line][:1]:
        import json

        for location in (server.url(), file):
            assert _run("duplicates", "undo", str(json.loads(link)["id"]), "--review", location)[0] == 0
    answers = {}
    for location in (server.url(), file):
        exports = tmp_path / ("server" if location != file else "file")
        exports.mkdir()
        questions = [("list", "--json"), ("list", "--json", "--verdict", "conflict"), ("list", "--json", "--tag", "RCT"),
                     ("list", "--json", "--stage", "full-text", "--verdict", "undecided"), ("show", "3", "--json"),
                     ("log", "--json"), ("audit", "--json"), ("duplicates", "--json", "--all"), ("prisma", "--json"),
                     ("reasons",)]
        answers[location] = [_run(*q, "--review", location) for q in questions]
        code, out = _run("export", "--xlsx", str(exports / "r.xlsx"), "--csv", str(exports / "r.csv"),
                         "--ris", str(exports / "r.ris"), "--review", location)
        assert code == 0, out
        answers[location].append((exports / "r.csv").read_text(encoding="utf-8"))
        answers[location].append((exports / "r.ris").read_text(encoding="utf-8"))
    assert _untimed(answers[server.url()]) == _untimed(answers[file])


def _untimed(value: object) -> str:
    """The answers with every time of day left out (the two reviews were made a moment apart)."""
    import re

    return re.sub(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?", "TIME", repr(value))
