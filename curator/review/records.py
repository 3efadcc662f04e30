"""Reading one record and curating its fields, tags and notes.

A reviewer's edit is kept beside what was extracted (``curated`` holds the
value, who set it and when); the effective value is the curated one where
edited, else the extracted one. Every change is written to the audit log.

Two reviewers may edit the same record at once (on a server review). Each saved
edit counts up the record's ``version`` and names its author (``edited_by``,
``edited_at``). A save that says which version it was read at
(``seen_version``) is refused with :class:`~curator.store.errors.EditConflict`
when someone else changed that same field since: "changed by NAME at TIME",
with both values; never a silent overwrite. Other fields' edits do not stop it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from curator.fields import FIELD_KEYS, coerce_value, get_field, set_field_value
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.errors import EditConflict
from curator.store.models import (
    LINK_COUNTS,
    AuditEntry,
    DuplicateLink,
    Note,
    Record,
    RecordTag,
    Source,
    Tag,
    utcnow,
)
from curator.store.stored_fields import extracted_fields


class RecordNotFound(LookupError):
    """No record with that id in this review."""


@dataclass(frozen=True)
class NoteView:
    """A note as plain data."""

    id: int
    reviewer: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class RecordView:
    """Everything the desk shows about one record, as plain data."""

    id: int
    source_name: str
    source_kind: str
    source_entry: str
    text: str
    kind: str
    profile: str
    extracted: dict[str, Any]
    curated: dict[str, Any]
    evidence: dict[str, list[list[int]]]
    tags: list[str] = field(default_factory=list)
    notes: list[NoteView] = field(default_factory=list)
    duplicate_of: int | None = None
    #: Who put each tag on (a tag put on before tags kept their author: "").
    tagged_by: dict[str, str] = field(default_factory=dict)
    #: Edits saved on the record when it was read: give it back as ``seen_version`` when saving an edit.
    version: int = 0

    def value(self, key: str) -> Any:
        """The effective value of ``key``: curated where edited, else extracted."""
        if key in self.curated:
            return self.curated[key]["value"]
        return get_field(self.extracted, key)

    def extracted_value(self, key: str) -> Any:
        """What extraction found for ``key``."""
        return get_field(self.extracted, key)

    def is_edited(self, key: str) -> bool:
        """True when a reviewer's value stands instead of the extracted one (or one filled from a full text)."""
        return key in self.curated

    def origin(self, key: str) -> str:
        """Where the effective value of ``key`` comes from: "extracted", "edited" or "full text"."""
        if key not in self.curated:
            return "extracted"
        return self.curated[key].get("from") or "edited"

    def fields(self) -> dict[str, Any]:
        """The effective fields in the JSON shape of fields.md."""
        return effective_fields(self.extracted, self.curated)

    @property
    def title(self) -> str:
        """The effective title."""
        return self.value("title") or ""


def effective_fields(extracted: dict[str, Any], curated: dict[str, Any]) -> dict[str, Any]:
    """Extracted fields with every curated value laid over them (JSON shape)."""
    fields = copy.deepcopy(extracted)
    fields.setdefault("pico", {})
    for key, edit in curated.items():
        set_field_value(fields, key, edit["value"])
    return fields


def _load(session: Session, record_id: int, *, for_update: bool = False) -> Record:
    # for_update: on a server, other edits of this record wait until this transaction ends.
    record = session.get(Record, record_id, with_for_update=for_update or None)
    if record is None:
        raise RecordNotFound(f"no record {record_id} in this review")
    return record


def get_record(review: Review, record_id: int) -> RecordView:
    """One record with its tags, notes and duplicate link."""
    with review.session() as session:
        record = _load(session, record_id)
        source = session.get(Source, record.source_id)
        tagged = dict(session.exec(
            select(Tag.name, RecordTag.tagged_by).join(RecordTag, col(RecordTag.tag_id) == col(Tag.id))
            .where(RecordTag.record_id == record_id)
        ).all())
        notes = session.exec(select(Note).where(Note.record_id == record_id).order_by(col(Note.id))).all()
        link = session.exec(
            select(DuplicateLink.duplicate_of_id).where(
                DuplicateLink.record_id == record_id, text(LINK_COUNTS)
            )
        ).first()
        return RecordView(
            id=record_id,
            source_name=source.name if source else "",
            source_kind=source.kind if source else "other",
            source_entry=record.source_entry,
            text=record.text,
            kind=record.kind,
            profile=record.profile,
            extracted=extracted_fields(record),
            curated=record.curated,
            evidence=record.evidence,
            tags=sorted(tagged),
            tagged_by=tagged,
            notes=[NoteView(n.id or 0, n.reviewer, n.text, n.created_at) for n in notes],
            duplicate_of=link,
            version=record.version,
        )


@dataclass(frozen=True)
class FieldChange:
    """What a field edit changed: the effective value before and after."""

    record_id: int
    key: str
    old: Any
    new: Any
    edited: bool


def _sync_columns(record: Record) -> None:
    """Keep the listing columns equal to the effective values."""
    fields = effective_fields(extracted_fields(record), record.curated)
    record.title = fields.get("title") or ""
    record.kind = fields.get("kind") or "unknown"
    record.status = fields.get("status")
    record.phase = fields.get("phase")
    record.year = fields.get("year")


def _effective(record: Record, key: str) -> Any:
    return record.curated[key]["value"] if key in record.curated else get_field(extracted_fields(record), key)


def _check_unchanged(session: Session, record: Record, key: str, value: Any, seen_version: int | None,
                     seen_value: Any) -> None:
    """Refuse the save when someone changed ``key`` since the record was read at ``seen_version``."""
    if seen_version is None or record.version == seen_version:
        return
    current = _effective(record, key)
    if current in (seen_value, value):
        return
    last = session.exec(select(AuditEntry).where(AuditEntry.record_id == record.id, AuditEntry.field == key)
                        .order_by(col(AuditEntry.id).desc()).limit(1)).first()
    who = last.reviewer if last else (record.edited_by or "another reviewer")
    when = (last.at if last else record.edited_at or utcnow()).strftime("%Y-%m-%d %H:%M UTC")
    raise EditConflict(f"{key} of record {record.id} was changed by {who} at {when} since you opened it;"
                       f" theirs: {current!r}, yours: {value!r} (nothing saved)", theirs=current, yours=value)


def _stamp(record: Record, reviewer: str) -> None:
    record.version += 1
    record.edited_by = reviewer
    record.edited_at = utcnow()


def set_field(review: Review, record_id: int, key: str, value: Any, *, reviewer: str,
              seen_version: int | None = None, seen_value: Any = None) -> FieldChange:
    """Set a reviewer's value for ``key`` (validated); setting the extracted value back reverts the edit.

    Raises ValueError for a value the field does not accept. With ``seen_version`` (the record's
    :attr:`RecordView.version` when read) and ``seen_value`` (the field's value then), raises
    :class:`EditConflict` when someone else changed the field since.
    """
    value = coerce_value(key, value)
    with review.transaction() as session:
        record = _load(session, record_id, for_update=True)
        _check_unchanged(session, record, key, value, seen_version, seen_value)
        curated = dict(record.curated)
        extracted = get_field(extracted_fields(record), key)
        old = curated[key]["value"] if key in curated else extracted
        if value == extracted or (value in (None, []) and extracted in (None, [])):
            curated.pop(key, None)
        else:
            curated[key] = {"value": value, "by": reviewer, "at": utcnow().isoformat(timespec="seconds")}
        record.curated = curated
        _sync_columns(record)
        if old != value:
            _stamp(record, reviewer)
        session.add(record)
        if old != value:
            log_change(session, reviewer, "set field", record_id=record_id, field=key, old=old, new=value)
        return FieldChange(record_id, key, old, value, key in curated)


def fill_fields(review: Review, record_id: int, values: dict[str, tuple[Any, dict[str, Any]]], *, reviewer: str,
                action: str) -> list[FieldChange]:
    """Set several fields at once, each with where its value came from (``origin``: kept with the value).

    ``values`` maps a field to (value, origin); origin holds at least ``"from"`` (e.g. "full text") and
    may hold the evidence. One transaction: all are set or none. Raises ValueError for a value a field
    does not accept (then none is set). The caller decides which fields may be set: this overwrites.
    """
    coerced = {key: (coerce_value(key, value), origin) for key, (value, origin) in values.items()}
    changes = []
    with review.transaction() as session:
        record = _load(session, record_id)
        curated = dict(record.curated)
        fields = effective_fields(extracted_fields(record), curated)
        for key, (value, origin) in coerced.items():
            old = get_field(fields, key)
            curated[key] = {**origin, "value": value, "by": reviewer, "at": utcnow().isoformat(timespec="seconds")}
            if old != value:
                log_change(session, reviewer, action, record_id=record_id, field=key, old=old, new=value)
            changes.append(FieldChange(record_id, key, old, value, True))
        record.curated = curated
        _sync_columns(record)
        session.add(record)
    return changes


def revert_field(review: Review, record_id: int, key: str, *, reviewer: str) -> FieldChange:
    """Drop the reviewer's value for ``key`` so the extracted value stands again."""
    if key not in FIELD_KEYS:
        raise ValueError(f"unknown field {key!r}")
    with review.transaction() as session:
        record = _load(session, record_id, for_update=True)
        curated = dict(record.curated)
        extracted = get_field(extracted_fields(record), key)
        if key not in curated:
            return FieldChange(record_id, key, extracted, extracted, False)
        old = curated.pop(key)["value"]
        record.curated = curated
        _sync_columns(record)
        _stamp(record, reviewer)
        session.add(record)
        log_change(session, reviewer, "revert field", record_id=record_id, field=key, old=old, new=extracted)
        return FieldChange(record_id, key, old, extracted, False)


def _tag_id(session: Session, name: str) -> int:
    # "RCT" and "rct" are one tag: the first spelling used is kept.
    tag = session.exec(select(Tag).where(func.lower(Tag.name) == name.lower())).first()
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
        session.flush()
    assert tag.id is not None
    return tag.id


def add_tag(review: Review, record_id: int, name: str, *, reviewer: str) -> bool:
    """Tag a record; False when it already carried the tag."""
    name = name.strip()
    if not name:
        raise ValueError("a tag needs a name")
    with review.transaction() as session:
        _load(session, record_id)
        tag_id = _tag_id(session, name)
        if session.get(RecordTag, (record_id, tag_id)) is not None:
            return False
        session.add(RecordTag(record_id=record_id, tag_id=tag_id, tagged_by=reviewer))
        try:
            session.flush()
        except IntegrityError:  # on a server: another reviewer's tag, kept from this login by blind screening
            raise ValueError(f"record {record_id} already carries the tag {name!r}, put on by another reviewer"
                             " (shown to you once you have decided the record)") from None
        log_change(session, reviewer, "add tag", record_id=record_id, field="tags", new=name)
        return True


def remove_tag(review: Review, record_id: int, name: str, *, reviewer: str) -> bool:
    """Take a tag off a record; False when it did not carry it."""
    with review.transaction() as session:
        tag = session.exec(select(Tag).where(func.lower(Tag.name) == name.strip().lower())).first()
        link = session.get(RecordTag, (record_id, tag.id)) if tag else None
        if link is None:
            return False
        taken = session.execute(delete(RecordTag).where(col(RecordTag.record_id) == record_id,
                                                        col(RecordTag.tag_id) == link.tag_id))
        if not taken.rowcount:  # on a server a reviewer takes off only their own tags
            by = link.tagged_by or "another reviewer"
            raise ValueError(f"the tag {name.strip()!r} on record {record_id} was put on by {by}; only they or a lead"
                             " can take it off")
        log_change(session, reviewer, "remove tag", record_id=record_id, field="tags", old=name)
        return True


def all_tags(review: Review) -> list[str]:
    """Every tag used in the review, sorted."""
    with review.session() as session:
        return sorted(session.exec(select(Tag.name)).all())


def add_note(review: Review, record_id: int, text: str, *, reviewer: str) -> NoteView:
    """Add a reviewer's note to a record."""
    text = text.strip()
    if not text:
        raise ValueError("a note needs some text")
    with review.transaction() as session:
        _load(session, record_id)
        note = Note(record_id=record_id, reviewer=reviewer, text=text)
        session.add(note)
        session.flush()
        log_change(session, reviewer, "add note", record_id=record_id, field="notes", new=text)
        return NoteView(note.id or 0, reviewer, text, note.created_at)


def delete_note(review: Review, note_id: int, *, reviewer: str) -> bool:
    """Delete a note (the audit log keeps its text); False when there is no such note."""
    with review.transaction() as session:
        note = session.get(Note, note_id)
        if note is None:
            return False
        if not session.execute(delete(Note).where(col(Note.id) == note_id)).rowcount:  # a server: one's own only
            raise ValueError(f"the note was written by {note.reviewer}; only they or a lead can delete it")
        log_change(session, reviewer, "delete note", record_id=note.record_id, field="notes", old=note.text)
        return True
