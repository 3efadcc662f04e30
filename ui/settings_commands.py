"""The Edit menu's settings: the keywords to highlight, the reviewer's name, the screening mode.

The window owns this part and listens to it: new keywords to show, and that the review must
be opened again (under a new name or new screening settings).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from curator.store.database import Review, ReviewError
from ui.actions import Actions
from ui.dialogs.keywords import edit_keywords
from ui.dialogs.reviewer_name import ReviewerNameDialog
from ui.dialogs.screening_mode import edit_screening_mode
from ui.settings import DeskSettings


class SettingsCommands(QObject):
    """Asks for the desk's settings and saves them; reports what the window must show again."""

    keywords_changed = Signal(object)  # the saved Keywords
    reviewer_changed = Signal(str)  # the new name (remembered on this computer)
    screening_changed = Signal()  # the screening mode or the lead changed: open the review again

    def __init__(self, actions: Actions, settings: DeskSettings, review: Callable[[], Review | None],
                 reviewer: Callable[[], str], window: QWidget) -> None:
        super().__init__(window)
        self.window, self.settings, self.review, self.reviewer = window, settings, review, reviewer
        actions["keywords"].triggered.connect(self.edit_keywords)
        actions["reviewer"].triggered.connect(self.edit_reviewer)
        actions["screening_mode"].triggered.connect(self.edit_screening_mode)

    def edit_keywords(self) -> None:
        review = self.review()
        kept = self._saved("Keywords", lambda: edit_keywords(review, self.window)) if review is not None else None
        if kept is not None:
            self.keywords_changed.emit(kept)

    def edit_reviewer(self) -> None:
        dialog = ReviewerNameDialog(self.reviewer(), self.window)
        if dialog.exec() and dialog.reviewer():
            self.settings.set_reviewer(dialog.reviewer())
            self.reviewer_changed.emit(dialog.reviewer())

    def edit_screening_mode(self) -> None:
        review = self.review()
        if review is not None and self._saved("Screening mode", lambda: edit_screening_mode(review, self.reviewer(),
                                                                                            self.window)):
            self.screening_changed.emit()

    def _saved(self, what: str, edit: Callable[[], Any]) -> Any:
        """What ``edit`` saved; None when the review refused it (read-only, locked, refused by the server:
        nothing was saved), which the reviewer is told in the core's sentence."""
        try:
            return edit()
        except ReviewError as error:
            QMessageBox.warning(self.window, f"{what} not saved", str(error))
            return None
