"""File commands of the window: new and open review, import (menu and drops), export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from curator.store.database import REVIEW_SUFFIX
from ui.dialogs.import_source import ImportSourceDialog, import_file_filter
from ui.long_work import LongWork, show_import_summary, start_export, start_import

if TYPE_CHECKING:
    from ui.main_window import MainWindow

REVIEW_FILTER = f"Curator reviews (*{REVIEW_SUFFIX} *.sqlite);;All files (*)"


class ReviewFiles(QObject):
    """Asks for files, runs import and export off the GUI thread, and reports how they went."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.long_work: LongWork | None = None

    def new_review(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, "New review",
                                              str(Path.home() / f"review{REVIEW_SUFFIX}"), REVIEW_FILTER)
        if name:
            path = Path(name if name.endswith((REVIEW_SUFFIX, ".sqlite")) else name + REVIEW_SUFFIX)
            if path.exists():
                QMessageBox.warning(self.window, "New review",
                                    f"{path} already exists; open it with File > Open review.")
                return
            self.window.open_review(path)

    def open_review(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open review", str(Path.home()), REVIEW_FILTER)
        if name:
            self.window.open_review(Path(name), create=False)

    def _start_folder(self) -> str:
        review = self.window.review
        return str(review.path.parent) if review is not None else str(Path.home())

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
        if self.window.review is None or self.long_work is not None:
            return None
        dialog = ImportSourceDialog(paths, self.window)
        if not dialog.exec():
            return None
        return self.import_paths(paths, source_name=dialog.source_name(), source_kind=dialog.source_kind())

    def import_paths(self, paths: list[Path], *, source_name: str | None = None,
                     source_kind: str | None = None) -> LongWork | None:
        """Import files and folders off the GUI thread, then show what was imported and what failed."""
        if self.window.review is None or self.long_work is not None:
            return None
        self.long_work = start_import(self.window, self.window.review, paths, self.window.reviewer,
                                      self._on_import_finished, source_name=source_name, source_kind=source_kind)
        return self.long_work

    def _on_import_finished(self, summary: object) -> None:
        work, self.long_work = self.long_work, None
        if summary is None or self.window.desk is None:
            if work is not None and work.message and work.job.is_cancelled():
                self.window.statusBar().showMessage(work.message, 6000)
            return
        self.window.after_import()
        show_import_summary(self.window, summary)  # type: ignore[arg-type]

    def export(self) -> None:
        review = self.window.review
        if review is None or self.long_work is not None:
            return
        name, _ = QFileDialog.getSaveFileName(self.window, "Export workbook", str(review.path.parent / f"{review.name}.xlsx"),
                                              "Excel workbooks (*.xlsx)")
        if name:
            self.export_workbook(Path(name if name.endswith(".xlsx") else name + ".xlsx"))

    def export_workbook(self, target: Path) -> LongWork | None:
        if self.window.review is None or self.long_work is not None:
            return None
        self.window.form.commit_pending()
        self.long_work = start_export(self.window, self.window.review, target, self._on_export_finished)
        return self.long_work

    def _on_export_finished(self, written: object) -> None:
        work, self.long_work = self.long_work, None
        if written is not None:
            self.window.statusBar().showMessage(f"Exported to {written}", 8000)
        elif work is not None and work.message and work.job.is_cancelled():
            self.window.statusBar().showMessage(work.message, 6000)
