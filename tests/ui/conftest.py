"""The desk tests' common fixtures: a review of 12 seeded records, and the window open on it as "tester"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from curator.store.database import open_review
from tests.ui.seeding import seed_records
from tests.ui.windows import open_window
from ui.main_window import MainWindow


@pytest.fixture
def seeded_path(review_path: Path) -> Path:
    with open_review(review_path) as review:
        seed_records(review, 12)
    return review_path


@pytest.fixture
def window(qtbot, seeded_path: Path) -> Iterator[MainWindow]:
    window = open_window(qtbot, seeded_path)
    yield window
    window.close()
