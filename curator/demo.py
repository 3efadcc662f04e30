"""The demo review: the bundled sample documents, imported into a review of their own.

The samples are a search's results: the trial-registry pages come from registers and the
article from a bibliographic database, so the demo's PRISMA report puts them in the
"databases and registers" column, screened at title/abstract like the desk offers them.
The demo is built only into a new review or an earlier demo, never into a reviewer's own.
"""

from __future__ import annotations

from pathlib import Path

from curator import APP_NAME
from curator.importers import Entry, read_path
from curator.importers.batch import import_paths
from curator.review.listing import count_records
from curator.store.database import REVIEW_SUFFIX, get_setting, open_review, set_setting
from resources import sample_documents

#: The setting that marks a review as the demo (so it may be reused and rebuilt).
DEMO_SETTING = "demo"
#: Where each kind of sample comes from, for PRISMA: (source name, source kind).
SAMPLE_SOURCES = {"trial": ("Trial registers (samples)", "register"),
                  "article": ("Bibliographic database (samples)", "database")}


class NotADemoReview(ValueError):
    """The target already holds a reviewer's own records: the demo is not written into it."""


def default_demo_path() -> Path:
    """Where the demo review lives unless told otherwise."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / f"demo{REVIEW_SUFFIX}"


def _samples_by_source() -> dict[tuple[str, str], list[Path]]:
    grouped: dict[tuple[str, str], list[Path]] = {}
    for path in sample_documents():
        kinds = {item.fields.get("kind") for item in read_path(path) if isinstance(item, Entry)}
        source = SAMPLE_SOURCES["trial" if "trial" in kinds else "article"]
        grouped.setdefault(source, []).append(path)
    return grouped


def build_demo_review(path: Path | None = None, *, fresh: bool = False, reviewer: str = "demo") -> Path:
    """Build (or reuse) the demo review at ``path`` and return its path.

    Raises :class:`NotADemoReview` when ``path`` is a review with records of its own.
    """
    target = Path(path) if path is not None else default_demo_path()
    if target.exists():
        with open_review(target, create=False) as review:
            if count_records(review) and not get_setting(review, DEMO_SETTING, False):
                raise NotADemoReview(f"{target} is a review with records of its own; the demo is built in a review "
                                     "of its own (give another --review path, or leave CURATOR_REVIEW unset)")
    if fresh and target.exists():
        for companion in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
            companion.unlink(missing_ok=True)
    with open_review(target) as review:
        if count_records(review) == 0:
            for (name, kind), paths in _samples_by_source().items():
                summary = import_paths(review, paths, reviewer=reviewer, source_name=name, source_kind=kind)
                if summary.failed:
                    raise ValueError("; ".join(map(str, summary.failed)))
            set_setting(review, DEMO_SETTING, True)
    return target
