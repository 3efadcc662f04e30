"""Each record's standing at each stage, kept up to date by the database as decisions are written.

``stage_verdicts`` holds one row per record and stage that has any decision: how many reviewers'
current decisions there are and of which verdict, how many of them are an automation tool's, the
latest current decision (verdict, reason), the first and last reviewer by name with their verdicts
(the pair, when two reviewers decided), and the resolution that stands, if any; from these the
record's verdict (with its reason and actor) as single screening reads it, whether its reviewers
disagree, and whether it is one human reviewer's verdict alone, which dual screening reads as
awaiting the second reviewer. These are the same whatever the screening mode; a read applies the
mode (``curator.review.screening_mode``), so switching modes rewrites nothing.

Triggers on ``decisions`` (insert, update, delete) recompute the row of the record and stage they
touch from its few decision rows, so every way of writing a decision keeps it right. On a server
the trigger function runs as the schema's owner (SECURITY DEFINER): a reviewer's login fires it
without any right to write the table. Existing reviews are filled here.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

#: A decision ``d`` that is its reviewer's current one (their latest not undone, not a resolution); the
#: index ``ix_decisions_reviewing`` answers the inner query alone.
_CURRENT = (
    "d.retracted = false AND d.resolves IS NULL AND d.id = (SELECT max(e.id) FROM decisions e"
    " WHERE e.record_id = d.record_id AND e.stage = d.stage AND e.reviewer = d.reviewer"
    " AND e.retracted = false AND e.resolves IS NULL)"
)
#: The decisions that can be a reviewer's current one.
_REVIEWING = "retracted = false AND resolves IS NULL"
#: The reviewers' current verdicts on a row are all the same (and there is one at least).
_UNANIMOUS = "(reviewers > 0 AND (includes = reviewers OR excludes = reviewers OR maybes = reviewers))"
#: Who made an agreed verdict: an automation tool when every current decision is its, else a human.
_ACTOR = "CASE WHEN automated = reviewers THEN 'automation' ELSE 'human' END"


def _count(verdict: str) -> str:
    return f"sum(CASE WHEN d.verdict = '{verdict}' THEN 1 ELSE 0 END)"


def _of_reviewer(which: str) -> str:
    return ("(SELECT d.verdict FROM decisions d WHERE d.record_id = stage_verdicts.record_id"
            f" AND d.stage = stage_verdicts.stage AND {_CURRENT} AND d.reviewer = stage_verdicts.{which})")


def _of_decision(column: str, which: str) -> str:
    return f"(SELECT d.{column} FROM decisions d WHERE d.id = stage_verdicts.{which})"


def _when_unanimous(resolved: str, unanimous: str) -> str:
    return (f"CASE WHEN resolution_id IS NOT NULL THEN {_of_decision(resolved, 'resolution_id')}"
            f" WHEN {_UNANIMOUS} THEN {unanimous} END")


def refresh(rows: str, decisions: str, dialect: str) -> list[str]:
    """The statements that recompute the ``stage_verdicts`` rows selected by ``rows`` from the decisions
    selected by ``decisions`` (a condition on ``d``: the same records and stages), on ``dialect``."""
    insert, ignoring = ("INSERT INTO", " ON CONFLICT DO NOTHING") if dialect == "postgresql" else (
        "INSERT OR IGNORE INTO", "")
    return [
        f"DELETE FROM stage_verdicts WHERE {rows}",
        # The reviewers' current decisions, counted.
        "INSERT INTO stage_verdicts (stage, record_id, reviewers, includes, excludes, maybes, automated, latest_id,"
        f" first_reviewer, last_reviewer) SELECT d.stage, d.record_id, count(*), {_count('include')},"
        f" {_count('exclude')}, {_count('maybe')}, sum(CASE WHEN d.actor = 'automation' THEN 1 ELSE 0 END),"
        f" max(d.id), min(d.reviewer), max(d.reviewer) FROM decisions d WHERE {decisions} AND {_CURRENT}"
        " GROUP BY d.stage, d.record_id",
        # A record and stage whose decisions are all undone, or resolutions only, still has a row; one left
        # without any decision (deleted, or moved by a lead) has none.
        f"{insert} stage_verdicts (stage, record_id) SELECT d.stage, d.record_id FROM decisions d"
        f" WHERE {decisions}{ignoring}",
        # A resolution stands while no reviewer has decided the record again after it.
        "UPDATE stage_verdicts SET resolution_id = (SELECT max(d.id) FROM decisions d"
        " WHERE d.record_id = stage_verdicts.record_id AND d.stage = stage_verdicts.stage AND d.retracted = false"
        f" AND d.resolves IS NOT NULL AND d.id > coalesce(stage_verdicts.latest_id, 0)) WHERE {rows}",
        # The decisions named, and the record's verdict as single screening reads it (with its reason and
        # actor); what dual screening reads differently: a lone human reviewer's verdict awaits a second.
        "UPDATE stage_verdicts SET"
        f" latest_verdict = {_of_decision('verdict', 'latest_id')},"
        f" latest_reason = {_of_decision('reason', 'latest_id')},"
        f" first_verdict = {_of_reviewer('first_reviewer')},"
        f" last_verdict = {_of_reviewer('last_reviewer')},"
        f" resolution_verdict = {_of_decision('verdict', 'resolution_id')},"
        f" resolution_reason = {_of_decision('reason', 'resolution_id')},"
        f" resolution_reviewer = {_of_decision('reviewer', 'resolution_id')},"
        f" resolution_actor = {_of_decision('actor', 'resolution_id')},"
        f" verdict = {_when_unanimous('verdict', _of_decision('verdict', 'latest_id'))},"
        f" reason = {_when_unanimous('reason', _of_decision('reason', 'latest_id'))},"
        f" actor = {_when_unanimous('actor', _ACTOR)},"
        f" conflict = CASE WHEN resolution_id IS NULL AND reviewers > 1 AND NOT {_UNANIMOUS} THEN 1 ELSE 0 END,"
        " awaits_second = CASE WHEN resolution_id IS NULL AND reviewers = 1 AND automated = 0 THEN 1 ELSE 0 END"
        f" WHERE {rows}",
    ]


def _refresh_key(record_id: str, stage: str, dialect: str) -> list[str]:
    return refresh(f"stage_verdicts.stage = {stage} AND stage_verdicts.record_id = {record_id}",
                   f"d.record_id = {record_id} AND d.stage = {stage}", dialect)


def _sqlite_triggers() -> list[str]:
    def body(key: str) -> str:
        return "; ".join(_refresh_key(f"{key}.record_id", f"{key}.stage", "sqlite")) + ";"

    return [
        f"CREATE TRIGGER stage_verdicts_insert AFTER INSERT ON decisions BEGIN {body('new')} END",
        f"CREATE TRIGGER stage_verdicts_update AFTER UPDATE ON decisions BEGIN {body('old')} {body('new')} END",
        f"CREATE TRIGGER stage_verdicts_delete AFTER DELETE ON decisions BEGIN {body('old')} END",
    ]


def _server_functions() -> list[str]:
    statements = "; ".join(_refresh_key("rid", "st", "postgresql"))
    return [
        # One writer at a time per record and stage, until it commits: reviewers deciding a record at once
        # each recompute its row after the other's decision is in (each statement then reads what is
        # committed), so neither one's recomputation is lost, and neither is refused.
        "CREATE FUNCTION curator_refresh_stage_verdict(rid integer, st varchar) RETURNS void LANGUAGE plpgsql"
        " SET search_path = public AS $$ BEGIN"
        " PERFORM pg_advisory_xact_lock(hashtext('curator stage_verdicts ' || st), rid);"
        f" {statements}; END $$",
        # SECURITY DEFINER: runs as the schema's owner, so a reviewer's decision keeps the table right
        # though the reviewer may not write it (nor read every decision it is computed from).
        "CREATE FUNCTION curator_keep_stage_verdicts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
        " SET search_path = public AS $$ BEGIN"
        " IF TG_OP <> 'INSERT' THEN PERFORM curator_refresh_stage_verdict(OLD.record_id, OLD.stage); END IF;"
        " IF TG_OP <> 'DELETE' THEN PERFORM curator_refresh_stage_verdict(NEW.record_id, NEW.stage); END IF;"
        " RETURN NULL; END $$",
        "CREATE TRIGGER curator_keep_stage_verdicts AFTER INSERT OR UPDATE OR DELETE ON decisions"
        " FOR EACH ROW EXECUTE FUNCTION curator_keep_stage_verdicts()",
    ]


def upgrade() -> None:
    op.create_table(
        "stage_verdicts",
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("reviewers", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("includes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("excludes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("maybes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("automated", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("latest_id", sa.Integer(), nullable=True),
        sa.Column("latest_verdict", sa.String(), nullable=True),
        sa.Column("latest_reason", sa.String(), nullable=True),
        sa.Column("first_reviewer", sa.String(), nullable=True),
        sa.Column("first_verdict", sa.String(), nullable=True),
        sa.Column("last_reviewer", sa.String(), nullable=True),
        sa.Column("last_verdict", sa.String(), nullable=True),
        sa.Column("resolution_id", sa.Integer(), nullable=True),
        sa.Column("resolution_verdict", sa.String(), nullable=True),
        sa.Column("resolution_reason", sa.String(), nullable=True),
        sa.Column("resolution_reviewer", sa.String(), nullable=True),
        sa.Column("resolution_actor", sa.String(), nullable=True),
        sa.Column("verdict", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("actor", sa.String(), nullable=True),
        sa.Column("conflict", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("awaits_second", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("stage", "record_id"),
    )
    op.create_index("ix_decisions_reviewing", "decisions", ["record_id", "stage", "reviewer"],
                    sqlite_where=sa.text(_REVIEWING), postgresql_where=sa.text(_REVIEWING))
    dialect = op.get_bind().dialect.name
    for statement in _server_functions() if dialect == "postgresql" else _sqlite_triggers():
        op.execute(statement)
    for statement in refresh("true", "true", dialect):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS curator_keep_stage_verdicts ON decisions")
        op.execute("DROP FUNCTION IF EXISTS curator_keep_stage_verdicts()")
        op.execute("DROP FUNCTION IF EXISTS curator_refresh_stage_verdict(integer, varchar)")
    else:
        for trigger in ("stage_verdicts_insert", "stage_verdicts_update", "stage_verdicts_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table("stage_verdicts")
    op.drop_index("ix_decisions_reviewing", "decisions")
