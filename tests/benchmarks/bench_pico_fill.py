"""Benchmark: finding the PICO of imported bibliographic records (the fill after an import), and of ``curator extract``.

Run: ``python tests/benchmarks/bench_pico_fill.py [--records N] [--batch N] [--server]``. Generates a RIS export of N trial,
cohort and review abstracts (about 1,400 characters each, a tenth without an abstract), imports it with
``import_paths`` (timed, for scale), then times :func:`curator.review.pico_filling.fill_pico` over the records
waiting: records per second and seconds per 100,000. It also times reading the export as ``curator extract`` does,
with and without the PICO of each entry (:func:`fill_entry_pico`): entries per second, and the PICO's own cost.
With ``--server`` the import and the fill are timed on a PostgreSQL review too (``CURATOR_TEST_POSTGRES_URL``, else
a throwaway cluster, as ``bench_server.py`` does).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

PEOPLE = ["adults", "children", "women", "older adults", "patients", "men", "adolescents", "nurses", "infants"]
CONDITIONS = ["type 2 diabetes", "chronic low back pain", "asthma", "heart failure", "major depression", "knee osteoarthritis",
              "hypertension", "acute stroke", "atopic eczema", "chronic kidney disease", "migraine", "obesity"]
ARMS = ["metformin", "a supervised exercise programme", "cognitive behavioural therapy", "a nurse-led clinic",
        "vitamin D", "acupuncture", "a mobile phone app", "low-dose aspirin", "intravenous iron", "yoga classes"]
CONTROLS = ["placebo", "usual care", "a waiting list", "sham acupuncture", "standard care", "no intervention"]
OUTCOMES = ["HbA1c at 6 months", "pain intensity at 12 weeks", "hospital admission within one year",
            "all-cause mortality", "quality of life at 3 months", "systolic blood pressure", "relapse at 1 year"]
FILLER = ["Background rates of this condition are rising in many countries and treatment options remain limited.",
          "Recruitment took place in primary care practices and hospital outpatient clinics over two years.",
          "Secondary outcomes included adverse events, adherence, costs and patient satisfaction.",
          "Analyses followed the intention-to-treat principle with multiple imputation of missing data.",
          "The difference between groups was small and its confidence interval included no effect.",
          "These findings should inform guidelines and the design of future pragmatic trials."]


def abstract(rng: random.Random, n: int) -> str:
    people, condition = rng.choice(PEOPLE), rng.choice(CONDITIONS)
    arm, control, outcome = rng.choice(ARMS), rng.choice(CONTROLS), rng.choice(OUTCOMES)
    kind = rng.random()
    if kind < 0.6:
        methods = (f"In this trial, {100 + n % 900} {people} with {condition} were randomly assigned to {arm} or "
                   f"{control}. The primary outcome was {outcome}.")
    elif kind < 0.8:
        methods = (f"We followed {1000 + n % 9000} {people} with {condition} in a prospective cohort. The main outcome "
                   f"was {outcome}.")
    else:
        methods = (f"We searched six databases for randomised trials comparing {arm} with {control} in {people} with "
                   f"{condition}. The primary outcome was {outcome}.")
    sentences = [rng.choice(FILLER), methods] + rng.sample(FILLER, 4) + [f"Trial record {n}."]
    if rng.random() < 0.3:
        return " ".join(f"{head}: {text}" for head, text in zip(("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"),
                                                                (sentences[0], " ".join(sentences[1:3]),
                                                                 " ".join(sentences[3:6]), sentences[6]), strict=True))
    return " ".join(sentences)


def generate(path: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            lines = ["TY  - JOUR", f"TI  - {rng.choice(ARMS).capitalize()} for {rng.choice(CONDITIONS)}: study {n}",
                     f"AU  - Author{rng.randint(1, 5000)}, A.", f"JO  - Journal {rng.randint(1, 300)}",
                     f"PY  - {rng.randint(1990, 2024)}", f"DO  - 10.{rng.randint(1000, 9999)}/p{n}"]
            if rng.random() >= 0.1:
                lines.append(f"AB  - {abstract(rng, n)}")
            out.write("\n".join(lines) + "\nER  - \n\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=None, help="records per transaction (default: the fill's own)")
    parser.add_argument("--server", action="store_true", help="time the import and the fill on PostgreSQL too")
    args = parser.parse_args()

    from curator.extraction.entry_pico import fill_entry_pico
    from curator.importers import Entry, read_path
    from curator.importers.batch import import_paths
    from curator.review.pico_filling import BATCH, fill_pico, records_waiting
    from curator.store.database import open_review

    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export.ris"
        generate(export, args.records)
        started = time.perf_counter()
        entries = [item for item in read_path(export) if isinstance(item, Entry)]
        read_only = time.perf_counter() - started
        started = time.perf_counter()
        found = sum(fill_entry_pico(entry.fields, entry.text) for entry in entries)
        pico_only = time.perf_counter() - started
        print(f"curator extract's reading of {len(entries):,} RIS entries: {len(entries) / read_only:,.0f} entries/s "
              f"without PICO; PICO alone {pico_only / len(entries) * 1e6:,.0f} µs per entry "
              f"({len(entries) / pico_only:,.0f} entries/s), found in {found:,}; with PICO "
              f"{len(entries) / (read_only + pico_only):,.0f} entries/s")
        del entries
        reviews = {"file": str(Path(folder) / "bench.curator")}
        cluster_folder = None
        if args.server:
            from tests.benchmarks.bench_server import _database
            from tests.server import cluster

            admin_url = os.environ.get("CURATOR_TEST_POSTGRES_URL")
            if not admin_url:
                cluster_folder, admin_url = cluster.start()
            reviews["server"] = _database(admin_url)[0]
        try:
            for kind, location in reviews.items():
                with open_review(location) as review:
                    started = time.perf_counter()
                    import_paths(review, [export], reviewer="bench")
                    imported = time.perf_counter() - started
                    started = time.perf_counter()
                    waiting = records_waiting(review)
                    counted = time.perf_counter() - started
                    started = time.perf_counter()
                    filled = fill_pico(review, reviewer="bench", batch=args.batch or BATCH)
                    took = time.perf_counter() - started
                    started = time.perf_counter()
                    left = records_waiting(review)
                    counted_after = time.perf_counter() - started
                print(f"[{kind}] import of {args.records:,} records: {imported:.1f} s "
                      f"({args.records / imported:,.0f} records/s)")
                print(f"[{kind}] records waiting: {waiting:,} (counted in {counted * 1000:.0f} ms; {left} left, "
                      f"counted in {counted_after * 1000:.0f} ms)")
                print(f"[{kind}] PICO fill: {filled.sought:,} records in {took:.1f} s = {filled.sought / took:,.0f} "
                      f"records/s, {took / filled.sought * 100_000:,.0f} s per 100,000 (found in {filled.found:,}; "
                      f"batch {args.batch or BATCH})")
        finally:
            if cluster_folder is not None:
                cluster.stop(cluster_folder)

if __name__ == "__main__":
    main()
