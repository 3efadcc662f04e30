"""The lead sponsor: under a sponsor label past its type words and sub-labels ("Primary sponsor type" /
"University" / "Name" / "Monash University", CTRI's "Name  X"), or on a line without a colon ("Sponsored by X")."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.address_cells import without_address_cells
from curator.extraction.labels import LABELS, norm_label
from curator.extraction.latin_part import english_part
from curator.extraction.layout import Document
from curator.extraction.scanned import OWN
from curator.extraction.textutil import has_foreign, is_chrome, is_foreign, is_site_helper
from curator.extraction.values import Spans

_SPONSOR_TYPES = frozenset({"other", "industry", "nih", "fed", "other_gov", "network", "indiv", "university",
                            "hospital", "commercial sector/industry", "government body", "charities/societies/foundations",
                            "lead", "collaborator", "sponsor", "n/a"})
_SPONSOR_PREFIX_RE = re.compile(
    r"^(?:name(?: of (?:the )?(?:primary )?sponsor)?|organi[sz]ation(?: name)?|institut(?:e|ion)|sponsor(?: organi[sz]ation)?"
    r"(?: name)?|lead sponsor|primary sponsor|name of organi[sz]ation(?: / entity)?)\s*(?:[:|\t]|\s{2,})\s*",
    re.I,
)


# A patient page's sentence: "The study is sponsored by the University of X and funded by Y."
_SPONSOR_SENTENCE_RE = re.compile(
    r"^(?:The\s+(?:study|trial|research)\s+is\s+(?:being\s+)?)?(?:sponsored|run|led|organi[sz]ed)\s+by\s+(?:the\s+)?"
    r"(.{3,120}?)(?:,?\s+(?:and|who)\s+(?:is\s+)?(?:funded|paid\s+for|supported)\b|\.(?:\s|$))", re.I)
# ISRCTN's "Organisation University of Leeds" (one space), and a funder listed after the sponsor
# ("X; Y (funder)").
_ONE_SPACE_PREFIX_RE = re.compile(r"^organi[sz]ation\s(?=[A-Z])", re.I)
_LISTED_FUNDER_RE = re.compile(r";\s*[^;]{3,120}\((?:funder|funding|financier)\)\s*$", re.I)


def lead_sponsor(doc: Document) -> tuple[str, Spans] | None:
    """The sponsor's name and evidence, else None."""
    hits = doc.own_hits("sponsor")
    for hit in sorted(hits, key=lambda h: not _names_sponsor(doc, h)) if len(hits) > 1 else hits:
        name = _sponsor(doc, hit)
        if name and len(name[1]) == 1 and has_foreign(name[0]) and doc.text.find(name[0], *name[1][0]) >= 0:
            # "上海中医药大学 Shanghai University of Traditional Chinese Medicine": the name in English.
            at = doc.text.find(name[0], *name[1][0])
            name = english_part(doc.text, at, at + len(name[0]))
        if name:
            return without_address_cells(doc, _tidy(name[0]), name[1]) if "   " in name[0] else (_tidy(name[0]), name[1])
    return _unlabelled_sponsor(doc)


def _names_sponsor(doc: Document, hit: Any) -> bool:
    """True when the label says sponsor ("Sponsor or person"), not only "Organization" (UMIN writes that under its
    contact, funding and review-board headings too): a sponsor's label is read first."""
    line = doc.lines[hit.line]
    return "ponsor" in doc.text[line.start:hit.value[0] if hit.value else line.end]


def _tidy(name: str) -> str:
    """The organisation of a sponsor sentence or of a line that also names its funder."""
    m = _SPONSOR_SENTENCE_RE.match(name) if "by " in name else None
    if m:
        return m.group(1).strip(" ,")
    name = _ONE_SPACE_PREFIX_RE.sub("", name)
    return _LISTED_FUNDER_RE.sub("", name).strip(" ;")


def _sponsor(doc: Document, hit: Any) -> tuple[str, Spans] | None:
    """The organisation under a sponsor label, past type words and sub-labels ("Name", "Organisation")."""
    if hit.value is not None:
        s, e = hit.value
        t = _SPONSOR_PREFIX_RE.sub("", doc.text[s:e]).strip(" ;|")
        if t and t.lower() not in _SPONSOR_TYPES and 3 <= len(t) <= 200:
            return t.split(" | ")[0].strip(), [[s, e]]
        if t and t.lower() not in _SPONSOR_TYPES:
            return None
        # "Primary sponsor type: University" / "Name: University of Sydney": the name is below.
    seen = 0
    for line in doc.lines[hit.line + 1: hit.line + 14]:
        raw = line.text.strip(" ;|")
        if not raw or is_chrome(raw) or is_foreign(raw) or is_site_helper(raw):
            continue
        seen += 1
        if seen > 6:
            break
        t = _SPONSOR_PREFIX_RE.sub("", raw).strip(" ;|")
        if t == raw:  # not "Name of sponsor: X" written inline
            norm = norm_label(raw)
            if _is_name_sublabel(norm) or LABELS.get(norm) == "sponsor":
                continue  # a sub-heading: the name follows
            if doc.stop[line.idx]:
                return None  # the next field's label: this sponsor is empty
        low = t.lower()
        if not t or low in _SPONSOR_TYPES or t.isdigit() or low.startswith("sponsor role"):
            continue
        if 3 <= len(t) <= 200:
            return t.split(" | ")[0].strip(), [[line.start, line.end]]
    return None


# "Sponsored by AstraZeneca", "Sponsor Memorial Sloan Kettering Cancer Center": a sponsor line without a colon.
_UNLABELLED_SPONSOR_RE = re.compile(r"^(?:Sponsored by|Lead [Ss]ponsor|Sponsor)\s+([A-Z][\w.,&'()/\- ]{1,120})$")
_ORG_WORD_RE = re.compile(r"^(?:[A-Z0-9][\w.&'()/\-]*,?|of|and|for|the|de|du|der|für|la|le|di|del|y|&|-|–)$")


# Words that make "Sponsor X" a heading ("Sponsor Details", "Sponsor Role"), not a sponsor's name.
_HEADING_WORDS = frozenset(("information", "details", "role", "contact", "contacts", "type", "name", "organisation",
                            "organization", "status", "address", "and", "or", "of", "(s)", "/"))


def _unlabelled_sponsor(doc: Document) -> tuple[str, Spans] | None:
    """The organisation named on a "Sponsored by X" line near the top, when its words are a name's (capitals and
    joining words only), not a sentence."""
    for line in doc.lines_holding(("Sponsor",), 150):
        m = _UNLABELLED_SPONSOR_RE.match(line.text)
        if m is None or doc.box[line.idx] != OWN or doc.stop[line.idx] or LABELS.get(norm_label(line.text)):
            continue  # "Sponsor Information": a heading
        name = m.group(1).strip()
        words = name.split()
        if words[0].lower() in _HEADING_WORDS:
            continue
        if len(words) <= 12 and all(_ORG_WORD_RE.match(w) for w in words) and not name.endswith("."):
            start = line.start + m.start(1)
            return name, [[start, start + len(name)]]
    return None


def _is_name_sublabel(norm: str) -> bool:
    """"Name", "Organisation name", "Name of organization / entity": a sub-heading, not the name itself."""
    return norm in _NAME_SUBLABELS or (len(norm) <= 40 and (norm.endswith(" name") or norm.startswith("name of")))


_NAME_SUBLABELS = frozenset(("name", "organisation", "organization", "institution", "institute", "entity",
                             "organisation/entity", "organization/entity", "sponsor organization", "sponsor level",
                             "sponsor organisation", "type", "primary sponsor"))
