"""Dual screening on the command line: two reviewers, blind lists, conflicts, resolution, agreement, PRISMA."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from curator.cli import cli


def run(*args: str, review: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"CURATOR_REVIEW": str(review)}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """The demo review (5 records) in dual mode, led by carol; alice and bob screened records 1-4."""
    path = tmp_path / "team.curator.sqlite"
    assert run("demo", "--review", str(path), review=path)[0] == 0
    assert run("screening-mode", "dual", "--lead", "carol", review=path)[0] == 0
    for args in (("1", "include", "--reviewer", "alice"), ("1", "exclude", "--reason", "wrong outcome",
                                                           "--reviewer", "bob"),
                 ("2", "exclude", "--reason", "wrong population", "--reviewer", "bob"),
                 ("3", "include", "--reviewer", "alice"), ("3", "include", "--reviewer", "bob"),
                 ("4", "maybe", "--reviewer", "alice"), ("4", "exclude", "--reviewer", "bob")):
        code, _, err = run("screen", *args, review=path)
        assert code == 0, err
    return path


def test_screening_mode_prints_and_switches_per_stage(tmp_path: Path) -> None:
    path = tmp_path / "r.curator.sqlite"
    run("demo", "--review", str(path), review=path)
    assert run("screening-mode", review=path)[1] == "title-abstract: single\nfull-text: single\nlead: (none)\n"
    assert run("screening-mode", "dual", "--stage", "full-text", review=path)[0] == 0
    code, out, _ = run("screening-mode", "--json", review=path)
    assert json.loads(out) == {"modes": {"title-abstract": "single", "full-text": "dual"}, "lead": None}
    code, _, err = run("screening-mode", "dual", "--stage", "abstract", review=path)
    assert code == 1 and "there is no stage 'abstract'" in err and "Traceback" not in err


def test_a_reviewer_lists_blind(team: Path) -> None:
    code, out, _ = run("list", "--json", "--reviewer", "alice", review=team)
    decisions = {row["id"]: row["decisions"]["title-abstract"] for row in lines(out)}
    assert code == 0 and decisions == {1: "include", 2: None, 3: "include", 4: "maybe", 5: None}
    assert "conflict" not in out and "exclude" not in out
    code, out, _ = run("list", "--json", "--reviewer", "bob", "--verdict", "exclude", review=team)
    assert [(r["id"], r["reasons"]["title-abstract"]) for r in lines(out)] == [
        (1, "wrong outcome"), (2, "wrong population"), (4, None)]
    code, out, err = run("list", "--json", "--reviewer", "alice", "--verdict", "conflict", review=team)
    assert code == 1 and out == "" and "screening is blind" in err
    code, _, err = run("list", "--reviewer", "zoe", review=team)
    assert code == 1 and "zoe has never screened a record" in err
    assert run("list", "--reviewer", "zoe", "--verdict", "undecided", review=team)[0] == 0
    code, out, _ = run("list", "--json", "--verdict", "conflict", review=team)
    assert [r["id"] for r in lines(out)] == [1, 4]


def test_conflicts_resolve_and_log(team: Path) -> None:
    code, out, _ = run("conflicts", "--json", review=team)
    assert lines(out) == [
        {"record_id": 1, "stage": "title-abstract", "decisions": {"alice": "include", "bob": "exclude"},
         "reasons": {"bob": "wrong outcome"}},
        {"record_id": 4, "stage": "title-abstract", "decisions": {"alice": "maybe", "bob": "exclude"},
         "reasons": {}},
    ]
    assert run("conflicts", "--stage", "full-text", "--json", review=team)[1] == ""
    for args, message in [
        (("3", "include", "--reviewer", "carol"), "record 3 has no conflict at title-abstract"),
        (("1", "include", "--reviewer", "alice"), "cannot settle a conflict they are part of"),
        (("1", "include", "--reviewer", "carol", "--stage", "abstract"), "there is no stage"),
        (("99", "include", "--reviewer", "carol"), "no record 99"),
    ]:
        code, _, err = run("resolve", *args, review=team)
        assert code == 1 and message in err and "Traceback" not in err, err
    code, out, err = run("resolve", "1", "exclude", "--reviewer", "carol", review=team)
    assert code == 0, err
    assert "resolved by carol" in out
    resolution = lines(run("log", "--json", review=team)[1])[-1]
    assert (resolution["reviewer"], resolution["verdict"], resolution["reason"]) == ("carol", "exclude",
                                                                                    "wrong outcome")
    assert resolution["resolves"] == [1, 2]
    assert [c["record_id"] for c in lines(run("conflicts", "--json", review=team)[1])] == [4]
    assert "resolves 1, 2" in run("log", review=team)[1]


def test_agreement_prisma_and_workbook(team: Path, tmp_path: Path) -> None:
    run("resolve", "1", "exclude", "--reviewer", "dave", review=team)
    code, out, _ = run("agreement", "--json", review=team)
    # Records 1, 3, 4 screened by both: include/exclude, include/include, maybe/exclude (agree on not-include).
    (row,) = lines(out)
    assert code == 0 and row["stage"] == "title-abstract" and row["reviewers"] == ["alice", "bob"]
    assert (row["records"], row["conflicts"], row["resolved_by"]) == (3, 2, {"dave": 1})
    assert row["agreement"] == pytest.approx(2 / 3)
    # p_o = 2/3; alice includes 2 of 3, bob 1 of 3: p_e = 2/9 + 2/9 = 4/9; kappa = (2/3 − 4/9) / (5/9) = 0.4
    assert row["kappa"] == pytest.approx(0.4)
    code, out, _ = run("agreement", review=team)
    assert "Two reviewers independently screened 3 titles and abstracts (agreement 67%, Cohen's kappa 0.40)" in out
    code, out, _ = run("prisma", "--json", review=team)
    data = json.loads(out)
    # the demo's records are a register's and a database's: 2 and 5 await a second reviewer, 4 is in conflict
    assert data["awaiting"]["title-abstract"] == 3
    assert data["pending"]["title_abstract"] == [2, 5] and data["conflicts"]["title_abstract"] == [4]
    assert data["agreement"] == [row]
    target = tmp_path / "team.xlsx"
    assert run("export", "--xlsx", str(target), review=team)[0] == 0
    sheet = openpyxl.load_workbook(target)["Agreement"]
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[1][:8] == ["title-abstract", "alice & bob", 3, "all", pytest.approx(2 / 3), 0.4, 2, 1]
    assert any(v and str(v).startswith("Two reviewers independently screened 3") for r in values for v in r)
    code, _, err = run("agreement", "--stage", "screening", review=team)
    assert code == 1 and "there is no stage" in err


def test_pilot_command(team: Path) -> None:
    code, out, _ = run("pilot", "--size", "3", "--seed", "1", "--json", review=team)
    assert code == 0 and len(json.loads(out)["pilot"]) == 3
    assert json.loads(run("pilot", "--size", "3", "--seed", "1", "--json", review=team)[1]) == json.loads(out)
    code, _, err = run("pilot", "--size", "50", review=team)
    assert code == 1 and "larger than the 5 records" in err
