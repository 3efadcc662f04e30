"""Benchmark: the Excel export of a large review against openpyxl's bare write-only mode.

Run as a script (not collected by pytest):

    python tests/benchmarks/bench_export.py [--records 100000] [--keep DIR]

It builds a review of N records (four sources, 2 % duplicates, every record screened at
title/abstract, a tenth assessed at full text), then, each in a fresh process so peak
memory is the export's own:

1. ``export_workbook`` (all six sheets, PRISMA counts and the diagram included);
2. the baseline: openpyxl write-only writing the same Records rows (plain values, no styles).

It prints both times, their ratio (target ≤ 1.5) and each process's peak memory (target ≤ 500 MB).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

WORDS = ["randomised", "placebo", "controlled", "trial", "of", "anakinra", "interleukin", "receptor", "antagonist", "in", "adults", "with", "complex", "regional", "pain", "syndrome", "refractory", "to", "standard", "care", "outcome", "pain", "intensity", "numeric", "rating", "scale"]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def build(path: Path, records: int) -> None:
    """A review of ``records`` records with decisions, written with bulk SQL for speed."""
    from curator.store.database import open_review

    rng = random.Random(7)
    with open_review(path) as review, review.engine.begin() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        kinds = [("PubMed", "database"), ("Embase", "database"), ("ClinicalTrials.gov", "register"),
                 ("Charity website", "website")]
        per = records // len(kinds)
        for name, kind in kinds:
            cursor.execute("INSERT INTO sources (name, kind, file_name, imported_at, imported_by, record_count)"
                           " VALUES (?, ?, ?, '2024-01-01 00:00:00', 'bench', ?)", (name, kind, f"{name}.ris", per))
        rows = []
        for i in range(per * len(kinds)):
            nct = f"NCT{rng.randrange(10**7, 10**8):08d}"
            fields = {
                "kind": "trial" if i % 3 else "article", "profile": "bench", "title": _sentence(rng, 14),
                "official_title": _sentence(rng, 22), "ids": [nct, f"PMID:{i + 1000}"], "status": "COMPLETED",
                "status_raw": "Completed", "phase": "PHASE2", "enrollment": rng.randrange(10, 900),
                "study_type": "INTERVENTIONAL", "conditions": ["Complex Regional Pain Syndrome"],
                "interventions": ["Anakinra", "Placebo"], "sponsor": "University of Liverpool",
                "start_date": "2021-05", "completion_date": "2023-06-30", "last_updated": "2024-01-02",
                "sex": "ALL", "min_age": "18 Years", "max_age": None, "countries": ["United Kingdom"],
                "authors": ["A Goebel", "R Rau"], "journal": "Pain", "year": 2023,
                "abstract": _sentence(rng, 180), "references": [f"PMID:{i + 5}"],
                "pico": {"population": _sentence(rng, 10), "intervention": "anakinra", "comparator": "placebo",
                         "outcome": _sentence(rng, 8)},
            }
            rows.append((i // per + 1, f"entry#{i}", fields["title"], fields["kind"], fields["title"],
                         json.dumps(fields)))
        cursor.executemany(
            "INSERT INTO records (source_id, source_entry, text, content_hash, kind, profile, title, extracted,"
            " curated, evidence, imported_at) VALUES (?, ?, ?, '', ?, 'bench', ?, ?, '{}', '{}',"
            " '2024-01-01 00:00:00')", rows)
        total = len(rows)
        cursor.executemany(
            "INSERT INTO duplicate_links (record_id, duplicate_of_id, method, score, created_at)"
            " VALUES (?, ?, 'same id', 1.0, '2024-01-01')", [(i, i - 1) for i in range(2, total + 1, 50)])
        decisions = []
        for rid in range(1, total + 1):
            verdict = "exclude" if rid % 10 else "include"
            decisions.append((rid, "title-abstract", "alice", verdict, "wrong population" if verdict == "exclude"
                              else None, "human"))
            if verdict == "include":
                ft = rng.choice(["include", "exclude"])
                decisions.append((rid, "full-text", "alice", ft, "wrong outcome" if ft == "exclude" else None,
                                  "human"))
        cursor.executemany(
            "INSERT INTO decisions (record_id, stage, reviewer, verdict, reason, actor, decided_at, retracted)"
            " VALUES (?, ?, ?, ?, ?, ?, '2024-02-01 10:00:00', 0)", decisions)


def run_export(review_path: Path, out: Path) -> dict[str, float]:
    from curator.export import export_workbook
    from curator.store.database import open_review

    with open_review(review_path) as review:
        start = time.perf_counter()
        export_workbook(review, out)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_baseline(review_path: Path, out: Path) -> dict[str, float]:
    """The same rows as the export's Records and Screening log sheets, read before timing, written as plain
    values (no styles, links or checks) by bare write-only openpyxl."""
    from openpyxl import Workbook
    from sqlalchemy import text

    from curator.export.record_table import COLUMNS, iter_record_rows
    from curator.prisma.counts import prisma_counts
    from curator.store.database import open_review

    with open_review(review_path) as review:
        counts = prisma_counts(review)
        rows = [r.values for r in iter_record_rows(review, counts)]
        with review.engine.connect() as connection:
            log = [list(row) for row in connection.execute(text(
                "SELECT decided_at, reviewer, record_id, stage, verdict, reason, actor, note, retracted"
                " FROM decisions ORDER BY id"))]
    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("Records")
    ws.append(list(COLUMNS))
    for values in rows:
        ws.append(values)
    ws = workbook.create_sheet("Screening log")
    for values in log:
        ws.append(values)
    workbook.save(out)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rows": len(rows), "columns": len(COLUMNS)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Build the review in this folder and keep it.")
    parser.add_argument("--child", choices=("export", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument("--review", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        out = args.review.with_suffix(f".{args.child}.xlsx")
        result = run_export(args.review, out) if args.child == "export" else run_baseline(args.review, out)
        result["mb_on_disk"] = out.stat().st_size / 1e6
        print(json.dumps(result))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="curator-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    review_path = folder / f"bench-{args.records}.curator.sqlite"
    if not review_path.exists():
        start = time.perf_counter()
        build(review_path, args.records)
        print(f"built {args.records:,} records in {time.perf_counter() - start:.1f} s: {review_path}")
    results = {}
    print(f"load average before: {_load_average()}")
    for child in ("baseline", "export"):
        output = subprocess.run([sys.executable, __file__, "--child", child, "--review", str(review_path)],
                                check=True, capture_output=True, text=True).stdout
        results[child] = json.loads(output.strip().splitlines()[-1])
        print(child, results[child])
    ratio = results["export"]["seconds"] / results["baseline"]["seconds"]
    print(f"export {results['export']['seconds']:.1f} s vs bare write-only {results['baseline']['seconds']:.1f} s"
          f" = {ratio:.2f}x (target <= 1.5x); peak memory {results['export']['peak_mb']:.0f} MB (target <= 500 MB)")
    print(f"load average after: {_load_average()} (other work on the machine skews both times)")


def _load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
