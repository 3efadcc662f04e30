"""Study and publication identifiers, in the canonical form of fields.md: one home for every part of Curator.

Extraction finds them in running text (:func:`find_ids`, the ``labelled_*`` readers of a
label's value); importers read them from exported fields (:func:`canonical_doi` from a
bare DOI, a doi.org link or a ``doi:`` note, :func:`canonical_pmid`, :func:`registry_ids`,
an abstract's "Trial registration:" line); duplicates and studies sort them into
registrations and publications (:func:`is_registry_id`, :func:`is_document_id`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# Each format is found by its literal prefix (a fast ``str.find`` on the lower-cased text)
# and then validated by an anchored pattern; numeric-only formats (EudraCT, CTIS) by one
# pattern. CTIS (yyyy-5nnnnn-nn-nn) is tried before EudraCT (yyyy-nnnnnn-nn).
_PREFIXED: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (prefix, kind, re.compile(p, re.I))
    for prefix, kind, p in (
        ("nct", "nct", r"NCT\s?(\d{8})\b"),
        ("isrctn", "isrctn", r"ISRCTN\s?(\d{8})\b"),
        ("actrn", "actrn", r"ACTRN\s?(\d{14})\b"),
        ("chictr", "chictr", r"ChiCTR((?:-[A-Z]{2,5}-\d{8}|\d{10}|-?\d{8}))\b"),
        ("drks", "drks", r"DRKS\s?(\d{8})\b"),
        ("ctri/", "ctri", r"CTRI(/\d{4}/\d{2,3}/\d{6})\b"),
        ("jrct", "jrct", r"(jRCT[a-z]?\d{9,10})\b"),
        ("umin", "umin", r"UMIN\s?(\d{9})\b"),
        ("irct", "irct", r"IRCT(\d{8,16}N\d{1,3})\b"),
        ("pactr", "pactr", r"PACTR(\d{15})\b"),
        ("rbr-", "rbr", r"RBR-([0-9a-z]{6,10})\b"),
        ("kct", "kct", r"KCT(\d{7})\b"),
        ("tctr", "tctr", r"TCTR(\d{11})\b"),
        ("rpcec", "rpcec", r"RPCEC(\d{8})\b"),
        ("slctr/", "slctr", r"SLCTR(/\d{4}/\d{3})\b"),
        ("lbctr", "lbctr", r"LBCTR(\d{10})\b"),
        ("snctp", "snctp", r"SNCTP(\d{9})\b"),
        ("phrr", "phrr", r"PHRR(\d{6}-\d{6})\b"),
        # Peru's REPEC ("PER-045-21"), in capitals only.
        ("PER-", "repec", r"PER-(\d{3}-\d{2})\b"),
        ("NTR", "ntr", r"NTR(\d{1,5})\b"),
        ("NL-OMON", "omon", r"NL-OMON(\d{1,6})\b"),
        # "NL12345" of the Netherlands Trial Register; not the ethics (CCMO) number "NL73233.091.20".
        ("NL", "nl", r"NL(\d{4,5})\b(?!\.\d)"),
        ("euctr", "euctr", r"EUCTR((?:19|20)\d{2}-\d{6}-\d{2})(?:-[A-Z]{2,3})?\b"),
        ("pmid", "pmid", r"PMID:?\s*(\d{1,9})\b"),
        ("doi", "doi", r"doi(?::?\s*|\.org/)(10\.\d{4,9}/[^\s\"<>]{1,200})"),
    )
)


def _by_letter_before_ct() -> dict[str, list[tuple[str, int, str, re.Pattern[str]]]]:
    """The lower-case prefixes holding "ct" (each holds it once), by the letter before it ("" when it opens the
    prefix): (prefix, where "ct" starts in it, kind, pattern)."""
    table: dict[str, list[tuple[str, int, str, re.Pattern[str]]]] = {}
    for prefix, kind, pattern in _PREFIXED:
        if "ct" in prefix and not prefix.isupper():
            k = prefix.index("ct")
            # Each place then has its own "ct", and (no prefix overlapping itself) every place counts, as when
            # each prefix was searched on its own.
            assert prefix.count("ct") == 1 and all(prefix[i:] != prefix[:-i] for i in range(1, len(prefix)))
            table.setdefault(prefix[k - 1] if k else "", []).append((prefix, k, kind, pattern))
    opening = table.pop("", [])
    return {letter: found + opening for letter, found in table.items()} | {"": opening}


_CT_PREFIXES = _by_letter_before_ct()
_CT_AT_START = _CT_PREFIXES[""]
# The capital prefixes opening with "N" ("NTR", "NL-OMON", "NL") are found from one scan for "N" (a capital N is
# rare in running text); the others each from a scan of their own.
_N_PREFIXES = tuple(p for p in _PREFIXED if p[0].isupper() and p[0].startswith("N"))
_OTHER_PREFIXES = tuple(p for p in _PREFIXED if not ("ct" in p[0] and not p[0].isupper()) and p not in _N_PREFIXES)
_NL_CONTEXT_RE = re.compile(r"trial\s?id|secondary\s?id|main\s?id|register|registration|identifier|\bntr\b|\bids?\b")
_NUMERIC_RE = re.compile(r"(?<![\d-])(?:19|20)\d{2}-(\d{6})-\d{2}(-\d{2})?(?![\d-])")
# "jRCT" is case-sensitive in practice; "ChiCTR" and the others are matched case-insensitively.
_DOI_TAIL = ".,;:)]}'\""
_IRAS_RE = re.compile(r"(?<!\d)(\d{5,7})(?!\d)")
_PMID_RE = re.compile(r"(?<!\d)(\d{4,9})(?!\d)")
_BARE_DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]{1,200})")

# Registries whose canonical form is their own prefix and the matched number, as they write it.
_PLAIN = {"irct": "IRCT", "pactr": "PACTR", "rbr": "RBR-", "kct": "KCT", "tctr": "TCTR", "rpcec": "RPCEC",
          "slctr": "SLCTR", "lbctr": "LBCTR", "snctp": "SNCTP",
          "phrr": "PHRR", "repec": "PER-", "ntr": "NTR", "omon": "NL-OMON", "nl": "NL"}

#: Identifier prefixes of trial registries (the record is a trial when it has one).
TRIAL_PREFIXES = ("NCT", "ISRCTN", "EudraCT:", "CTIS:", "IRAS:", "ACTRN", "ChiCTR", "DRKS", "CTRI/", "jRCT", "UMIN",
                  "IRCT", "PACTR", "RBR-", "KCT", "TCTR", "RPCEC", "SLCTR", "LBCTR", "SNCTP", "PHRR", "PER-", "NTR",
                  "NL-OMON", "NL")


def _clean_doi(raw: str) -> str | None:
    """``DOI:10.x/y`` lower-cased, without trailing punctuation, from a DOI that opens ``raw``; or None."""
    v = raw.strip().rstrip(_DOI_TAIL)
    # A closing parenthesis is part of some DOIs only when it has its opening one.
    while v.endswith(")") and v.count("(") < v.count(")"):
        v = v[:-1]
    if not re.match(r"10\.\d{4,9}/\S+", v):
        return None
    return "DOI:" + v.lower()


def _canonical(kind: str, raw: str, inner: str) -> str | None:
    if kind == "nct":
        return "NCT" + inner
    if kind == "isrctn":
        return "ISRCTN" + inner
    if kind == "actrn":
        return "ACTRN" + inner
    if kind == "chictr":
        return "ChiCTR" + inner.upper()
    if kind == "drks":
        return "DRKS" + inner
    if kind == "ctri":
        return "CTRI" + inner
    if kind == "jrct":
        return inner if inner.startswith("jRCT") else None
    if kind == "umin":
        return "UMIN" + inner
    if kind in _PLAIN:
        return _PLAIN[kind] + (inner.lower() if kind == "rbr" else inner)
    if kind == "euctr":
        return "EudraCT:" + inner
    if kind == "pmid":
        return "PMID:" + str(int(inner))
    if kind == "doi":
        return _clean_doi(inner)
    return None


def find_ids(text: str, start: int = 0, end: int | None = None, *,
             lowered: str | None = None) -> Iterator[tuple[str, int, int]]:
    """Every identifier in ``text[start:end]`` as (canonical id, start, end) in text offsets, in order.

    ``lowered``: ``text.lower()`` when the caller has it already (used only when ``end`` is None).
    """
    stop = len(text) if end is None else end
    lower = lowered if lowered is not None and end is None else text[:stop].lower()
    if len(lower) != stop:
        # "İ" (Turkish) lower-cases to two characters: lower each character on its own so offsets stay the text's.
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text[:stop])
    found: list[tuple[int, str, int]] = []
    for pos, kind, pattern in _prefix_places(text, lower, start, stop):
        before = lower[pos - 1] if pos > 0 else " "
        ok = not before.isalnum() or (kind == "doi" and before in "./")
        m = pattern.match(text, pos, stop) if ok else None
        if m and kind == "nl" and not _NL_CONTEXT_RE.search(lower, max(0, pos - 150), pos):
            m = None  # a bare "NL" and digits (a postcode, a code) only counts where registry ids are listed
        if m:
            cid = _canonical(kind, m.group(0), m.group(1))
            if cid:
                found.append((pos, cid, m.end()))
    # The numeric pattern has no literal to search for, so the regex engine would try it at
    # every offset; its first hyphen sits four characters in, so try it only there. Matches
    # cannot overlap (each is preceded by neither digit nor hyphen), so this finds what
    # ``finditer`` finds, in the same order.
    hyphen = text.find("-", start + 4, stop)
    while hyphen >= 0:
        # (a year "19xx" or "20xx" before the hyphen, or no match: most hyphens are a word's)
        m = _NUMERIC_RE.match(text, hyphen - 4, stop) if text.startswith(("19", "20"), hyphen - 4) else None
        if m:
            if m.group(2) is not None:
                if m.group(1)[0] == "5":
                    found.append((m.start(), "CTIS:" + m.group(0), m.end()))
            else:
                found.append((m.start(), "EudraCT:" + m.group(0), m.end()))
        hyphen = text.find("-", hyphen + 1, stop)
    found.sort()
    for s, cid, e in found:
        yield cid, s, e


def _prefix_places(text: str, lower: str, start: int, stop: int) -> list[tuple[int, str, re.Pattern[str]]]:
    """Every place in ``[start, stop)`` where a prefix of :data:`_PREFIXED` is written (lower-case prefixes in
    ``lower``, capital ones in ``text``): (offset, kind, pattern), in no particular order.

    The prefixes holding "ct" (most of them) are found from one scan for "ct": the letter before it says which
    of them can stand there. No prefix can overlap another place of itself, so every place is found once.
    """
    places: list[tuple[int, str, re.Pattern[str]]] = []
    c = lower.find("ct", start, stop)
    while c >= 0:
        for prefix, k, kind, pattern in _CT_PREFIXES.get(lower[c - 1], _CT_AT_START) if c > 0 else _CT_AT_START:
            q = c - k
            if q >= start and lower.startswith(prefix, q, stop):
                places.append((q, kind, pattern))
        c = lower.find("ct", c + 2, stop)
    for prefix, kind, pattern in _OTHER_PREFIXES:
        # Short prefixes that occur inside ordinary words ("control", "online") are matched in
        # capitals only, as the registries write them.
        hay = text if prefix.isupper() else lower
        pos = hay.find(prefix, start, stop)
        while pos >= 0:
            places.append((pos, kind, pattern))
            pos = hay.find(prefix, pos + len(prefix), stop)
    n = text.find("N", start, stop)
    while n >= 0:  # (none of these prefixes can overlap another place of itself: each place is found once)
        for prefix, kind, pattern in _N_PREFIXES:
            if text.startswith(prefix, n, stop):
                places.append((n, kind, pattern))
        n = text.find("N", n + 1, stop)
    return places


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
    cid = _clean_doi(m.group(1))
    return (cid, m.start(1), m.end(1)) if cid else None


def is_trial_id(cid: str) -> bool:
    """True for identifiers issued by trial registries (not PMIDs or DOIs)."""
    return cid.startswith(TRIAL_PREFIXES)


# -- identifiers in exported fields (importers), registrations and publications (duplicates, studies)

# The trial registries' prefixes, and the older forms registry exports still give as secondary ids.
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
    return _clean_doi(match.group(1)) if match else None


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
