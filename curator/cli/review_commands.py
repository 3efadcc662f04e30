"""Commands on the records of a review: demo, list, show, screen, edit, tag, note, reasons, log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from curator.appraisal.custom_values import record_custom_values
from curator.cli.common import open_or_fail, print_json, reason_of, review_option, reviewer_option
from curator.fields import FIELD_KEYS
from curator.fulltext.storage import full_text_of
from curator.review.blind import screening_reviewers
from curator.review.listing import UNDECIDED, RecordFilter, count_records, find_record_ids, record_rows
from curator.review.records import (
    RecordNotFound,
    add_note,
    add_tag,
    get_record,
    remove_tag,
    revert_field,
    set_field,
)
from curator.review.screening import (
    current_decisions,
    decision_log,
    exclusion_reasons,
    record_decision,
    remove_before_screening,
    set_exclusion_reasons,
)
from curator.store.database import REVIEW_ENV, Review
from curator.store.models import STAGES, VERDICTS


def _stages_map(row: Any, attribute: str) -> dict[str, Any]:
    return {stage: getattr(row, attribute)(stage) for stage in STAGES}


@click.command("demo")
@click.option("--review", "review_path", type=click.Path(dir_okay=False, path_type=Path), envvar=REVIEW_ENV,
              help=f"Where to build the demo review (default: ${REVIEW_ENV}, else demo.curator.sqlite in your "
                   "user-data folder); never a review that has records of its own.")
@click.option("--fresh", is_flag=True, help="Rebuild it even if it already exists (its decisions are lost).")
@reviewer_option
def demo_command(review_path: Path | None, fresh: bool, reviewer: str) -> None:
    """Build a review from the bundled sample documents and print its path.

    The review is found like every command's (--review, else $CURATOR_REVIEW), except that its
    default is a demo file of its own, and the demo is never written into a review that has records.
    """
    from curator.demo import build_demo_review

    try:
        path = build_demo_review(review_path, fresh=fresh, reviewer=reviewer)
    except (OSError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(str(path))


@click.command("list")
@review_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--search", default="", help="Only records whose title or text has these words.")
@click.option("--stage", type=click.Choice(STAGES), default="title-abstract", show_default=True,
              help="The stage --verdict refers to.")
@click.option("--verdict", type=click.Choice([*VERDICTS, "conflict", "undecided"]), help="Only records with this verdict.")
@click.option("--tag", help="Only records with this tag.")
@click.option("--reviewer", help="Blind: only this reviewer's own verdicts and reasons, never another's"
                                 " (dual screening); --verdict then filters on theirs.")
@click.option("--order", type=click.Choice(["id", "relevance"]), default="id", show_default=True,
              help="relevance: the stage's undecided records, the likeliest includes first (learnt from the"
                   " stage's decisions; with a score in --json).")
@click.option("--by", "by_reviewer", metavar="REVIEWER",
              help="With --order relevance: learn from, and list the records undecided by, this reviewer only.")
def list_command(review_path: Path | None, as_json: bool, search: str, stage: str, verdict: str | None,
                 tag: str | None, reviewer: str | None, order: str, by_reviewer: str | None) -> None:
    """List the records: id, kind, verdicts per stage, title."""
    scores: dict[int, float] = {}
    if order == "id" and by_reviewer:
        raise click.UsageError("--by goes with --order relevance")
    if order == "relevance" and verdict not in (None, "undecided"):
        raise click.UsageError("--order relevance lists the undecided records; leave out --verdict")
    with open_or_fail(review_path, create=False) as review:
        if reviewer is not None and verdict != UNDECIDED and reviewer not in screening_reviewers(review):
            known = ", ".join(screening_reviewers(review)) or "none yet"
            raise click.ClickException(f"{reviewer} has never screened a record in this review (reviewers: {known});"
                                       " list what they have left with --verdict undecided")
        if order == "relevance":
            from curator.ranking.relevance import rank_undecided

            ranked = rank_undecided(review, stage, by_reviewer).records
            wanted = set(find_record_ids(review, RecordFilter(
                search=search, stage=stage, verdict=None if by_reviewer else "undecided", tag=tag)))
            scores = {r.id: r.score for r in ranked if r.id in wanted}
            ids = list(scores)
        else:
            try:
                ids = find_record_ids(review, RecordFilter(search=search, stage=stage, verdict=verdict, tag=tag,
                                                           reviewer=reviewer))
            except ValueError as error:
                raise click.ClickException(str(error)) from error
        for start in range(0, len(ids), 500):
            for row in record_rows(review, ids[start:start + 500], reviewer=reviewer):
                if as_json:
                    line = {"id": row.id, "title": row.title, "kind": row.kind,
                            "decisions": _stages_map(row, "verdict"), "reasons": _stages_map(row, "reason"),
                            "tags": list(row.tags), "source": row.source, "duplicate_of": row.duplicate_of}
                    if order == "relevance":
                        line["score"] = round(scores[row.id], 4)
                    print_json(line)
                else:
                    marks = " ".join(f"{(row.verdict(s) or '-'):8}" for s in STAGES)
                    click.echo(f"{row.id:>6}  {row.kind:8} {marks} {row.title[:90]}")
        if not ids:  # on stderr: the output stays empty for scripts
            click.echo(_nothing_listed(review), err=True)


def _nothing_listed(review: Review) -> str:
    if count_records(review) == 0:
        return (f"{review.path.name} has no records yet: bring them in with `curator import FILES "
                "--source NAME --source-kind database|register|...` (or build the demo with `curator demo`).")
    return "No record matches (the review has records: loosen --search, --verdict, --stage or --tag)."


@click.command("show")
@click.argument("record_id", type=int)
@review_option
@click.option("--json", "as_json", is_flag=True, help="As one JSON object.")
def show_command(record_id: int, review_path: Path | None, as_json: bool) -> None:
    """Show every field of one record, extracted and curated."""
    with open_or_fail(review_path, create=False) as review:
        try:
            record = get_record(review, record_id)
        except RecordNotFound as error:
            raise click.ClickException(str(error)) from error
        decisions = {s: [d.__dict__ for d in current_decisions(review, s, [record_id]).get(record_id, [])]
                     for s in STAGES}
        custom = record_custom_values(review, record_id)
        full_text = full_text_of(review, record_id)
    if as_json:
        print_json({
            "id": record.id, "source": record.source_name, "source_kind": record.source_kind,
            "source_entry": record.source_entry, "kind": record.kind, "profile": record.profile,
            "fields": record.fields(), "extracted": record.extracted, "curated": record.curated,
            "evidence": record.evidence, "tags": record.tags, "notes": [n.__dict__ for n in record.notes],
            "decisions": decisions, "duplicate_of": record.duplicate_of, "custom": custom,
            "full_text": full_text.as_json() if full_text else None,
        })
        return
    click.echo(f"Record {record.id} · {record.kind} · {record.profile} · from {record.source_name} ({record.source_entry})")
    for key in FIELD_KEYS:
        value = record.value(key)
        if value in (None, [], "") and not record.is_edited(key):
            continue
        mark = f" (edited; extracted: {record.extracted_value(key)!r})" if record.is_edited(key) else ""
        shown = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
        click.echo(f"{key:>18}: {shown[:300]}{mark}")
    for name, value in custom.items():
        if value is not None:
            click.echo(f"{name:>18}: {'; '.join(map(str, value)) if isinstance(value, list) else value}")
    for stage, items in decisions.items():
        for d in items:
            click.echo(f"{stage:>18}: {d['verdict']}{' (' + d['reason'] + ')' if d['reason'] else ''} by {d['reviewer']}")
    if full_text:
        click.echo(f"{'full text':>18}: {full_text.file_name} ({full_text.pages} pages)")
    if record.tags:
        click.echo(f"{'tags':>18}: {', '.join(record.tags)}")
    for note in record.notes:
        click.echo(f"{'note':>18}: {note.text} ({note.reviewer})")


@click.command("screen")
@click.argument("record_id", type=int)
@click.argument("verdict", type=click.Choice(VERDICTS))
@click.option("--reason", help="Exclusion reason (one of the stage's reasons; see `curator reasons`).")
@click.option("--stage", type=click.Choice(STAGES), default="title-abstract", show_default=True)
@click.option("--note", help="A note kept with the decision.")
@click.option("--automation", is_flag=True, help="The decision was made by an automation tool, not a person.")
@review_option
@reviewer_option
def screen_command(record_id: int, verdict: str, reason: str | None, stage: str, note: str | None, automation: bool,
                   review_path: Path | None, reviewer: str) -> None:
    """Record a screening decision: include, exclude or maybe."""
    if reason and verdict != "exclude":
        raise click.UsageError("--reason goes with exclude")
    with open_or_fail(review_path, create=False) as review:
        try:
            decision = record_decision(review, record_id, verdict, stage=stage, reviewer=reviewer, reason=reason,
                                       note=note, actor="automation" if automation else "human")
        except (ValueError, LookupError) as error:
            raise click.ClickException(reason_of(error)) from error
    click.echo(f"record {record_id}: {decision.verdict}{' (' + decision.reason + ')' if decision.reason else ''}"
               f" at {stage} by {reviewer}")


@click.command("edit")
@click.argument("record_id", type=int)
@click.argument("key", metavar="FIELD")
@click.argument("value", required=False)
@click.option("--revert", is_flag=True, help="Drop the edit: the extracted value stands again.")
@review_option
@reviewer_option
def edit_command(record_id: int, key: str, value: str | None, revert: bool, review_path: Path | None,
                 reviewer: str) -> None:
    """Set a field's curated value (lists: separate items with ';'), or --revert to the extracted value.

    FIELD is a built-in field or one of the review's custom fields (`curator fields`); a custom
    field's value is checked against its type, and --revert clears it.
    """
    if value is None and not revert:
        raise click.UsageError(f"give the new value of {key} (\"\" to clear it), or --revert")
    with open_or_fail(review_path, create=False) as review:
        if key not in FIELD_KEYS:
            _edit_custom(review, record_id, key, None if revert else value, reviewer)
            return
        try:
            if revert:
                change = revert_field(review, record_id, key, reviewer=reviewer)
            else:
                change = set_field(review, record_id, key, value, reviewer=reviewer)
        except (ValueError, LookupError) as error:
            raise click.ClickException(reason_of(error)) from error
    click.echo(f"record {record_id}: {key} = {change.new!r}{' (edited)' if change.edited else ' (extracted)'}")


def _edit_custom(review: Any, record_id: int, name: str, value: str | None, reviewer: str) -> None:
    from curator.appraisal.custom_values import set_custom_value
    from curator.appraisal.form import form_fields

    custom = [f.name for f in form_fields(review)]
    if name.lower() not in {c.lower() for c in custom}:
        own = f"; the review's own: {', '.join(custom)}" if custom else ""
        raise click.ClickException(f"unknown field {name!r}; fields are: {', '.join(FIELD_KEYS)}{own}")
    try:
        change = set_custom_value(review, record_id, name, value, reviewer=reviewer)
    except (ValueError, LookupError) as error:
        raise click.ClickException(reason_of(error)) from error
    click.echo(f"record {record_id}: {change.name} = {change.new!r}")


@click.command("tag")
@click.argument("record_id", type=int)
@click.argument("tags", nargs=-1, required=True)
@click.option("--remove", is_flag=True, help="Take the tags off instead.")
@review_option
@reviewer_option
def tag_command(record_id: int, tags: tuple[str, ...], remove: bool, review_path: Path | None, reviewer: str) -> None:
    """Tag a record (or --remove tags)."""
    with open_or_fail(review_path, create=False) as review:
        try:
            for tag in tags:
                (remove_tag if remove else add_tag)(review, record_id, tag, reviewer=reviewer)
        except (ValueError, LookupError) as error:
            raise click.ClickException(reason_of(error)) from error
        click.echo(f"record {record_id}: tags {', '.join(get_record(review, record_id).tags) or '(none)'}")


@click.command("note")
@click.argument("record_id", type=int)
@click.argument("text")
@review_option
@reviewer_option
def note_command(record_id: int, text: str, review_path: Path | None, reviewer: str) -> None:
    """Add a note to a record."""
    with open_or_fail(review_path, create=False) as review:
        try:
            add_note(review, record_id, text, reviewer=reviewer)
        except (ValueError, LookupError) as error:
            raise click.ClickException(reason_of(error)) from error
    click.echo(f"record {record_id}: note added")


@click.command("reasons")
@click.option("--stage", type=click.Choice(STAGES), default="title-abstract", show_default=True)
@click.option("--set", "new_reasons", multiple=True, help="Replace the list: --set REASON, repeated, in order.")
@review_option
@reviewer_option
def reasons_command(stage: str, new_reasons: tuple[str, ...], review_path: Path | None, reviewer: str) -> None:
    """Show (or --set) the exclusion reasons of a stage; keys 1-9 in the window pick them in this order."""
    with open_or_fail(review_path, create=False) as review:
        try:
            labels = (set_exclusion_reasons(review, stage, list(new_reasons), reviewer=reviewer) if new_reasons
                      else exclusion_reasons(review, stage))
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    for position, label in enumerate(labels, 1):
        click.echo(f"{position}. {label}")


@click.command("remove")
@click.argument("record_id", type=int)
@click.option("--reason", help="Why it is removed before screening (e.g. 'retracted', 'conference abstract').")
@click.option("--automation", is_flag=True, help="An automation tool marked it ineligible.")
@click.option("--restore", is_flag=True, help="Put it back into screening.")
@review_option
@reviewer_option
def remove_command(record_id: int, reason: str | None, automation: bool, restore: bool, review_path: Path | None,
                   reviewer: str) -> None:
    """Remove a record before screening (PRISMA: by automation, or for other reasons), or --restore it."""
    if not restore and not (reason or "").strip():
        raise click.UsageError("give --reason (or --restore)")
    with open_or_fail(review_path, create=False) as review:
        try:
            remove_before_screening(review, record_id, None if restore else reason, reviewer=reviewer,
                                    actor="automation" if automation else "human")
        except (ValueError, LookupError) as error:
            raise click.ClickException(reason_of(error)) from error
    click.echo(f"record {record_id}: {'back in screening' if restore else 'removed before screening'}")


@click.command("log")
@review_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def log_command(review_path: Path | None, as_json: bool) -> None:
    """Every screening decision ever made, oldest first; a resolution names the decisions it settles."""
    with open_or_fail(review_path, create=False) as review:
        for d in decision_log(review):
            if as_json:
                print_json(d.__dict__)
            else:
                undone = " (undone)" if d.retracted else ""
                settles = f" resolves {', '.join(map(str, d.resolves))}" if d.resolves else ""
                click.echo(f"{d.decided_at:%Y-%m-%d %H:%M:%S}  {d.reviewer:12} {d.stage:15} #{d.record_id:<6} "
                           f"{d.verdict}{' (' + d.reason + ')' if d.reason else ''} [{d.actor}]{settles}{undone}")


@click.command("audit")
@review_option
@click.option("--record", "record_id", type=int, help="Only the changes to this record.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def audit_command(review_path: Path | None, record_id: int | None, as_json: bool) -> None:
    """Every change ever made to the review (append-only): who, when, what, old → new."""
    from curator.store.audit import audit_trail

    with open_or_fail(review_path, create=False) as review, review.session() as session:
        for line in audit_trail(session, record_id):
            if as_json:
                print_json(line.__dict__)
                continue
            where = f"#{line.record_id}" if line.record_id is not None else ""
            change = f"{line.old!r} → {line.new!r}" if line.old is not None else repr(line.new)
            click.echo(f"{line.at:%Y-%m-%d %H:%M:%S}  {line.reviewer:12} {line.action:24} {where:7} "
                       f"{line.field or '':16} {change[:200]}")


def register(cli: click.Group) -> None:
    """Add this module's commands to the ``curator`` group."""
    for command in (demo_command, list_command, show_command, screen_command, edit_command, tag_command,
                    note_command, reasons_command, remove_command, log_command, audit_command):
        cli.add_command(command)
