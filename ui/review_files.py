"""The window's review: opening, creating and closing it (the one place), import and export.

The window owns this part and listens to it: a review opened, a review about to close
(save what is pending) and closed, records imported, an export starting, a message for the
status bar. Import and export run off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from curator.store.database import REVIEW_SUFFIX, Review, ReviewError, open_review
from curator.store.server import address_of, is_server_location, password_in, short_name, with_password
from ui import passwords
from ui.actions import Actions
from ui.dialogs.import_source import ImportSourceDialog, import_file_filter
from ui.dialogs.server_review import CANNOT_OPEN, ServerReviewDialog
from ui.long_work import LongWork, show_import_summary, start_export, start_import
from ui.review_opening import OPENING_CANCELLED, open_in_background, wait_for_cancelled_opens

REVIEW_FILTER = f"Curator reviews (*{REVIEW_SUFFIX} *.sqlite);;All files (*)"


class ReviewFiles(QObject):
    """Holds the open review; asks for files, runs import and export off the GUI thread, reports how they went."""

    review_opened = Signal(object)  # the Review
    review_closing = Signal()  # the review is still open: save what is pending
    review_closed = Signal()
    records_imported = Signal()
    export_starting = Signal()  # before the export reads the review: save what is pending
    status_message = Signal(str, int)  # text, milliseconds

    def __init__(self, window: QWidget, reviewer: Callable[[], str]) -> None:
        super().__init__(window)
        self.window = window  # the parent of dialogs
        self.reviewer = reviewer
        self.review: Review | None = None
        self.long_work: LongWork | None = None
        # Where the open review is: its file, or its server address (never with the password, which only
        # ``_location`` holds, in memory, to open the review again).
        self.address: Path | str | None = None
        self._location: Path | str | None = None
        application = QApplication.instance()
        if application is not None:  # an open the reviewer cancelled may still be ending: no thread outlives the desk
            application.aboutToQuit.connect(wait_for_cancelled_opens)

    def connect_commands(self, actions: Actions) -> None:
        """Run the File menu's review commands."""
        actions["new_review"].triggered.connect(self.new_review)
        actions["open_review"].triggered.connect(self.open_review)
        actions["open_server_review"].triggered.connect(lambda: self.ask_server_review())
        actions["import_files"].triggered.connect(self.import_files)
        actions["import_folder"].triggered.connect(self.import_folder)
        actions["export_workbook"].triggered.connect(self.export)

    def open(self, location: Path | str, *, create: bool = True) -> bool:
        """Open (or create) the review at ``location`` (a file, or a server's address) in place of the open one;
        False (and why, in a box) if it cannot. A server address without a password takes the one kept in
        the keyring, else asks for it (:meth:`ask_server_review`)."""
        if is_server_location(location) and password_in(str(location)) is None:
            address = str(location)
            password = passwords.stored(passwords.key_of(address))
            if password is None:
                return self.ask_server_review(address) is not None
            error = self._open(with_password(address, lambda _prompt: password))
            if error is None or error == OPENING_CANCELLED:
                return error is None
            QMessageBox.warning(self.window, CANNOT_OPEN, error)
            return self.ask_server_review(address) is not None
        error = self._open(location, create=create)
        if error:
            QMessageBox.warning(self.window, "Cannot open the review", error)
        return error is None

    def _open(self, location: Path | str, *, create: bool = False) -> str | None:
        """Open the review at ``location`` in place of the open one (a server's off the GUI thread, see
        :mod:`ui.review_opening`); None, or why it cannot be opened (OPENING_CANCELLED: the reviewer cancelled).
        Until it is open, the open review stays as it was."""
        server = is_server_location(location)
        if server:  # a server may be slow to answer: off the GUI thread, with Cancel
            parent = QApplication.activeModalWidget() or self.window  # the server review dialog, when it asks
            review: Review | str = open_in_background(parent, str(location), create=False)
        else:  # a file opens at once (an upgrade of an old one takes a second or two)
            try:
                review = open_review(location, create=create)
            except ReviewError as error:
                review = str(error)
        if not isinstance(review, Review):
            return review
        self.close()
        self.review, self._location = review, location
        self.address = address_of(str(location)) if server else Path(location)
        self.review_opened.emit(review)
        return None

    def ask_server_review(self, address: str = "") -> ServerReviewDialog | None:
        """File > Open server review: ask for the address and password until the review opens or the reviewer
        gives up; the dialog (accepted) when it opened, else None."""
        dialog = ServerReviewDialog(self._open, address, self.window)
        return dialog if dialog.exec() else None

    def reopen(self) -> bool:
        """Open the open review again (another reviewer's name, new screening settings)."""
        if self._location is None:
            return False
        error = self._open(self._location)
        if error:
            QMessageBox.warning(self.window, "Cannot open the review", error)
        return error is None

    def title(self) -> str:
        """The open review's name for the window's title: the file's name, or ``database@host``."""
        if self.review is None:
            return ""
        return short_name(str(self.address)) if self.review.server else self.review.name

    def close(self) -> None:
        """Close the open review (after the window saved what is pending)."""
        if self.review is None:
            return
        self.review_closing.emit()
        self.review.close()
        self.review = self.address = self._location = None
        self.review_closed.emit()

    def new_review(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, "New review",
                                              str(Path.home() / f"review{REVIEW_SUFFIX}"), REVIEW_FILTER)
        if name:
            path = Path(name if name.endswith((REVIEW_SUFFIX, ".sqlite")) else name + REVIEW_SUFFIX)
            if path.exists():
                QMessageBox.warning(self.window, "New review",
                                    f"{path} already exists; open it with File > Open review.")
                return
            self.open(path)

    def open_review(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open review", str(Path.home()), REVIEW_FILTER)
        if name:
            self.open(Path(name), create=False)

    def _start_folder(self) -> str:
        review = self.review
        return str(review.path.parent) if review is not None and not review.server else str(Path.home())

    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self.window, "Import files", self._start_folder(),
                                                import_file_filter())
        if names:
            self.ask_and_import([Path(n) for n in names])

    def import_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self.window, "Import a folder", self._start_folder())
        if name:
            self.ask_and_import([Path(name)])

    def ask_and_import(self, paths: list[Path]) -> LongWork | None:
        """Ask which source ``paths`` come from (menu and drops alike), then import them."""
        if self.review is None or self.long_work is not None:
            return None
        dialog = ImportSourceDialog(paths, self.window)
        if not dialog.exec():
            return None
        return self.import_paths(paths, source_name=dialog.source_name(), source_kind=dialog.source_kind())

    def import_paths(self, paths: list[Path], *, source_name: str | None = None,
                     source_kind: str | None = None) -> LongWork | None:
        """Import files and folders off the GUI thread, then show what was imported and what failed."""
        if self.review is None or self.long_work is not None:
            return None
        self.long_work = start_import(self.window, self.review, paths, self.reviewer(),
                                      self._on_import_finished, source_name=source_name, source_kind=source_kind)
        return self.long_work

    def _on_import_finished(self, summary: object) -> None:
        work, self.long_work = self.long_work, None
        if summary is None or self.review is None:
            if work is not None and work.message and work.job.is_cancelled():
                self.status_message.emit(work.message, 6000)
            return
        self.records_imported.emit()
        show_import_summary(self.window, summary)  # type: ignore[arg-type]

    def export(self) -> None:
        review = self.review
        if review is None or self.long_work is not None:
            return
        name, _ = QFileDialog.getSaveFileName(self.window, "Export workbook", str(Path(self._start_folder()) /
                                                                                  f"{review.name}.xlsx"),
                                              "Excel workbooks (*.xlsx)")
        if name:
            self.export_workbook(Path(name if name.endswith(".xlsx") else name + ".xlsx"))

    def export_workbook(self, target: Path) -> LongWork | None:
        if self.review is None or self.long_work is not None:
            return None
        self.export_starting.emit()
        self.long_work = start_export(self.window, self.review, target, self._on_export_finished)
        return self.long_work

    def _on_export_finished(self, written: object) -> None:
        work, self.long_work = self.long_work, None
        if written is not None:
            self.status_message.emit(f"Exported to {written}", 8000)
        elif work is not None and work.message and work.job.is_cancelled():
            self.status_message.emit(work.message, 6000)
