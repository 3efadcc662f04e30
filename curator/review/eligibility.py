"""Which records are to be screened at a stage, and why one is not.

Title/abstract: every record not removed before screening and not a duplicate.
Full text: of those, the records that passed title/abstract (agreed include or
maybe, see :mod:`curator.review.screening_mode`: in dual screening, two reviewers
or a resolution), and records from other methods (websites, organisations,
citation searching), which PRISMA sends straight to retrieval, unless excluded
at title/abstract.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from curator.review.screening_mode import agreed_sql
from curator.store.database import Review
from curator.store.models import LINK_COUNTS

OTHER_METHOD_KINDS = ("website", "organisation", "citation", "other")

# The agreed title/abstract verdict: unanimous (two reviewers in dual screening) or a standing resolution.
_AGREED_TA = agreed_sql("title-abstract")
_NOT_REMOVED = (
    "r.removed_reason IS NULL"
    f" AND r.id NOT IN (SELECT record_id FROM duplicate_links WHERE {LINK_COUNTS})"
)
_OTHER_KINDS = ", ".join(f"'{kind}'" for kind in OTHER_METHOD_KINDS)
# One set of ids, so SQLite answers from indexes without reading the records' text.
_PASSED_TA = (
    f"r.id IN (SELECT record_id FROM ({_AGREED_TA}) AS agreed WHERE verdict IN ('include', 'maybe')"
    f" UNION SELECT id FROM records WHERE source_id IN (SELECT id FROM sources WHERE kind IN ({_OTHER_KINDS}))"
    f" AND id NOT IN (SELECT record_id FROM ({_AGREED_TA}) AS agreed WHERE verdict = 'exclude'))"
)


def eligible_condition(stage: str) -> str:
    """An SQL condition on ``records r`` that holds for the records to be screened at ``stage``."""
    return _NOT_REMOVED if stage == "title-abstract" else f"{_NOT_REMOVED} AND {_PASSED_TA}"


def eligible_ids(review: Review, stage: str) -> set[int]:
    """Ids of the records to be screened at ``stage``."""
    with review.engine.connect() as connection:
        return {row[0] for row in connection.execute(
            text(f"SELECT r.id FROM records r WHERE {eligible_condition(stage)}"))}


def why_not_eligible(connection: Connection, record_id: int, stage: str) -> str | None:
    """Why a record is not to be screened at ``stage``, in the reviewer's words (None when it is)."""
    row = connection.execute(
        text("SELECT removed_reason FROM records WHERE id = :id"), {"id": record_id}).first()
    if row is None:
        return f"no record {record_id} in this review"
    if row[0]:
        return (f"record {record_id} was removed before screening ({row[0]}); "
                f"put it back first (curator remove {record_id} --restore)")
    original = connection.execute(
        text(f"SELECT duplicate_of_id FROM duplicate_links WHERE record_id = :id AND {LINK_COUNTS}"),
        {"id": record_id}).first()
    if original is not None:
        return (f"record {record_id} is a duplicate of record {original[0]}; "
                "undo the link first if it is not (curator duplicates undo LINK)")
    if stage != "title-abstract":
        passed = connection.execute(
            text(f"SELECT count(*) FROM records r WHERE r.id = :id AND {_PASSED_TA}"), {"id": record_id}).scalar()
        if not passed:
            return (f"record {record_id} has not passed title/abstract screening (no agreed include or maybe); "
                    "it is not assessed in full text")
    return None
