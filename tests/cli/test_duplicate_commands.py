from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_import_twice_then_list_confirm_and_undo(tmp_path: Path) -> None:
    review = str(tmp_path / "r.curator.sqlite")
    code, out, err = run("import", str(FIXTURES / "NCT00195494.json"), "--review", review)
    assert code == 0 and "Imported 1 record from 1 file" in out and "Failed: 0" in out
    code, out, _ = run("import", str(FIXTURES / "NCT00195494.json"), "--review", review)
    assert code == 0 and "Duplicates: 1" in out
    code, out, _ = run("duplicates", "--json", "--review", review)
    (link,) = [json.loads(line) for line in out.splitlines()]
    assert (link["record_id"], link["duplicate_of_id"], link["confirmed"]) == (2, 1, None)
    code, out, _ = run("duplicates", "undo", str(link["id"]), "--review", review)
    assert code == 0 and "undone" in out
    code, out, _ = run("duplicates", "--review", review)
    assert "0 duplicate links" in out
    code, out, _ = run("duplicates", "confirm", str(link["id"]), "--review", review)
    assert code == 0 and "confirmed" in out
    code, _, err = run("duplicates", "confirm", "99", "--review", review)
    assert code != 0 and "no duplicate link 99" in err


def test_import_exit_code_and_problems(tmp_path: Path) -> None:
    review = str(tmp_path / "r.curator.sqlite")
    code, out, err = run("import", str(FIXTURES / "embase_scopus.ris"), "--review", review)
    assert code == 1 and "Imported 3 records" in out
    assert "embase_scopus.ris (entry 3, line 34)" in err


def test_extract_prints_one_object_per_entry() -> None:
    code, out, err = run("extract", "--json", str(FIXTURES / "ctgov_page.json"))
    objects = [json.loads(line) for line in out.splitlines()]
    assert [o["source"] for o in objects] == ["ctgov_page.json#1", "ctgov_page.json#2"]
    assert objects[0]["ids"][0] == "NCT00195494"
    assert code == 1 and "study 3" in err
