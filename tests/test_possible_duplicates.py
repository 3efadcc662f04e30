"""Possible duplicates: pairs the matcher is unsure of are listed, not counted, until a reviewer decides."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import text

from curator.cli import cli
from curator.duplicates import links as duplicate_links
from curator.importers.batch import import_paths
from curator.prisma.counts import prisma_counts
from curator.review.eligibility import eligible_ids
from curator.store.database import make_engine, migrate, open_review

TITLE = "Home bias in online employment: evidence from a global freelancing platform"


def _two_years_two_venues(folder: Path) -> list[Path]:
    """One title and first author, a year and a venue apart, no pages: maybe the conference paper and the
    journal paper (two documents), maybe one paper listed twice."""
    paths = []
    for name, year, venue in (("a.ris", 2017, "International Conference on Information Systems"),
                              ("b.ris", 2018, "Management Science")):
        path = folder / name
        path.write_text(f"TY  - JOUR\nTI  - {TITLE}\nAU  - Liang, Chen\nPY  - {year}\nJO  - {venue}\nER  - \n")
        paths.append(path)
    return paths


def test_a_possible_pair_is_listed_but_not_counted_until_confirmed(review, tmp_path: Path) -> None:
    summary = import_paths(review, _two_years_two_venues(tmp_path), reviewer="ann")
    assert summary.duplicates == 0
    (link,) = duplicate_links.list_links(review)
    assert (link.record_id, link.duplicate_of_id, link.status, link.possible) == (2, 1, "possible", True)
    assert link.method.startswith("possible: same title and first author; but the years differ")
    assert not link.counts and duplicate_links.duplicate_count(review) == 0
    # Not removed from screening, not a duplicate in PRISMA.
    assert eligible_ids(review, "title-abstract") == {1, 2}
    assert prisma_counts(review).dbr.duplicates == 0

    confirmed = duplicate_links.confirm_link(review, link.id, reviewer="bob")
    assert confirmed.status == "confirmed" and confirmed.counts
    assert eligible_ids(review, "title-abstract") == {1}
    assert prisma_counts(review).dbr.duplicates == 1

    rejected = duplicate_links.undo_link(review, link.id, reviewer="bob")
    assert rejected.status == "undone" and not rejected.counts
    assert eligible_ids(review, "title-abstract") == {1, 2}


def test_a_possible_pair_in_the_command_line(tmp_path: Path) -> None:
    review = str(tmp_path / "r.curator.sqlite")
    runner = CliRunner()
    a, b = _two_years_two_venues(tmp_path)
    result = runner.invoke(cli, ["import", str(a), str(b), "--review", review])
    assert result.exit_code == 0 and "Duplicates: 0" in result.stdout
    result = runner.invoke(cli, ["duplicates", "--json", "--review", review])
    (link,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert link["status"] == "possible" and link["confirmed"] is None and "years differ" in link["method"]
    result = runner.invoke(cli, ["duplicates", "--review", review])
    assert "may repeat" in result.stdout and "0 duplicate links, 1 possible" in result.stdout
    result = runner.invoke(cli, ["duplicates", "reject", str(link["id"]), "--review", review])
    assert result.exit_code == 0 and "rejected" in result.stdout
    result = runner.invoke(cli, ["duplicates", "--json", "--all", "--review", review])
    assert json.loads(result.stdout)["status"] == "undone"
    result = runner.invoke(cli, ["duplicates", "confirm", str(link["id"]), "--review", review])
    assert result.exit_code == 0 and "confirmed" in result.stdout
    result = runner.invoke(cli, ["duplicates", "--review", review])
    assert "1 duplicate links" in result.stdout


def test_links_found_before_the_migration_stay_sure(review_path: Path) -> None:
    engine = make_engine(review_path)
    migrate(engine, "0005")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO sources (name, kind, file_name, imported_at, imported_by, record_count)"
            " VALUES ('PubMed', 'database', 'a.nbib', '2024-01-01 00:00:00', 'ann', 2)")
        for n in (1, 2):
            connection.exec_driver_sql(
                "INSERT INTO records (source_id, source_entry, text, content_hash, kind, profile, title, extracted,"
                f" curated, evidence, imported_at) VALUES (1, 'a.nbib#{n}', 'Aspirin', 'h{n}', 'article',"
                " 'medline', 'Aspirin', '{}', '{}', '{}', '2024-01-01 00:00:00')")
        connection.exec_driver_sql(
            "INSERT INTO duplicate_links (record_id, duplicate_of_id, method, score, confirmed, created_at)"
            " VALUES (2, 1, 'same title, year and first author', 1.0, NULL, '2024-01-01 00:00:00')")
    engine.dispose()
    with open_review(review_path) as review:
        (link,) = duplicate_links.list_links(review)
        assert link.status == "found" and not link.possible and link.counts
        with review.session() as session:
            assert session.execute(text("SELECT possible FROM duplicate_links")).scalar() == 0
