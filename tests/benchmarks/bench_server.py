"""Benchmark: a review in a file and on a PostgreSQL server side by side, with N generated records.

Run: ``python tests/benchmarks/bench_server.py [--records 100000]``. Uses the server named by
``CURATOR_TEST_POSTGRES_URL`` (a superuser's URL), else starts a throwaway cluster (Debian's
postgresql package). Prints, for each kind of review: the import, opening as the desk does (the
list's ids and its first page of rows), the next record, a decision, a search (medians of many);
(a search of words found in nearly every record, and of one found in one); then push (file to server) and pull (server to a new file) of the whole review, and four
reviewer processes deciding at once on the server: decisions per second and decisions lost.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks.bench_import import generate  # noqa: E402
from tests.server import cluster  # noqa: E402

SEARCHES = ("randomised", "rheumatoid arthritis", "placebo contr", "insulin diabetes children", "vaccine")
_DECIDE = """
import sys, time
sys.path.insert(0, sys.argv[1])
from curator.review.screening import record_decision
from curator.store.database import open_review
url, reviewer, ids = sys.argv[2], sys.argv[3], [int(i) for i in sys.argv[4].split(",")]
with open_review(url, create=False) as review:
    start = time.perf_counter()
    for record_id in ids:
        record_decision(review, record_id, "include", reviewer=reviewer)
    print(time.perf_counter() - start)
"""


def _median_ms(action: Callable[[int], object], count: int = 50) -> float:
    times = []
    for n in range(count):
        start = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _database(admin_url: str) -> tuple[str, str]:
    """A new database owned by a new lead: (its URL as the lead, its name)."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url)
    name, password = f"bench_{secrets.token_hex(4)}", secrets.token_urlsafe(12)
    with psycopg.connect(host=admin.host, port=admin.port, user=admin.username, password=admin.password,
                         dbname=admin.database, autocommit=True) as connection:
        connection.execute(f"CREATE ROLE {name} LOGIN CREATEROLE PASSWORD '{password}'")
        connection.execute(f"CREATE DATABASE {name} OWNER {name}")
    return f"postgresql://{name}:{password}@{admin.host}:{admin.port}/{name}", name


def measure(location: str, ris: Path) -> dict[str, float]:
    from curator.importers.batch import import_paths
    from curator.review.listing import RecordFilter, find_record_ids, record_rows
    from curator.review.records import get_record
    from curator.review.screening import record_decision
    from curator.store.database import open_review

    figures: dict[str, float] = {}
    with open_review(location) as review:
        start = time.perf_counter()
        import_paths(review, [ris], reviewer="bench")
        figures["import (s)"] = time.perf_counter() - start
    start = time.perf_counter()
    review = open_review(location, create=False)
    ids = find_record_ids(review)
    record_rows(review, ids[:60])
    figures["open: ids and first page (s)"] = time.perf_counter() - start
    figures["next record (ms)"] = _median_ms(lambda n: get_record(review, ids[n + 100]))
    to_screen = find_record_ids(review, RecordFilter(verdict="undecided"))
    figures["decision (ms)"] = _median_ms(lambda n: record_decision(review, to_screen[n], "include", reviewer="bench"))
    # The generated records share one small vocabulary: each of these words is in nearly every record.
    figures["search, common words (ms)"] = _median_ms(
        lambda n: find_record_ids(review, RecordFilter(search=SEARCHES[n % 5])))
    figures["search, a rare word (ms)"] = _median_ms(
        lambda n: find_record_ids(review, RecordFilter(search=str(n * 37 + 11))))
    review.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    from curator.review.listing import RecordFilter, find_record_ids
    from curator.store import rights
    from curator.store.database import open_review
    from curator.store.moving import pull, push

    admin_url, folder = os.environ.get("CURATOR_TEST_POSTGRES_URL"), None
    if not admin_url:
        folder, admin_url = cluster.start()
    try:
        with tempfile.TemporaryDirectory() as work:
            ris = Path(work) / "records.ris"
            generate(ris, args.records)
            server_url, _ = _database(admin_url)
            file = str(Path(work) / "bench.curator.sqlite")
            results = {"file": measure(file, ris), "server": measure(server_url, ris)}
            print(f"{args.records:,} records        {'file':>10} {'server':>10}")
            for key in results["file"]:
                print(f"{key:<32} {results['file'][key]:>10.3f} {results['server'][key]:>10.3f}")
            pushed_url, _ = _database(admin_url)
            start = time.perf_counter()
            push(file, pushed_url)
            print(f"push, file to server (s)         {time.perf_counter() - start:>10.1f}")
            start = time.perf_counter()
            pull(pushed_url, Path(work) / "pulled.curator.sqlite")
            print(f"pull, server to file (s)         {time.perf_counter() - start:>10.1f}")
            per_reviewer = 250
            logins = {f"r{n}_{secrets.token_hex(2)}": secrets.token_urlsafe(8) for n in range(4)}
            with open_review(server_url) as review, review.engine.begin() as connection:
                for name, password in logins.items():
                    rights.add_reviewer(connection, name, password)
            with open_review(server_url) as review:
                chosen = ",".join(map(str, find_record_ids(review, RecordFilter(verdict="undecided"))[100:100 + per_reviewer]))
            base = server_url.split("@", 1)[1]
            workers = [subprocess.Popen([sys.executable, "-c", _DECIDE, str(REPO), f"postgresql://{name}:{pw}@{base}",
                                         name, chosen], stdout=subprocess.PIPE, text=True)
                       for name, pw in logins.items()]
            seconds = max(float(worker.communicate()[0]) for worker in workers)  # the slowest one's deciding
            with open_review(server_url) as review, review.engine.connect() as connection:
                saved = connection.exec_driver_sql(
                    "SELECT count(*) FROM decisions WHERE reviewer LIKE 'r%%\\_%%' ESCAPE '\\'").scalar_one()
            print(f"four reviewers at once: {4 * per_reviewer / seconds:,.0f} decisions/s,"
                  f" {4 * per_reviewer - saved} lost")
    finally:
        if folder is not None:
            cluster.stop(folder)


if __name__ == "__main__":
    main()
