"""`curator rank --jsonl`: the benchmark's JSON-lines protocol, end to end through a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from synthetic import screening

from curator.ranking.protocol import RankingSession

REPO = Path(__file__).resolve().parents[2]


def test_a_whole_run_through_the_command() -> None:
    rows = screening(records=60, includes=6)
    records = [{"id": r["id"], "title": r["title"], "abstract": r["abstract"], "keywords": ""} for r in rows]
    includes = [r["id"] for r in rows if r["label"] == "1"]
    excludes = [r["id"] for r in rows if r["label"] == "0"]
    requests = [
        {"op": "init", "seed": 3, "n_records": 60},
        {"op": "records", "records": records[:40]},
        {"op": "records", "records": records[40:]},
        {"op": "rank", "n": 2},  # no labels yet: import order
        {"op": "label", "labels": {includes[0]: 1, excludes[0]: 0}},
        {"op": "rank", "n": 1},
        "not json",
        {"op": "label", "labels": {"nope": 1}},
        {"op": "close"},
    ]
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in requests)
    done = subprocess.run([sys.executable, "-m", "curator", "rank", "--jsonl"], input=lines, cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == len(requests)
    assert answers[:3] == [{"ok": True}] * 3
    assert answers[3]["ranking"][:2] == [r["id"] for r in rows[:2]]
    assert answers[4] == {"ok": True}
    ranking = answers[5]["ranking"]
    assert len(ranking) == 1 and ranking[0] in includes[1:]
    assert "error" in answers[6] and "error" in answers[7]
    assert answers[8] == {"ok": True}


def test_requests_out_of_turn_are_answered_with_an_error() -> None:
    session = RankingSession()
    assert "error" in session.answer({"op": "rank", "n": 1})
    assert "error" in session.answer({"op": "records", "records": [{"id": "1"}]})
    assert session.answer({"op": "init", "n_records": 1}) == {"ok": True}
    assert "error" in session.answer({"op": "records", "records": [{"id": "1"}, {"id": "2"}]})
    assert "error" in session.answer({"op": "fly"})
    assert "error" in session.answer(["not", "an", "object"])
    assert session.answer({"op": "records", "records": [{"id": "1", "title": "only one"}]}) == {"ok": True}
    assert session.answer({"op": "rank", "n": 5}) == {"ranking": ["1"]}
    assert "error" in session.answer({"op": "label", "labels": {"1": 7}})
