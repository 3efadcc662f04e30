"""Benchmark: import 100,000 generated RIS records (fields, dedup, search index) vs bare parse + raw sqlite3.

Run: ``python tests/benchmarks/bench_import.py [--records N] [--repeat N] [--one-process-too]``. Prints records/s end to end,
peak memory (max RSS) of the import, and the ratio to parsing the same file plus
raw ``sqlite3`` inserts of its titles and texts. Each phase runs in its own process
so the memory figure is the import's own. With ``--repeat N`` the phases alternate
N times and the best time of each is kept (other work on the machine only ever
slows a run down); the processor time of each phase is printed too.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

WORDS = ["efficacy", "safety", "randomised", "controlled", "trial", "patients", "adults", "children", "therapy", "placebo", "methotrexate", "etanercept", "arthritis", "rheumatoid", "diabetes", "insulin", "outcomes", "cohort", "mortality", "cardiovascular", "risk", "intervention", "versus", "usual", "care", "pilot", "feasibility", "long-term", "follow-up", "quality", "life", "pain", "chronic", "acute", "treatment", "hospital", "primary", "community", "elderly", "women", "men", "vaccine", "infection"]


def generate(path: Path, count: int, duplicate_share: float = 0.2, seed: int = 7) -> None:
    """A RIS file of ``count`` records, about ``duplicate_share`` of them re-exports of earlier ones."""
    rng = random.Random(seed)
    originals: list[list[str]] = []
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            if originals and rng.random() < duplicate_share:
                lines = list(rng.choice(originals))
                if rng.random() < 0.5:  # another database: other capitalisation, no DOI
                    lines = [ln.upper() if ln.startswith("TI") else ln for ln in lines if not ln.startswith("DO")]
            else:
                title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize()
                abstract = " ".join(rng.choice(WORDS) for _ in range(rng.randint(150, 250)))
                lines = ["TY  - JOUR", f"TI  - {title} ({n})", f"AU  - Author{rng.randint(1, 5000)}, A.",
                         f"AU  - Second{rng.randint(1, 5000)}, B.", f"JO  - Journal {rng.randint(1, 300)}",
                         f"PY  - {rng.randint(1990, 2024)}", f"DO  - 10.{rng.randint(1000, 9999)}/x{n}",
                         f"AB  - {abstract}", "DB  - Embase"]
                originals.append(lines)
            out.write("\n".join(lines) + "\nER  - \n\n")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """Processor time of this process and of the workers it waited for (a large file is read in shares)."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_import(ris: str, review_file: str, queue: multiprocessing.Queue, one_process: bool = False) -> None:  # type: ignore[type-arg]
    from curator.importers import _shares
    from curator.importers.batch import import_paths
    from curator.store.database import open_review

    if one_process:  # the file read by this process alone, as before reading in shares
        _shares.SHARED_FROM_BYTES = 1 << 62

    marks: dict[str, float] = {}

    def progress(_done: int, _total: int, what: str) -> None:
        marks.setdefault(what, time.perf_counter())  # when each step (file, indexing, duplicates) began

    with open_review(review_file) as review:
        start, cpu = time.perf_counter(), _cpu_seconds()
        summary = import_paths(review, [ris], reviewer="bench", progress=progress)
        end = time.perf_counter()
        seconds, cpu = end - start, _cpu_seconds() - cpu
    steps = [start, marks["saving"], marks["finding duplicates"], end]
    names = ("reading (no lock)", "writing (write lock held)", "duplicates and commit (write lock held)")
    phases = {name: later - earlier for name, earlier, later in zip(names, steps[:-1], steps[1:], strict=True)}
    queue.put({"seconds": seconds, "cpu": cpu, "imported": summary.imported, "duplicates": summary.duplicates,
               "failed": len(summary.failed), "peak_mb": _peak_mb(), "worker_peak_mb": _worker_peak_mb(),
               "phases": phases})


def run_baseline(ris: str, db_file: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Bare parsing (the RIS tag parser alone) plus raw sqlite3 inserts of title and text."""
    from curator.importers._decoding import decode_text
    from curator.importers.ris import parse

    start, cpu = time.perf_counter(), _cpu_seconds()
    text = decode_text(Path(ris).read_bytes())
    connection = sqlite3.connect(db_file)
    connection.execute("CREATE TABLE records (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
    rows = []
    for _number, _line, tags in parse(text):
        if isinstance(tags, dict):
            rows.append(((tags.get("TI") or [""])[0], json.dumps(tags)))
    connection.executemany("INSERT INTO records (title, text) VALUES (?, ?)", rows)
    connection.commit()
    connection.close()
    queue.put({"seconds": time.perf_counter() - start, "cpu": _cpu_seconds() - cpu, "rows": len(rows),
               "peak_mb": _peak_mb()})


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):  # Windows
        return "unknown"


def _in_process(target, *args, **options):  # type: ignore[no-untyped-def]
    # A fresh interpreter (spawn), so the figure is not inflated by the generator's memory.
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue), kwargs=options)
    process.start()
    while True:
        try:
            result = queue.get(timeout=1)
            break
        except Empty:
            if not process.is_alive():  # it failed (its traceback is above): do not wait for ever
                raise SystemExit(f"{target.__name__} failed with exit code {process.exitcode}") from None
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="alternate the phases N times, keep the best")
    parser.add_argument("--one-process-too", action="store_true",
                        help="also import with the file read by one process (no shares), for comparison")
    options = parser.parse_args()
    baselines, results, alone = [], [], []
    load_before = _load()
    with tempfile.TemporaryDirectory() as folder:
        ris = Path(folder) / "search.ris"
        generate(ris, options.records)
        size = ris.stat().st_size / 1e6
        for run in range(options.repeat):
            raw, review = Path(folder) / f"raw{run}.sqlite", Path(folder) / f"bench{run}.curator.sqlite"
            baselines.append(_in_process(run_baseline, str(ris), str(raw)))
            results.append(_in_process(run_import, str(ris), str(review)))
            raw.unlink()
            for leftover in Path(folder).glob(f"bench{run}.curator.sqlite*"):
                leftover.unlink()
            if options.one_process_too:
                alone.append(_in_process(run_import, str(ris), str(review), one_process=True))
                for leftover in Path(folder).glob(f"bench{run}.curator.sqlite*"):
                    leftover.unlink()
    baseline = min(baselines, key=lambda r: r["seconds"])
    result = min(results, key=lambda r: r["seconds"])
    rate = result["imported"] / result["seconds"]
    runs = f" (best of {options.repeat})" if options.repeat > 1 else ""
    print(f"file: {options.records} RIS records, {size:.0f} MB; load average (1 min) {load_before} before,"
          f" {_load()} after (other work slows both down, and leaves the import fewer processes to read with)")
    print(f"import{runs}: {result['imported']} records, {result['duplicates']} duplicates linked, "
          f"{result['failed']} failed, in {result['seconds']:.1f} s = {rate:,.0f} records/s (target >= 2,000);"
          f" processor {result['cpu']:.1f} s")
    print("  of which " + ", ".join(f"{name} {value:.1f} s" for name, value in result["phases"].items()))
    print(f"peak memory of the import process: {max(r['peak_mb'] for r in results):.0f} MB (target < 1024);"
          f" of its largest worker process: {max(r['worker_peak_mb'] for r in results):.0f} MB")
    print(f"bare parse + raw sqlite3 inserts{runs}: {baseline['seconds']:.1f} s, processor {baseline['cpu']:.1f} s;"
          f" ratio {result['seconds'] / baseline['seconds']:.1f}x (target <= 4x),"
          f" processor ratio {result['cpu'] / baseline['cpu']:.1f}x")
    if alone:
        one = min(alone, key=lambda r: r["seconds"])
        print(f"read by one process{runs}: {one['seconds']:.1f} s, processor {one['cpu']:.1f} s, reading"
              f" {one['phases']['reading (no lock)']:.1f} s, peak {one['peak_mb']:.0f} MB;"
              f" ratio {one['seconds'] / baseline['seconds']:.1f}x")


if __name__ == "__main__":
    main()
