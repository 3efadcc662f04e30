"""The review's own form: custom fields, their typed values, sharing the form, and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.appraisal.custom_values import custom_values, record_custom_values, set_custom_value
from curator.appraisal.form import (
    FormField,
    add_field,
    check_definition,
    coerce_custom,
    form_as_json,
    form_fields,
    import_form,
    read_form_file,
    remove_field,
)
from curator.cli import cli
from curator.review.records import RecordNotFound
from curator.store.audit import audit_trail
from curator.store.database import Review, open_review
from tests.conftest import add_records


def field(type_: str, choices: list[str] | None = None) -> FormField:
    return check_definition("Outcome tool", type_, choices)


@pytest.mark.parametrize(("type_", "given", "stored"), [
    ("text", "  VAS 0-10 ", "VAS 0-10"),
    ("number", "12", 12),
    ("number", "-2.5", -2.5),
    ("number", "3,5", 3.5),
    ("date", "2019-02-28", "2019-02-28"),
    ("date", "2019-02", "2019-02"),
    ("date", "2019", "2019"),
    ("yesno", "Y", "yes"),
    ("yesno", "false", "no"),
    ("text", "", None),
])
def test_values_are_kept_in_the_form_of_their_type(type_: str, given: str, stored: object) -> None:
    assert coerce_custom(field(type_), given) == stored


def test_choices_are_matched_in_any_case_and_several_may_be_picked() -> None:
    assert coerce_custom(field("choice", ["Industry", "Public"]), "public") == "Public"
    assert coerce_custom(field("choices", ["a", "b", "c"]), "C; a, c") == ["c", "a"]
    assert coerce_custom(field("choices", ["a", "b"]), "") is None


@pytest.mark.parametrize(("type_", "choices", "given", "message"), [
    ("number", None, "twelve", "Outcome tool must be a number, not 'twelve'"),
    ("number", None, "nan", "Outcome tool must be a number, not 'nan'"),
    ("date", None, "2021-02-30", "Outcome tool: 2021-02-30 is not a date that exists"),
    ("date", None, "2021-13", "Outcome tool: 2021-13 is not a date that exists"),
    ("date", None, "30/01/2021", "Outcome tool must be a date as precise as known"),
    ("yesno", None, "perhaps", "Outcome tool is yes or no, not 'perhaps'"),
    ("choice", ["a", "b"], "c", "Outcome tool must be one of a, b, not 'c'"),
    ("choices", ["a", "b"], "a; z", "Outcome tool must be one of a, b, not 'z'"),
])
def test_a_value_its_type_refuses_is_one_sentence(type_: str, choices: list[str] | None, given: str,
                                                  message: str) -> None:
    with pytest.raises(ValueError) as refused:
        coerce_custom(field(type_, choices), given)
    assert str(refused.value).startswith(message) and "\n" not in str(refused.value)


@pytest.mark.parametrize(("name", "type_", "choices", "message"), [
    ("enrollment", "number", None, "'enrollment' is the name of a built-in field"),
    ("Title", "text", None, "'Title' is the name of a built-in field"),
    ("pico.outcome", "text", None, "is the name of a built-in field"),
    ("", "text", None, "a custom field needs a name"),
    ("Dose", "float", None, "a custom field's type is one of text, number, date, yesno, choice, choices"),
    ("Arm", "choice", None, "a choice field needs its choices"),
    ("Arm", "choice", ["a", "A"], "the choices of 'Arm' repeat one another"),
    ("Dose", "number", ["1"], "only choice and choices fields take choices"),
])
def test_a_bad_definition_is_refused(name: str, type_: str, choices: list[str] | None, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(".", r"\.")):
        check_definition(name, type_, choices)


def test_no_custom_field_can_take_the_name_of_an_export_column() -> None:
    from curator.export.record_table import COLUMNS
    from curator.export.workbook import INCLUDED_COLUMNS, RECORD_COLUMNS

    for name in {*COLUMNS, *RECORD_COLUMNS, *INCLUDED_COLUMNS}:
        with pytest.raises(ValueError, match="built-in field"):
            check_definition(name, "text")


def test_fields_are_added_in_order_valued_removed_and_audited(review: Review) -> None:
    (rid,) = add_records(review, ["A trial"])
    add_field(review, "Funding", "choice", choices=["industry", "public"], help_text="Who paid", reviewer="ann")
    add_field(review, "Weeks", "number", reviewer="ann")
    assert [(f.name, f.position) for f in form_fields(review)] == [("Funding", 1), ("Weeks", 2)]
    with pytest.raises(ValueError, match="already has a field called 'funding'"):
        add_field(review, "funding", "text", reviewer="ann")
    change = set_custom_value(review, rid, "funding", "Industry", reviewer="ann")
    assert (change.name, change.old, change.new) == ("Funding", None, "industry")
    set_custom_value(review, rid, "Weeks", "12", reviewer="ann")
    assert record_custom_values(review, rid) == {"Funding": "industry", "Weeks": 12}
    with pytest.raises(ValueError, match="Weeks must be a number"):
        set_custom_value(review, rid, "Weeks", "many", reviewer="ann")
    with pytest.raises(RecordNotFound):
        set_custom_value(review, 999, "Weeks", "1", reviewer="ann")
    with pytest.raises(ValueError, match="no field called 'Dose'"):
        set_custom_value(review, rid, "Dose", "1", reviewer="ann")
    removed, count = remove_field(review, "Funding", reviewer="bob")
    assert (removed.name, count) == ("Funding", 1)
    assert custom_values(review) == {rid: {"Weeks": 12}}
    with review.session() as session:
        trail = [(a.action, a.field, a.old, a.new) for a in audit_trail(session)]
    assert ("set custom field", "Funding", None, "industry") in trail
    assert ("remove custom value", "Funding", "industry", None) in trail
    assert trail[-1][0] == "remove custom field"


def test_a_form_is_shared_through_a_file(review: Review, tmp_path: Path) -> None:
    add_field(review, "Funding", "choice", choices=["industry", "public"], reviewer="ann")
    form = tmp_path / "form.json"
    form.write_text(json.dumps(form_as_json(review)), encoding="utf-8")
    with open_review(tmp_path / "other.curator.sqlite") as other:
        add_field(other, "Weeks", "number", reviewer="bob")
        added = import_form(other, read_form_file(form), reviewer="bob")
        assert [f.name for f in added] == ["Funding"]
        assert import_form(other, read_form_file(form), reviewer="bob") == []  # already there: nothing new
        assert [f.name for f in form_fields(other)] == ["Weeks", "Funding"]
    clash = tmp_path / "clash.json"
    clash.write_text(json.dumps({"fields": [{"name": "Funding", "type": "text"}, {"name": "New", "type": "text"}]}))
    with pytest.raises(ValueError, match="is a choice field; the form's is not the same, so nothing was imported"):
        import_form(review, read_form_file(clash), reviewer="ann")
    assert [f.name for f in form_fields(review)] == ["Funding"]


@pytest.mark.parametrize(("text", "message"), [
    ("not json", "is not a form file: it is not JSON"),
    ("{}", "is not a form file: it names no fields"),
    ('{"fields": [{"name": "x", "type": "blob"}]}', "field 1: a custom field's type is one of"),
    ('{"fields": [{"name": "x", "type": "text"}, {"name": "X", "type": "text"}]}', "names a field twice"),
])
def test_a_bad_form_file_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "form.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_form_file(path)


def run(review_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"CURATOR_REVIEW": str(review_path), "CURATOR_REVIEWER": "ann"})
    return result.exit_code, result.output


def test_the_command_line_adds_lists_edits_shows_shares_and_removes(review_path: Path, tmp_path: Path) -> None:
    with open_review(review_path) as review:
        (rid,) = add_records(review, ["A trial"])
    assert run(review_path, "fields", "--add", "Funding", "--type", "choice", "--choices", "industry,public",
               "--help-text", "Who paid")[0] == 0
    assert run(review_path, "fields", "--add", "Start", "--type", "date")[0] == 0
    code, out = run(review_path, "fields")
    assert code == 0 and "Funding" in out and "[industry, public]" in out and "Who paid" in out
    assert run(review_path, "edit", str(rid), "Funding", "PUBLIC") == (0, f"record {rid}: Funding = 'public'\n")
    code, out = run(review_path, "edit", str(rid), "Start", "2021-02-30")
    assert code == 1 and "Start: 2021-02-30 is not a date that exists" in out and "Traceback" not in out
    code, out = run(review_path, "edit", str(rid), "Funding", "charity")
    assert code == 1 and "Funding must be one of industry, public, not 'charity'" in out
    code, out = run(review_path, "edit", str(rid), "Dose", "1")
    assert code == 1 and "unknown field 'Dose'" in out and "the review's own: Funding, Start" in out
    code, out = run(review_path, "show", str(rid), "--json")
    assert json.loads(out)["custom"] == {"Funding": "public", "Start": None}
    code, out = run(review_path, "fields", "--add", "status", "--type", "text")
    assert code == 1 and "'status' is the name of a built-in field" in out
    form = tmp_path / "form.json"
    assert run(review_path, "fields", "--export", str(form))[0] == 0
    assert [f["name"] for f in json.loads(form.read_text())["fields"]] == ["Funding", "Start"]
    other = tmp_path / "other.curator.sqlite"
    with open_review(other):
        pass
    assert run(other, "fields", "--import", str(form)) == (0, f"2 fields added from {form}: Funding, Start\n")
    assert run(review_path, "edit", str(rid), "Funding", "--revert")[0] == 0
    code, out = run(review_path, "fields", "--remove", "Start")
    assert code == 0 and "removed with 0 values" in out
    assert json.loads(run(review_path, "fields", "--json")[1])["fields"][0]["name"] == "Funding"
