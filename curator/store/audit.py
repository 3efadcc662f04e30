"""The append-only audit log: who changed what, when, from what to what."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from curator.store.models import AuditEntry, Setting


def log_change(
    session: Session,
    reviewer: str,
    action: str,
    *,
    record_id: int | None = None,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
) -> None:
    """Append one entry to the audit log, inside the caller's transaction."""
    session.add(AuditEntry(reviewer=reviewer, action=action, record_id=record_id, field=field, old=old, new=new))


@dataclass(frozen=True)
class AuditLine:
    """One audit entry as plain data."""

    at: datetime
    reviewer: str
    action: str
    record_id: int | None
    field: str | None
    old: Any
    new: Any


def audit_trail(session: Session, record_id: int | None = None) -> Iterator[AuditLine]:
    """The audit entries, oldest first; only those about ``record_id`` when given."""
    query = select(AuditEntry).order_by(col(AuditEntry.id))
    if record_id is not None:
        query = query.where(AuditEntry.record_id == record_id)
    for entry in session.exec(query):
        yield AuditLine(entry.at, entry.reviewer, entry.action, entry.record_id, entry.field, entry.old, entry.new)


def change_setting(session: Session, key: str, update: Callable[[Any], Any], *, reviewer: str, action: str) -> Any:
    """Set a per-review setting to ``update(its value now)`` inside ``session``'s transaction, logged as
    ``action`` with the value before and after; returns the new value."""
    setting = session.get(Setting, key)
    old = setting.value if setting is not None else None
    new = update(old)
    if setting is None:
        session.add(Setting(key=key, value=new))
    else:
        setting.value = new
        session.add(setting)
    log_change(session, reviewer, action, old=old, new=new)
    return new
