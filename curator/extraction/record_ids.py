"""The record's own identifiers and the references it cites.

Every registry id, PMID, DOI and PMCID of the text is the record's own unless it stands in a box
about other records or a reference list, or (on a page numbered under its labels) in a sentence
about another study; the references box gives the references.
"""

from __future__ import annotations

import re
from itertools import takewhile
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.scanned import OWN, REF_BOX
from curator.extraction.textutil import clip, has_year, is_foreign
from curator.extraction.values import Spans, put
from curator.identifiers import find_ids, labelled_doi, labelled_iras, labelled_pmid

_REGISTRY_RE = re.compile(r"[A-Za-z]+")
_OWN_ID_WORDS_RE = re.compile(r"regist|also known|secondary|identifier|this (?:study|trial) is", re.I)
_PMCID_RE = re.compile(r"PMC(\d{5,9})\b")
# A line citing the record itself ("Citation: ...", "How to cite this article: ...").
_OWN_CITE_RE = re.compile(r"\bcit(?:e|ation)\b|this article", re.I)
# A journal citation's "2022;40(4):611-620" or "2020;75:100865": the line cites a publication.
# ISRCTN's rows of the trial's publications ("Protocol article   https://doi.org/..."): other works' numbers.
_PUBLICATION_ROWS = ("Protocol article", "Results article", "Protocol paper", "Results paper", "Interim results article",
                     "Other publications", "Publication citations")
_CITED_RE = re.compile(r"\b(?:19|20)\d\d(?: [A-Z][a-z]{2})?;\s?\d+(?:\(\d+\))?:\s?[A-Za-z]?\d+")


def _registry(cid: str) -> str:
    m = _REGISTRY_RE.match(cid)
    return m.group(0) if m else cid


def _is_prose(text: str) -> bool:
    return len(text) >= 80 and text.count(" ") >= 10


def _labelled_registry_ids(doc: Document) -> dict[str, str]:
    """The registry ids written under the record's id labels ("ClinicalTrials.gov Identifier: NCT..."), with
    their registry, when the label's value is a short one (not a sentence)."""
    out: dict[str, str] = {}
    for hit in doc.own_hits("ids"):
        lines = doc.value_lines(hit)[:3] if hit.value is not None else list(
            takewhile(lambda ln: not doc.stop[ln.idx], doc.lines[hit.line + 1:hit.line + 4]))
        for line in lines:
            if _is_prose(line.text):
                continue
            for cid, _s, _e in find_ids(line.text):
                if not cid.startswith(("PMID:", "DOI:")):
                    out[cid] = _registry(cid)
    return out


def _pmcids(doc: Document) -> list[tuple[int, str, int, int]]:
    """The record's own PubMed Central ids ("PMCID: PMC7137432"), outside boxes about other records."""
    out: list[tuple[int, str, int, int]] = []
    text = doc.text
    pos = text.find("PMC")
    while pos >= 0 and pos < 60000:
        m = _PMCID_RE.match(text, pos)
        if m and (pos == 0 or not text[pos - 1].isalnum()) and doc.box[doc.line_at(pos)] == OWN:
            out.append((pos, "PMCID:PMC" + m.group(1), pos, m.end()))
        pos = text.find("PMC", pos + 3)
    return out


def ids_and_references(doc: Document, fields: dict[str, Any]) -> None:
    """The record's own identifiers (document order) and the references in its references box."""
    ids: list[tuple[int, str, int, int]] = []
    refs: list[str] = []
    ref_spans: Spans = []
    # "Related publications: Smith J, et al. ... doi:10.x/y": a citation line, not the record's own ids.
    cite_lines = {h.line for h in doc.own_hits("references") if h.value is not None}
    every = list(find_ids(doc.text, lowered=doc.lower))
    registry_ids = {c for c, _s, _e in every if not c.startswith(("PMID:", "DOI:"))}
    # Only a page with two registry numbers, one of them in a sentence, can hold another study's.
    in_prose = len(registry_ids) >= 2 and any(
        c in registry_ids and _is_prose(doc.lines[doc.line_at(s)].text) for c, s, _e in every)
    labelled = _labelled_registry_ids(doc) if in_prose else {}
    first_registry = min((s for c, s, _e in every if c in registry_ids), default=len(doc.text))
    for cid, s, e in every:
        at = doc.line_at(s)
        box = doc.box[at]
        if box == OWN and cite_lines and at in cite_lines:
            box = REF_BOX
        if box == OWN and s > first_registry and cid.startswith(("PMID:", "DOI:")) and (
                doc.lines[at].text.startswith(_PUBLICATION_ROWS)
                or cid[0] == "P" and _CITED_RE.search(doc.lines[at].text)
                and not _OWN_CITE_RE.search(doc.lines[at].text)):  # (not "Cite this article: ...")
            box = REF_BOX  # a registry record's publications: "... J Hypertens. 2022;40(4):611-620. PMID: 35014523"
        if box == OWN and labelled and cid in registry_ids and cid not in labelled \
                and _is_prose(doc.lines[at].text) and not _OWN_ID_WORDS_RE.search(doc.lines[at].text):
            # "... who completed the induction studies NCT03104413 or NCT03105128": in a record numbered under
            # its labels, a registry number met in a sentence is another study's (unless the sentence
            # says it registers this one).
            continue
        if box == OWN and cid.startswith("DOI:") and any(i[1].startswith("DOI:") and i[1] != cid for i in ids) \
                and _is_prose(doc.lines[at].text) and not _OWN_CITE_RE.search(doc.lines[at].text):
            # "... in a previous trial (doi: 10.1016/j.jhep.2004.11.034).", "Editorial   Title   Author   N Engl J Med
            # 2024;390:1042   DOI: ...": after the record's own DOI, one cited in a sentence is another work's.
            continue
        if box == OWN:
            ids.append((s, cid, s, e))
        elif box == REF_BOX and cid not in refs:
            refs.append(cid)
            ref_spans.append([s, e])
    ids.extend(_pmcids(doc))
    for slot, reader in (("iras", labelled_iras), ("pmid", labelled_pmid), ("doi", labelled_doi)):
        for hit in doc.own_hits(slot):
            if slot == "pmid" and "Embase" in doc.text[:3000] and "unique" in doc.lines[hit.line].text.lower():
                continue  # Ovid Embase's "Unique Identifier" is its accession number, not a PMID
            for line in doc.value_lines(hit)[:3]:
                got = reader(line.text)
                if got and hit.value is None and got[2] - got[1] < len(line.text.strip()) - 8:
                    # "PubMed" (a site name) over "Lancet Oncol. 2020 Oct": a number inside a line is no PMID.
                    got = None
                if got:
                    cid, a, b = got
                    ids.append((line.start + a, cid, line.start + a, line.start + b))
                    break
    ids.sort()
    seen: list[str] = []
    spans: Spans = []
    for _, cid, s, e in ids:
        if cid not in seen:
            seen.append(cid)
            spans.append([s, e])
    put(fields, "ids", seen, spans)
    # Citations written out in the references box.
    cites: list[str] = []
    cite_spans: Spans = []
    for line in doc.lines if REF_BOX in doc.box else ():
        if doc.box[line.idx] == REF_BOX and len(line.text) >= 40 and has_year(line.text) \
                and not is_foreign(line.text):
            cites.append(clip(line.text, 500))
            cite_spans.append([line.start, line.end])
    put(fields, "references", cites + refs, cite_spans + ref_spans)
