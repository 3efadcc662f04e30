"""The screening session behind the window: one review, one reviewer, one stage, the undo history.

It calls the core (every change is written at once), keeps track of which
records are still to screen and guards against a decision made twice by a
repeated key. It owns no widgets; the main window shows what it reports.

A review that cannot be written (read-only), or that another Curator window
or command keeps locked past the store's wait, refuses every change with a
:class:`NotSaved` (a ValueError, which every caller already shows as a
refusal). While a change waits for the lock, the window's status bar says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from curator.appraisal.custom_values import CustomChange, record_custom_values, set_custom_value
from curator.appraisal.form import FormField, form_fields
from curator.duplicates import links
from curator.duplicates.links import LinkView
from curator.review import desk, records, screening
from curator.review.blind import ScreeningView, TagView, screening_view, visible_notes, visible_tags
from curator.review.records import FieldChange, NoteView, RecordView
from curator.review.resolution import ConflictLine, conflict_lines
from curator.review.screening import DecisionView
from curator.review.screening_mode import is_dual, is_lead, lead_reviewer
from curator.review.undo import Step, UndoHistory
from curator.store.database import Review, ReviewError

# After a decision moves the desk on, the same key arriving this soon after is a repeat, not a new decision.
SETTLE_SECONDS = 0.15
READ_ONLY = "read-only: decisions cannot be saved"
WAITING = "Waiting for another Curator window or command that is writing to this review (an import?)…"

_T = TypeVar("_T")


class NotSaved(ValueError):
    """The review could not take the change (read-only, or locked too long); nothing was written."""


class CurationDesk(QObject):
    """Emits ``history_changed`` whenever what Undo / Redo would do changes, ``decisions_changed`` with the
    records a decision, a resolution, an undo or a redo touched, and ``stage_changed``."""

    history_changed = Signal()
    decisions_changed = Signal(list)
    stage_changed = Signal(str)

    def __init__(self, review: Review, reviewer: str, stage: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review = review
        self.reviewer = reviewer
        self.stage = screening.check_stage(stage)
        self.history = UndoHistory(review, reviewer)
        self.unscreened: set[int] = desk.unscreened_ids(review, stage, reviewer)
        self.reasons: list[str] = screening.exclusion_reasons(review, stage)
        self._deciding = False
        self._settle_until = 0.0
        self._waiting = False
        review.on_wait = self._on_wait
        if review.read_only:
            QTimer.singleShot(0, self, self._say_read_only)  # after the window has finished opening the review

    @property
    def read_only(self) -> bool:
        """True when nothing can be saved: deciding, editing, tagging and notes are all refused."""
        return self.review.read_only

    # -- what the status bar says ------------------------------------------------------------
    def _status(self, text: str | None) -> None:
        window = self.parent()
        if isinstance(window, QMainWindow):
            bar = window.statusBar()
            if text is None:
                bar.clearMessage()
            else:
                bar.showMessage(text)
            bar.repaint()  # while a write waits the event loop does too: paint the message now

    def _say_read_only(self) -> None:
        self._status(READ_ONLY)

    def _on_wait(self, _seconds: float) -> None:
        # An import writes on a worker thread; widgets are only touched from the desk's own thread.
        if QThread.currentThread() is self.thread() and not self._waiting:
            self._waiting = True
            self._status(WAITING)

    @contextmanager
    def _saving(self) -> Iterator[None]:
        """A change to the review: refused at once when read-only; a store refusal becomes :class:`NotSaved`."""
        if self.review.read_only:
            raise NotSaved(READ_ONLY)
        try:
            yield
        except ReviewError as error:
            raise NotSaved(str(error)) from error
        finally:
            if self._waiting:
                self._waiting = False
                self._status(None)

    def _save(self, change: Callable[[], _T]) -> _T:
        with self._saving():
            result = change()
        self.history_changed.emit()
        return result

    def save(self, change: Callable[[], _T]) -> _T:
        """Make a change through the core (a risk-of-bias answer...): NotSaved when read-only; Undo follows."""
        return self._save(change)

    # -- stage -------------------------------------------------------------------------------
    def set_stage(self, stage: str) -> None:
        self.stage = screening.check_stage(stage)
        self.reload_unscreened()
        self.reasons = screening.exclusion_reasons(self.review, stage)
        self.stage_changed.emit(stage)

    def reload_unscreened(self) -> None:
        self.unscreened = desk.unscreened_ids(self.review, self.stage, self.reviewer)

    # -- reading -----------------------------------------------------------------------------
    def record(self, record_id: int) -> RecordView:
        return records.get_record(self.review, record_id)

    def decisions(self, record_id: int) -> tuple[DecisionView | None, list[DecisionView]]:
        """This reviewer's own current decision on the record at the stage, and the other reviewers' ones
        that they may see (none while blind dual screening hides them: see :meth:`screening_view`)."""
        view = self.screening_view(record_id)
        return view.own, list(view.others)

    def screening_view(self, record_id: int) -> ScreeningView:
        """What this reviewer may see of the decisions on the record (others hidden until both decided)."""
        return screening_view(self.review, record_id, self.stage, self.reviewer)

    def visible_notes(self, view: RecordView) -> list[NoteView]:
        """The record's notes this reviewer may read (only their own while the others' verdicts are hidden)."""
        return visible_notes(self.review, view.id, self.stage, self.reviewer, view.notes)

    def visible_tags(self, view: RecordView) -> list[TagView]:
        """The record's tags this reviewer may see, with who tagged (only their own while the others are hidden)."""
        return visible_tags(self.review, view, self.stage, self.reviewer)

    @property
    def blind(self) -> bool:
        """True when this reviewer screens the stage blind: dual mode, and not the lead."""
        return is_dual(self.review, self.stage) and not is_lead(self.review, self.reviewer)

    def set_aside(self, record_id: int) -> desk.SetAside | None:
        """Why the record is not screened at all (a duplicate, removed before screening), or None."""
        return desk.set_aside(self.review, [record_id]).get(record_id)

    def progress(self) -> tuple[int, int]:
        from curator.review.listing import screening_progress

        return screening_progress(self.review, self.stage)

    # -- decisions ---------------------------------------------------------------------------
    def ready_to_decide(self) -> bool:
        """False while a decision is being saved or just after one moved the desk on (a repeated key)."""
        return not self._deciding and time.monotonic() >= self._settle_until

    def decide(self, record_id: int, verdict: str, reason: str | None = None) -> DecisionView | None:
        """Record this reviewer's decision; None when a decision is in flight (the key was a repeat).

        ValueError (with the reason, in the reviewer's words) when the review refuses it: a duplicate,
        a record removed before screening, a record not assessed at this stage, a read-only review.
        """
        if not self.ready_to_decide():
            return None
        self._deciding = True
        try:
            with self._saving():
                decision = self.history.record_decision(record_id, verdict, stage=self.stage, reason=reason)
        finally:
            self._deciding = False
        self.unscreened.discard(record_id)
        self.history_changed.emit()
        self.decisions_changed.emit([record_id])
        return decision

    def settle(self) -> None:
        """The desk moved on after a decision: ignore decision keys for a moment."""
        self._settle_until = time.monotonic() + SETTLE_SECONDS

    def reason_for_key(self, number: int) -> str | None:
        """The exclusion reason key ``number`` (1–9) picks at this stage."""
        return self.reasons[number - 1] if 1 <= number <= len(self.reasons) else None

    # -- fields, tags, notes -----------------------------------------------------------------
    def set_field(self, record_id: int, key: str, value: Any, *, merge: bool, seen_version: int | None = None,
                  seen_value: Any = None) -> FieldChange:
        """NotSaved (its cause an EditConflict) when someone else changed the field since ``seen_version``."""
        return self._save(lambda: self.history.set_field(record_id, key, value, merge=merge,
                                                         seen_version=seen_version, seen_value=seen_value))

    def revert_field(self, record_id: int, key: str) -> FieldChange:
        return self._save(lambda: self.history.revert_field(record_id, key))

    # -- settling a record: a possible duplicate, a conflict -------------------------------------
    def possible_duplicate(self, record_id: int) -> LinkView | None:
        """The record's link that Curator was unsure of and no reviewer has settled, or None."""
        return next((link for link in links.list_links(self.review, record_id=record_id)
                     if link.status == "possible"), None)

    def settle_duplicate(self, link: LinkView, *, duplicate: bool) -> LinkView:
        """Confirm a possible duplicate, or say it is not one; undo puts it back as Curator found it."""

        def put(confirm: bool | None) -> LinkView:
            if confirm is None:
                return links.reopen_link(self.review, link.id, reviewer=self.reviewer)
            change = links.confirm_link if confirm else links.undo_link
            return change(self.review, link.id, reviewer=self.reviewer)

        def change() -> LinkView:
            settled = put(duplicate)
            name = "Confirm duplicate" if duplicate else "Not a duplicate"
            self.history.record_step(Step(name, link.record_id, undo_change=lambda: put(None),
                                          redo_change=lambda: put(duplicate)))
            return settled

        result = self._save(change)
        self.reload_unscreened()
        return result

    def in_conflict(self, record_id: int) -> bool:
        """True when the reviewers' verdicts on the record disagree at this stage and nothing resolved it."""
        return self.screening_view(record_id).conflict  # the lead sees every verdict: one record, not the stage

    def is_lead(self) -> bool:
        """True when this reviewer leads: the lead named in the review, or a lead's login on a server."""
        return is_lead(self.review, self.reviewer)

    def lead(self) -> str | None:
        """The review's lead reviewer, or None."""
        return lead_reviewer(self.review)

    def resolve(self, record_id: int, verdict: str, reason: str | None = None) -> DecisionView:
        """The lead settles a conflict (the core refuses anyone else, and a record not in conflict); an exclusion's
        ``reason`` is one of the stage's (default: the excluding reviewer's), an inclusion's is kept as a note."""
        decision = self._save(lambda: self.history.resolve_conflict(record_id, verdict, stage=self.stage,
                                                                    reason=reason))
        self.unscreened.discard(record_id)
        self.decisions_changed.emit([record_id])
        return decision

    def conflict_lines(self, record_ids: list[int] | None = None) -> list[ConflictLine]:
        """The stage's conflicts, resolved ones included, with every reviewer's decision (``record_ids``: only
        those records); none while this reviewer screens blind: seeing them is the lead's."""
        if self.blind:
            return []
        return conflict_lines(self.review, self.stage, record_ids=record_ids)

    # -- the review's own fields (curator.appraisal) -------------------------------------------
    def custom_fields(self) -> list[FormField]:
        return form_fields(self.review)

    def custom_values(self, record_id: int) -> dict[str, Any]:
        return record_custom_values(self.review, record_id)

    def set_custom(self, record_id: int, name: str, value: Any, *, merge: bool) -> CustomChange:
        """Set a custom field's value (validated by its type; ValueError in one sentence); undoable."""

        def put(new: Any) -> CustomChange:
            return set_custom_value(self.review, record_id, name, new, reviewer=self.reviewer)

        def change() -> CustomChange:
            result = put(value)
            if result.old != result.new:
                self.history.record_step(Step(f"Edit {result.name}", record_id, undo_change=lambda: put(result.old),
                                              redo_change=lambda: put(result.new), key=f"custom.{result.name}"),
                                         merge=merge)
            return result

        return self._save(change)

    def add_tag(self, record_id: int, tag: str) -> bool:
        return self._save(lambda: self.history.add_tag(record_id, tag))

    def remove_tag(self, record_id: int, tag: str) -> bool:
        return self._save(lambda: self.history.remove_tag(record_id, tag))

    def add_note(self, record_id: int, text: str) -> NoteView:
        return self._save(lambda: self.history.add_note(record_id, text))

    # -- undo --------------------------------------------------------------------------------
    def _after_step(self, step: Step | None) -> Step | None:
        if step is not None:
            if desk.is_unscreened(self.review, step.record_id, self.stage, self.reviewer):
                self.unscreened.add(step.record_id)
            else:
                self.unscreened.discard(step.record_id)
            self.decisions_changed.emit([step.record_id])
        self.history_changed.emit()
        return step

    def undo(self) -> Step | None:
        return self._after_step(self.history.undo())

    def redo(self) -> Step | None:
        return self._after_step(self.history.redo())
