"""Identifiers in the canonical form of fields.md, and which of them name a registration.

``NCT01234567``, ``ISRCTN12345678``, ``EudraCT:2021-000052-19``, ``CTIS:2023-501234-12-00``,
``IRAS:288397``, ``ACTRN12610000123456``, ``ChiCTR2000012345``, ``DRKS00012345``,
``CTRI/2020/01/012345``, ``PMID:12345678``, ``DOI:10.1186/ar4111`` (DOI lower-cased).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Prefixes of registry identifiers: records sharing one of these are reports of one study.
REGISTRY_PREFIXES = ("NCT", "ISRCTN", "EudraCT:", "CTIS:", "IRAS:", "ACTRN", "ChiCTR", "DRKS", "CTRI/", "JPRN-",
                     "KCT", "IRCT", "PACTR", "NTR", "NL", "TCTR", "SLCTR", "RBR-", "PER-", "ANZCTR")
#: Prefixes of identifiers that name one document (one publication).
DOCUMENT_PREFIXES = ("PMID:", "DOI:", "PMCID:")

_REGISTRY_PATTERNS = (
    (re.compile(r"\bNCT\s?(\d{8})\b", re.I), lambda m: f"NCT{m.group(1)}"),
    (re.compile(r"\bISRCTN\s?(\d{8})\b", re.I), lambda m: f"ISRCTN{m.group(1)}"),
    (re.compile(r"\b(?:EudraCT[\s:#-]*(?:number|no\.?)?[\s:#]*)?(\d{4}-\d{6}-\d{2})\b(?!-\d)", re.I),
     lambda m: f"EudraCT:{m.group(1)}"),
    (re.compile(r"\b(\d{4}-5\d{5}-\d{2}-\d{2})\b"), lambda m: f"CTIS:{m.group(1)}"),
    (re.compile(r"\bACTRN\s?(\d{14})\b", re.I), lambda m: f"ACTRN{m.group(1)}"),
    (re.compile(r"\bChiCTR[-\s]?((?:[A-Z]{2,4}-)?\d{7,10})\b", re.I), lambda m: f"ChiCTR{m.group(1).upper()}"),
    (re.compile(r"\bDRKS\s?(\d{8})\b", re.I), lambda m: f"DRKS{m.group(1)}"),
    (re.compile(r"\bCTRI/(\d{4}/\d{2,3}/\d{6})\b", re.I), lambda m: f"CTRI/{m.group(1)}"),
    (re.compile(r"\bIRAS[\s:#]*(?:ID|project ID|number)?[\s:#]*(\d{5,7})\b", re.I), lambda m: f"IRAS:{m.group(1)}"),
)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
_REGISTRATION_CONTEXT = re.compile(
    r"(?:regist\w*|trial (?:number|identifier|id)|clinicaltrials\.gov|isrctn|eudract|anzctr|trial no)", re.I
)


def canonical_doi(value: str) -> str | None:
    """``DOI:10.x/y`` (lower-cased) from a bare DOI, a doi.org link or ``doi:...``; None if there is none."""
    match = _DOI.search(value.strip())
    if not match:
        return None
    doi = match.group(1).rstrip(".,;)]").lower()
    return f"DOI:{doi}"


def canonical_pmid(value: str | int) -> str | None:
    """``PMID:123`` from digits (ignores anything that is not a plausible PubMed id)."""
    digits = str(value).strip()
    if digits.upper().startswith("PMID"):
        digits = digits[4:].lstrip(":- ")
    return f"PMID:{int(digits)}" if digits.isdigit() and 0 < len(digits) <= 9 else None


_MARKERS = ("NCT", "ISRCTN", "ACTRN", "CHICTR", "DRKS", "CTRI/", "IRAS", "EUDRACT")
_EUDRACT_SHAPE = re.compile(r"-\d{6}-")  # EudraCT 2004-000020-32 and CTIS 2023-501234-12-00


def _may_hold_ids(text: str) -> bool:
    # A cheap test first: most abstracts name no registration, and the full patterns are slow.
    upper = text.upper()
    return any(marker in upper for marker in _MARKERS) or bool(_EUDRACT_SHAPE.search(text))


def registry_ids(text: str) -> list[str]:
    """Every registry identifier written in ``text``, canonical, in order, once each."""
    if not _may_hold_ids(text):
        return []
    found: list[tuple[int, str]] = []
    for pattern, canon in _REGISTRY_PATTERNS:
        found.extend((m.start(), canon(m)) for m in pattern.finditer(text))
    return _unique(identifier for _, identifier in sorted(found))


def canonical_registry_id(value: str) -> str | None:
    """The one registry identifier ``value`` is (None when it is none we know)."""
    ids = registry_ids(value)
    return ids[0] if ids else None


def registration_ids(text: str) -> list[str]:
    """Registry ids an abstract gives as its own trial registration ("Trial registration: NCT...")."""
    if not _may_hold_ids(text):
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
