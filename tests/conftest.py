"""Shared fixtures. Qt runs offscreen in every test (set before any Qt import)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SAMPLES = REPO / "resources" / "samples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="also run tests marked slow (packaging build)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow") or os.environ.get("CURATOR_RUN_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user-data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("CURATOR_REVIEW", raising=False)
    monkeypatch.setenv("CURATOR_REVIEWER", "tester")


@pytest.fixture
def review_path(tmp_path: Path) -> Path:
    """Where a test's review file goes."""
    return tmp_path / "test.curator.sqlite"


@pytest.fixture
def review(review_path: Path) -> Iterator[object]:
    """A new, empty review."""
    from curator.store.database import open_review

    with open_review(review_path) as opened:
        yield opened


@pytest.fixture
def samples() -> list[Path]:
    """The five bundled sample documents."""
    return sorted(SAMPLES.glob("*.txt"))


def add_records(review: object, titles: list[str], *, source: str = "PubMed", kind: str = "database",
                record_kind: str = "article", fields: dict | None = None) -> list[int]:
    """Put records with these titles into ``review`` directly (one source), for tests of later stages."""
    from curator.fields import empty_fields
    from curator.store.models import Record, Source

    ids: list[int] = []
    with review.transaction() as session:  # type: ignore[attr-defined]
        src = Source(name=source, kind=kind, file_name=f"{source}.txt", record_count=len(titles))
        session.add(src)
        session.flush()
        for number, title in enumerate(titles, 1):
            extracted = empty_fields()
            extracted.update({"title": title, "kind": record_kind, "profile": "test"})
            extracted.update(fields or {})
            record = Record(source_id=src.id, source_entry=f"{source}.txt#{number}", text=f"{title}\n\nAbstract.",
                            content_hash=f"{source}-{number}-{title}", kind=record_kind, profile="test",
                            title=title, extracted=extracted, curated={}, evidence={"title": [[0, len(title)]]})
            session.add(record)
            session.flush()
            ids.append(record.id)
    return ids


@pytest.fixture(autouse=True)
def _fresh_window_settings(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window tests start from empty settings (QSettings keeps its paths per process, not per test)."""
    if "ui" not in Path(str(request.node.fspath)).parts:
        return
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, folder)
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)
