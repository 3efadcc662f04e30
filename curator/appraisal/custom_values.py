"""A record's values of the review's custom fields: set (validated, audited), cleared, read for the form and exports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from curator.appraisal.form import coerce_custom, find_field, form_fields
from curator.review.records import RecordNotFound
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.models import CustomField, CustomValue, Record, utcnow


@dataclass(frozen=True)
class CustomChange:
    """What setting a custom field changed: the value before and after (None: empty)."""

    record_id: int
    name: str
    old: Any
    new: Any


def set_custom_value(review: Review, record_id: int, name: str, value: Any, *, reviewer: str) -> CustomChange:
    """Set a record's value of the custom field ``name`` (empty clears it); validated against the field's type.

    Raises ValueError for an unknown field or a value its type refuses, RecordNotFound for a missing record.
    """
    with review.transaction() as session:
        row = find_field(session, name)
        if row is None:
            raise ValueError(f"the form has no field called {name!r} (see `curator fields`)")
        definition = next(f for f in form_fields(session) if f.name == row.name)
        new = coerce_custom(definition, value)
        if session.get(Record, record_id) is None:
            raise RecordNotFound(f"no record {record_id} in this review")
        stored = session.get(CustomValue, (record_id, row.id))
        old = stored.value if stored is not None else None
        if old == new:
            return CustomChange(record_id, row.name, old, new)
        if new is None:
            assert stored is not None
            session.delete(stored)
        elif stored is None:
            session.add(CustomValue(record_id=record_id, field_id=row.id, value=new, set_by=reviewer))
        else:
            stored.value, stored.set_by, stored.set_at = new, reviewer, utcnow()
            session.add(stored)
        log_change(session, reviewer, "set custom field", record_id=record_id, field=row.name, old=old, new=new)
        return CustomChange(record_id, row.name, old, new)


def custom_values(review: Review, record_ids: Iterable[int] | None = None) -> dict[int, dict[str, Any]]:
    """The custom values of the records (all records when None): record id -> field name -> value (set ones only)."""
    wanted = None if record_ids is None else set(record_ids)
    found: dict[int, dict[str, Any]] = {}
    if wanted is not None and not wanted:
        return found
    with review.session() as session:
        query = (select(CustomValue.record_id, CustomField.name, CustomValue.value)
                 .join(CustomField, col(CustomField.id) == col(CustomValue.field_id))
                 .order_by(col(CustomValue.record_id), col(CustomField.position)))
        if wanted is not None:  # the range of ids in SQL, the exact set here
            query = query.where(col(CustomValue.record_id).between(min(wanted), max(wanted)))
        for record_id, name, value in session.exec(query):
            if wanted is None or record_id in wanted:
                found.setdefault(record_id, {})[name] = value
    return found


def record_custom_values(review: Review, record_id: int) -> dict[str, Any]:
    """Every custom field of the form, in form order, with this record's value (None where not set)."""
    names = [f.name for f in form_fields(review)]
    values = custom_values(review, [record_id]).get(record_id, {})
    return {name: values.get(name) for name in names}
