"""Identifiers in the canonical form of fields.md, as the importers meet them in exported fields.

The formats themselves (patterns, canonical forms, which are a registry's) live
in :mod:`curator.extraction.identifiers`, the one place for them; this module
adds what only importing needs: a DOI found inside a link or a ``doi:`` note,
a PubMed id that must be the whole value, an abstract's "Trial registration:"
line, IRAS numbers written after their name, and the wider set of registry
prefixes that registry exports give as secondary ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from curator.extraction.identifiers import TRIAL_PREFIXES, find_ids, is_trial_id
from curator.extraction.identifiers import canonical_doi as _canonical_doi

# Extraction's registry prefixes, and the older forms registry exports still give as secondary ids.
REGISTRY_PREFIXES = (*TRIAL_PREFIXES, "JPRN-", "PER-", "ANZCTR")
#: Prefixes of identifiers that name one document (one publication).
DOCUMENT_PREFIXES = ("PMID:", "DOI:", "PMCID:")

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
# IRAS numbers have no shape of their own: only "IRAS" written before them makes them one.
_IRAS = re.compile(r"\bIRAS[\s:#]*(?:ID|project ID|number)?[\s:#]*(\d{5,7})\b", re.I)
_REGISTRATION_CONTEXT = re.compile(
    r"(?:regist\w*|trial (?:number|identifier|id)|clinicaltrials\.gov|isrctn|eudract|anzctr|trial no)", re.I
)
# The literal words of _REGISTRATION_CONTEXT: most abstracts contain none, and testing for them is cheap.
_CONTEXT_WORDS = ("regist", "trial number", "trial id", "trial no", "clinicaltrials.gov", "isrctn", "eudract",
                  "anzctr")


def canonical_doi(value: str) -> str | None:
    """``DOI:10.x/y`` (lower-cased) from a bare DOI, a doi.org link or ``doi:...``; None if there is none."""
    match = _DOI.search(value.strip())
    return _canonical_doi(match.group(1)) if match else None


def canonical_pmid(value: str | int) -> str | None:
    """``PMID:123`` from digits (ignores anything that is not a plausible PubMed id)."""
    digits = str(value).strip()
    if digits.upper().startswith("PMID"):
        digits = digits[4:].lstrip(":- ")
    return f"PMID:{int(digits)}" if digits.isdigit() and 0 < len(digits) <= 9 else None


def registry_ids(text: str) -> list[str]:
    """Every registry identifier written in ``text``, canonical, in order, once each."""
    found = [(start, identifier) for identifier, start, _end in find_ids(text) if is_trial_id(identifier)]
    if "iras" in text.lower():
        found.extend((m.start(), f"IRAS:{m.group(1)}") for m in _IRAS.finditer(text))
        found.sort()
    return _unique(identifier for _, identifier in found)


def canonical_registry_id(value: str) -> str | None:
    """The one registry identifier ``value`` is (None when it is none we know)."""
    ids = registry_ids(value)
    return ids[0] if ids else None


def registration_ids(text: str) -> list[str]:
    """Registry ids an abstract gives as its own trial registration ("Trial registration: NCT...")."""
    lowered = text.lower()
    for word in _CONTEXT_WORDS:
        if word in lowered:
            break
    else:
        return []
    found: list[str] = []
    for match in _REGISTRATION_CONTEXT.finditer(text):
        window = text[match.start(): match.end() + 120]
        found.extend(registry_ids(window))
    return _unique(found)


def is_registry_id(identifier: str) -> bool:
    """True for a registration (NCT, ISRCTN, EudraCT, ...), False for PMID / DOI and the like."""
    return identifier.startswith(REGISTRY_PREFIXES)


def is_document_id(identifier: str) -> bool:
    """True for an identifier of one publication (PMID, DOI, PMCID)."""
    return identifier.startswith(DOCUMENT_PREFIXES)


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
