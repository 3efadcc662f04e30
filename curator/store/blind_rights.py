"""Blind dual screening enforced by the server: which of the other reviewers' rows a reviewer's login reads.

On a stage screened in dual mode a reviewer's queries, even plain SQL, do not return another
reviewer's work on a record until they have decided that record themselves. The desk hides the
same things (:mod:`curator.review.blind`, :mod:`curator.appraisal.blind`); the server makes sure
nothing else can read them. For a login that is not a lead (the leads' group, the database's owner,
or the reviewer named lead in the settings):

* ``decisions``: another reviewer's decision at a dual stage is returned once the login has a
  current decision of its own (not undone, not a resolution) on that record at that stage.
  Decisions at a single stage are all returned.
* ``notes`` and ``record_tags`` carry no stage. The desk shows them at the stage it screens, so the
  server returns another reviewer's note or tag when the desk might show it at some stage: once
  the login has decided the record at any stage, and always while a stage is screened singly
  (the desk shows every note at that stage). With both stages dual: hidden until the login decided
  the record at title-abstract or full-text.
* ``audit_log``: the entries of those changes (a decision, its undo or redo, a resolution, a note,
  a tag, an appraisal's answers and judgements) follow the rule of the row they describe; every
  other entry is returned.
* ``appraisals``: another reviewer's risk-of-bias appraisal of a record is returned once the
  login's own appraisal of it with that tool is complete (every domain has a judgement), at any
  mode, as :func:`curator.appraisal.blind.appraisal_sight` shows it.

Each check reads the login's own rows through a view owned by the database's owner, so a policy on
``decisions`` reading ``decisions`` does not recurse; the view returns only the login's own rows.
Each check is an ``EXISTS`` the planner runs as it sees fit: a probe of ``ix_decisions_current``
(record, stage, reviewer) when a few rows are read, one hashed scan of the login's own rows when
many are.
"""

from __future__ import annotations

from typing import Any

from curator.terms import LEAD_REVIEWER_SETTING, SCREENING_MODE_SETTING, STAGES

#: The tables whose rows a reviewer's login may not read in blind screening, and the column naming the author.
BLIND_TABLES = {"decisions": "reviewer", "notes": "reviewer", "record_tags": "tagged_by",
                "appraisals": "reviewer", "audit_log": "reviewer"}
#: Audit entries that tell a screening verdict (their ``field`` is the stage).
VERDICT_ACTIONS = ("decide", "undo decision", "redo decision", "resolve conflict")
#: Audit entries that tell a note or a tag (no stage).
REMARK_ACTIONS = ("add note", "delete note", "add tag", "remove tag")
#: The judgements an appraisal needs before its author sees the others' (curator.appraisal.rob2.DOMAINS).
APPRAISAL_DOMAINS = ("D1", "D2", "D3", "D4", "D5")
#: The appraisal tools (curator.appraisal.rob2.TOOL), and the audit entries that tell an appraisal.
APPRAISAL_TOOLS = ("rob2",)
APPRAISAL_ACTIONS = tuple(f"{verb} {tool}" for tool in APPRAISAL_TOOLS
                          for verb in ("answer", "support", "override", "propose", "resolve"))


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _array(values: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(map(_literal, values)) + "]::text[]"


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(map(_literal, values)) + ")"


def blind_functions(leads: str) -> list[str]:
    """The functions and views the policies read: who sees everything, which stages are blind, one's own rows."""
    complete = " AND ".join(f"(proposed ->> {_literal(d)}) IS NOT NULL" for d in APPRAISAL_DOMAINS)
    # The setting's JSON as written, as curator.review.screening_mode reads it (%% is the driver's way of writing %).
    dual = "'%%\"' || s || '\": \"dual\"%%'"
    return [
        "CREATE OR REPLACE FUNCTION curator_sees_everything() RETURNS boolean LANGUAGE sql STABLE AS $$"
        f" SELECT pg_has_role(current_user, {_literal(leads)}, 'MEMBER') OR coalesce(current_user::text = ("
        f"  SELECT value #>> '{{}}' FROM settings WHERE key = {_literal(LEAD_REVIEWER_SETTING)}), false) $$",
        "CREATE OR REPLACE FUNCTION curator_blind_stages() RETURNS text[] LANGUAGE sql STABLE AS $$"
        " SELECT CASE WHEN curator_sees_everything() THEN '{}'::text[] ELSE ARRAY("
        f"  SELECT s FROM unnest({_array(STAGES)}) AS s WHERE (SELECT value::text FROM settings"
        f"  WHERE key = {_literal(SCREENING_MODE_SETTING)}) LIKE ({dual})) END $$",
        "CREATE OR REPLACE VIEW curator_my_screening WITH (security_barrier) AS"
        " SELECT record_id, stage FROM decisions"
        " WHERE reviewer = current_user AND retracted = false AND resolves IS NULL",
        "CREATE OR REPLACE VIEW curator_my_complete_appraisals WITH (security_barrier) AS"
        f" SELECT record_id, tool FROM appraisals WHERE reviewer = current_user AND {complete}",
    ]


def _verdict_seen(table: str, stage: str) -> str:
    # The cast makes the array a value (not a subquery's rows), read once per query.
    return (f"({stage} <> ALL (CAST((SELECT curator_blind_stages()) AS text[]))"
            " OR EXISTS (SELECT 1 FROM curator_my_screening m"
            f" WHERE m.record_id = {table}.record_id AND m.stage = {table}.{stage}))")


def _remark_seen(table: str) -> str:
    return (f"(NOT ({_array(STAGES)} <@ (SELECT curator_blind_stages()))"
            f" OR EXISTS (SELECT 1 FROM curator_my_screening m WHERE m.record_id = {table}.record_id))")


def read_conditions() -> dict[str, str]:
    """Each blind table's SELECT condition for every login (the leads' own policy lets them read everything)."""
    appraised = ("((SELECT curator_sees_everything())"
                 " OR EXISTS (SELECT 1 FROM curator_my_complete_appraisals m"
                 " WHERE m.record_id = appraisals.record_id AND m.tool = appraisals.tool))")
    audit = (f"(action NOT IN {_in(VERDICT_ACTIONS + REMARK_ACTIONS + APPRAISAL_ACTIONS)}"
             f" OR action IN {_in(VERDICT_ACTIONS)} AND {_verdict_seen('audit_log', 'field')}"
             f" OR action IN {_in(REMARK_ACTIONS)} AND {_remark_seen('audit_log')}"
             f" OR action IN {_in(APPRAISAL_ACTIONS)} AND ((SELECT curator_sees_everything())"
             "  OR EXISTS (SELECT 1 FROM curator_my_complete_appraisals m WHERE m.record_id = audit_log.record_id)))")
    seen = {"decisions": _verdict_seen("decisions", "stage"), "notes": _remark_seen("notes"),
            "record_tags": _remark_seen("record_tags"),
            "appraisals": appraised, "audit_log": audit}
    return {table: f"{column} = current_user OR {seen[table]}" for table, column in BLIND_TABLES.items()}


def blind_view_grants(reviewers: str, leads: str) -> list[str]:
    """Reading the views (each returns only the reader's own rows); nobody writes through them."""
    views = "curator_my_screening, curator_my_complete_appraisals"
    return [f"REVOKE ALL ON {views} FROM PUBLIC, {reviewers}, {leads}", f"GRANT SELECT ON {views} TO {reviewers}, {leads}"]


def hidden_stages(connection: Any) -> tuple[str, ...]:
    """The stages at which the server hides other reviewers' verdicts from this login (none on an SQLite file)."""
    if connection.dialect.name != "postgresql":
        return ()
    if not connection.exec_driver_sql("SELECT to_regprocedure('curator_blind_stages()') IS NOT NULL").scalar_one():
        return ()
    return tuple(connection.exec_driver_sql("SELECT curator_blind_stages()").scalar_one() or ())


def sees_everything(connection: Any) -> bool:
    """True when this login reads every row of the review (a lead, or an SQLite file)."""
    if connection.dialect.name != "postgresql":
        return True
    if not connection.exec_driver_sql("SELECT to_regprocedure('curator_sees_everything()') IS NOT NULL").scalar_one():
        return True
    return bool(connection.exec_driver_sql("SELECT curator_sees_everything()").scalar_one())
