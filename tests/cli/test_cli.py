"""The command line as a reviewer on a server uses it: demo, import, list, show, screen, edit, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def run(*args: str, review: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    env = {"CURATOR_REVIEW": str(review)} if review else {}
    result = runner.invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.curator.sqlite"
    code, out, _ = run("demo", "--review", str(path))
    assert code == 0 and out.strip() == str(path)
    return path


def test_demo_review_lists_the_five_samples(demo: Path) -> None:
    code, out, _ = run("list", "--json", review=demo)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 5
    assert all(set(r) >= {"id", "title", "kind", "decisions", "reasons", "tags"} for r in rows)
    assert all(r["decisions"] == {"title-abstract": None, "full-text": None} for r in rows)
    assert {r["kind"] for r in rows} <= {"trial", "article", "unknown"}
    # Building the demo again reuses it.
    code, out, _ = run("demo", "--review", str(demo))
    assert code == 0 and len(run("list", "--json", review=demo)[1].splitlines()) == 5


def test_screen_then_list_shows_the_decision(demo: Path) -> None:
    first, second = (json.loads(line)["id"] for line in run("list", "--json", review=demo)[1].splitlines()[:2])
    code, out, _ = run("screen", str(first), "exclude", "--reason", "wrong population", "--reviewer", "ann",
                       review=demo)
    assert code == 0 and "exclude" in out
    # Excluded at title/abstract: not assessed in full text.
    runner = CliRunner()
    refused = runner.invoke(cli, ["screen", str(first), "include", "--stage", "full-text"],
                            env={"CURATOR_REVIEW": str(demo)})
    assert refused.exit_code != 0 and "has not passed title/abstract screening" in refused.output
    run("screen", str(second), "maybe", "--reviewer", "ann", review=demo)
    run("screen", str(second), "exclude", "--stage", "full-text", "--reason", "not retrievable", "--reviewer",
        "ann", review=demo)
    rows = [json.loads(line) for line in run("list", "--json", review=demo)[1].splitlines()[:2]]
    assert rows[0]["decisions"] == {"title-abstract": "exclude", "full-text": None}
    assert rows[0]["reasons"]["title-abstract"] == "wrong population"
    assert rows[1]["decisions"] == {"title-abstract": "maybe", "full-text": "exclude"}
    assert rows[1]["reasons"]["full-text"] == "not retrievable"
    log = run("log", "--json", review=demo)[1].splitlines()
    assert [json.loads(line)["reviewer"] for line in log] == ["ann", "ann", "ann"]


def test_show_edit_tag_note(demo: Path) -> None:
    first = json.loads(run("list", "--json", review=demo)[1].splitlines()[0])["id"]
    assert run("edit", str(first), "enrollment", "120", review=demo)[0] == 0
    assert run("tag", str(first), "crps", "adults", review=demo)[0] == 0
    assert run("note", str(first), "ask the sponsor", review=demo)[0] == 0
    code, out, _ = run("show", str(first), "--json", review=demo)
    shown = json.loads(out)
    assert code == 0 and shown["fields"]["enrollment"] == 120 and shown["curated"]["enrollment"]["value"] == 120
    assert shown["tags"] == ["adults", "crps"] and shown["notes"][0]["text"] == "ask the sponsor"
    assert "title" in shown["extracted"] and "evidence" in shown
    code, out, _ = run("show", str(first), review=demo)
    assert code == 0 and "enrollment" in out and "edited" in out
    assert run("edit", str(first), "enrollment", "--revert", review=demo)[0] == 0
    assert json.loads(run("show", str(first), "--json", review=demo)[1])["curated"] == {}


@pytest.mark.parametrize("args", [
    ("screen", "1", "perhaps"),
    ("screen", "99999", "include"),
    ("screen", "1", "exclude", "--reason", "I did not like it"),
    ("show", "99999"),
    ("edit", "1", "enrollment", "lots"),
    ("edit", "1", "colour", "red"),
    ("remove", "1"),
])
def test_bad_input_exits_non_zero_with_a_message(demo: Path, args: tuple[str, ...]) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, list(args), env={"CURATOR_REVIEW": str(demo)})
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and result.output.strip()


def test_import_reports_failures_and_keeps_the_rest(tmp_path: Path) -> None:
    review = tmp_path / "r.curator.sqlite"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run("import", str(SAMPLES), str(empty), str(tmp_path / "missing.txt"), review=review)
    assert code == 1
    assert "Imported 5 records" in out
    assert "empty.txt" in err and "missing.txt" in err
    # The same files again: every second copy is a duplicate.
    code, out, _ = run("import", str(SAMPLES), review=review)
    assert code == 0 and "Duplicates: 5" in out


def test_extract_needs_no_review(tmp_path: Path) -> None:
    code, out, _ = run("extract", "--json", str(SAMPLES / "004_d447a14818565f2a.txt"))
    assert code == 0
    fields = json.loads(out)
    assert fields["source"] == "004_d447a14818565f2a.txt" and "pico" in fields and "evidence" in fields
    assert list(tmp_path.iterdir()) == []


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and command.get_short_help_str(), name


def test_console_script_runs_as_a_module(tmp_path: Path) -> None:
    review = tmp_path / "m.curator.sqlite"
    result = subprocess.run([sys.executable, "-c", "from curator.cli import main; main()", "list", "--review",
                             str(review)], capture_output=True, text=True, timeout=120)
    # A mistyped review path is an error, never a new empty review.
    assert result.returncode == 1 and "no review at" in result.stderr and not review.exists()


def test_messages_are_written_as_meant(demo: Path) -> None:
    runner = CliRunner()
    env = {"CURATOR_REVIEW": str(demo)}
    result = runner.invoke(cli, ["screen", "1", "exclude", "--reason", "Not an RCT"], env=env)
    assert result.exit_code == 1 and "Error: 'Not an RCT' is not an exclusion reason" in result.output
    result = runner.invoke(cli, ["edit", "1", "enrollment", "abc"], env=env)
    assert "enrollment must be a whole number, not 'abc'" in result.output
    result = runner.invoke(cli, ["screen", "1", "include", "--reason", "why"], env=env)
    assert result.exit_code == 2 and "--reason goes with exclude" in result.output
    result = runner.invoke(cli, ["edit", "1", "enrollment"], env=env)
    assert result.exit_code == 2 and "give the new value" in result.output


def test_cleared_field_is_shown_and_tags_ignore_case(demo: Path) -> None:
    assert run("edit", "1", "sponsor", "", review=demo)[0] == 0
    code, out, _ = run("show", "1", review=demo)
    assert "sponsor" in out and "edited" in out
    run("tag", "1", "RCT", review=demo)
    run("tag", "1", "rct", review=demo)
    assert json.loads(run("show", "1", "--json", review=demo)[1])["tags"] == ["RCT"]


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run("import", str(tmp_path / "empty"), review=tmp_path / "r.curator.sqlite")
    assert code == 1 and "holds no files" in err


def test_audit_shows_every_change(demo: Path) -> None:
    run("remove", "3", "--reason", "conference abstract", "--automation", review=demo)
    run("edit", "1", "enrollment", "40", review=demo)
    code, out, _ = run("audit", "--json", review=demo)
    actions = [json.loads(line)["action"] for line in out.splitlines()]
    assert code == 0 and actions[0] == "import" and "remove before screening" in actions and "set field" in actions
    code, out, _ = run("audit", "--record", "1", review=demo)
    assert code == 0 and "enrollment" in out and "40" in out and "remove" not in out


def test_list_on_an_empty_review_says_how_to_fill_it(tmp_path: Path) -> None:
    from curator.store.database import open_review

    empty = tmp_path / "empty.curator.sqlite"
    open_review(empty).close()
    code, out, err = run("list", review=empty)
    assert code == 0 and out == "" and "curator import FILES" in err and "curator demo" in err


def test_list_matching_nothing_says_so(demo: Path) -> None:
    code, out, err = run("list", "--search", "zzzyxq", review=demo)
    assert code == 0 and out == "" and "No record matches" in err
