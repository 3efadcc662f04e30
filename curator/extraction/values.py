"""Storing a field value with its evidence: plain spaces, and nothing stored for values that state nothing."""

from __future__ import annotations

from typing import Any

Spans = list[list[int]]


# Values that say a field is not given; only for free-text keys ("NA" is a phase, "Unknown" a status).
PLACEHOLDERS = frozenset(("not provided", "not applicable", "n/a", "n.a", "none", "not available", "not specified",
                          "not stated", "not known", "not reported", "not yet known", "to be confirmed", "tbc", "tbd",
                          "-", "--", "—", "–", "nil", "unknown", "not entered", "no information", "no data"))
_FREE_TEXT = frozenset(("title", "official_title", "sponsor", "conditions", "interventions", "journal", "authors",
                        "abstract", "countries", "pico.population", "pico.intervention", "pico.comparator",
                        "pico.outcome"))
# Lower-casing never shortens a string: a longer value is none of them (spares lower-casing every abstract).
_LONGEST_PLACEHOLDER = max(len(p) for p in PLACEHOLDERS)
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " "})


def _plain_spaces(value: str) -> str:
    # ``in`` tests are far cheaper than translate() over every abstract, and most values hold none (an ASCII one
    # none at all: ``isascii`` reads a flag of the string).
    if value.isascii():
        return value
    if "\u00a0" in value or "\u2009" in value or "\u202f" in value or "\u2007" in value:
        return value.translate(_SPACES)
    return value


def _placeholder(value: str) -> bool:
    bare = value.strip(" .")
    return len(bare) <= _LONGEST_PLACEHOLDER and bare.lower() in PLACEHOLDERS


def put(fields: dict[str, Any], key: str, value: Any, spans: Spans | None) -> None:
    """Store a field value and its evidence (``pico.x`` keys go into the nested object).

    Non-breaking and thin spaces of web pages become plain spaces, so values compare as typed.
    """
    if isinstance(value, str):
        value = _plain_spaces(value)
        if key in _FREE_TEXT and _placeholder(value):
            return  # "Sponsor: Not provided" states nothing
    elif isinstance(value, list):
        value = [_plain_spaces(v) if isinstance(v, str) else v for v in value]
        if key in _FREE_TEXT:
            keep = [i for i, v in enumerate(value) if not (isinstance(v, str) and _placeholder(v))]
            if len(keep) < len(value):
                value = [value[i] for i in keep]
                if not value:
                    return
    if key.startswith("pico."):
        fields["pico"][key[5:]] = value
    else:
        fields[key] = value
    if spans:
        fields["evidence"].setdefault(key, []).extend([list(s) for s in spans])
