"""Who may do what in a server review, enforced by PostgreSQL itself: roles, grants, row-level security.

Every reviewer logs in as a PostgreSQL role of their own name. Two group roles per review
database hold the rights: ``curator_<database>_reviewers`` and ``curator_<database>_leads``.
The database's owner, who created the review (``curator server init``), is a lead too.

A reviewer's login may read everything but what blind screening hides from it (see
:mod:`curator.store.blind_rights`: the other reviewers' verdicts, notes, tags and appraisals of
a record until it has decided or appraised that record itself), and may

- add decisions, notes, tags and audit entries only in its own name (row-level security
  checks ``reviewer`` / ``tagged_by`` against ``current_user``), undo or redo only its own
  decisions (the ``retracted`` column, nothing else of a decision), delete only its own notes
  and tags;
- edit a record's fields, only as itself (``edited_by`` must be its own name, and so must the
  author kept with each field it changes: a trigger checks ``curated``).

It may not delete or rewrite decisions or the audit log (no such grant; the audit log refuses
changes from anyone by a trigger), import, delete records, change exclusion reasons,
settings or duplicate links, add reviewers, or change the schema (only the owner can).
Leads may do all of that but change the schema. Where records stand at each stage
(``stage_verdicts``) is written by a trigger alone, never by a login; a reviewer reads it
blind (see :func:`_stage_verdicts_rights`). Whatever the client sends, the server
checks these rules on every row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from curator.store import blind_rights
from curator.store.errors import ReviewError

#: A reviewer's login name: a letter, then letters, digits, ``_``, ``.`` or ``-`` (at most 63 in all).
REVIEWER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,62}")

#: Tables whose rows name who wrote them, and the column that does.
OWN_ROWS = {"decisions": "reviewer", "notes": "reviewer", "audit_log": "reviewer", "record_tags": "tagged_by",
            "appraisals": "reviewer", "custom_values": "set_by", "record_full_texts": "attached_by"}
#: Of those, the tables whose rows a reviewer may change after writing them: (who may change, who changes).
CHANGED_ROWS = {"appraisals": ("reviewer = current_user", "reviewer = current_user"),
                "custom_values": ("true", "set_by = current_user"),
                "record_full_texts": ("true", "detached_by = current_user OR detached_by IS NULL")}
#: The rights set by this version of :func:`grant_rights`: a review whose rights are older gets them again when
#: its owner opens it (:func:`bring_rights_up_to_date`).
RIGHTS_VERSION = 3
#: Columns of a record a reviewer may change (its fields and the edit's version and author).
EDITABLE_RECORD_COLUMNS = ("curated", "title", "kind", "status", "phase", "year", "version", "edited_by", "edited_at")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def groups(connection: Any) -> tuple[str, str]:
    """The names of this database's reviewers' and leads' group roles."""
    database = connection.exec_driver_sql("SELECT current_database()").scalar_one()
    base = re.sub(r"[^a-z0-9_]", "_", database.lower())[:40]
    return f"curator_{base}_reviewers", f"curator_{base}_leads"


def _role_exists(connection: Any, name: str) -> bool:
    return bool(connection.exec_driver_sql("SELECT count(*) FROM pg_roles WHERE rolname = %(n)s", {"n": name})
                .scalar_one())


def grant_rights(connection: Any) -> None:
    """Create the group roles (when missing) and set every grant and policy; as the database's owner.

    Run after the schema is created or upgraded (new tables need their grants); running it again changes nothing.
    """
    reviewers, leads = groups(connection)
    for group in (reviewers, leads):
        if not _role_exists(connection, group):
            connection.exec_driver_sql(f"CREATE ROLE {_ident(group)} NOLOGIN")
    r, lead = _ident(reviewers), _ident(leads)
    database = _ident(connection.exec_driver_sql("SELECT current_database()").scalar_one())
    owner = _ident(connection.exec_driver_sql("SELECT current_user").scalar_one())
    statements = [
        *blind_rights.blind_functions(leads),
        f"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {r}, {lead}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {r}, {lead}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}, {lead}",
        f"GRANT INSERT ON decisions, notes, audit_log, tags, record_tags TO {r}",
        f"GRANT UPDATE (retracted) ON decisions TO {r}",
        f"GRANT DELETE ON notes, record_tags, custom_values TO {r}",
        f"GRANT INSERT, UPDATE ON appraisals, custom_values, record_full_texts TO {r}",
        f"GRANT INSERT ON full_texts TO {r}",
        f"GRANT UPDATE ({', '.join(EDITABLE_RECORD_COLUMNS)}) ON records TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {lead}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {r}, {lead}",
        f"GRANT {lead} TO {owner}",
        *blind_rights.blind_view_grants(r, lead),
    ]
    read = blind_rights.read_conditions()
    for table, column in {**OWN_ROWS, "records": None}.items():
        statements += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"]
        statements += [f"DROP POLICY IF EXISTS {name} ON {table}"
                       for name in ("curator_read", "curator_lead", "curator_own_insert", "curator_own_update",
                                    "curator_own_delete", "curator_edit")]
        statements += [f"CREATE POLICY curator_read ON {table} FOR SELECT USING ({read.get(table, 'true')})",
                       f"CREATE POLICY curator_lead ON {table} FOR ALL TO {lead} USING (true) WITH CHECK (true)"]
        if column is None:
            statements.append(f"CREATE POLICY curator_edit ON records FOR UPDATE TO {r} USING (true)"
                              " WITH CHECK (edited_by = current_user)")
            continue
        own = f"{column} = current_user"
        statements.append(f"CREATE POLICY curator_own_insert ON {table} FOR INSERT TO {r} WITH CHECK ({own})")
        if table == "decisions":
            statements.append(f"CREATE POLICY curator_own_update ON {table} FOR UPDATE TO {r} USING ({own})"
                              f" WITH CHECK ({own})")
        if table in CHANGED_ROWS:
            who, check = CHANGED_ROWS[table]
            statements.append(f"CREATE POLICY curator_own_update ON {table} FOR UPDATE TO {r} USING ({who})"
                              f" WITH CHECK ({check})")
        if table in ("notes", "record_tags", "custom_values"):
            statements.append(f"CREATE POLICY curator_own_delete ON {table} FOR DELETE TO {r} USING ({own})")
    statements += _edit_author_check(leads)
    statements += _stage_verdicts_rights(r, lead)
    statements.append("CREATE OR REPLACE FUNCTION curator_rights_version() RETURNS integer LANGUAGE sql IMMUTABLE"
                      f" AS 'SELECT {RIGHTS_VERSION}'")
    for statement in statements:
        connection.exec_driver_sql(statement)


def rights_version(connection: Any) -> int:
    """The version of the rights last set on the review (0 before versions were kept)."""
    if not connection.exec_driver_sql("SELECT to_regprocedure('curator_rights_version()') IS NOT NULL").scalar_one():
        return 0
    return int(connection.exec_driver_sql("SELECT curator_rights_version()").scalar_one())


def bring_rights_up_to_date(connection: Any) -> bool:
    """Set the rights again when they are older than this version's and the login owns the database; True if set.

    A review created or upgraded by an older Curator gets the newer rights (blind screening, say) the next
    time its owner opens it; a reviewer opening it meanwhile works under the rights it has.
    """
    if rights_version(connection) >= RIGHTS_VERSION:
        return False
    owner = connection.exec_driver_sql("SELECT pg_get_userbyid(datdba) = current_user FROM pg_database"
                                       " WHERE datname = current_database()").scalar_one()
    if not owner:
        return False
    grant_rights(connection)
    return True


def _edit_author_check(leads: str) -> list[str]:
    """A trigger refusing a reviewer's edit of a field in another's name (the author inside ``curated``)."""
    # %% is the driver's way of writing one % (plpgsql's placeholder in RAISE).
    literal = "'" + leads.replace("'", "''") + "'"
    return [
        "CREATE OR REPLACE FUNCTION curator_edits_by_login() RETURNS trigger LANGUAGE plpgsql AS $$"
        " DECLARE field text; BEGIN"
        f" IF pg_has_role(current_user, {literal}, 'MEMBER') THEN RETURN NEW; END IF;"
        " FOR field IN SELECT key FROM json_each(NEW.curated) LOOP"
        "  IF (OLD.curated -> field)::text IS DISTINCT FROM (NEW.curated -> field)::text"
        "     AND (NEW.curated -> field ->> 'by') IS DISTINCT FROM current_user::text THEN"
        "   RAISE EXCEPTION 'the login %% may edit %% only in its own name', current_user, field;"
        "  END IF; END LOOP; RETURN NEW; END $$",
        "DROP TRIGGER IF EXISTS curator_edits_by_login ON records",
        "CREATE TRIGGER curator_edits_by_login BEFORE UPDATE OF curated ON records FOR EACH ROW"
        " EXECUTE FUNCTION curator_edits_by_login()",
    ]


def _stage_verdicts_rights(reviewers: str, leads: str) -> list[str]:
    """Where records stand at each stage (``stage_verdicts``) is written by the database's trigger alone.

    Leads read every row. A reviewer's login reads a row unless it would tell them what another
    reviewer decided while they are undecided (dual screening is blind): in dual screening the row of a
    record only one human reviewer has decided, with no resolution, is that reviewer's to see alone.
    """
    # The setting's JSON as written, as curator.review.screening_mode reads it; %% is the driver's one %.
    dual = ("coalesce((SELECT CAST(value AS TEXT) FROM settings WHERE key = 'screening_mode'), '')"
            " LIKE '%%\"' || stage || '\": \"dual\"%%'")
    return [
        "ALTER TABLE stage_verdicts ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS curator_read ON stage_verdicts",
        "DROP POLICY IF EXISTS curator_lead ON stage_verdicts",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON stage_verdicts FROM {reviewers}, {leads}",
        f"CREATE POLICY curator_lead ON stage_verdicts FOR SELECT TO {leads} USING (true)",
        f"CREATE POLICY curator_read ON stage_verdicts FOR SELECT TO {reviewers} USING (awaits_second = 0"
        f" OR first_reviewer = current_user OR NOT ({dual}))",
    ]


def check_reviewer_name(name: str) -> str:
    """``name`` if it can be a reviewer's login, else ReviewError saying what a name may hold."""
    if not REVIEWER_NAME.fullmatch(name):
        raise ReviewError(f"{name!r} cannot be a reviewer's login: use a letter, then letters, digits, '_', '.' or"
                          " '-' (at most 63)")
    return name


def add_reviewer(connection: Any, name: str, password: str, *, lead: bool = False) -> bool:
    """Give ``name`` a login with ``password`` and a reviewer's rights (a lead's with ``lead``); True if new.

    The password is sent to the server already hashed (SCRAM-SHA-256), so it appears in no
    server log. A login that exists gets the new password and the rights.
    """
    check_reviewer_name(name)
    if not password:
        raise ReviewError(f"the reviewer {name} needs a password")
    raw = connection.connection.dbapi_connection
    hashed = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
    reviewers, leads = groups(connection)
    new = not _role_exists(connection, name)
    verb = "CREATE" if new else "ALTER"
    connection.exec_driver_sql(f"{verb} ROLE {_ident(name)} WITH LOGIN {'CREATEROLE ' if lead else ''}"
                               f"PASSWORD '{hashed}'")
    connection.exec_driver_sql(f"GRANT {_ident(reviewers)} TO {_ident(name)}")
    if lead:
        connection.exec_driver_sql(f"GRANT {_ident(leads)} TO {_ident(name)}")
    return new


@dataclass(frozen=True)
class Reviewer:
    """A login that may work on the review."""

    name: str
    lead: bool
    can_log_in: bool


def reviewers(connection: Any) -> list[Reviewer]:
    """The review's reviewers and leads (the database's owner first), by name."""
    reviewers_group, leads_group = groups(connection)
    rows = connection.exec_driver_sql(
        "SELECT m.rolname, bool_or(g.rolname = %(leads)s) OR m.rolname = o.rolname, m.rolcanlogin"
        " FROM pg_roles m JOIN pg_database d ON d.datname = current_database()"
        " JOIN pg_roles o ON o.oid = d.datdba"
        " LEFT JOIN pg_auth_members a ON a.member = m.oid LEFT JOIN pg_roles g ON g.oid = a.roleid"
        " WHERE g.rolname IN (%(reviewers)s, %(leads)s) OR m.oid = d.datdba"
        " GROUP BY m.rolname, o.rolname, m.rolcanlogin ORDER BY m.rolname <> o.rolname, m.rolname",
        {"reviewers": reviewers_group, "leads": leads_group}).all()
    return [Reviewer(name, bool(lead), bool(login)) for name, lead, login in rows]
