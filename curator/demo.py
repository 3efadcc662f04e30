"""The demo review: the bundled sample documents, imported into a review of their own."""

from __future__ import annotations

from pathlib import Path

from curator import APP_NAME
from curator.importers.batch import import_paths
from curator.review.listing import count_records
from curator.store.database import REVIEW_SUFFIX, open_review
from resources import sample_documents


def default_demo_path() -> Path:
    """Where the demo review lives unless told otherwise."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / f"demo{REVIEW_SUFFIX}"


def build_demo_review(path: Path | None = None, *, fresh: bool = False, reviewer: str = "demo") -> Path:
    """Build (or reuse) the demo review at ``path`` and return its path."""
    target = Path(path) if path is not None else default_demo_path()
    if fresh and target.exists():
        for companion in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
            companion.unlink(missing_ok=True)
    with open_review(target) as review:
        if count_records(review) == 0:
            summary = import_paths(review, sample_documents(), reviewer=reviewer, source_name="Curator samples",
                                   source_kind="website")
            if summary.failed:
                raise ValueError("; ".join(map(str, summary.failed)))
    return target
