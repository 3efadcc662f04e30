"""What the window remembers between sessions (QSettings, organisation "Curator")."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

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
    def recent_reviews(self) -> list[Path | str]:
        """Review files (paths) and server reviews (their addresses, as strings: never with a password)."""
        from curator.store.server import is_server_location  # the core loads once the window is up

        stored = self._settings.value("recent_reviews", []) or []
        paths = [stored] if isinstance(stored, str) else list(stored) if isinstance(stored, list | tuple) else []
        return [str(p) if is_server_location(p) else Path(str(p)) for p in paths if p]

    def add_recent_review(self, location: Path | str) -> list[Path | str]:
        """Put a review file or a server review's address first; a password in the address is dropped."""
        from curator.store.server import address_of, is_server_location

        kept = address_of(str(location)) if is_server_location(location) else Path(location).resolve()
        recent = [kept] + [p for p in self.recent_reviews() if p != kept]
        recent = recent[:RECENT_LIMIT]
        self._settings.setValue("recent_reviews", [str(p) for p in recent])
        return recent

    def last_review(self) -> Path | str | None:
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

    def restore_layout(self, window: QWidget, splitter: QSplitter) -> None:
        """Put the window and its panes back as they were left (nothing remembered yet: as they are, within
        the screen: a 1280x720 screen shows the whole window, decision bar included)."""
        geometry, panes = self.layout("window"), self.layout("splitter")
        if geometry is not None:
            window.restoreGeometry(geometry)
        else:
            screen = window.screen().availableGeometry()
            if window.width() > screen.width() or window.height() > screen.height():
                window.resize(min(window.width(), screen.width()), min(window.height(), screen.height()))
                window.move(screen.topLeft())
        if panes is not None:
            splitter.restoreState(panes)

    def save_layout(self, window: QWidget, splitter: QSplitter) -> None:
        self.set_layout("window", window.saveGeometry())
        self.set_layout("splitter", splitter.saveState())

    def sync(self) -> None:
        self._settings.sync()
