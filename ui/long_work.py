"""Import and export with a progress dialog and Cancel, the window staying responsive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from curator.importers.batch import ImportCancelled, ImportSummary, import_paths
from curator.store.database import Review
from ui.dialogs.problems import ProblemsDialog
from ui.workers import BackgroundJob, Work


class ExportCancelled(Exception):
    """The reviewer cancelled an export."""


def export_available() -> bool:
    """True when the workbook export is part of this build."""
    try:
        from curator.export import export_workbook  # noqa: F401
    except ImportError:
        return False
    return True


class LongWork(QObject):
    """One import or export under way: its job, its progress dialog, what happens at the end."""

    finished = Signal(object)  # the result, or None when it failed or was cancelled

    def __init__(self, parent: QWidget, title: str, work: Work, *,
                 cancel_errors: tuple[type[BaseException], ...] = ()) -> None:
        super().__init__(parent)
        self._parent = parent
        self.title = title
        self.job = BackgroundJob(work, cancel_errors=cancel_errors)
        self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
        self.dialog.setObjectName("progress_dialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._on_dialog_canceled)
        self.job.progressed.connect(self._on_job_progressed)
        self.job.succeeded.connect(self._on_job_succeeded)
        self.job.cancelled.connect(self._on_job_cancelled)
        self.job.failed.connect(self._on_job_failed)
        self.result: Any = None
        self.message: str = ""

    def start(self) -> None:
        self.job.start()

    def _end(self, result: Any) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.job.wait()
        self.result = result
        self.finished.emit(result)

    def _on_dialog_canceled(self) -> None:
        self.dialog.setLabelText("Cancelling…")
        self.job.cancel()

    def _on_job_progressed(self, done: int, total: int, label: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        self.dialog.setLabelText(f"{self.title}\n{label}" if label else self.title)

    def _on_job_succeeded(self, result: object) -> None:
        self._end(result)

    def _on_job_cancelled(self, message: str) -> None:
        self.message = message
        self._end(None)

    def _on_job_failed(self, message: str) -> None:
        self.message = message
        self._end(None)
        box = QMessageBox(QMessageBox.Icon.Warning, self.title, f"{self.title} failed.", parent=self._parent)
        box.setInformativeText(message)
        box.setObjectName("failure_message")
        box.open()


def start_import(parent: QWidget, review: Review, paths: list[Path], reviewer: str,
                 on_done: Callable[[ImportSummary | None], None], *,
                 source_name: str | None = None, source_kind: str | None = None) -> LongWork:
    """Import ``paths`` off the GUI thread; ``on_done`` gets the summary (None when cancelled or failed).

    A source name or kind left None is guessed from the files.
    """

    def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> ImportSummary:
        return import_paths(review, paths, reviewer=reviewer, source_name=source_name, source_kind=source_kind,
                            progress=progress, cancelled=cancelled)

    long_work = LongWork(parent, "Importing", work, cancel_errors=(ImportCancelled,))
    long_work.finished.connect(on_done)
    long_work.start()
    return long_work


def start_export(parent: QWidget, review: Review, target: Path,
                 on_done: Callable[[Path | None], None]) -> LongWork:
    """Export the review to a workbook at ``target`` off the GUI thread."""
    from curator.export import export_workbook

    cancel_errors: tuple[type[BaseException], ...] = (ExportCancelled,)
    try:
        from curator.export import ExportCancelled as CoreExportCancelled  # type: ignore[attr-defined]

        cancel_errors += (CoreExportCancelled,)
    except ImportError:
        pass

    def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Path:
        written = export_workbook(review, target, progress=progress, cancelled=cancelled)
        return Path(written) if written else target

    long_work = LongWork(parent, "Exporting", work, cancel_errors=cancel_errors)
    long_work.finished.connect(on_done)
    long_work.start()
    return long_work


def show_import_summary(parent: QWidget, summary: ImportSummary) -> ProblemsDialog:
    """Tell the reviewer what an import did, with the problems one per line."""
    text = summary.headline
    if summary.duplicates:
        text += f"; {summary.duplicates:,} look like duplicates of records already here"
    text += ":" if summary.failed else "."
    dialog = ProblemsDialog("Import finished", text, [str(p) for p in summary.failed], parent)
    dialog.setObjectName("import_summary")
    dialog.open()
    return dialog
