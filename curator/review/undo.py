"""Undo and redo of a reviewer's edits and decisions, as named steps ("Undo Set decision").

Every change still goes straight to the review file; a step knows how to take
it back through the same services (a field's previous value is set again or
reverted to the extracted one; a decision is retracted, which keeps it in the
log). The history lives as long as the window that holds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from curator.review import records, resolution, screening
from curator.review.records import FieldChange
from curator.review.screening import DecisionView
from curator.store.database import Review


def field_label(key: str) -> str:
    """A field key in the reviewer's words: ``pico.population`` → "population", ``start_date`` → "start date"."""
    return key.removeprefix("pico.").replace("_", " ")


@dataclass
class Step:
    """One change that can be taken back and made again."""

    name: str
    record_id: int
    undo_change: Callable[[], Any]
    redo_change: Callable[[], Any]
    key: str | None = None  # the field a field step changed (consecutive edits of one field merge)


class UndoHistory:
    """The named steps of one reviewer's session on a review."""

    def __init__(self, review: Review, reviewer: str, *, limit: int = 1000) -> None:
        self.review = review
        self.reviewer = reviewer
        self.limit = limit
        self._done: list[Step] = []
        self._undone: list[Step] = []

    # -- what can be undone -------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        """ "Undo Set decision", or "Undo" when there is nothing to undo."""
        return f"Undo {self._done[-1].name}" if self._done else "Undo"

    @property
    def redo_text(self) -> str:
        return f"Redo {self._undone[-1].name}" if self._undone else "Redo"

    def _push(self, step: Step) -> None:
        self._done.append(step)
        del self._done[: -self.limit]
        self._undone.clear()

    # -- changes ------------------------------------------------------------------------------
    def _field_state(self, record_id: int, key: str) -> tuple[bool, Any]:
        view = records.get_record(self.review, record_id)
        return view.is_edited(key), view.value(key)

    def _restore_field(self, record_id: int, key: str, state: tuple[bool, Any]) -> FieldChange:
        edited, value = state
        if edited:
            return records.set_field(self.review, record_id, key, value, reviewer=self.reviewer)
        return records.revert_field(self.review, record_id, key, reviewer=self.reviewer)

    def set_field(self, record_id: int, key: str, value: Any, *, merge: bool = False, seen_version: int | None = None,
                  seen_value: Any = None) -> FieldChange:
        """Set a field (see :func:`records.set_field`, which refuses it when someone changed it since
        ``seen_version``); with ``merge``, a run of edits of one field is one step."""
        before = self._field_state(record_id, key)
        change = records.set_field(self.review, record_id, key, value, reviewer=self.reviewer,
                                   seen_version=seen_version, seen_value=seen_value)
        if change.old == change.new and before[0] == change.edited:
            return change
        after = (change.edited, change.new)
        self.record_step(Step(
            f"Edit {field_label(key)}", record_id,
            undo_change=lambda: self._restore_field(record_id, key, before),
            redo_change=lambda: self._restore_field(record_id, key, after),
            key=key,
        ), merge=merge)
        return change

    def record_step(self, step: Step, *, merge: bool = False) -> None:
        """Keep a change made elsewhere (a custom field, an appraisal) as a step; with ``merge``, a run of
        edits of one field of one record is one step (undo goes back to before the first)."""
        top = self._done[-1] if self._done else None
        if merge and top is not None and top.record_id == step.record_id and step.key is not None \
                and top.key == step.key and top.name == step.name:
            top.redo_change = step.redo_change
            self._undone.clear()
            return
        self._push(step)

    def revert_field(self, record_id: int, key: str) -> FieldChange:
        """Put the extracted value of ``key`` back (see :func:`records.revert_field`)."""
        before = self._field_state(record_id, key)
        change = records.revert_field(self.review, record_id, key, reviewer=self.reviewer)
        if before[0]:
            self._push(Step(
                f"Revert {field_label(key)}", record_id,
                undo_change=lambda: self._restore_field(record_id, key, before),
                redo_change=lambda: records.revert_field(self.review, record_id, key, reviewer=self.reviewer),
            ))
        return change

    def record_decision(self, record_id: int, verdict: str, *, stage: str, reason: str | None = None,
                        note: str | None = None) -> DecisionView:
        """Record a decision (see :func:`screening.record_decision`); undo retracts it."""
        decision = screening.record_decision(self.review, record_id, verdict, stage=stage, reviewer=self.reviewer,
                                             reason=reason, note=note)
        name = "Set exclusion reason" if verdict == "exclude" and decision.reason else "Set decision"
        self._push(Step(
            name, record_id,
            undo_change=lambda: screening.set_decision_retracted(self.review, decision.id, True,
                                                                 reviewer=self.reviewer),
            redo_change=lambda: screening.set_decision_retracted(self.review, decision.id, False,
                                                                 reviewer=self.reviewer),
        ))
        return decision

    def resolve_conflict(self, record_id: int, verdict: str, *, stage: str,
                         reason: str | None = None) -> DecisionView:
        """Settle a conflict (see :func:`resolution.resolve_conflict`); undo retracts the resolution."""
        decision = resolution.resolve_conflict(self.review, record_id, verdict, stage=stage, reviewer=self.reviewer,
                                               reason=reason)
        self._push(Step(
            "Resolve conflict", record_id,
            undo_change=lambda: screening.set_decision_retracted(self.review, decision.id, True,
                                                                 reviewer=self.reviewer),
            redo_change=lambda: screening.set_decision_retracted(self.review, decision.id, False,
                                                                 reviewer=self.reviewer),
        ))
        return decision

    def add_tag(self, record_id: int, name: str) -> bool:
        """Tag a record; a step only when the tag was new to it."""
        added = records.add_tag(self.review, record_id, name, reviewer=self.reviewer)
        if added:
            self._push(Step(
                "Add tag", record_id,
                undo_change=lambda: records.remove_tag(self.review, record_id, name, reviewer=self.reviewer),
                redo_change=lambda: records.add_tag(self.review, record_id, name, reviewer=self.reviewer),
            ))
        return added

    def remove_tag(self, record_id: int, name: str) -> bool:
        """Take a tag off a record; a step only when it carried the tag."""
        removed = records.remove_tag(self.review, record_id, name, reviewer=self.reviewer)
        if removed:
            self._push(Step(
                "Remove tag", record_id,
                undo_change=lambda: records.add_tag(self.review, record_id, name, reviewer=self.reviewer),
                redo_change=lambda: records.remove_tag(self.review, record_id, name, reviewer=self.reviewer),
            ))
        return removed

    def add_note(self, record_id: int, text: str) -> records.NoteView:
        """Add a note to a record; undoing deletes it, redoing writes it again."""
        note = records.add_note(self.review, record_id, text, reviewer=self.reviewer)
        current = {"id": note.id}

        def rewrite() -> None:
            current["id"] = records.add_note(self.review, record_id, text, reviewer=self.reviewer).id

        self._push(Step(
            "Add note", record_id,
            undo_change=lambda: records.delete_note(self.review, current["id"], reviewer=self.reviewer),
            redo_change=rewrite,
        ))
        return note

    # -- undo / redo --------------------------------------------------------------------------
    def undo(self) -> Step | None:
        """Take the last step back; returns it (None when there was nothing to undo)."""
        if not self._done:
            return None
        step = self._done.pop()
        try:
            step.undo_change()
        except Exception:
            self._done.append(step)
            raise
        self._undone.append(step)
        return step

    def redo(self) -> Step | None:
        """Make the last undone step again; returns it (None when there was nothing to redo)."""
        if not self._undone:
            return None
        step = self._undone.pop()
        try:
            step.redo_change()
        except Exception:
            self._undone.append(step)
            raise
        self._done.append(step)
        return step

    def clear(self) -> None:
        """Forget every step (another review was opened)."""
        self._done.clear()
        self._undone.clear()
