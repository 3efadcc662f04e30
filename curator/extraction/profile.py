"""The ``profile`` of a document: which source layout was recognised (a registry's record, an aggregator, a
PubMed abstract, a preprint...). Informative only: no field depends on it."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.textutil import is_foreign, is_site_helper

_PREPRINT_RE = re.compile(r"\b(?:medrxiv|biorxiv|preprint)\b")
_PROFILE_BY_ID = (("NCT", "ctgov-record"), ("ISRCTN", "isrctn-record"), ("ACTRN", "anzctr-record"),
                  ("ChiCTR", "chictr-record"), ("CTRI/", "ctri-record"), ("DRKS", "drks-record"),
                  ("jRCT", "jrct-record"), ("CTIS:", "ctis-record"), ("EudraCT:", "euctr-record"),
                  ("UMIN", "umin-record"))


def layout_profile(doc: Document, fields: dict[str, Any]) -> str:
    """Which source layout the document is (fields.md ``profile``: informative only)."""
    head = doc.lower if len(doc.text) <= 20000 else doc.text[:20000].lower()
    if doc.own_hits("iras") and ("rec name" in head or "research type" in head or "rec opinion" in head):
        return "hra-summary"
    lines = doc.lines
    if fields["kind"] == "trial":
        if _site_helpers(doc) >= 3:
            return "trial-aggregator"
        if "receive emails" in head or "research sites near you" in head or "clinical study identifier" in head:
            return "trial-finder"
        for cid in fields["ids"]:
            for prefix, name in _PROFILE_BY_ID:
                if cid.startswith(prefix):
                    return name
        return "registry-listing"
    if fields["kind"] == "article":
        foreign = 0
        for line in lines[:600]:
            if line.text and is_foreign(line.text):
                foreign += 1
                if foreign >= 3:
                    break
        if ("rxiv" in head or "preprint" in head) and _PREPRINT_RE.search(head):
            return "preprint"
        if foreign >= 3:
            return "article-aggregator"
        if any(i.startswith("PMID:") for i in fields["ids"]) or "pubmed" in head:
            return "pubmed-abstract"
        if fields["abstract"]:
            return "journal-abstract"
        return "bibliographic-entry"
    return "unknown"


def _site_helpers(doc: Document) -> int:
    """How many headings have a site's helper sentence right under them (counted up to three): an aggregator's page.
    Only the first line after each heading is looked at."""
    helpers = 0
    for hit in doc.hits[:200]:
        nxt = doc._next_nonblank(hit.line) if hit.value is None else None
        if nxt is not None and not doc.stop[nxt.idx] and is_site_helper(nxt.text):
            helpers += 1
            if helpers >= 3:
                break
    return helpers
