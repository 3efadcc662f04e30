"""The tables of one review file (SQLModel).

The schema itself is created and upgraded by the migrations in
``curator/migrations``; a test checks that these classes and the migrations agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, UniqueConstraint, text
from sqlmodel import Field, SQLModel

# Re-exported: the core has long imported these from here.
from curator.terms import (  # noqa: E402,F401
    ACTORS,
    DEFAULT_REASONS,
    NOT_RETRIEVABLE,
    SOURCE_KINDS,
    STAGES,
    VERDICTS,
)


def utcnow() -> datetime:
    """Now, in UTC (every time stored in a review is UTC)."""
    return datetime.now(UTC)


class Source(SQLModel, table=True):
    """One import: where a batch of records came from (PRISMA counts per source)."""

    __tablename__ = "sources"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    kind: str = Field(default="other")
    file_name: str = Field(default="")
    imported_at: datetime = Field(default_factory=utcnow)
    imported_by: str = Field(default="")
    record_count: int = Field(default=0)


class Record(SQLModel, table=True):
    """One source document, its text as imported, what was extracted and what was curated."""

    __tablename__ = "records"
    __table_args__ = (
        Index("ix_records_content_hash", "content_hash"),
        Index("ix_records_title", "title"),
        Index("ix_records_removed_reason", "removed_reason"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="sources.id", index=True)
    source_entry: str = Field(default="")
    text: str = Field(default="")
    content_hash: str = Field(default="")
    kind: str = Field(default="unknown")
    profile: str = Field(default="unknown")
    # Effective values (curated where edited, else extracted), kept for listing and sorting.
    title: str = Field(default="")
    status: str | None = Field(default=None)
    phase: str | None = Field(default=None)
    year: int | None = Field(default=None)
    extracted: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    curated: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    imported_at: datetime = Field(default_factory=utcnow)
    # Removed before screening (PRISMA's "marked ineligible by automation tools" / "removed for other reasons").
    removed_reason: str | None = Field(default=None)
    removed_by: str | None = Field(default=None)  # human | automation
    # Edits saved so far, and the last one's author and time: a save of a field someone else changed since it
    # was read is refused (curator.review.records.set_field).
    version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    edited_by: str | None = Field(default=None)
    edited_at: datetime | None = Field(default=None)


#: SQL condition on a ``decisions`` row: it can be a reviewer's current decision (not undone, not a resolution).
REVIEWING = "retracted = false AND resolves IS NULL"


class Decision(SQLModel, table=True):
    """One screening decision; all are kept, the latest per record, stage and reviewer is current."""

    __tablename__ = "decisions"
    __table_args__ = (
        Index("ix_decisions_current", "record_id", "stage", "reviewer"),
        # The decisions that can be a reviewer's current one: their latest is one look-up (migration 0011).
        Index("ix_decisions_reviewing", "record_id", "stage", "reviewer",
              sqlite_where=text(REVIEWING), postgresql_where=text(REVIEWING)),
    )

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="records.id")
    stage: str
    reviewer: str
    verdict: str
    reason: str | None = Field(default=None)
    note: str | None = Field(default=None)
    actor: str = Field(default="human")
    decided_at: datetime = Field(default_factory=utcnow)
    # An undone decision stays in the log but no longer counts.
    retracted: bool = Field(default=False)
    # A resolution of a conflict: the ids of the reviewers' decisions it settles (None on a screening decision).
    resolves: list[int] | None = Field(default=None, sa_column=Column(JSON(none_as_null=True), nullable=True))


class StageVerdict(SQLModel, table=True):
    """Where a record stands at a stage, kept by the database's triggers on ``decisions`` (never written here).

    Counts of the reviewers' current verdicts, the latest current decision, the first and last
    reviewer by name with their verdicts (the pair, when two decided) and the resolution that
    stands (migration 0011). The same in every screening mode: a read applies the mode.
    """

    __tablename__ = "stage_verdicts"

    stage: str = Field(primary_key=True)
    record_id: int = Field(primary_key=True)
    reviewers: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    includes: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    excludes: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    maybes: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    automated: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    latest_id: int | None = None
    latest_verdict: str | None = None
    latest_reason: str | None = None
    first_reviewer: str | None = None
    first_verdict: str | None = None
    last_reviewer: str | None = None
    last_verdict: str | None = None
    resolution_id: int | None = None
    resolution_verdict: str | None = None
    resolution_reason: str | None = None
    resolution_reviewer: str | None = None
    resolution_actor: str | None = None
    # Read from the above: the verdict as single screening reads it (resolution, else unanimous reviewers) with
    # its reason and actor; 1 when the reviewers disagree with no resolution; 1 when the verdict is one human
    # reviewer's alone (dual screening: awaiting the second reviewer).
    verdict: str | None = None
    reason: str | None = None
    actor: str | None = None
    conflict: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    awaits_second: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class ExclusionReason(SQLModel, table=True):
    """An exclusion reason offered at one stage, in the reviewer's order."""

    __tablename__ = "exclusion_reasons"
    __table_args__ = (UniqueConstraint("stage", "label"),)

    id: int | None = Field(default=None, primary_key=True)
    stage: str
    position: int = Field(default=0)
    label: str


class Tag(SQLModel, table=True):
    """A reviewer's tag."""

    __tablename__ = "tags"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class RecordTag(SQLModel, table=True):
    """Which record carries which tag."""

    __tablename__ = "record_tags"

    record_id: int = Field(foreign_key="records.id", primary_key=True)
    tag_id: int = Field(foreign_key="tags.id", primary_key=True)
    tagged_by: str = Field(default="", sa_column_kwargs={"server_default": ""})


class Note(SQLModel, table=True):
    """A reviewer's note on a record."""

    __tablename__ = "notes"

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="records.id", index=True)
    reviewer: str
    text: str
    created_at: datetime = Field(default_factory=utcnow)


class DuplicateLink(SQLModel, table=True):
    """``record_id`` repeats ``duplicate_of_id``; found by ``method`` (why, in words) with ``score``.

    ``confirmed`` is None while only the machine says so, True once a reviewer
    confirms it and False once a reviewer undoes (rejects) it: the link is kept, not counted.
    ``possible`` is True when the machine was unsure: such a link is not counted
    as a duplicate until a reviewer confirms it (:data:`LINK_COUNTS`).
    """

    __tablename__ = "duplicate_links"
    __table_args__ = (UniqueConstraint("record_id", "duplicate_of_id"),)

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="records.id", index=True)
    duplicate_of_id: int = Field(foreign_key="records.id", index=True)
    method: str
    score: float = Field(default=1.0)
    confirmed: bool | None = Field(default=None)
    possible: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = Field(default_factory=utcnow)


#: SQL condition on a ``duplicate_links`` row: the link counts (its record is a duplicate, removed before
#: screening): confirmed by a reviewer, or found by the machine for sure and not undone.
LINK_COUNTS = "(confirmed = true OR (confirmed IS NULL AND possible = false))"


class AuditEntry(SQLModel, table=True):
    """Append-only log of every change: who, when, what, old → new."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    reviewer: str
    action: str
    record_id: int | None = Field(default=None, index=True)
    field: str | None = Field(default=None)
    old: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    new: Any = Field(default=None, sa_column=Column(JSON, nullable=True))


class Setting(SQLModel, table=True):
    """A per-review setting (review name, keywords to highlight, ...)."""

    __tablename__ = "settings"

    key: str = Field(primary_key=True)
    value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))


class CustomField(SQLModel, table=True):
    """A field of the review's own extraction form: its name, type, choices and help text, in form order."""

    __tablename__ = "custom_fields"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    type: str
    choices: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    help_text: str = Field(default="")
    position: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow)


class CustomValue(SQLModel, table=True):
    """A reviewer's value of a custom field for one record."""

    __tablename__ = "custom_values"

    record_id: int = Field(foreign_key="records.id", primary_key=True)
    field_id: int = Field(foreign_key="custom_fields.id", primary_key=True, index=True)
    value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    set_by: str = Field(default="")
    set_at: datetime = Field(default_factory=utcnow)


class Appraisal(SQLModel, table=True):
    """One reviewer's risk-of-bias appraisal of one record with one tool (RoB 2).

    ``answers`` maps question ids to Y/PY/PN/N/NI/NA, ``support`` question ids to the quotes that
    back them, ``proposed`` holds the tool's judgement per domain and overall as last computed,
    ``overrides`` the reviewer's own judgements with their reasons (the proposals are kept).
    """

    __tablename__ = "appraisals"
    __table_args__ = (UniqueConstraint("record_id", "tool", "reviewer"),)

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="records.id", index=True)
    tool: str
    reviewer: str
    answers: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    support: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    proposed: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    overrides: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)


class AppraisalResolution(SQLModel, table=True):
    """The lead's judgement of one domain (or the overall) where independent appraisals disagree."""

    __tablename__ = "appraisal_resolutions"
    __table_args__ = (UniqueConstraint("record_id", "tool", "domain"),)

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="records.id", index=True)
    tool: str
    domain: str
    judgement: str
    reason: str = Field(default="")
    resolved_by: str
    resolved_at: datetime = Field(default_factory=utcnow)


class FullTextFile(SQLModel, table=True):
    """A full-text file (a PDF) stored in the review, once, however many records it is attached to.

    Never deleted: a detached file stays, so the audit trail can name what was attached.
    """

    __tablename__ = "full_texts"

    sha256: str = Field(primary_key=True)
    kind: str = Field(default="pdf")
    size: int = Field(default=0)
    pages: int = Field(default=0)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    stored_at: datetime = Field(default_factory=utcnow)


class FullTextAttachment(SQLModel, table=True):
    """A full text attached to a record under the name it had; detaching sets ``detached_at`` (the row stays)."""

    __tablename__ = "record_full_texts"

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="records.id", index=True)
    sha256: str = Field(foreign_key="full_texts.sha256", index=True)
    file_name: str
    attached_by: str = Field(default="")
    attached_at: datetime = Field(default_factory=utcnow)
    detached_by: str | None = Field(default=None)
    detached_at: datetime | None = Field(default=None)
    # What extraction from this file proposes for fields that already hold another value: key -> value, evidence.
    proposals: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
