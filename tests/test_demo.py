"""The demo review: where it is built, never into a reviewer's own review, and a clean PRISMA report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.demo import NotADemoReview, build_demo_review
from curator.prisma.counts import prisma_counts
from curator.review.listing import count_records
from curator.store.database import open_review
from tests.conftest import add_records


def test_the_demo_is_a_search_result_screened_at_title_abstract(tmp_path: Path) -> None:
    path = build_demo_review(tmp_path / "demo.curator.sqlite")
    with open_review(path) as review:
        counts = prisma_counts(review)
    data = counts.as_dict()
    # four trial-registry pages from registers, one article from a bibliographic database
    assert (data["register_results"], data["database_results"], data["website_results"]) == (4, 1, 0)
    # the desk offers all five at title/abstract, and PRISMA says they await it (not full text)
    assert data["records_screened"] == 5 and data["pending"] == {"title_abstract": [1, 2, 3, 4, 5], "full_text": []}
    assert counts.consistent and not [c for c in data["checks"] if c["status"] == "broken"]


def test_the_demo_is_never_written_into_a_review_with_records(tmp_path: Path) -> None:
    mine = tmp_path / "mine.curator.sqlite"
    with open_review(mine) as review:
        add_records(review, ["My own record"])
    with pytest.raises(NotADemoReview, match="records of its own"):
        build_demo_review(mine)
    with open_review(mine) as review:
        assert count_records(review) == 1
    # an earlier demo is reused, and rebuilt with fresh
    demo = build_demo_review(tmp_path / "demo.curator.sqlite")
    assert build_demo_review(demo) == demo and build_demo_review(demo, fresh=True) == demo


def test_curator_demo_honours_curator_review_and_refuses_a_users_review(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "from-env.curator.sqlite"
    built = runner.invoke(cli, ["demo"], env={"CURATOR_REVIEW": str(target)})
    assert built.exit_code == 0 and built.output.strip() == str(target)
    listed = runner.invoke(cli, ["list", "--json"], env={"CURATOR_REVIEW": str(target)})
    assert len([json.loads(line) for line in listed.output.splitlines()]) == 5
    mine = tmp_path / "mine.curator.sqlite"
    with open_review(mine) as review:
        add_records(review, ["My own record"])
    for args in (["demo"], ["gui", "--demo"]):
        refused = runner.invoke(cli, args, env={"CURATOR_REVIEW": str(mine)})
        assert refused.exit_code == 1 and "records of its own" in refused.output
        assert "Traceback" not in refused.output
    with open_review(mine) as review:
        assert count_records(review) == 1
