"""Benchmark: what blind dual screening kept by the server costs a reviewer's queries.

Run: ``python tests/benchmarks/bench_server_blind.py [--records 20000]``. Uses the server named by
``CURATOR_TEST_POSTGRES_URL`` (a superuser's URL), else starts a throwaway cluster. A server review
of N records screened in dual mode: alice decided every record at title/abstract, bob half of them
(a team mid-way), each with a note on one record in ten. Logged in as bob, it times (medians) the
blind listing (``curator list --json --reviewer bob``: the ids, then every row), the list of what bob
has still to screen, one record's screening view and notes as the desk reads them, and plain SQL
reading every decision and every note; first with the rights that read everything (before), then
with the blind rights (after).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks.bench_server import _database  # noqa: E402
from tests.server import cluster  # noqa: E402

TA = "title-abstract"


def _median_ms(action: Callable[[], object], count: int) -> float:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _fill(lead_url: str, records: int) -> None:
    from curator.review.screening_mode import set_screening_mode
    from curator.store import rights
    from curator.store.database import open_review

    with open_review(lead_url) as review:
        with review.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO sources (name, kind, file_name, imported_at, imported_by, record_count)"
                f" VALUES ('Bench', 'database', 'bench.ris', now(), 'bench', {records})")
            connection.exec_driver_sql(
                "INSERT INTO records (source_id, source_entry, text, content_hash, kind, profile, title, extracted,"
                " curated, evidence, imported_at, version)"
                " SELECT 1, n::text, 'Trial ' || n || ' of anakinra', md5(n::text), 'article', 'article',"
                " 'Trial ' || n, '{}', '{}', '{}', now(), 0"
                f" FROM generate_series(1, {records}) AS n")
            for name, share in (("alice", 1), ("bob", 2)):  # alice every record, bob every second one
                connection.exec_driver_sql(
                    "INSERT INTO decisions (record_id, stage, reviewer, verdict, reason, actor, decided_at, retracted)"
                    f" SELECT id, '{TA}', '{name}', CASE WHEN id %% 3 = 0 THEN 'include' ELSE 'exclude' END,"
                    " CASE WHEN id %% 3 = 0 THEN NULL ELSE 'wrong outcome' END, 'human', now(), false"
                    f" FROM records WHERE id %% {share} = 0")
                connection.exec_driver_sql(
                    "INSERT INTO notes (record_id, reviewer, text, created_at)"
                    f" SELECT id, '{name}', 'a note', now() FROM records WHERE id %% 10 = 0")
            rights.add_reviewer(connection, "alice", "alice-pw")
            rights.add_reviewer(connection, "bob", "bob-pw")
            connection.exec_driver_sql("ANALYZE")
        set_screening_mode(review, "dual", reviewer="bench")


def _measure(bob_url: str) -> dict[str, float]:
    from curator.review.blind import screening_view, visible_notes
    from curator.review.listing import RecordFilter, find_record_ids, record_rows
    from curator.store.database import open_review

    figures: dict[str, float] = {}
    with open_review(bob_url, create=False) as review:
        figures["blind listing, every row (ms)"] = _median_ms(
            lambda: record_rows(review, find_record_ids(review, RecordFilter(stage=TA)), reviewer="bob"), 5)
        figures["still to screen, ids (ms)"] = _median_ms(
            lambda: find_record_ids(review, RecordFilter(stage=TA, verdict="undecided")), 9)
        figures["one record's view and notes (ms)"] = _median_ms(
            lambda: (screening_view(review, 3, TA, "bob"), visible_notes(review, 10, TA, "bob")), 31)
        with review.engine.connect() as connection:
            figures["SELECT * FROM decisions (ms)"] = _median_ms(
                lambda: connection.exec_driver_sql("SELECT * FROM decisions").all(), 9)
            figures["SELECT * FROM notes (ms)"] = _median_ms(
                lambda: connection.exec_driver_sql("SELECT * FROM notes").all(), 9)
            figures["decisions bob reads"] = connection.exec_driver_sql("SELECT count(*) FROM decisions").scalar_one()
            for sql in (f"SELECT * FROM decisions WHERE record_id = 3 AND stage = '{TA}'", "SELECT * FROM decisions"):
                plan = connection.exec_driver_sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql).scalars().all()
                print(sql, *plan, sep="\n    ")
    return figures


def _read_everything(lead_url: str) -> None:
    """The rights before blind screening: every reviewer's login reads every row."""
    from curator.store.blind_rights import BLIND_TABLES
    from curator.store.database import open_review

    with open_review(lead_url) as review, review.engine.begin() as connection:
        for table in BLIND_TABLES:
            connection.exec_driver_sql(f"DROP POLICY curator_read ON {table}")
            connection.exec_driver_sql(f"CREATE POLICY curator_read ON {table} FOR SELECT USING (true)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args()
    from curator.store import rights
    from curator.store.database import open_review

    admin_url, folder = os.environ.get("CURATOR_TEST_POSTGRES_URL"), None
    if not admin_url:
        folder, admin_url = cluster.start()
    try:
        lead_url, _ = _database(admin_url)
        _fill(lead_url, args.records)
        bob_url = "postgresql://bob:bob-pw@" + lead_url.split("@", 1)[1]
        _read_everything(lead_url)
        before = _measure(bob_url)
        with open_review(lead_url) as review, review.engine.begin() as connection:
            rights.grant_rights(connection)
        after = _measure(bob_url)
        print(f"{args.records:,} records, dual screening, as bob   {'before':>10} {'after':>10}")
        for key in before:
            print(f"{key:<42} {before[key]:>10.1f} {after[key]:>10.1f}")
        print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")
    finally:
        if folder is not None:
            cluster.stop(folder)


if __name__ == "__main__":
    main()
