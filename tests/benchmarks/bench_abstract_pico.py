"""PICO of real journal abstracts: ``python tests/benchmarks/bench_abstract_pico.py`` prints right / wrong / long /
missed for each PICO part, two ways: as a bibliographic entry (a table row with title and abstract) and as a page
pasted as plain text (the title line over the abstract).

The records are the ranking benchmark's Nagtegaal export (../shared/bench/ranking/data/nagtegaal_2019.csv.gz beside
the checkout: real titles and abstracts of health-services research - trials, reviews, surveys, guidelines,
commentaries). ``abstract_pico_labels.json`` holds hand labels for 80 of them drawn at random, by record id, written
before the extractor's outputs were read: for each part, phrases a right value contains, separated by "/"; a leading
"~" when an empty value is right too; "-" when the value must stay empty (a commentary compares nothing). A value of
more than 15 words counts as "long" (a reviewer wants a phrase, not a sentence). Sample "dev" (40) was scored while
the abstract readers were mended; "fresh" (40) was labelled at the same time and scored once, at the end.
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

from curator.extraction import extract  # noqa: E402
from curator.extraction.entry_pico import fill_entry_pico  # noqa: E402
from curator.importers import Entry, read_path  # noqa: E402

EXPORT = REPO.parent / "shared" / "bench" / "ranking" / "data" / "nagtegaal_2019.csv.gz"
LABELS = json.loads((Path(__file__).with_name("abstract_pico_labels.json")).read_text(encoding="utf-8"))
PARTS = ("population", "intervention", "comparator", "outcome")
VERDICTS = ("right", "wrong", "long", "missed", "empty")


def verdict(value: str | None, spec: str) -> str:
    """right, wrong, long, missed or empty (an empty value where empty is right)."""
    if spec == "-":
        return "empty" if not value else "wrong"
    wanted = [w for w in spec.lstrip("~").split("/") if w]
    if not value:
        return "empty" if spec.startswith("~") else "missed"
    if len(value.split()) > 15:
        return "long"
    return "right" if any(w.lower() in value.lower() for w in wanted) else "wrong"


def main() -> None:
    if not EXPORT.exists():
        raise SystemExit(f"{EXPORT} is not there: this benchmark reads the shared ranking benchmark's export")
    with gzip.open(EXPORT, "rt", encoding="utf-8") as stream:
        rows = {row["id"]: row for row in csv.DictReader(stream) if row["id"] in LABELS}
    tallies: dict[tuple[str, str], Counter[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for rid, row in sorted(rows.items()):
            path = Path(folder) / f"{rid}.csv"
            with path.open("w", newline="", encoding="utf-8") as out:
                csv.writer(out).writerows([["Title", "Abstract", "Year"], [row["title"], row["abstract"], "2015"]])
            entry = next(i for i in read_path(path) if isinstance(i, Entry))
            fill_entry_pico(entry.fields, entry.text)
            page = extract(row["title"] + "\n\n" + row["abstract"], source=rid)
            label = LABELS[rid]
            for how, fields in (("entry", entry.fields), ("page", page)):
                tally = tallies.setdefault((label["sample"], how), Counter())
                for part in PARTS:
                    tally[(part, verdict(fields["pico"][part], label[part]))] += 1
    for (sample, how), tally in sorted(tallies.items()):
        total = {v: sum(n for (_, w), n in tally.items() if w == v) for v in VERDICTS}
        parts = "; ".join(f"{p} " + " ".join(f"{v[0]}{tally[(p, v)]}" for v in VERDICTS[:4]) for p in PARTS)
        print(f"{sample:5s} {how:5s}: " + ", ".join(f"{v} {total[v]}" for v in VERDICTS) + f"  ({parts})")


if __name__ == "__main__":
    main()
