"""How many reviewers screen each stage (single or dual screening) and who leads the team.

In single screening one reviewer's verdict is the record's verdict. In dual screening two
reviewers decide each record independently and blind to each other; a record has a verdict
at the stage only when two reviewers agree, or when a resolution settles their conflict
(see :mod:`curator.review.resolution`). Switching mode keeps every decision: only how they
are read changes. Both are settings of the review, so every window and command sees them.

The agreed verdict of a stage, as SQL, so lists and eligibility read decisions as the counts do:

* A reviewer's current decision at a stage is their latest one that is not undone and is
  not a resolution (:func:`current_sql`). The database keeps where each record stands at each
  stage in ``stage_verdicts`` (counts of the current verdicts, the latest, the pair, the standing
  resolution, the verdict as single screening reads it, whether the reviewers disagree and whether
  one human reviewer's verdict awaits a second), whatever the mode; the SQL below reads it the way
  the stage's mode says, so switching modes rewrites nothing.
* A resolution stands while it is not undone and no reviewer has decided the record again
  after it (:func:`standing_resolutions_sql`); it is then the record's verdict.
* Otherwise reviewers agree when their current verdicts are equal; in dual screening that
  takes two of them (a record with one verdict awaits the second), unless every verdict is
  an automation tool's (PRISMA counts those apart). Different verdicts are a conflict
  (:func:`conflicts_sql`).

The stage is checked against the stages and written into the SQL; the mode is read from the
review's settings by the SQL itself, so callers need not pass it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from sqlalchemy.engine import Engine

from curator.store.audit import change_setting
from curator.store.blind_rights import sees_everything
from curator.store.database import Review, get_setting
from curator.store.models import STAGES
from curator.terms import LEAD_REVIEWER_SETTING, SCREENING_MODE_SETTING

SINGLE = "single"
DUAL = "dual"
MODES = (SINGLE, DUAL)
#: The setting holding ``{stage: mode}`` (a stage not in it is screened singly).
MODE_SETTING = SCREENING_MODE_SETTING
#: The setting holding the lead reviewer's name: who sees every verdict and may settle any conflict.
LEAD_SETTING = LEAD_REVIEWER_SETTING


def _check_stages(stages: Iterable[str]) -> list[str]:
    chosen = list(stages)
    for stage in chosen:
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {stage!r}")
    return chosen


def screening_modes(review: Review) -> dict[str, str]:
    """The screening mode of every stage, in stage order: ``{"title-abstract": "dual", "full-text": "single"}``."""
    stored = get_setting(review, MODE_SETTING) or {}
    return {stage: stored.get(stage) if stored.get(stage) in MODES else SINGLE for stage in STAGES}


def is_dual(review: Review, stage: str) -> bool:
    """True when ``stage`` is screened by two reviewers."""
    return screening_modes(review).get(stage) == DUAL


def set_screening_mode(review: Review, mode: str, stages: Iterable[str] = STAGES, *,
                       reviewer: str) -> dict[str, str]:
    """Screen ``stages`` in ``mode`` (single or dual); every decision is kept. Returns every stage's mode."""
    if mode not in MODES:
        raise ValueError(f"screening mode must be one of {', '.join(MODES)}, not {mode!r}")
    chosen = _check_stages(stages)
    if not chosen:
        raise ValueError("name at least one stage")
    with review.transaction() as session:
        change_setting(session, MODE_SETTING,
                       lambda old: {stage: (old or {}).get(stage, SINGLE) for stage in STAGES}
                       | {stage: mode for stage in chosen}, reviewer=reviewer, action="set screening mode")
    return screening_modes(review)


def lead_reviewer(review: Review) -> str | None:
    """The lead reviewer's name, or None when the review has no lead."""
    name = get_setting(review, LEAD_SETTING)
    return name if isinstance(name, str) and name.strip() else None


#: Whether a server review's login is a lead there, asked once per connection pool (it changes only when an
#: administrator changes the login's roles).
_LOGIN_LEADS: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def is_lead(review: Review, reviewer: str) -> bool:
    """True when ``reviewer`` leads the review: the lead named with ``screening-mode --lead``, or, on a server,
    the review's own login when the server makes it a lead (the database's owner, a ``--lead`` login): the
    server shows it every verdict, so blindness has nothing to hide from it."""
    if reviewer == lead_reviewer(review):
        return True
    if review.server is None or reviewer != review.engine.url.username:
        return False
    if review.engine not in _LOGIN_LEADS:
        with review.engine.connect() as connection:
            _LOGIN_LEADS[review.engine] = sees_everything(connection)
    return _LOGIN_LEADS[review.engine]


def set_lead_reviewer(review: Review, name: str | None, *, reviewer: str) -> str | None:
    """Name the lead reviewer (None or blank: no lead); returns the lead now."""
    name = (name or "").strip() or None
    with review.transaction() as session:
        change_setting(session, LEAD_SETTING, lambda _old: name, reviewer=reviewer, action="set lead reviewer")
    return name


def _stage(stage: str) -> str:
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {stage!r}")
    return f"'{stage}'"


def current_sql(stage: str, records: str | None = None, *, one_reviewer: bool = False) -> str:
    """``record_id, reviewer, verdict, reason, id, actor`` of each reviewer's current decision at ``stage``.

    ``records``: an SQL query of the record ids to read (every record when None); ``one_reviewer``: only the
    reviewer named by the ``:reviewer`` parameter (their own decisions, read without grouping anyone else's).
    """
    only = f" AND record_id IN ({records})" if records else ""
    only += " AND reviewer = :reviewer" if one_reviewer else ""
    return (
        "SELECT record_id, reviewer, verdict, reason, id, actor FROM decisions WHERE id IN ("
        f" SELECT max(id) FROM decisions WHERE stage = {_stage(stage)} AND retracted = false AND resolves IS NULL"
        f"{only} GROUP BY record_id, reviewer)"
    )


def standing_resolutions_sql(stage: str) -> str:
    """``record_id, verdict, reason, reviewer, id`` of the resolution that stands on a record at ``stage``."""
    return ("SELECT record_id, resolution_verdict AS verdict, resolution_reason AS reason,"
            " resolution_reviewer AS reviewer, resolution_id AS id FROM stage_verdicts"
            f" WHERE stage = {_stage(stage)} AND resolution_id IS NOT NULL")


def reviewers_needed_sql(stage: str) -> str:
    """How many agreeing reviewers make a verdict at ``stage``: 2 in dual screening, else 1 (an SQL value)."""
    # The setting's JSON as written (json.dumps, the same text in a file and on a server), so the test needs
    # no dialect's JSON functions.
    return (f"coalesce((SELECT CASE WHEN CAST(value AS TEXT) LIKE '%\"{stage}\": \"{DUAL}\"%' THEN 2 ELSE 1 END"
            f" FROM settings WHERE key = '{MODE_SETTING}'), 1)")


# Where each record stands at a stage is kept by the database in ``stage_verdicts`` (one row per record and
# stage with a decision, see migration 0011); these read a row ``v`` of it the way the mode says.

def agreed_verdict_sql(stage: str, v: str = "v", needed: int | None = None) -> str:
    """The agreed verdict of the row ``v`` at ``stage`` (a standing resolution, else unanimous reviewers, two
    of them in dual screening unless every verdict is an automation tool's), else NULL.

    ``needed``: how many reviewers make a verdict, when the caller has read the mode (else the SQL reads it).
    """
    if needed is not None:
        return f"{v}.verdict" if needed < 2 else f"(CASE WHEN {v}.awaits_second = 0 THEN {v}.verdict END)"
    return f"(CASE WHEN {v}.awaits_second = 0 OR {reviewers_needed_sql(stage)} = 1 THEN {v}.verdict END)"


def conflict_sql(v: str = "v") -> str:
    """True when the reviewers of the row ``v`` disagree and no resolution stands."""
    return f"{v}.conflict = 1"


def agreed_sql(stage: str) -> str:
    """``record_id, verdict`` of every record with an agreed verdict at ``stage`` (resolved or unanimous)."""
    verdict = agreed_verdict_sql(stage)
    return (f"SELECT v.record_id, {verdict} AS verdict FROM stage_verdicts v WHERE v.stage = {_stage(stage)}"
            f" AND {verdict} IS NOT NULL")


def conflicts_sql(stage: str) -> str:
    """``record_id`` of every record whose reviewers disagree at ``stage`` with no resolution standing."""
    return f"SELECT v.record_id FROM stage_verdicts v WHERE v.stage = {_stage(stage)} AND {conflict_sql()}"
