"""`curator simulate`: replaying a finished screening, its figures, its plot, and the files it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from synthetic import screening, write_csv

from curator.cli import cli
from curator.ranking.replay import ReplayResult


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_replay_finds_the_includes_early_and_plots_the_curve(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "done.csv", screening(records=150, includes=12))
    code, out = run("simulate", str(path), "--seed", "2", "--json", "--plot", str(tmp_path / "curve.png"))
    assert code == 0, out
    figures = json.loads(out)
    assert set(figures) >= {"wss95", "recall10", "screened95", "screened100", "prior_included", "prior_excluded"}
    assert figures["records"] == 150 and figures["includes"] == 12
    # an easy set: the 11 includes to find are the first 11 screened
    assert figures["screened100"] == 11 and figures["recall10"] == 1.0
    assert figures["wss95"] == pytest.approx((148 - 11) / 148 - 0.05, abs=1e-4)
    with Image.open(tmp_path / "curve.png") as image:
        assert image.format == "PNG" and image.size[0] > 100


def test_named_priors_and_the_included_column(tmp_path: Path) -> None:
    rows = screening(records=60, includes=6)
    for row in rows:
        row["included"] = "yes" if row["label"] == "1" else "no"
    path = write_csv(tmp_path / "done.csv", rows, ("id", "title", "abstract", "included"))
    inc = [r["id"] for r in rows if r["label"] == "1"]
    exc = [r["id"] for r in rows if r["label"] == "0"]
    code, out = run("simulate", str(path), "--prior-included", f"{inc[0]},{inc[1]}", "--prior-excluded", exc[3])
    assert code == 0, out
    assert f"priors {inc[0]}, {inc[1]} (include), {exc[3]} (exclude)" in out and "WSS@95" in out


def test_figures_follow_the_benchmark_formulas() -> None:
    result = ReplayResult(records=22, includes=5, priors_included=["a"], priors_excluded=["b"])
    # N = 20, R = 4: includes at the 1st, 3rd, 4th and 10th record screened
    result.screened = [True, False, True, True, False, False, False, False, False, True]
    figures = result.figures()
    assert figures["screened95"] == 10 and figures["screened100"] == 10  # ceil(0.95 * 4) = 4
    assert figures["recall10"] == 0.25  # one include among the first ceil(2.0) = 2
    assert figures["wss95"] == pytest.approx((20 - 10) / 20 - 0.05)


def _ris(entries: list[tuple[str, str, str]]) -> str:
    return "".join(f"TY  - JOUR\nTI  - {t}\nAB  - {a}\nN1  - {note}\nER  - \n\n" for t, a, note in entries)


def test_an_asreview_ris_file_is_replayed(tmp_path: Path) -> None:
    rows = screening(records=40, includes=5)
    path = tmp_path / "done.ris"
    path.write_text(_ris([(r["title"], r["abstract"], "ASReview_relevant" if r["label"] == "1" else
                          "ASReview_irrelevant") for r in rows]), encoding="utf-8")
    code, out = run("simulate", str(path), "--json")
    assert code == 0, out
    assert json.loads(out)["includes"] == 5


@pytest.mark.parametrize("case, message", [
    ("no-label", "has no label column (name it 'label' or 'included'"),
    ("all-include", "every record is labelled include"),
    ("all-exclude", "every record is labelled exclude"),
    ("no-abstracts", "every abstract is empty"),
    ("bad-label", "is neither include (1) nor exclude (0)"),
    ("empty", "holds no records"),
    ("ris-unlabelled", "has no label"),
    ("missing", "cannot read"),
    ("wrong-prior", "is not an include"),
    ("xlsx", "give a .csv"),
])
def test_bad_input_is_one_sentence_and_exit_1(tmp_path: Path, case: str, message: str) -> None:
    rows = screening(records=20, includes=4)
    path = tmp_path / "done.csv"
    args: list[str] = []
    if case == "no-label":
        write_csv(path, rows, ("id", "title", "abstract"))
    elif case in ("all-include", "all-exclude"):
        write_csv(path, [r | {"label": "1" if case == "all-include" else "0"} for r in rows])
    elif case == "no-abstracts":
        write_csv(path, [r | {"abstract": ""} for r in rows])
    elif case == "bad-label":
        write_csv(path, [rows[0] | {"label": "perhaps"}, *rows[1:]])
    elif case == "empty":
        write_csv(path, [])
    elif case == "ris-unlabelled":
        path = tmp_path / "done.ris"
        path.write_text(_ris([("A title", "An abstract", "read later")]), encoding="utf-8")
    elif case == "missing":
        path = tmp_path / "nowhere.csv"
    elif case == "wrong-prior":
        write_csv(path, rows)
        exclude = next(r["id"] for r in rows if r["label"] == "0")
        args = ["--prior-included", exclude, "--prior-excluded", exclude]
    elif case == "xlsx":
        path = tmp_path / "done.xlsx"
        path.write_bytes(b"PK")
    code, out = run("simulate", str(path), *args)
    assert code == 1
    assert message in out and "Traceback" not in out
    assert len(out.strip().splitlines()) == 1
