"""Each reviewer's chosen order of the record list, kept in the review (nothing kept when it is read-only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.ranking.list_order import choose_list_order, chosen_list_order
from curator.store import database
from curator.store.database import open_review


def test_each_reviewer_keeps_their_own_order(review_path: Path) -> None:
    with open_review(review_path) as review:
        assert chosen_list_order(review, "ann") == "relevance"
        assert choose_list_order(review, "ann", "import")
    with open_review(review_path) as review:
        assert chosen_list_order(review, "ann") == "import"
        assert chosen_list_order(review, "bob") == "relevance"
        with pytest.raises(ValueError, match="must be one of relevance, import"):
            choose_list_order(review, "ann", "by title")


def test_a_read_only_review_keeps_no_new_choice(review_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_review(review_path):
        pass
    monkeypatch.setattr(database, "is_writable", lambda _path: False)
    with open_review(review_path) as review:
        assert review.read_only
        assert not choose_list_order(review, "ann", "import")
        assert chosen_list_order(review, "ann") == "relevance"
