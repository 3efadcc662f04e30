"""The record fields of ``shared/docs/fields.md``: keys, vocabularies, empty values.

Every part of Curator that reads or writes fields (extraction, importers, the
store, the form, the export) takes its keys and vocabularies from here.
"""

from __future__ import annotations

import copy
from typing import Any

KINDS = ("trial", "article", "unknown")

STATUSES = (
    "NOT_YET_RECRUITING",
    "RECRUITING",
    "ENROLLING_BY_INVITATION",
    "ACTIVE_NOT_RECRUITING",
    "COMPLETED",
    "SUSPENDED",
    "TERMINATED",
    "WITHDRAWN",
    "UNKNOWN",
    "AVAILABLE",
    "NO_LONGER_AVAILABLE",
    "TEMPORARILY_NOT_AVAILABLE",
    "APPROVED_FOR_MARKETING",
    "WITHHELD",
)

PHASES = (
    "EARLY_PHASE1",
    "PHASE1",
    "PHASE1/PHASE2",
    "PHASE2",
    "PHASE2/PHASE3",
    "PHASE3",
    "PHASE4",
    "NA",
)

STUDY_TYPES = ("INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS")
SEXES = ("ALL", "FEMALE", "MALE")

PICO_KEYS = ("population", "intervention", "comparator", "outcome")

# Scalar string fields, list fields and integer fields, in the order a form shows them.
TEXT_KEYS = (
    "title",
    "official_title",
    "sponsor",
    "start_date",
    "completion_date",
    "last_updated",
    "min_age",
    "max_age",
    "journal",
    "abstract",
    "status_raw",
)
CHOICE_KEYS = {"kind": KINDS, "status": STATUSES, "phase": PHASES, "study_type": STUDY_TYPES, "sex": SEXES}
LIST_KEYS = ("ids", "conditions", "interventions", "countries", "authors", "references")
INT_KEYS = ("enrollment", "year")

#: Every field key a reviewer can curate; PICO keys are written ``pico.population`` etc.
FIELD_KEYS: tuple[str, ...] = (
    "kind",
    "title",
    "official_title",
    "ids",
    "status",
    "status_raw",
    "phase",
    "enrollment",
    "study_type",
    "conditions",
    "interventions",
    "sponsor",
    "start_date",
    "completion_date",
    "last_updated",
    "sex",
    "min_age",
    "max_age",
    "countries",
    "authors",
    "journal",
    "year",
    "abstract",
    "references",
    *(f"pico.{k}" for k in PICO_KEYS),
)

DATE_KEYS = ("start_date", "completion_date", "last_updated")


def empty_fields() -> dict[str, Any]:
    """A fields object in the JSON shape of fields.md with nothing stated."""
    fields: dict[str, Any] = {"kind": "unknown", "profile": "unknown"}
    for key in FIELD_KEYS:
        if key == "kind" or key.startswith("pico."):
            continue
        fields[key] = [] if key in LIST_KEYS else None
    fields["pico"] = {k: None for k in PICO_KEYS}
    fields["evidence"] = {}
    return fields


def get_field(fields: dict[str, Any], key: str) -> Any:
    """Read ``key`` (``pico.x`` allowed) from a fields object in JSON shape."""
    if key.startswith("pico."):
        return (fields.get("pico") or {}).get(key[5:])
    return fields.get(key)


def set_field_value(fields: dict[str, Any], key: str, value: Any) -> None:
    """Write ``key`` (``pico.x`` allowed) into a fields object in JSON shape."""
    if key.startswith("pico."):
        fields.setdefault("pico", {})[key[5:]] = value
    else:
        fields[key] = value


def is_empty(value: Any) -> bool:
    """True for null, an empty string and an empty list."""
    return value is None or value == "" or value == []


def merge_fields(primary: dict[str, Any], fallback: dict[str, Any]) -> dict[str, Any]:
    """``primary`` with every empty field filled from ``fallback`` (evidence merged)."""
    merged = copy.deepcopy(primary)
    for key in FIELD_KEYS:
        if is_empty(get_field(merged, key)) or (key == "kind" and merged.get("kind") == "unknown"):
            value = get_field(fallback, key)
            if not is_empty(value):
                set_field_value(merged, key, copy.deepcopy(value))
                spans = (fallback.get("evidence") or {}).get(key)
                if spans:
                    merged.setdefault("evidence", {})[key] = spans
    return merged


def coerce_value(key: str, value: Any) -> Any:
    """Validate and normalise a reviewer's value for ``key``; raise ValueError if it is not one.

    Lists accept a list or a newline/semicolon separated string; integers accept digits;
    choice fields accept their vocabulary (case-insensitively); empty means null.
    """
    if key not in FIELD_KEYS:
        raise ValueError(f"unknown field {key!r}; fields are: {', '.join(FIELD_KEYS)}")
    if key in LIST_KEYS:
        if value is None:
            return []
        parts = value.replace(";", "\n").split("\n") if isinstance(value, str) else list(value)
        return [str(p).strip() for p in parts if str(p).strip()]
    if isinstance(value, str):
        value = value.strip()
    if is_empty(value):
        return "unknown" if key == "kind" else None
    if key in INT_KEYS:
        try:
            number = int(str(value).replace(",", ""))
        except ValueError:
            raise ValueError(f"{key} must be a whole number, not {value!r}") from None
        if number < 0:
            raise ValueError(f"{key} cannot be negative")
        return number
    if key in CHOICE_KEYS:
        choices = CHOICE_KEYS[key]
        for choice in choices:
            if str(value).upper() == choice.upper():
                return choice
        raise ValueError(f"{key} must be one of {', '.join(choices)}, not {value!r}")
    if key in DATE_KEYS:
        import re

        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(value)):
            raise ValueError(f"{key} must be an ISO date as precise as known: 2010-01-31, 2018-09 or 2003")
    return str(value)


# Characters that change how text shows without being seen: bidirectional embeddings, overrides and
# isolates (a title could display reversed), marks, and zero-width spaces. The zero-width joiners
# (U+200C, U+200D) stay in titles: Persian and other scripts spell words with them.
_INVISIBLE = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                                    "\u200e\u200f\u061c\u200b\u2060\ufeff"))
_INVISIBLE_IN_IDS = _INVISIBLE | dict.fromkeys(map(ord, "\u200c\u200d"))


def without_invisible(value: str, *, identifier: bool = False) -> str:
    """``value`` without the invisible characters that would disguise it in a title or an identifier."""
    if value.isascii():
        return value
    return value.translate(_INVISIBLE_IN_IDS if identifier else _INVISIBLE).strip()


def clean_shown_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` with titles and identifiers free of invisible characters (the document keeps them)."""
    for key in ("title", "official_title"):
        if isinstance(fields.get(key), str):
            fields[key] = without_invisible(fields[key])
    if isinstance(fields.get("ids"), list):
        fields["ids"] = [without_invisible(i, identifier=True) if isinstance(i, str) else i for i in fields["ids"]]
    return fields
