"""The agreed verdict of a stage as SQL, so lists and eligibility read decisions as the counts do.

* A reviewer's current decision at a stage is their latest one that is not undone and is
  not a resolution (:func:`current_sql`).
* A resolution stands while it is not undone and no reviewer has decided the record again
  after it (:func:`standing_resolutions_sql`); it is then the record's verdict.
* Otherwise reviewers agree when their current verdicts are equal; in dual screening that
  takes two of them (a record with one verdict awaits the second). Different verdicts are
  a conflict (:func:`conflicts_sql`).

The stage is checked against the stages and written into the SQL; the mode is read from the
review's settings by the SQL itself, so callers need not pass it.
"""

from __future__ import annotations

from curator.review.screening_mode import DUAL, MODE_SETTING
from curator.store.models import STAGES


def _stage(stage: str) -> str:
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {stage!r}")
    return f"'{stage}'"


def current_sql(stage: str) -> str:
    """``record_id, reviewer, verdict, reason, id`` of each reviewer's current decision at ``stage``."""
    return (
        "SELECT record_id, reviewer, verdict, reason, id FROM decisions WHERE id IN ("
        f" SELECT max(id) FROM decisions WHERE stage = {_stage(stage)} AND retracted = 0 AND resolves IS NULL"
        " GROUP BY record_id, reviewer)"
    )


def standing_resolutions_sql(stage: str) -> str:
    """``record_id, verdict, reason, reviewer, id`` of the resolution that stands on a record at ``stage``."""
    s = _stage(stage)
    return (
        "SELECT r.record_id, r.verdict, r.reason, r.reviewer, r.id FROM decisions r WHERE r.id IN ("
        f" SELECT max(id) FROM decisions WHERE stage = {s} AND retracted = 0 AND resolves IS NOT NULL"
        " GROUP BY record_id)"
        " AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.record_id = r.record_id AND d.stage = r.stage"
        "  AND d.retracted = 0 AND d.resolves IS NULL AND d.id > r.id)"
    )


def reviewers_needed_sql(stage: str) -> str:
    """How many agreeing reviewers make a verdict at ``stage``: 2 in dual screening, else 1 (an SQL value)."""
    return (f"(CASE WHEN json_extract((SELECT value FROM settings WHERE key = '{MODE_SETTING}'),"
            f" '$.\"{stage}\"') = '{DUAL}' THEN 2 ELSE 1 END)")


def agreed_sql(stage: str) -> str:
    """``record_id, verdict`` of every record with an agreed verdict at ``stage`` (resolved or unanimous)."""
    resolved = standing_resolutions_sql(stage)
    return (
        f"SELECT record_id, verdict FROM ({resolved})"
        f" UNION ALL SELECT record_id, max(verdict) FROM ({current_sql(stage)})"
        f" WHERE record_id NOT IN (SELECT record_id FROM ({resolved}))"
        f" GROUP BY record_id HAVING count(DISTINCT verdict) = 1 AND count(*) >= {reviewers_needed_sql(stage)}"
    )


def conflicts_sql(stage: str) -> str:
    """``record_id`` of every record whose reviewers disagree at ``stage`` with no resolution standing."""
    return (
        f"SELECT record_id FROM ({current_sql(stage)})"
        f" WHERE record_id NOT IN (SELECT record_id FROM ({standing_resolutions_sql(stage)}))"
        " GROUP BY record_id HAVING count(DISTINCT verdict) > 1"
    )
