"""Which box of the PRISMA flow each record ends in, as one SQL query the database answers for every record.

The rules are those of :mod:`curator.prisma.counts`; a record's verdict at each stage is read from
where it stands (``stage_verdicts``, kept by the database as decisions are written) the way the
stage's screening mode says (:mod:`curator.review.screening_mode`), so counting reads no decision.
"""

from __future__ import annotations

from curator.prisma.flow import (
    AWAITING_FULL_TEXT,
    AWAITING_SCREENING,
    COLUMN_OF_KIND,
    DATABASES_AND_REGISTERS,
    DUPLICATE,
    EXCLUDED_FULL_TEXT,
    EXCLUDED_SCREENING,
    FULL_TEXT_CONFLICT,
    INCLUDED,
    NOT_RETRIEVED,
    REMOVED_AUTOMATION,
    REMOVED_OTHER,
    SCREENING_CONFLICT,
)
from curator.review.screening_mode import agreed_verdict_sql
from curator.store.dialects import computed_once
from curator.store.models import LINK_COUNTS, NOT_RETRIEVABLE, STAGES


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


#: Every box a record can end in; the SQL names a box by its number here (numbers group and sort faster).
BOXES = (DUPLICATE, REMOVED_AUTOMATION, REMOVED_OTHER, EXCLUDED_SCREENING, AWAITING_SCREENING, SCREENING_CONFLICT,
         FULL_TEXT_CONFLICT, AWAITING_FULL_TEXT, NOT_RETRIEVED, EXCLUDED_FULL_TEXT, INCLUDED)


def _code(box: str) -> str:
    return str(BOXES.index(box))


def _stage_columns(stage: str, v: str, needed: int) -> str:
    """The agreed verdict, its reason and actor, whether in conflict, and whether decided, at ``stage``."""
    return (f"{agreed_verdict_sql(stage, v, needed)} AS {v}_verdict, {v}.reason AS {v}_reason,"
            f" {v}.actor AS {v}_actor, coalesce({v}.conflict, 0) AS {v}_conflict,"
            f" CASE WHEN {v}.verdict IS NOT NULL OR {v}.conflict = 1 THEN 1 ELSE 0 END AS {v}_decided")


def _boxes_sql(needed: dict[str, int], dialect: str) -> str:
    ta_stage, ft_stage = STAGES
    once = computed_once(dialect)
    listed = ", ".join(_quoted(kind) for kind, column in COLUMN_OF_KIND.items() if column == DATABASES_AND_REGISTERS)
    states = (
        "SELECT r.id, r.source_id, s.kind IN (" + listed + ") AS dbr,"
        " CASE WHEN r.id IN (SELECT record_id FROM duplicate_links WHERE " + LINK_COUNTS + ") THEN 1 ELSE 0 END"
        " AS duplicate, coalesce(r.removed_reason, '') <> '' AS removed, r.removed_by,"
        f" {_stage_columns(ta_stage, 'ta', needed[ta_stage])}, {_stage_columns(ft_stage, 'ft', needed[ft_stage])}"
        " FROM records r LEFT JOIN sources s ON s.id = r.source_id"
        f" LEFT JOIN stage_verdicts ta ON ta.stage = {_quoted(ta_stage)} AND ta.record_id = r.id"
        f" LEFT JOIN stage_verdicts ft ON ft.stage = {_quoted(ft_stage)} AND ft.record_id = r.id"
    )
    box = (
        f"CASE WHEN duplicate = 1 THEN {_code(DUPLICATE)}"
        f" WHEN removed AND removed_by = 'automation' THEN {_code(REMOVED_AUTOMATION)}"
        f" WHEN removed THEN {_code(REMOVED_OTHER)}"
        f" WHEN ta_verdict = 'exclude' THEN {_code(EXCLUDED_SCREENING)}"
        f" WHEN dbr AND ta_conflict = 1 THEN {_code(SCREENING_CONFLICT)}"
        f" WHEN dbr AND ta_verdict IS NULL THEN {_code(AWAITING_SCREENING)}"
        f" WHEN ft_conflict = 1 THEN {_code(FULL_TEXT_CONFLICT)}"
        f" WHEN ft_verdict IS NULL OR ft_verdict = 'maybe' THEN {_code(AWAITING_FULL_TEXT)}"
        f" WHEN ft_verdict = 'exclude' AND lower(coalesce(ft_reason, '')) = {_quoted(NOT_RETRIEVABLE.lower())}"
        f" THEN {_code(NOT_RETRIEVED)}"
        f" WHEN ft_verdict = 'exclude' THEN {_code(EXCLUDED_FULL_TEXT)}"
        f" ELSE {_code(INCLUDED)} END"
    )
    return (f"SELECT id, source_id, box, CASE WHEN box = {_code(EXCLUDED_SCREENING)} THEN ta_reason"
            f" WHEN box = {_code(EXCLUDED_FULL_TEXT)} THEN ft_reason END AS reason,"
            f" CASE WHEN box = {_code(EXCLUDED_SCREENING)} THEN ta_actor END AS actor, ta_decided, ft_decided"
            f" FROM (SELECT states.*, {box} AS box FROM ({states}) AS states{once}) AS boxed")


def boxes_sql(needed: dict[str, int], dialect: str) -> str:
    """``id, box`` of every record: the box of the flow it ends in (its number in :data:`BOXES`).

    ``needed``: how many agreeing reviewers make a verdict at each stage (2 in dual screening, else 1);
    ``dialect``: the review's (:func:`curator.store.dialects.dialect_of`).
    """
    return f"SELECT id, box FROM ({_boxes_sql(needed, dialect)}) AS boxes"


#: The boxes whose records are named (not only counted): awaiting, in conflict, included.
NAMED = (AWAITING_SCREENING, SCREENING_CONFLICT, AWAITING_FULL_TEXT, FULL_TEXT_CONFLICT, INCLUDED)
#: The boxes of records removed before screening.
REMOVED_EARLY = (DUPLICATE, REMOVED_AUTOMATION, REMOVED_OTHER)


def box_counts_sql(needed: dict[str, int], dialect: str) -> str:
    """``source_id, box, reason, actor, record, at_full_text, n``: how many records of each source end in each
    box (its number in :data:`BOXES`), by the reason of their exclusion and who excluded them at title/abstract (human or automation).

    ``record`` names the record (``n`` is then 1) where it is in a box of :data:`NAMED`, or has a decision at
    full text, or was removed before screening though it has a decision; ``at_full_text`` then says whether it
    has a decision at full text (1 or 0). Both are NULL for the records only counted.
    """
    named = ", ".join(_code(box) for box in NAMED)
    early = ", ".join(_code(box) for box in REMOVED_EARLY)
    is_named = f"box IN ({named}) OR ft_decided = 1 OR ta_decided = 1 AND box IN ({early})"
    return (f"SELECT source_id, box, reason, actor, CASE WHEN {is_named} THEN id END AS record,"
            f" CASE WHEN {is_named} THEN ft_decided END AS at_full_text, count(*)"
            f" FROM ({_boxes_sql(needed, dialect)}) AS boxes GROUP BY source_id, box, reason, actor, record, at_full_text")
