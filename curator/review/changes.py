"""What other reviewers changed in a shared review since a desk last looked, read from the audit log.

Every change (a decision, its undoing, a field edit, a tag, a note, an import...) writes one audit entry
in its own transaction, so the audit log's ids are a cheap marker of "what happened since": a desk asks
:func:`changes_since` every few seconds with the :class:`ChangeMarker` it got last, and is told which
records others changed, and how. The same on a file and on a server.

On a server, ids are handed out when a transaction writes and become visible when it commits, which may
be in another order: an entry numbered 41 may appear after 42 was read. The marker therefore keeps the
ids missing below the newest one (its gaps) for a while, and asks for them again, so a change that
commits late is reported late, never lost. A gap that stays empty (a transaction rolled back) is
forgotten after :data:`GAP_SECONDS`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import bindparam, text

from curator.store.database import Review

#: How long a missing id is asked for again (seconds): longer than any transaction a reviewer waits on.
GAP_SECONDS = 900.0
#: At most this many missing ids are kept (the newest ones).
GAP_LIMIT = 2000
#: When a desk first looks, ids missing among this many last ones may still be committing.
FIRST_LOOK_BACK = 500

DECISION_ACTIONS = frozenset({"decide", "undo decision", "redo decision", "resolve conflict",
                              "remove before screening", "restore to screening"})
FIELD_ACTIONS = frozenset({"set field", "revert field", "fill from full text", "accept from full text",
                           "select in full text", "set custom field", "remove custom value"})
TAG_ACTIONS = frozenset({"add tag", "remove tag"})
NOTE_ACTIONS = frozenset({"add note", "delete note"})
#: Changes that are not about one record but change what the desk offers (reasons, the review's own fields).
CHOICE_ACTIONS = frozenset({"set exclusion reasons", "add custom field", "remove custom field"})


@dataclass(frozen=True)
class ChangeMarker:
    """Where a desk's last look at the audit log ended: the newest id, and the ids missing below it."""

    newest: int
    gaps: tuple[tuple[int, float], ...] = ()  # (missing id, when it was first missed: time.monotonic())


@dataclass(frozen=True)
class Changes:
    """What others changed: by record (decisions, fields by name, tags, notes, anything), and review-wide."""

    decisions: frozenset[int] = frozenset()
    fields: dict[int, frozenset[str]] = field(default_factory=dict)
    tags: frozenset[int] = frozenset()
    notes: frozenset[int] = frozenset()
    records: frozenset[int] = frozenset()  # every record changed in any way (the above, and links, appraisals...)
    imported: bool = False  # new records came in
    choices: bool = False  # exclusion reasons, tags or the review's own fields changed
    reviewers: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.records or self.imported or self.choices)


def _field_key(action: str, name: str | None) -> str | None:
    if not name:
        return None
    return f"custom.{name}" if action in ("set custom field", "remove custom value") else name


def _changes(rows: Iterable[tuple[int, str, int | None, str | None, str]]) -> Changes:
    decisions: set[int] = set()
    tags: set[int] = set()
    notes: set[int] = set()
    records: set[int] = set()
    fields: dict[int, set[str]] = {}
    reviewers: set[str] = set()
    imported = choices = False
    for _id, action, record_id, name, reviewer in rows:
        reviewers.add(reviewer)
        imported = imported or action == "import"
        choices = choices or action in CHOICE_ACTIONS or action == "add tag"
        if record_id is None:
            continue
        records.add(record_id)
        if action in DECISION_ACTIONS:
            decisions.add(record_id)
        elif action in TAG_ACTIONS:
            tags.add(record_id)
        elif action in NOTE_ACTIONS:
            notes.add(record_id)
        elif action in FIELD_ACTIONS:
            key = _field_key(action, name)
            if key is not None:
                fields.setdefault(record_id, set()).add(key)
    return Changes(frozenset(decisions), {r: frozenset(k) for r, k in fields.items()}, frozenset(tags),
                   frozenset(notes), frozenset(records), imported, choices, frozenset(reviewers))


def changes_since(review: Review, marker: ChangeMarker | None, reviewer: str) -> tuple[ChangeMarker, Changes]:
    """The new marker, and what reviewers other than ``reviewer`` changed since ``marker``.

    The first time (``marker`` None) nothing is reported: the desk has just read the review.
    Costs one look at the audit log's newest ids (its primary key), however large the review.
    """
    now = time.monotonic()
    with review.engine.connect() as connection:
        if marker is None:
            newest = connection.execute(text("SELECT coalesce(max(id), 0) FROM audit_log")).scalar_one()
            low = max(0, newest - FIRST_LOOK_BACK)
            present = {row[0] for row in connection.execute(
                text("SELECT id FROM audit_log WHERE id > :low AND id <= :newest"), {"low": low, "newest": newest})}
            gaps = tuple((missing, now) for missing in range(low + 1, newest + 1) if missing not in present)
            return ChangeMarker(newest, gaps), Changes()
        waiting = {missing: since for missing, since in marker.gaps if now - since < GAP_SECONDS}
        query = "SELECT id, action, record_id, field, reviewer FROM audit_log WHERE id > :newest"
        params: dict[str, object] = {"newest": marker.newest}
        statement = text(query + " ORDER BY id")
        if waiting:
            statement = text(query + " OR id IN :gaps ORDER BY id").bindparams(bindparam("gaps", expanding=True))
            params["gaps"] = sorted(waiting)
        rows = [tuple(row) for row in connection.execute(statement, params)]
    seen = {row[0] for row in rows}
    newest = max([marker.newest, *seen])
    for missing in range(marker.newest + 1, newest + 1):
        if missing not in seen:
            waiting[missing] = now
    for found in seen:
        waiting.pop(found, None)
    gaps = tuple(sorted(waiting.items())[-GAP_LIMIT:])
    others = [row for row in rows if row[4] != reviewer]
    return ChangeMarker(newest, gaps), _changes(others)  # type: ignore[arg-type]
