"""Benchmark: dual screening at scale: blind listing, conflicts, agreement and PRISMA.

Run as a script (not collected by pytest):

    python tests/benchmarks/bench_dual.py [--records 100000] [--repeat 3]

It builds a review of N records from one database, every record screened at title/abstract
by alice and bob (they disagree on about one in twelve; a third of those resolved by carol),
in dual mode, then times (best of ``--repeat``, target ≤ 300 ms each):

1. blind listing for one reviewer: the ids of the records bob excluded, and the first page
   (500 rows) of bob's own verdicts, as the desk's list asks them;
2. ``find_conflicts``; 3. ``reviewer_agreement``; 4. ``prisma_counts``;
5. the desk's conflicts view: ``conflict_lines`` for the stage (what opening the view reads, resolved
   ones included), and for one record (what each decision costs while the view is open).

The decisions are inserted with plain SQL; the database's triggers keep where each record stands
(``stage_verdicts``) as they go in, as they do for every write, so the build also shows what they
cost per decision. The times are CPU-bound: report them with the load average.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def build(path: Path, records: int) -> None:
    """The review, written with bulk SQL for speed."""
    from curator.review.screening_mode import set_screening_mode
    from curator.store.database import open_review

    rng = random.Random(7)
    with open_review(path) as review:
        with review.engine.begin() as connection:
            cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            cursor.execute("INSERT INTO sources (name, kind, file_name, imported_at, imported_by, record_count)"
                           " VALUES ('PubMed', 'database', 'pubmed.ris', '2024-01-01', 'bench', ?)", (records,))
            cursor.executemany(
                "INSERT INTO records (source_id, source_entry, text, content_hash, kind, profile, title, extracted,"
                " curated, evidence, imported_at) VALUES (1, ?, ?, '', 'article', 'bench', ?, '{}', '{}', '{}',"
                " '2024-01-01 00:00:00')", [(f"e#{i}", f"Record {i}", f"Record {i}") for i in range(records)])
            decisions, conflicts = [], []
            for rid in range(1, records + 1):
                alice = "include" if rng.random() < 0.15 else "exclude"
                bob = alice if rng.random() > 0.08 else ("exclude" if alice == "include" else "include")
                for name, verdict in (("alice", alice), ("bob", bob)):
                    decisions.append((rid, name, verdict, "wrong population" if verdict == "exclude" else None))
                if alice != bob:
                    conflicts.append(rid)
            cursor.executemany(
                "INSERT INTO decisions (record_id, stage, reviewer, verdict, reason, actor, decided_at, retracted)"
                " VALUES (?, 'title-abstract', ?, ?, ?, 'human', '2024-02-01 10:00:00', 0)", decisions)
            cursor.executemany(
                "INSERT INTO decisions (record_id, stage, reviewer, verdict, reason, actor, decided_at, retracted,"
                " resolves) VALUES (?, 'title-abstract', 'carol', 'include', NULL, 'human', '2024-03-01', 0,"
                " json_array(?, ?))", [(rid, 2 * rid - 1, 2 * rid) for rid in conflicts[::3]])
        set_screening_mode(review, "dual", reviewer="bench")


def best(work: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from curator.prisma.counts import prisma_counts
    from curator.review.agreement import reviewer_agreement
    from curator.review.listing import RecordFilter, find_record_ids, record_rows
    from curator.review.resolution import conflict_lines, find_conflicts
    from curator.store.database import open_review

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dual.curator.sqlite"
        start = time.perf_counter()
        build(path, args.records)
        took = time.perf_counter() - start
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"built {args.records:,} records, two reviewers each, in {took:.1f} s (load average {load})")
        with open_review(path) as review:
            def blind_list() -> None:
                ids = find_record_ids(review, RecordFilter(stage="title-abstract", verdict="exclude",
                                                           reviewer="bob"))
                record_rows(review, ids[:500], reviewer="bob")

            for name, work in (("blind listing (bob)", blind_list), ("conflicts", lambda: find_conflicts(review)),
                               ("agreement", lambda: reviewer_agreement(review)),
                               ("prisma", lambda: prisma_counts(review)),
                               ("conflicts view", lambda: conflict_lines(review, "title-abstract")),
                               ("conflicts view, 1 row", lambda: conflict_lines(review, "title-abstract",
                                                                                record_ids=[args.records // 2]))):
                ms = best(work, args.repeat)
                print(f"{name:22} {ms:8.0f} ms  {'ok' if ms <= 300 else 'OVER 300 ms'}")
            print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
