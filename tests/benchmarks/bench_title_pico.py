"""PICO of titles alone on real records: ``python tests/benchmarks/bench_title_pico.py`` prints right / wrong / missed.

The records are the duplicate benchmark's stroke export (../shared/bench/dedup/data/stroke.csv.gz beside the
checkout: real titles, no abstracts). ``title_pico_labels.json`` holds hand labels for 100 of them, by record id,
written before the extractor's outputs were read: for each PICO part the phrases a right value contains ("" when
an empty value is right too; no phrase when the value must stay empty). Sample "test" (60 titles) was scored
before and after the title reader was built; "fresh" (40) was labelled later and scored once on it.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from curator.extraction.entry_pico import fill_entry_pico  # noqa: E402
from curator.importers import Entry, read_path  # noqa: E402

EXPORT = REPO.parent / "shared" / "bench" / "dedup" / "data" / "stroke.csv.gz"
LABELS = json.loads((Path(__file__).with_name("title_pico_labels.json")).read_text(encoding="utf-8"))
PARTS = ("population", "intervention", "comparator")


def verdict(value: str | None, wanted: list[str]) -> str:
    """right, wrong, missed or empty (an empty value where empty is right)."""
    if not value:
        return "empty" if not wanted or "" in wanted else "missed"
    if len(value.split()) <= 12 and any(w and w.lower() in value.lower() for w in wanted):
        return "right"
    return "wrong"


def main() -> None:
    if not EXPORT.exists():
        raise SystemExit(f"{EXPORT} is not there: this benchmark reads the shared duplicate benchmark's export")
    with gzip.open(EXPORT, "rt", encoding="utf-8") as stream:
        titles = {row["id"]: row["title"] for row in csv.DictReader(stream) if row["id"] in LABELS}
    tallies: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for rid, title in sorted(titles.items()):
            path = Path(folder) / f"{rid}.csv"
            with path.open("w", newline="", encoding="utf-8") as out:
                csv.writer(out).writerows([["Title", "Year"], [title, "2010"]])
            entry = next(i for i in read_path(path) if isinstance(i, Entry))
            fill_entry_pico(entry.fields, entry.text)
            label = LABELS[rid]
            tally = tallies.setdefault(label["sample"], Counter())
            for part in PARTS:
                tally[f"{part} {verdict(entry.fields['pico'][part], label[part])}"] += 1
    for sample, tally in sorted(tallies.items()):
        given = sum(n for k, n in tally.items() if k.endswith(("right", "wrong")))
        wrong = sum(n for k, n in tally.items() if k.endswith("wrong"))
        print(f"{sample}: wrong values {wrong} of {given} given; " + ", ".join(f"{k} {n}" for k, n in sorted(tally.items())))


if __name__ == "__main__":
    main()
