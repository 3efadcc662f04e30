"""Study and publication identifiers: validated patterns and their canonical forms."""

from __future__ import annotations

import re
from collections.abc import Iterator

# One alternation scanned once over the document; each group names a format. Order
# matters where formats overlap: CTIS (yyyy-5nnnnn-nn-nn) before EudraCT (yyyy-nnnnnn-nn).
_ID_RE = re.compile(
    r"(?P<nct>\bNCT\s?\d{8}\b)"
    r"|(?P<isrctn>\bISRCTN\s?\d{8}\b)"
    r"|(?P<ctis>(?<![\d-])(?:19|20)\d{2}-5\d{5}-\d{2}-\d{2}(?![\d-]))"
    r"|(?P<eudract>(?<![\d-])(?:19|20)\d{2}-\d{6}-\d{2}(?!-?\d))"
    r"|(?P<actrn>\bACTRN\s?\d{14}\b)"
    r"|(?P<chictr>\bChiCTR(?:-[A-Z]{2,5}-\d{8}|\d{10}|-?\d{8})\b)"
    r"|(?P<drks>\bDRKS\s?\d{8}\b)"
    r"|(?P<ctri>\bCTRI/\d{4}/\d{2,3}/\d{6}\b)"
    r"|(?P<jrct>\bjRCT[a-z]?\d{9,10}\b)"
    r"|(?P<umin>\bUMIN\s?\d{9}\b)"
    r"|(?P<pmid>\bPMID:?\s*(?P<pmid_n>\d{1,9})\b)"
    r"|(?P<doi>(?:\bdoi:?\s*|doi\.org/)(?P<doi_v>10\.\d{4,9}/[^\s\"<>]{1,200}))",
    re.I,
)
# "jRCT" is case-sensitive in practice; "ChiCTR" and the others are matched case-insensitively.
_DOI_TAIL = ".,;:)]}'\""
_IRAS_RE = re.compile(r"(?<!\d)(\d{5,7})(?!\d)")
_PMID_RE = re.compile(r"(?<!\d)(\d{4,9})(?!\d)")
_BARE_DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]{1,200})")

#: Identifier prefixes of trial registries (the record is a trial when it has one).
TRIAL_PREFIXES = ("NCT", "ISRCTN", "EudraCT:", "CTIS:", "IRAS:", "ACTRN", "ChiCTR", "DRKS", "CTRI/", "jRCT", "UMIN")


def canonical_doi(raw: str) -> str | None:
    """``DOI:10.x/y`` lower-cased, without trailing punctuation, or None."""
    v = raw.strip().rstrip(_DOI_TAIL)
    # A closing parenthesis is part of some DOIs only when it has its opening one.
    while v.endswith(")") and v.count("(") < v.count(")"):
        v = v[:-1]
    if not re.match(r"10\.\d{4,9}/\S+", v):
        return None
    return "DOI:" + v.lower()


def _canonical(m: re.Match[str]) -> str | None:
    kind = m.lastgroup
    if kind in ("pmid_n", "doi_v"):  # pragma: no cover - inner groups never end last
        return None
    raw = m.group(0)
    if m.group("nct"):
        return "NCT" + raw[-8:]
    if m.group("isrctn"):
        return "ISRCTN" + raw[-8:]
    if m.group("ctis"):
        return "CTIS:" + raw
    if m.group("eudract"):
        return "EudraCT:" + raw
    if m.group("actrn"):
        return "ACTRN" + raw[-14:]
    if m.group("chictr"):
        return "ChiCTR" + raw[6:].upper()
    if m.group("drks"):
        return "DRKS" + raw[-8:]
    if m.group("ctri"):
        return "CTRI" + raw[4:]
    if m.group("jrct"):
        if not raw.startswith("jRCT"):
            return None
        return raw
    if m.group("umin"):
        return "UMIN" + raw[-9:]
    if m.group("pmid"):
        return "PMID:" + str(int(m.group("pmid_n")))
    if m.group("doi"):
        return canonical_doi(m.group("doi_v"))
    return None  # pragma: no cover


def find_ids(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    """Every identifier in ``text[start:end]`` as (canonical id, start, end) in text offsets."""
    for m in _ID_RE.finditer(text, start, len(text) if end is None else end):
        cid = _canonical(m)
        if cid:
            yield cid, m.start(), m.end()


def labelled_iras(value: str) -> tuple[str, int, int] | None:
    """``IRAS:nnnnnn`` from the value of an IRAS label."""
    m = _IRAS_RE.search(value[:60])
    return ("IRAS:" + m.group(1), m.start(1), m.end(1)) if m else None


def labelled_pmid(value: str) -> tuple[str, int, int] | None:
    """``PMID:n`` from the value of a PMID label."""
    m = _PMID_RE.search(value[:40])
    return ("PMID:" + str(int(m.group(1))), m.start(1), m.end(1)) if m else None


def labelled_doi(value: str) -> tuple[str, int, int] | None:
    """``DOI:10.x/y`` from the value of a DOI label."""
    m = _BARE_DOI_RE.search(value[:300])
    if not m:
        return None
    cid = canonical_doi(m.group(1))
    return (cid, m.start(1), m.end(1)) if cid else None


def is_trial_id(cid: str) -> bool:
    """True for identifiers issued by trial registries (not PMIDs or DOIs)."""
    return cid.startswith(TRIAL_PREFIXES)
