"""What the window remembers between sessions (QSettings, organisation "Curator")."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Curator"
APPLICATION = "Curator"
REVIEWER_ENV = "CURATOR_REVIEWER"
RECENT_LIMIT = 8


class DeskSettings:
    """The reviewer's name, recent reviews, the stage screened and the window's layout."""

    def __init__(self) -> None:
        self._settings = QSettings(ORGANISATION, APPLICATION)

    # -- reviewer ----------------------------------------------------------------------------
    def reviewer(self) -> str:
        """The reviewer's name: ``CURATOR_REVIEWER`` first, else the remembered one ("" before the first run)."""
        named = os.environ.get(REVIEWER_ENV, "").strip()
        if named:
            return named
        return str(self._settings.value("reviewer", "") or "").strip()

    def set_reviewer(self, name: str) -> None:
        self._settings.setValue("reviewer", name.strip())

    # -- recent reviews ----------------------------------------------------------------------
    def recent_reviews(self) -> list[Path]:
        stored = self._settings.value("recent_reviews", []) or []
        paths = [stored] if isinstance(stored, str) else list(stored) if isinstance(stored, list | tuple) else []
        return [Path(str(p)) for p in paths if p]

    def add_recent_review(self, path: Path) -> list[Path]:
        resolved = path.resolve()
        recent = [resolved] + [p for p in self.recent_reviews() if p != resolved]
        recent = recent[:RECENT_LIMIT]
        self._settings.setValue("recent_reviews", [str(p) for p in recent])
        return recent

    def last_review(self) -> Path | None:
        recent = self.recent_reviews()
        return recent[0] if recent else None

    # -- screening ---------------------------------------------------------------------------
    def stage(self) -> str:
        return str(self._settings.value("stage", "title-abstract") or "title-abstract")

    def set_stage(self, stage: str) -> None:
        self._settings.setValue("stage", stage)

    # -- layout ------------------------------------------------------------------------------
    def layout(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_layout(self, name: str, state: QByteArray) -> None:
        self._settings.setValue(f"layout/{name}", state)

    def sync(self) -> None:
        self._settings.sync()
