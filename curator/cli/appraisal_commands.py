"""Commands for the review's own form and risk of bias: ``fields``, ``appraise`` and ``appraisals``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from curator.cli.common import open_or_fail, print_json, reason_of, review_option, reviewer_option

FILE = click.Path(dir_okay=False, path_type=Path)


@click.command("fields")
@review_option
@reviewer_option
@click.option("--add", "add_name", metavar="NAME", help="Add a custom field at the end of the form.")
@click.option("--type", "type_", type=click.Choice(("text", "number", "date", "yesno", "choice", "choices")),
              help="The new field's type (with --add).")
@click.option("--choices", help="The choices of a choice or choices field, separated by commas: a,b,c.")
@click.option("--help-text", default="", help="What the field asks, shown beside it in the form.")
@click.option("--remove", "remove_name", metavar="NAME", help="Remove a custom field (its values stay in the audit log).")
@click.option("--export", "export_path", type=FILE, help="Write the form to this JSON file, to share it.")
@click.option("--import", "import_path", type=FILE, help="Add the fields of a shared form file.")
@click.option("--json", "as_json", is_flag=True, help="List the fields as one JSON object.")
def fields_command(review_path: Path | None, reviewer: str, add_name: str | None, type_: str | None,
                   choices: str | None, help_text: str, remove_name: str | None, export_path: Path | None,
                   import_path: Path | None, as_json: bool) -> None:
    """List the review's custom fields, or --add, --remove, --export or --import them."""
    from curator.appraisal.form import (
        add_field,
        form_as_json,
        form_fields,
        import_form,
        read_form_file,
        remove_field,
    )

    if add_name is not None and type_ is None:
        raise click.UsageError("give the new field's --type")
    if (type_ or choices) and add_name is None:
        raise click.UsageError("--type and --choices go with --add NAME")
    with open_or_fail(review_path, create=False) as review:
        try:
            if add_name is not None:
                assert type_ is not None
                added = add_field(review, add_name, type_, choices=(choices or "").split(",") if choices else None,
                                  help_text=help_text, reviewer=reviewer)
                click.echo(f"field {added.name!r} ({added.type}) added to the form")
            if remove_name is not None:
                removed, count = remove_field(review, remove_name, reviewer=reviewer)
                click.echo(f"field {removed.name!r} removed with {count} values (kept in the audit log)")
            if import_path is not None:
                imported = import_form(review, read_form_file(import_path), reviewer=reviewer)
                click.echo(f"{len(imported)} fields added from {import_path}"
                           + (f": {', '.join(f.name for f in imported)}" if imported else ""))
            if export_path is not None:
                _write_form(export_path, form_as_json(review))
                click.echo(f"form written to {export_path}")
        except ValueError as error:
            raise click.ClickException(reason_of(error)) from error
        if any(x is not None for x in (add_name, remove_name, import_path, export_path)):
            return
        if as_json:
            print_json(form_as_json(review))
            return
        listed = form_fields(review)
        if not listed:
            click.echo("no custom fields (add one with `curator fields --add NAME --type text`)")
        for f in listed:
            extra = f" [{', '.join(f.choices)}]" if f.choices else ""
            click.echo(f"{f.name:24} {f.type:8}{extra}{'  ' + f.help_text if f.help_text else ''}")


def _write_form(path: Path, form: dict[str, Any]) -> None:
    from curator.export.output import ExportError, write_bytes_atomically

    try:
        write_bytes_atomically(path, (json.dumps(form, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except ExportError as error:
        raise click.ClickException(str(error)) from error


def _pairs(items: tuple[str, ...], what: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.UsageError(f"{what} is written KEY=VALUE, as in 1.1=Y; not {item!r}")
        pairs[key.strip()] = value
    return pairs


def read_answers_file(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The answers (and support quotes) of an answers file: ``{"1.1": "Y"}`` or ``{"1.1": {"answer": "Y", "support": "..."}}``."""
    from curator.appraisal.form import read_json_file

    data = read_json_file(path, "is not JSON; write the answers as {\"1.1\": \"Y\", \"1.2\": \"PN\"}")
    if not isinstance(data, dict):
        raise ValueError(f"{path} must hold one object mapping question ids to answers, as {{\"1.1\": \"Y\"}}")
    if not data:
        raise ValueError(f"{path} holds no answers")
    answers: dict[str, str] = {}
    support: dict[str, str] = {}
    for question, given in data.items():
        if isinstance(given, dict):
            if given.get("answer") is not None:
                answers[question] = str(given["answer"])
            if given.get("support") is not None:
                support[question] = str(given["support"])
        else:
            answers[question] = str(given)
    return answers, support


def _show(view: Any) -> None:
    from curator.appraisal.rob2 import DOMAIN_NAMES, DOMAINS, QUESTIONS, effective_answers

    click.echo(f"RoB 2 appraisal of record {view.record_id} by {view.reviewer}")
    answers = effective_answers(view.answers)
    for domain in DOMAINS:
        standing, proposed = view.judgement(domain), view.proposed.get(domain)
        mark = f" (proposed {proposed}; overridden: {view.overrides[domain]['reason']})" if domain in view.overrides \
            else ""
        click.echo(f"{domain} {DOMAIN_NAMES[domain]}: {standing or 'open'}{mark}")
        for q in (q for q in QUESTIONS if q.domain == domain):
            quote = view.support.get(q.id, {}).get("text")
            click.echo(f"  {q.id:4} {answers.get(q.id, '-'):3} {q.text[:90]}" + (f"\n       \u201c{quote}\u201d" if quote else ""))
    overall = view.judgement("overall")
    mark = f" (proposed {view.proposed.get('overall')}; overridden: {view.overrides['overall']['reason']})" \
        if "overall" in view.overrides else ""
    click.echo(f"Overall: {overall or 'open'}{mark}")


@click.command("appraise")
@click.argument("record_id", type=int)
@click.option("--tool", default="rob2", show_default=True, type=click.Choice(("rob2",)), help="The appraisal tool.")
@click.option("--answers", "answers_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help='A JSON file mapping question ids to answers: {"1.1": "Y", "1.2": "PN", ...}.')
@click.option("--answer", "answer_items", multiple=True, metavar="Q=A", help="One answer, as 1.1=Y (repeatable).")
@click.option("--support", "support_items", multiple=True, metavar="Q=QUOTE",
              help="The words of the document behind an answer, as 1.1=\"...\" (repeatable; empty removes it).")
@click.option("--override", "override_items", multiple=True, metavar="D=JUDGEMENT",
              help="Your judgement instead of the proposal: D1=high, overall=high, D2=proposed to drop it.")
@click.option("--resolve", "resolve_items", multiple=True, metavar="D=JUDGEMENT",
              help="As the lead, settle a domain the reviewers disagree on: D2=low.")
@click.option("--reason", default="", help="Why (for --override and --resolve).")
@click.option("--json", "as_json", is_flag=True, help="Print the appraisal as one JSON object.")
@review_option
@reviewer_option
@click.pass_context
def appraise_command(ctx: click.Context, record_id: int, tool: str, answers_path: Path | None,
                     answer_items: tuple[str, ...], support_items: tuple[str, ...], override_items: tuple[str, ...],
                     resolve_items: tuple[str, ...], reason: str, as_json: bool, review_path: Path | None,
                     reviewer: str) -> None:
    """Appraise a record's risk of bias with RoB 2 (answers, quotes, overrides), or show its appraisals.

    The tool proposes each domain's judgement and the overall one from the answers; questions the
    branching skips are NA. Without answers, overrides or --resolve it shows the appraisal: yours
    (--reviewer), or the only one, or every reviewer's with their disagreements.
    """
    from curator.appraisal.appraisals import appraise, disagreements, record_appraisals, resolve
    from curator.review.records import RecordNotFound

    answers: dict[str, str] = {}
    support: dict[str, str] = {}
    try:
        if answers_path is not None:
            answers, support = read_answers_file(answers_path)
    except ValueError as error:
        raise click.ClickException(reason_of(error)) from error
    answers |= _pairs(answer_items, "--answer")
    support |= _pairs(support_items, "--support")
    overrides = {d: (j, reason) for d, j in _pairs(override_items, "--override").items()}
    resolutions = _pairs(resolve_items, "--resolve")
    writing = bool(answers or support or overrides)
    with open_or_fail(review_path, create=False) as review:
        try:
            if writing:
                change = appraise(review, record_id, reviewer=reviewer, tool=tool, answers=answers, support=support,
                                  overrides=overrides)
                _note_if_not_included(review, record_id)
                if not as_json:
                    click.echo(f"record {record_id}: {len(change.changed)} changes by {reviewer}")
            for domain, judgement in resolutions.items():
                settled = resolve(review, record_id, domain, judgement, reason=reason, reviewer=reviewer, tool=tool)
                if not as_json:
                    click.echo(f"record {record_id}: {settled.domain} resolved as {settled.judgement} by {reviewer}")
            appraisals = record_appraisals(review, record_id, tool)
        except (ValueError, RecordNotFound) as error:
            raise click.ClickException(reason_of(error)) from error
    if (writing or resolutions) and not as_json:
        return
    explicit = ctx.get_parameter_source("reviewer") not in (click.core.ParameterSource.DEFAULT, None)
    mine = [a for a in appraisals if a.reviewer == reviewer]
    shown = mine if (writing or explicit) and not resolutions else appraisals
    if not shown:
        who = f" by {reviewer}" if (writing or explicit) else ""
        others = f" (appraised by {', '.join(a.reviewer for a in appraisals)})" if appraisals else ""
        raise click.ClickException(f"record {record_id} has no {tool} appraisal{who}{others}")
    if as_json:
        if len(shown) == 1:
            print_json(shown[0].as_json() | {"disagreements": disagreements(appraisals)})
        else:
            print_json({"tool": tool, "record": record_id, "appraisals": [a.as_json() for a in shown],
                        "disagreements": disagreements(appraisals)})
        return
    for view in shown:
        _show(view)
    for part, said in disagreements(appraisals).items():
        click.echo(f"disagreement on {part}: " + "; ".join(f"{who} {j}" for who, j in said.items()))


@click.command("appraisals")
@review_option
@click.option("--disagreements", "only_disputed", is_flag=True, help="Only the records whose reviewers disagree.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per record.")
def appraisals_command(review_path: Path | None, only_disputed: bool, as_json: bool) -> None:
    """Every appraised record: the study, what stands per domain and overall, who appraised, what is unresolved."""
    from curator.export.risk_of_bias import risk_of_bias_rows

    with open_or_fail(review_path, create=False) as review:
        rows = risk_of_bias_rows(review)
    for row in rows:
        final = row.appraisal
        if only_disputed and not final.unresolved:
            continue
        if as_json:
            print_json({"record": row.record_id, "study": row.study, "judgements": final.judgements,
                        "reviewers": final.reviewers, "unresolved": final.unresolved,
                        "resolved": {d: r.__dict__ for d, r in final.resolutions.items()}})
            continue
        marks = " ".join(f"{part}={(j or '?')}" for part, j in final.judgements.items())
        waiting = f"  unresolved: {', '.join(final.unresolved)}" if final.unresolved else ""
        click.echo(f"{row.record_id:>6}  {row.study[:24]:24} {marks}  ({', '.join(final.reviewers)}){waiting}")


def _note_if_not_included(review: Any, record_id: int) -> None:
    from curator.prisma.counts import prisma_counts
    from curator.prisma.flow import INCLUDED
    from curator.review.blind import stages_kept_from_login

    if stages_kept_from_login(review):  # the counts of a login kept from others' verdicts would mislead
        return
    if prisma_counts(review).outcomes.get(record_id) != INCLUDED:
        click.echo(f"note: record {record_id} is not included at full text; the PRISMA checks list it", err=True)


def register(cli: click.Group) -> None:
    """Add ``fields``, ``appraise`` and ``appraisals`` to the command line."""
    cli.add_command(fields_command)
    cli.add_command(appraise_command)
    cli.add_command(appraisals_command)
