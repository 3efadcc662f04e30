"""The review's own extraction form: custom fields a team adds after the built-in ones, and sharing the form.

A custom field has a name, a type (text, number, date, yes/no, one choice, several choices),
its choices and a help text. Values are validated against the type here (``coerce_custom``);
they are kept per record by :mod:`curator.appraisal.custom_values`. A team shares its form as
a JSON file (``form_as_json`` / ``import_form``). Every change to the form is audited.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, func, select

from curator.fields import FIELD_KEYS, PICO_KEYS
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.models import CustomField, CustomValue

FIELD_TYPES = ("text", "number", "date", "yesno", "choice", "choices")
#: Names that are not field keys but are already taken by a record's JSON and the exports' record columns.
RESERVED_NAMES = ("id", "profile", "pico", "evidence", "tags", "notes", "decisions", "custom", "source", "study",
                  *PICO_KEYS, "record id", "registry page", "PRISMA box", "source kind", "source file", "entry",
                  "duplicate of", "removed before screening", "removed by", "edited fields", "full text", "design",
                  "participants", *(f"{stage} {what}" for stage in ("title/abstract", "full text")
                                    for what in ("verdict", "reason", "reviewers")))
FORM_FORMAT = "curator-form"
YES_WORDS, NO_WORDS = ("yes", "y", "true", "1"), ("no", "n", "false", "0")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class FormField:
    """One custom field of the form, as plain data."""

    name: str
    type: str
    choices: list[str] = field(default_factory=list)
    help_text: str = ""
    position: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The field as it is shared in a form file."""
        return {"name": self.name, "type": self.type, "choices": list(self.choices), "help_text": self.help_text}


def _view(row: CustomField) -> FormField:
    return FormField(row.name, row.type, list(row.choices or []), row.help_text, row.position)


def check_definition(name: str, type_: str, choices: list[str] | None = None, help_text: str = "") -> FormField:
    """A field definition made tidy, or ValueError saying in one sentence what is wrong with it."""
    name = " ".join(str(name or "").split())
    if not name:
        raise ValueError("a custom field needs a name")
    if name.lower() in {k.lower() for k in (*FIELD_KEYS, *RESERVED_NAMES)}:
        raise ValueError(f"{name!r} is the name of a built-in field; give the custom field another name")
    if type_ not in FIELD_TYPES:
        raise ValueError(f"a custom field's type is one of {', '.join(FIELD_TYPES)}, not {type_!r}")
    tidy = [c.strip() for c in (choices or []) if c and c.strip()]
    if type_ in ("choice", "choices"):
        if not tidy:
            raise ValueError(f"a {type_} field needs its choices (--choices a,b,c)")
        if len({c.lower() for c in tidy}) != len(tidy):
            raise ValueError(f"the choices of {name!r} repeat one another")
    elif tidy:
        raise ValueError(f"only choice and choices fields take choices, and {name!r} is a {type_} field")
    return FormField(name, type_, tidy, str(help_text or "").strip())


def form_fields(review: Review | Session) -> list[FormField]:
    """The custom fields of the form, in form order."""
    if isinstance(review, Session):
        return [_view(r) for r in review.exec(select(CustomField).order_by(col(CustomField.position)))]
    with review.session() as session:
        return form_fields(session)


def find_field(session: Session, name: str) -> CustomField | None:
    """The custom field called ``name`` (any case), if the form has one."""
    return session.exec(select(CustomField).where(func.lower(CustomField.name) == name.strip().lower())).first()


def _add(session: Session, definition: FormField, reviewer: str) -> FormField:
    if find_field(session, definition.name) is not None:
        raise ValueError(f"the form already has a field called {definition.name!r}")
    last = session.exec(select(func.max(CustomField.position))).one()
    row = CustomField(name=definition.name, type=definition.type, choices=definition.choices,
                      help_text=definition.help_text, position=(last or 0) + 1)
    session.add(row)
    session.flush()
    log_change(session, reviewer, "add custom field", field=row.name, new=definition.as_dict())
    return _view(row)


def add_field(review: Review, name: str, type_: str, *, choices: list[str] | None = None, help_text: str = "",
              reviewer: str) -> FormField:
    """Add a custom field at the end of the form; returns it. ValueError for a bad or clashing definition."""
    definition = check_definition(name, type_, choices, help_text)
    with review.transaction() as session:
        return _add(session, definition, reviewer)


def remove_field(review: Review, name: str, *, reviewer: str) -> tuple[FormField, int]:
    """Take a custom field off the form with its values; returns it and how many values went.

    Every value removed is written to the audit log first, so what was entered stays on record.
    """
    with review.transaction() as session:
        row = find_field(session, name)
        if row is None:
            raise ValueError(f"the form has no custom field called {name!r}")
        values = session.exec(select(CustomValue).where(CustomValue.field_id == row.id)).all()
        for value in values:
            log_change(session, reviewer, "remove custom value", record_id=value.record_id, field=row.name,
                       old=value.value)
            session.delete(value)
        session.flush()  # the values go before the field they point to
        removed = _view(row)
        log_change(session, reviewer, "remove custom field", field=row.name, old=removed.as_dict())
        session.delete(row)
        return removed, len(values)


def form_as_json(review: Review) -> dict[str, Any]:
    """The form as a shareable object: ``{"format": "curator-form", "version": 1, "fields": [...]}``."""
    return {"format": FORM_FORMAT, "version": 1, "fields": [f.as_dict() for f in form_fields(review)]}


def read_json_file(path: Path, not_json: str) -> Any:
    """The JSON a reviewer's file holds (a form, answers); ValueError in one sentence when it cannot be read, or
    ``not_json`` (said after the path) when it is not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ValueError(f"cannot read {path}: {error.strerror or error}") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ValueError(f"{path} {not_json}") from None


def read_form_file(path: Path | str) -> list[FormField]:
    """The field definitions of a form file, checked; ValueError in one sentence if it is not one."""
    path = Path(path)
    data = read_json_file(path, "is not a form file: it is not JSON")
    items = data.get("fields") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise ValueError(f"{path} is not a form file: it names no fields")
    definitions = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ValueError(f"{path}: field {number} is not an object with a name and a type")
        try:
            definitions.append(check_definition(item.get("name", ""), item.get("type", ""), item.get("choices") or [],
                                                item.get("help_text") or ""))
        except ValueError as error:
            raise ValueError(f"{path}: field {number}: {error}") from None
    names = [d.name.lower() for d in definitions]
    if len(set(names)) != len(names):
        raise ValueError(f"{path} names a field twice")
    return definitions


def import_form(review: Review, definitions: list[FormField], *, reviewer: str) -> list[FormField]:
    """Add the fields of a shared form that this review lacks; returns those added.

    A field the review already has with the same type and choices is left as it is; one with
    another type or other choices is a clash, and then nothing is added (ValueError).
    """
    with review.transaction() as session:
        added = []
        for definition in definitions:
            existing = find_field(session, definition.name)
            if existing is None:
                added.append(_add(session, definition, reviewer))
            elif existing.type != definition.type or list(existing.choices or []) != definition.choices:
                raise ValueError(f"this review's field {existing.name!r} is a {existing.type} field"
                                 f"{' with other choices' if existing.type == definition.type else ''};"
                                 " the form's is not the same, so nothing was imported")
        return added


def _date(name: str, text: str) -> str:
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"{name} must be a date as precise as known (2010-01-31, 2018-09 or 2003), not {text!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError:
        raise ValueError(f"{name}: {text} is not a date that exists") from None
    return text


def _number(name: str, text: str) -> int | float:
    try:
        number = float(text.replace(",", "")) if "," in text and "." in text else float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"{name} must be a number, not {text!r}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"{name} must be a number, not {text!r}")
    return int(number) if number.is_integer() and re.fullmatch(r"[-+]?\d+", text) else number


def _choice(definition: FormField, text: str) -> str:
    for choice in definition.choices:
        if choice.lower() == text.lower():
            return choice
    raise ValueError(f"{definition.name} must be one of {', '.join(definition.choices)}, not {text!r}")


def coerce_custom(definition: FormField, value: Any) -> Any:
    """A reviewer's value for a custom field, validated and tidied; None for empty. ValueError in one sentence.

    number: a number (``12``, ``3.5``); date: ISO as precise as known, a real date; yesno: yes/no;
    choice: one of the choices (any case); choices: several, separated by ``;`` or ``,``.
    """
    if definition.type == "choices":
        parts = value if isinstance(value, list) else re.split(r"[;,\n]", str(value or ""))
        picked = [_choice(definition, str(p).strip()) for p in parts if str(p).strip()]
        return list(dict.fromkeys(picked)) or None
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    if definition.type == "number":
        return value if isinstance(value, int | float) and not isinstance(value, bool) else _number(definition.name, text)
    if definition.type == "date":
        return _date(definition.name, text)
    if definition.type == "yesno":
        if text.lower() in YES_WORDS or value is True:
            return "yes"
        if text.lower() in NO_WORDS or value is False:
            return "no"
        raise ValueError(f"{definition.name} is yes or no, not {text!r}")
    if definition.type == "choice":
        return _choice(definition, text)
    return text
